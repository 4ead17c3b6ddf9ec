"""检查与导出: what blocks a final export, the four export formats, the result, printing.

Exports go through export.export_report (the same path as the command line).  While an error
stands, only a draft (marked 草稿) can be exported; the page says why and lists the errors,
each a click away from the cell that causes it.  Coming to this page is the full check (检查):
from then on blanks are errors like any other (the document controller keeps that), where
before they were only 未填.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from ...core.checks import ERROR, Finding, blocking_findings
from ..shell.settings import last_folder, remember_folder
from .base import SectionPage
from ...core.section_state import CHECK, page_of_finding, page_short_title, split_findings
from ..document.session import ReportSession

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1

log = logging.getLogger(__name__)


def exporters() -> dict:
    """The export registry (imported on first use: the page must not slow down startup)."""
    from ...export import EXPORTERS

    return EXPORTERS


def print_renderer():
    """printing.print_document (imported on first use: it pulls in the PDF page layout)."""
    from .printing import print_document

    return print_document


class CheckExportPage(SectionPage):
    jumpRequested = Signal(object)  # Finding
    message = Signal(str)

    def __init__(self, session: ReportSession, prompter, settings, parent: QWidget | None = None):
        super().__init__(session, CHECK, parent)
        self.prompter = prompter
        self.settings = settings
        self.last_result = None

        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.body.addWidget(self.summary)
        self.blocking_list = QListWidget()
        self.blocking_list.setObjectName("blockingList")
        self.blocking_list.setWordWrap(True)
        self.blocking_list.setAccessibleName(self.tr("阻止正式导出的错误"))
        self.blocking_list.itemActivated.connect(lambda item: self.jumpRequested.emit(item.data(FINDING_ROLE)))
        self.blocking_list.itemClicked.connect(lambda item: self.jumpRequested.emit(item.data(FINDING_ROLE)))
        self.body.addWidget(self.blocking_list, 1)

        export_box = QGroupBox(self.tr("导出"))
        export_layout = QVBoxLayout(export_box)
        self.draft_check = QCheckBox(self.tr("导出为草稿（页面带“草稿”标记）"))
        export_layout.addWidget(self.draft_check)
        buttons = QGridLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for i, (suffix, exporter) in enumerate(exporters().items()):
            button = QPushButton(self.tr("导出为{label}（{suffix}）…").format(label=exporter.label, suffix=suffix))
            button.setObjectName(f"export_{exporter.format}")
            button.clicked.connect(lambda _=False, s=suffix: self.export_with_dialog(s))
            buttons.addWidget(button, i // 2, i % 2)
            self.export_buttons[suffix] = button
        export_layout.addLayout(buttons)
        print_row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("打印预览(&B)…"))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        for button in (self.preview_button, self.print_button):
            print_row.addWidget(button)
        print_row.addStretch(1)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_report)
        export_layout.addLayout(print_row)
        self.body.addWidget(export_box)

        self.result_box = QGroupBox(self.tr("导出结果"))
        result_layout = QVBoxLayout(self.result_box)
        self.result_label = QLabel()
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result_layout.addWidget(self.result_label)
        result_buttons = QHBoxLayout()
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹(&D)"))
        self.open_file_button = QPushButton(self.tr("打开文件"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_file_button.clicked.connect(self.open_file)
        result_buttons.addWidget(self.open_folder_button)
        result_buttons.addWidget(self.open_file_button)
        result_buttons.addStretch(1)
        result_layout.addLayout(result_buttons)
        self.result_box.hide()
        self.body.addWidget(self.result_box)
        self.body.addStretch(0)  # takes the room the error list leaves when there are no errors

        self._stale = False
        session.findingsChanged.connect(self._findings_changed)
        session.fullCheckChanged.connect(lambda _on: self._findings_changed())
        self.refresh()

    # --- the check ----------------------------------------------------------------------------
    def run_check(self) -> None:
        """检查: from now on every finding of the report shows as what it is, blanks included."""
        if not self.session.full_check:
            self.session.request_full_check()  # its signal refreshes this page
        elif self._stale or not self.isVisible():
            self.refresh()

    def _split(self):
        return self.session.split

    def blocking(self) -> list[Finding]:
        """The errors this page lists: after 检查 every one that blocks the final export."""
        return blocking_findings(self._split().problems)

    def _findings_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # refreshed when shown: typing elsewhere does not pay for this page

    def refresh(self) -> None:
        self._stale = False
        split = self._split()
        blocking = blocking_findings(split.problems)
        warnings = sum(1 for f in split.problems if f.severity != ERROR and not f.acknowledged)
        spec = self.session.report.spec
        # What is still to fill, counted the calm way, for the summary (after 检查 its findings are
        # among the errors listed).
        unfilled = (split if not self.session.full_check
                    else split_findings(spec, self.session.findings, False)).to_fill_summary()
        self.blocking_list.clear()
        for finding in blocking:
            where = page_short_title(spec, page_of_finding(spec, finding))
            # Most messages already begin with their section; others get it in front.
            text = finding.message if finding.message.startswith(where) else f"{where}：{finding.message}"
            item = QListWidgetItem(text)
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(self.tr("单击转到出错的位置"))
            self.blocking_list.addItem(item)
        self.blocking_list.setVisible(bool(blocking))
        if blocking:
            text = self.tr("还有 {n} 处错误，改正前只能导出带“草稿”标记的文本。单击下面的错误可转到出错位置。").format(n=len(blocking))
            if unfilled:
                text += self.tr("其中 {unfilled}。").format(unfilled=unfilled.removeprefix("还有 "))
        elif split.to_fill:
            text = self.tr("{unfilled}，填好前只能导出带“草稿”标记的文本。").format(unfilled=unfilled)
        else:
            text = self.tr("没有错误，可以导出正式文本。")
        if warnings:
            text += self.tr("另有 {n} 个提示，不影响导出，可在问题面板中查看或填写说明。").format(n=warnings)
        self.summary.setText(text)
        self.summary.setProperty("severity", "error" if blocking else "unfilled" if split.to_fill else "ok")
        self.summary.style().polish(self.summary)
        # A final export checks everything (export_report), blanks included.
        stands = bool(blocking or split.to_fill)
        self.draft_check.setChecked(stands or self.draft_check.isChecked() and self.draft_check.isEnabled())
        self.draft_check.setEnabled(not stands)
        self.draft_check.setToolTip(self.tr("有错误或未填项时只能导出草稿") if stands else "")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.run_check()  # coming to 检查与导出 is asking for the check

    # --- export -------------------------------------------------------------------------------
    def suggested_path(self, suffix: str) -> str:
        folder = last_folder(self.settings, "export", str(self.session.path.parent) if self.session.path else "")
        name = self.session.report.title + ("（草稿）" if self.draft_check.isChecked() else "") + suffix
        return str(Path(folder) / name) if folder else name

    def export_with_dialog(self, suffix: str) -> None:
        exporter = exporters()[suffix]
        path = self.prompter.save_file(self.window(), self.tr("导出年报"), self.suggested_path(suffix), exporter.file_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        remember_folder(self.settings, "export", path)
        self.export_to(path)

    def export_to(self, path: str | Path):
        """Export to `path` (format from the extension); shows and returns the result or None."""
        from ...export import ExportError, ExportRefused, export_report

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_report(self.session.report, path, draft=self.draft_check.isChecked(),
                                   previous=self.session.previous, stated_totals=self.session.stated_totals)
        except ExportRefused as error:
            QGuiApplication.restoreOverrideCursor()
            log.info("拒绝导出正式文本 %s：%s", path, error)
            self.prompter.warning(self.window(), self.tr("不能导出正式文本"), str(error))
            return None
        except ExportError as error:
            QGuiApplication.restoreOverrideCursor()
            log.warning("导出 %s 失败：%s", path, error)
            self.prompter.error(self.window(), self.tr("导出失败"), str(error))
            return None
        QGuiApplication.restoreOverrideCursor()
        log.info("已导出 %s（%s%s，%s 页）", result.path, result.format, "，草稿" if result.draft else "", result.pages or "-")
        self.show_result(result)
        self.message.emit(self.tr("已导出：{path}").format(path=result.path))
        return result

    def show_result(self, result) -> None:
        self.last_result = result
        lines = [self.tr("文件：{path}").format(path=result.path)]
        lines.append(self.tr("类型：{kind}{draft}").format(kind=result.format.upper(),
                                                        draft=self.tr("（草稿）") if result.draft else self.tr("（正式文本）")))
        if result.pages:
            lines.append(self.tr("页数：{n}").format(n=result.pages))
        if result.substituted_fonts:
            lines.append(self.tr("替代字体：{fonts}").format(fonts="；".join(result.substituted_fonts)))
        if result.draft and result.draft_reasons:
            lines.append(self.tr("草稿原因：{n} 处错误尚未改正").format(n=len(result.draft_reasons)))
        self.result_label.setText("\n".join(lines))
        self.result_box.show()

    def open_folder(self) -> None:
        if self.last_result:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.last_result.path).parent)))

    def open_file(self) -> None:
        if self.last_result:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path)))

    # --- printing -----------------------------------------------------------------------------
    def _document(self):
        from ...core.checks import check_report
        from ...export import build_document

        findings = check_report(self.session.report, self.session.previous, self.session.stated_totals)
        return build_document(self.session.report, findings, draft=bool(blocking_findings(findings)))

    def print_preview(self) -> None:
        renderer = print_renderer()
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self._document()
        dialog = QPrintPreviewDialog(printer, self.window())
        dialog.setWindowTitle(self.tr("打印预览"))
        dialog.paintRequested.connect(lambda p: self._print_on(renderer, document, p))
        self.prompter.run_dialog(dialog)

    def print_report(self) -> None:
        renderer = print_renderer()
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window())
        if self.prompter.run_dialog(dialog):
            pages = self._print_on(renderer, self._document(), printer)
            if pages:
                self.message.emit(self.tr("已送往打印机：{n} 页。").format(n=pages))

    def _print_on(self, renderer, document, printer) -> int:
        from ...export import ExportError

        try:
            return renderer(document, printer)
        except ExportError as error:
            log.warning("打印失败：%s", error)
            self.prompter.error(self.window(), self.tr("无法打印"), str(error))
            return 0

    # --- page interface ---------------------------------------------------------------------
    def focus_first(self) -> None:
        if self.blocking_list.isVisible() and self.blocking_list.count():
            self.blocking_list.setFocus()
            self.blocking_list.setCurrentRow(0)
        else:
            next((b for b in self.export_buttons.values() if b.isEnabled()), self.blocking_list).setFocus()
