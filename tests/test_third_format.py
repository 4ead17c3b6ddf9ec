"""A third format is one JSON file and no code change.

A synthetic province variant ("prov-2031", from 2031 on) is written to a temporary folder and
registered; then new, carry-forward, check, every page of the editor, and DOCX/PDF export run
on it.  It differs from gov-2021 where the code would otherwise have assumed a format: a table
and the rule on it are gone, a row and a section are relabelled, and the 信息处理费 form moves
from 六 to 五 — every one of those is read from the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from disclosure_desktop.cli import main as cli_main
from disclosure_desktop.core import formats
from disclosure_desktop.core.carry_forward import carry_forward
from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.formats import format_id_for_year, format_ids, get_format
from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import load_project, save_project

from tests.app.window_helpers import *  # noqa: F401,F403  (fixtures)
from tests.core.conftest import complete_report

ROOT = Path(__file__).resolve().parents[1]
FORMAT_ID = "prov-2031"
PUBLIC_LABEL = "（一）予以公开（全文公开）"
S5_TITLE = "五、存在的主要问题、改进情况及下年度工作安排"


def province_variant() -> dict:
    data = json.loads((ROOT / "resources" / "formats" / "gov-2021.json").read_text("utf-8"))
    data.update(id=FORMAT_ID, name="某省政府信息公开工作年度报告格式（试行）", issued_by="某省政务公开办〔2030〕1号",
                first_year=2031, last_year=None)
    data["tables"] = [t for t in data["tables"] if t["id"] != "s2_item8"]
    for section in data["sections"]:
        if "tables" in section:
            section["tables"] = [t for t in section["tables"] if t != "s2_item8"]
        if section["id"] == "s5":
            section["title"] = S5_TITLE
    data["rules"] = [r for r in data["rules"] if r.get("params", {}).get("table") != "s2_item8"]
    s3 = next(t for t in data["tables"] if t["id"] == "s3")
    next(r for r in s3["rows"] if r.get("id") == "public")["label"] = PUBLIC_LABEL
    capabilities = data["capabilities"]
    capabilities["fee_form"]["section"] = "s5"
    for draft in capabilities["narrative_drafts"]["drafts"]:
        draft["phrases"] = [p for p in draft.get("phrases", []) if p["table"] != "s2_item8"]
    return data


@pytest.fixture
def third_format(tmp_path):
    folder = tmp_path / "formats"
    folder.mkdir()
    (folder / f"{FORMAT_ID}.json").write_text(json.dumps(province_variant(), ensure_ascii=False), "utf-8")
    formats.register_format_folder(folder)
    yield get_format(FORMAT_ID)
    formats.unregister_format_folder(folder)


def test_the_file_alone_makes_the_format_known(third_format):
    assert FORMAT_ID in format_ids() and format_ids()[-1] == FORMAT_ID
    assert format_id_for_year(2031) == FORMAT_ID and format_id_for_year(2030) == "gov-2021"
    assert not third_format.has_table("s2_item8")
    assert third_format.capabilities.fee_form.section == "s5"


def test_new_carry_forward_and_check(third_format, tmp_path, capsys):
    assert cli_main(["new", "--year", "2031", "--agency", "某县教育局", "-o", str(tmp_path / "new.gknb")]) == 0
    assert load_project(tmp_path / "new.gknb").report.format == FORMAT_ID

    last = complete_report(2030)
    save_project(last, tmp_path / "2030.gknb")
    assert cli_main(["new", "--year", "2031", "--from", str(tmp_path / "2030.gknb"), "-o", str(tmp_path / "2031.gknb")]) == 0
    report = load_project(tmp_path / "2031.gknb").report
    assert report.format == FORMAT_ID and last.format == "gov-2021"
    assert report.value("s3", "carried_in", "natural") == last.value("s3", "carried_out", "natural") == 2
    assert report.previous.in_force == {"regulations": 0, "normative_docs": 0}

    direct = carry_forward(last, 2031)
    assert direct.tables == report.tables

    complete = complete_report(2031)
    assert complete.format == FORMAT_ID and check_report(complete) == []
    complete.set_value("s3", "public", "natural", 9)
    unbalanced = [f for f in check_report(complete) if f.severity == "error"]
    assert unbalanced and all(f.table == "s3" for f in unbalanced)
    capsys.readouterr()
    save_project(complete, tmp_path / "bad.gknb")
    assert cli_main(["check", str(tmp_path / "bad.gknb")]) == 1
    assert "三、收到和处理申请情况" in capsys.readouterr().out


def test_every_editor_page_of_the_third_format(third_format, window, tmp_path, qtbot):
    report = complete_report(2031)
    save_project(report, tmp_path / "2031.gknb")
    assert window.files.open_path(tmp_path / "2031.gknb")
    editor = window.editor
    seen = []
    for page_id in ["cover", *(s.id for s in third_format.sections), "check"]:
        editor.go_to(page_id)
        assert editor.current_page_id() == page_id
        seen.append(page_id)
    assert seen[1:-1] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert list(editor.page("s2").editors) == ["s2_item1", "s2_item5", "s2_item6"]
    assert editor.page("s5").fee_form is not None and editor.page("s6").fee_form is None
    s3_model = editor.page("s3").editors["s3"].model
    labels = [s3_model.headerData(r, Qt.Orientation.Vertical) for r in range(s3_model.rowCount())]
    assert PUBLIC_LABEL in labels


def test_docx_and_pdf_export_of_the_third_format(third_format, tmp_path):
    report = complete_report(2031)
    report.agency = "某省某县教育局"
    docx = export_report(report, tmp_path / "年报.docx").path
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert PUBLIC_LABEL in body and S5_TITLE in body and "行政事业性收费" not in body
    pdf = export_report(report, tmp_path / "年报.pdf").path
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "某省某县教育局" in text.replace(" ", "") and "改进情况及下年度工作安排" in text.replace(" ", "")
