"""The real published sample (a plain-text copy of a web page) imports to the bundled project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.io.importer import describe, import_report
from disclosure_desktop.io.project_file import load_project

from tests.io.import_fixtures.expect import assert_every_cell_accounted, assert_same_report, cell_differences

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = ROOT / "tests" / "samples" / "kaizhou-edu-2019.txt"
SAMPLE_PROJECT = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"


@pytest.fixture(scope="module")
def imported():
    return import_report(SAMPLE_TEXT)


@pytest.fixture(scope="module")
def expected():
    return load_project(SAMPLE_PROJECT).report


def test_all_198_cells_equal_the_bundled_project(imported, expected):
    assert imported.report.format == "gov-2019"
    assert imported.cell_count == 198
    assert len(imported.read_cells) == 198
    assert imported.unread == []
    assert cell_differences(imported.report, expected) == []
    assert_every_cell_accounted(imported)
    assert imported.report.value("s2_item9", "central_procurement", "amount") == 32.2
    assert imported.report.value("s2_item1", "normative_docs", "total_published") == 25


def test_narrative_without_chrome_and_with_chinese_punctuation(imported, expected):
    assert_same_report(imported, expected)
    text = "\n".join(imported.report.narrative.values())
    for chrome in ("扫一扫", "微博", "您当前的位置", "区县政府网站", "日期:"):
        assert chrome not in text
    assert "（一）建立政务公开组织机构" in imported.report.narrative["s1"]
    assert "," not in text and "(" not in text


def test_front_matter_and_previous(imported, expected):
    report = imported.report
    assert report.title == "重庆市开州区教育委员会2019年政府信息公开工作年度报告"
    assert report.front == expected.front  # published_on 2020-06-11 from the 日期: line
    assert report.previous is None  # an imported report is last year's report itself
    assert report.model_dump(exclude={"explanations"}) == expected.model_dump(exclude={"explanations"})


def test_import_report_names_the_source_and_checks(imported):
    text = describe(imported)
    assert "共198个，已读取198个，未能读取0个" in text
    # 总计 of 23 rows and （七）总计 of 7 columns in table 三 (one cell in both), 3 in table 四.
    assert "已核对32个总计，均等于各项之和" in text
    assert "中文全角标点" in text  # the restored punctuation is an assumption, and says so
    assert "[C20 提示]" in text  # published 2020-06-11, after 1月31日
    assert imported.source_format_note.startswith("表格结构为")


def test_cli_writes_the_project_and_exits_0(tmp_path, capsys):
    out = tmp_path / "imported.gknb"
    assert main(["import", str(SAMPLE_TEXT), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "已写入项目文件" in printed
    loaded = load_project(out)
    assert cell_differences(loaded.report, load_project(SAMPLE_PROJECT).report) == []


def test_cli_json(tmp_path, capsys):
    out = tmp_path / "imported.gknb"
    assert main(["import", str(SAMPLE_TEXT), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cells_total"] == data["cells_read"] == 198
    assert data["unread"] == [] and data["complete"] is True
    assert data["format"] == "gov-2019" and data["year"] == 2019
    assert data["published_on"] == "2020-06-11"
    assert [f["rule"] for f in data["findings"]] == ["C20"]
    assert data["exit_code"] == 0


def test_cli_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "imported.gknb"
    out.write_text("keep me", encoding="utf-8")
    assert main(["import", str(SAMPLE_TEXT), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(SAMPLE_TEXT), "-o", str(out), "--force"]) == 0
    assert load_project(out).report.year == 2019
