"""检查与导出: blocking findings with jumps, export in every format through the save dialog,
the result shown, drafts while errors stand, printing through the PDF renderer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.pages.printing import print_document

from .window_helpers import *  # noqa: F401,F403  (fixtures)


@pytest.fixture
def check_page(window):
    window.files.open_sample()
    window.editor.go_to("check")
    return window, window.editor.page("check")


def test_clean_report_exports_final_docx_and_remembers_the_folder(check_page, prompter, tmp_path):
    window, page = check_page
    assert page.summary.text().startswith("没有错误，可以导出正式文本。")
    assert not page.blocking_list.isVisibleTo(page)
    assert not page.draft_check.isChecked() and page.draft_check.isEnabled()
    target = tmp_path / "out" / "年报"
    target.parent.mkdir()
    prompter.queue("save_file", str(target))
    page.export_buttons[".docx"].click()
    (_, suggested), = prompter.messages("save_file")
    assert suggested.endswith("重庆市开州区教育委员会2019年政府信息公开工作年度报告.docx")
    written = target.with_suffix(".docx")
    assert written.exists() and written.stat().st_size > 10_000
    assert page.result_box.isVisibleTo(page)
    assert str(written) in page.result_label.text() and "（正式文本）" in page.result_label.text()
    assert page.last_result.draft is False
    # The next export dialog starts in the folder used last.
    prompter.queue("save_file", None)
    page.export_buttons[".xlsx"].click()
    assert prompter.messages("save_file")[-1][1].startswith(str(target.parent))


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".xlsx"])
def test_every_format_is_offered_and_written(check_page, prompter, tmp_path, suffix):
    window, page = check_page
    button = page.export_buttons[suffix]
    assert button.isEnabled()
    prompter.queue("save_file", str(tmp_path / f"r{suffix}"))
    button.click()
    assert (tmp_path / f"r{suffix}").exists()
    assert page.last_result.format == suffix[1:]
    if suffix == ".pdf":
        assert page.last_result.pages >= 3 and f"页数：{page.last_result.pages}" in page.result_label.text()


def test_errors_block_a_final_export_and_jump_to_the_cell(check_page, prompter, tmp_path):
    window, page = check_page
    window.document.set_cells("s3", {("public", "legal_service"): 2})
    page.refresh()
    assert "还有" in page.summary.text() and "草稿" in page.summary.text()
    assert page.blocking_list.count() >= 1
    assert page.draft_check.isChecked() and not page.draft_check.isEnabled()
    item = page.blocking_list.item(0)
    finding = item.data(0x0101)
    assert finding.severity == "error"
    page.blocking_list.itemClicked.emit(item)
    assert window.editor.current_page_id() == "s3"
    editor = window.editor.page("s3").editors["s3"]
    assert editor.model.columns[editor.view.currentIndex().column()].id == finding.column
    assert QApplication.focusWidget() is editor.view

    window.editor.go_to("check")
    prompter.queue("save_file", str(tmp_path / "draft.docx"))
    page.export_buttons[".docx"].click()
    assert page.last_result.draft and "（草稿）" in page.result_label.text()
    assert "草稿原因" in page.result_label.text()


def test_a_failed_export_says_why(check_page, prompter, tmp_path):
    window, page = check_page
    folder = tmp_path / "一个文件夹.docx"
    folder.mkdir()
    assert page.export_to(folder) is None
    (title, message), = prompter.messages("error")
    assert title == "导出失败" and "文件夹" in message


def test_print_through_the_pdf_renderer(check_page, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    window, page = check_page
    assert page.print_button.isEnabled() and page.preview_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    pages = print_document(page._document(), printer)
    assert pages >= 3
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == pages
    # A page range from the print dialog is honoured.
    printer2 = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer2.setFromTo(2, 2)
    assert print_document(page._document(), printer2) == 1
    assert len(re.findall(rb"/Type\s*/Page(?!s)", (tmp_path / "page2.pdf").read_bytes())) == 1


def test_print_preview_and_print_go_through_the_dialog_hook(check_page, prompter, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    window, page = check_page
    seen = []

    def preview(dialog):
        seen.append(type(dialog).__name__)
        return False
    prompter.queue("run_dialog", preview)
    page.preview_button.click()

    def choose_pdf(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "via-dialog.pdf"))
        seen.append(type(dialog).__name__)
        return True
    prompter.queue("run_dialog", choose_pdf)
    page.print_button.click()
    assert seen == ["QPrintPreviewDialog", "QPrintDialog"]
    assert Path(tmp_path / "via-dialog.pdf").stat().st_size > 10_000


def test_a_new_report_is_checked_on_this_page_and_its_blanks_refuse_a_final_export(window, prompter, tmp_path):
    from disclosure_desktop.app.document.controller import DocumentController
    from disclosure_desktop.core.checks import blocking_findings
    from disclosure_desktop.core.model import new_report
    from disclosure_desktop.core.section_state import split_findings

    window.set_document(DocumentController(new_report(2025, "某某县教育局"), display_name="未命名"))
    document = window.document
    assert not document.full_check
    window.editor.go_to("check")  # coming here is 检查
    page = window.editor.page("check")
    assert document.full_check
    # Every blank is listed as an error that blocks the final export, and the summary says how
    # much of it is still to fill.
    assert page.blocking_list.count() == len(blocking_findings(document.findings)) == len(document.findings)
    unfilled = split_findings(document.report.spec, document.findings, False).to_fill_summary()
    assert f"还有 {len(document.findings)} 处错误" in page.summary.text()
    assert unfilled.removeprefix("还有 ") in page.summary.text()
    assert page.draft_check.isChecked() and not page.draft_check.isEnabled()

    # A final export asked for anyway (as the command line may) is refused and lists the blanks.
    page.draft_check.setEnabled(True)
    page.draft_check.setChecked(False)
    target = tmp_path / "年报.docx"
    assert page.export_to(target) is None
    (title, message), = prompter.messages("warning")
    assert title == "不能导出正式文本" and "未填写" in message
    assert not target.exists()


def test_before_the_check_the_page_counts_what_is_left_to_fill(qtbot, window):
    """A page built on a session nobody has checked yet (its document controller's flag off)
    calls blanks 未填, and a final export is still not offered."""
    from disclosure_desktop.app.pages.check_export import CheckExportPage
    from disclosure_desktop.app.document.session import ReportSession
    from disclosure_desktop.core.model import new_report

    session = ReportSession(new_report(2025, "某某县教育局"))
    page = CheckExportPage(session, window.prompter, window.settings)
    qtbot.addWidget(page)
    assert page.blocking_list.count() == 0 and page.blocking() == []
    assert page.summary.text().startswith("还有 166 个单元格、6 个部分、3 个填写项未填，填好前只能导出")
    assert page.draft_check.isChecked() and not page.draft_check.isEnabled()
