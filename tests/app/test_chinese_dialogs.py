"""Every string of Qt's own dialogs the app shows (file dialogs, message boxes, print preview,
standard buttons, context menus) is Chinese: each lookup is recorded and must be translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox

from disclosure_desktop.app.main import create_application

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Not words to translate: file-type names and paper sizes are international as they are.
INTERNATIONAL = {("QPageSize", "A4"), ("QMimeType", "TOML document")}
# Key names (Ctrl, Alt+Left, Backtab …) are shown as on the keyboard; QT_LAYOUT_DIRECTION is a switch.
NOT_WORDS = {"QShortcut", "QGuiApplication"}
KEY_SEQUENCE = re.compile(r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+\w+")


class Recorder(QTranslator):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.seen: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.seen.add((context, source))
        return None  # not translated here: the installed translators answer

    def isEmpty(self) -> bool:
        return False


def test_qt_dialog_strings_are_all_chinese(qtbot):
    app = create_application()
    recorder = Recorder(app)
    app.installTranslator(recorder)
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "选择文件")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            qtbot.addWidget(dialog)
            dialog.show()
            QCoreApplication.processEvents()
        box = QMessageBox(QMessageBox.Icon.Question, "标题", "内容")
        box.setDetailedText("详情")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        box.show()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Yes
                                   | QDialogButtonBox.StandardButton.No | QDialogButtonBox.StandardButton.Close)
        line = QLineEdit()
        menu = line.createStandardContextMenu()
        printer = QPrinter()  # kept: the preview paints on it, and must not outlive it
        preview = QPrintPreviewDialog(printer)
        qtbot.addWidget(preview)
        preview.show()
        QCoreApplication.processEvents()
        preview.close()
        del buttons, menu, line
    finally:
        app.removeTranslator(recorder)
    assert len(recorder.seen) > 50  # the recorder saw the dialogs' strings
    english = sorted((context, source) for context, source in recorder.seen
                     if LATIN_WORD.search(QCoreApplication.translate(context, source))
                     and (context, source) not in INTERNATIONAL and "%" not in source
                     and context not in NOT_WORDS and not KEY_SEQUENCE.fullmatch(source))
    assert english == [], english
    untranslated_to_nothing = [(c, s) for c, s in recorder.seen if s and not QCoreApplication.translate(c, s)]
    assert untranslated_to_nothing == []
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&I)："
    assert QCoreApplication.translate("某处", "原文") == "原文"  # what no translator knows stays as written
