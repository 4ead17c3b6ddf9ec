"""What the editor holds reaches the exporters only as a saved file could hold it: a lone
surrogate pasted into the text is cleaned (as saving cleans it), a report over the limits is
refused in Chinese with no file written."""

from __future__ import annotations

import zipfile

import pytest

from disclosure_desktop.core.model import new_report
from disclosure_desktop.export import ExportError, export_report


@pytest.mark.parametrize("suffix", ["docx", "html", "xlsx", "pdf"])
def test_a_lone_surrogate_from_the_editor_exports(tmp_path, suffix):
    report = new_report(2025, "某县教育局")
    report.agency = "某县\ud800教育局"  # as the editor sets it (assignment is not validated)
    report.narrative["s1"] = "本年度\udfff主动公开政府信息。"
    result = export_report(report, tmp_path / f"年报.{suffix}", draft=True)
    assert result.path.exists() and result.path.stat().st_size > 0
    if suffix == "docx":
        with zipfile.ZipFile(result.path) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "本年度\ufffd主动公开政府信息。" in body and "某县\ufffd教育局" in body
    assert report.narrative["s1"] == "本年度\udfff主动公开政府信息。"  # the report itself is left as it is


def test_a_report_over_the_limits_is_refused_and_writes_nothing(tmp_path):
    report = new_report(2025, "某县教育局")
    report.agency = "某" * 500  # the editor takes it; a file could not hold it
    with pytest.raises(ExportError) as caught:
        export_report(report, tmp_path / "年报.docx", draft=True)
    assert "无法导出" in str(caught.value) and "agency" in str(caught.value)
    assert list(tmp_path.iterdir()) == []
