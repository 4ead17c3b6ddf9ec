"""The draft mark says why a document is a draft: 「草稿：尚有n个错误」, or 「草稿」 for a clean
report the user exported as a draft — never 「未通过」 on a report whose check passes."""

from __future__ import annotations

import subprocess
import zipfile

import openpyxl
import pytest

from disclosure_desktop.core.checks import blocking_findings, check_report
from disclosure_desktop.export import export_report

from .conftest import filled_2021


def _texts(path) -> str:
    """Every piece of text a reader sees in the exported file, headers included."""
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))
    if path.suffix == ".xlsx":
        sheets = openpyxl.load_workbook(path).worksheets
        return "".join(s.oddHeader.center.text or "" for s in sheets)
    return path.read_text("utf-8")


@pytest.mark.parametrize("extension", ["pdf", "docx", "html", "xlsx"])
def test_draft_of_a_clean_report_is_just_a_draft(tmp_path, extension):
    report = filled_2021()
    assert not blocking_findings(check_report(report))
    result = export_report(report, tmp_path / f"r.{extension}", draft=True)
    text = _texts(result.path)
    assert "草稿" in text
    assert "未通过" not in text and "错误" not in text


@pytest.mark.parametrize("extension", ["pdf", "docx", "html", "xlsx"])
def test_draft_with_errors_says_how_many(tmp_path, extension):
    report = filled_2021()
    report.set_value("s3", "public", "natural", None)              # C5: a blank count
    report.set_value("s3", "new", "commercial", report.value("s3", "new", "commercial") + 1)  # C1
    errors = len(blocking_findings(check_report(report)))
    assert errors >= 2
    result = export_report(report, tmp_path / f"r.{extension}", draft=True)
    text = _texts(result.path)
    if extension == "pdf":
        text = "".join(text.split())
    assert f"草稿：尚有{errors}个错误" in text
    assert "未通过" not in text


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_docx_and_the_pdf_carry_the_same_draft_header(tmp_path, extension):
    """The DOCX and the PDF are the same document (issue 13): their draft line too."""
    report = filled_2021()
    report.set_value("s3", "new", "commercial", report.value("s3", "new", "commercial") + 1)  # C1
    errors = len(blocking_findings(check_report(report)))
    result = export_report(report, tmp_path / f"r.{extension}", draft=True)
    text = "".join(_texts(result.path).split())
    assert f"草稿：尚有{errors}个错误，不得作为正式文本印发或公开" in text
