"""Developer preview of the table editors without the main window, and their screenshots.

    python scripts/table_preview.py [report.gknb] [--section s3] [--grab DIR]

Shows the editors of one section (the 二 sub-tables stacked with one label column width, as
the main window stacks them); with --grab it saves docs/images-style PNGs of every section
instead, offscreen if no display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from disclosure_desktop.io.project_file import load_project
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.app.tables.editor import TableEditor

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "kaizhou-edu-2019.gknb"


def section_widget(session: ReportSession, section_id: str) -> tuple[QWidget, list[TableEditor]]:
    """The editors of one section in a column, the 二 sub-tables aligned on one label width."""
    section = session.report.spec.section(section_id)
    page = QWidget()
    page.setAutoFillBackground(True)
    layout = QVBoxLayout(page)
    title = QLabel(section.title, page)
    title.setStyleSheet("font-weight: bold;")
    layout.addWidget(title)
    editors = [TableEditor(session, table_id, page) for table_id in section.tables]
    if len(editors) > 1:
        width = max(editor.label_width() for editor in editors)
        for editor in editors:
            editor.set_label_width(width)
    for editor in editors:
        layout.addWidget(editor, 0 if editor.sizePolicy().verticalPolicy() == editor.sizePolicy().Policy.Fixed else 1)
        layout.addSpacing(editor.fontMetrics().height() // 2)
    status = QLabel(page)
    status.setWordWrap(True)
    for editor in editors:
        editor.message.connect(status.setText)
    layout.addWidget(status)
    layout.addStretch(0 if any(e.model.rowCount() > 12 for e in editors) else 1)
    return page, editors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="表格编辑器预览")
    parser.add_argument("file", nargs="?", default=str(SAMPLE))
    parser.add_argument("--section", default="s3")
    parser.add_argument("--grab", metavar="DIR", help="保存各节表格截图到该目录后退出")
    parser.add_argument("--size", default="1100x640", help="截图尺寸，如 1100x640")
    parser.add_argument("--suffix", default="", help="截图文件名后缀，如 -150")
    args = parser.parse_args(argv)
    if args.grab and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = ReportSession(load_project(args.file).report)
    if not args.grab:
        page, _ = section_widget(session, args.section)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.resize(1100, 700)
        scroll.show()
        return app.exec()
    width, height = (int(n) for n in args.size.split("x"))
    folder = Path(args.grab)
    folder.mkdir(parents=True, exist_ok=True)
    for section in session.report.spec.sections:
        if section.kind != "tables":
            continue
        page, editors = section_widget(session, section.id)
        page.resize(width, max(height, page.sizeHint().height()) if section.id != "s3" else height)
        page.show()
        app.processEvents()
        target = folder / f"table-{section.id}{args.suffix}.png"
        page.grab().save(str(target))
        print(target)
        if section.id == "s3":
            target = folder / f"table-s3-typing{args.suffix}.png"
            grab_typing(app, editors[0], "12").save(str(target))
            print(target)
        page.close()
    return 0


def grab_typing(app: QApplication, editor: TableEditor, text: str):
    """Table 三 while a value is being typed (not yet committed): totals, marks and strip follow."""
    from PySide6.QtTest import QTest

    view = editor.view
    view.setFocus()
    editor.focus_cell(editor.model.rows[0].id, editor.model.columns[0].id)
    QTest.keyClicks(view, text[0])  # starts the cell editor, which takes the following keys
    QTest.keyClicks(view.focusWidget() or view, text[1:])
    app.processEvents()
    image = editor.window().grab()
    QTest.keyClick(view.focusWidget(), Qt.Key.Key_Escape)
    return image


if __name__ == "__main__":
    sys.exit(main())
