"""What goes back and what the command line says: letters, the summary sheet, --json, exit codes."""

from __future__ import annotations

import json
import shutil

import docx
import pytest
from openpyxl import load_workbook

from disclosure_desktop.cli import main
from disclosure_desktop.review import ReviewWorkspace
from disclosure_desktop.review.letters import write_letters
from disclosure_desktop.review.places import finding_place
from disclosure_desktop.review.summary import write_summary_xlsx

from .conftest import YEAR


@pytest.fixture(scope="module")
def result(review_folder):
    return ReviewWorkspace(review_folder.path, year=YEAR).refresh()


def docx_text(path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_one_letter_per_unit_with_findings_listing_each(tmp_path, result):
    written = write_letters(result.units, tmp_path)
    with_findings = [u for u in result.units if u.readable and u.open_findings]
    assert len(written) == len(with_findings) == 4
    for unit in with_findings:
        path = next(p for p in written if unit.agency in p.name)
        text = docx_text(path)
        assert f"关于{unit.agency}{YEAR}年政府信息公开工作年度报告的审核意见" in text.replace("\n", "")  # title lines by meaning
        for finding in unit.open_findings:
            assert finding.message in text
            place, row, column = finding_place(unit.report.spec, finding)
            assert place in text and row in text and column in text
    finance = docx_text(next(p for p in written if "财政局" in p.name))
    assert "「商业企业」列" in finance and "商业企业" in finance.split("\n")


def test_one_document_with_a_section_per_unit(tmp_path, result):
    [path] = write_letters(result.units, tmp_path, single=True)
    text = docx_text(path)
    for unit in result.units:
        assert (f"{unit.agency}（{unit.source}）" in text) == bool(unit.readable and unit.open_findings)


def test_summary_sheet_has_a_line_per_unit(tmp_path, result):
    path = write_summary_xlsx(result.units, tmp_path / "审核情况.xlsx")
    sheet = load_workbook(path).active
    rows = [[c.value for c in line] for line in sheet.iter_rows(min_row=4)]
    assert [(r[0], r[5]) for r in rows] == [(u.agency, u.status.value) for u in result.units]
    town = next(r for r in rows if r[0] == "某县城关镇人民政府")
    assert town[3] == "一级政府" and town[9] == f"{YEAR + 1}年3月31日" and town[10] == "按时"


def run(capsys, *args):
    code = main(["review", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_exactly_the_issue_shape(capsys, review_folder):
    code, out, _ = run(capsys, review_folder.path, "--year", YEAR, "--roster", review_folder.roster, "--json")
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"units", "rollups", "missing"}
    for unit in data["units"]:
        assert set(unit) == {"agency", "year", "format", "source", "status", "errors", "warnings", "findings"}
        for finding in unit["findings"]:
            assert set(finding) == {"rule", "severity", "table", "row", "column", "message"}
        assert unit["errors"] + unit["warnings"] == len(unit["findings"])
    statuses = {u["source"]: u["status"] for u in data["units"]}
    assert statuses["某县财政局.gknb"] == "有错误" and statuses["某县交通局.gknb"] == "无法读取"
    assert data["missing"] == ["某县卫生建康局", "某县水利局"]
    [rollup] = data["rollups"]
    assert (rollup["year"], rollup["format"], len(rollup["units"])) == (YEAR, "gov-2021", 6)
    from disclosure_desktop.core.formats import get_format

    fmt = get_format(rollup["format"])
    for table_id, rows in rollup["tables"].items():
        for row_id, columns in rows.items():
            for column_id in columns:
                assert not fmt.table(table_id).is_computed(row_id, column_id)  # input cells only
    reports = [r for r in review_folder.reports.values() if r.year == YEAR]
    assert rollup["tables"]["s3"]["new"]["natural"] == sum(r.value("s3", "new", "natural") for r in reports)


def test_exit_codes(capsys, tmp_path, review_folder):
    assert run(capsys, review_folder.path, "--year", YEAR)[0] == 1
    clean = tmp_path / "clean"
    clean.mkdir()
    for source in ("乡镇/城关镇.html", "某县民政局.docx"):
        shutil.copy(review_folder.path / source, clean)
    code, out, _ = run(capsys, clean)
    assert code == 0 and "通过 2" in out
    code, _, err = run(capsys, tmp_path / "没有这个文件夹")
    assert code == 2 and "找不到文件夹" in err
    (tmp_path / "空").mkdir()
    (tmp_path / "空" / "照片.png").write_bytes(b"x")
    code, _, err = run(capsys, tmp_path / "空")
    assert code == 2 and "没有年报文件" in err
    code, out, err = run(capsys, clean, "--roster", tmp_path / "没有.txt", "--json")
    assert code == 2 and "找不到名册" in err and json.loads(out)["exit_code"] == 2


def test_outputs_are_written(capsys, tmp_path, review_folder):
    code, out, _ = run(capsys, review_folder.path, "--year", YEAR, "--roster", review_folder.roster, "--accept-near",
                       "-o", tmp_path / "汇总.xlsx", "--letters", tmp_path / "意见")
    assert code == 1 and "未报送（1个）：某县水利局" in out
    assert (tmp_path / "汇总.xlsx").exists() and (tmp_path / "意见" / "审核情况汇总表.xlsx").exists()
    assert len(list((tmp_path / "意见").glob("审核意见-*.docx"))) == 4
    code, out, _ = run(capsys, review_folder.path, "--year", YEAR, "-o", tmp_path / "汇总.docx")
    assert (tmp_path / "汇总.docx").exists()


def test_letters_written_into_the_folder_are_not_read_as_units(tmp_path, review_folder):
    folder = tmp_path / "各单位"
    shutil.copytree(review_folder.path, folder)
    first = ReviewWorkspace(folder, year=YEAR).refresh()
    write_letters(first.units, folder / "审核意见")
    write_letters(first.units, folder, single=True)
    again = ReviewWorkspace(folder, year=YEAR).refresh()
    assert [u.source for u in again.all_units] == [u.source for u in first.all_units]


def test_a_rollup_exported_into_the_folder_is_passed_over_whatever_it_is_called(qapp, capsys, tmp_path, review_folder):
    """A 汇总 saved among the units' reports is no unit's report: read back, it would be listed as
    无法读取 (and the review would fail for it).  It is recognised by its title, in every format
    and under any name, and said to have been passed over."""
    folder = tmp_path / "各单位"
    shutil.copytree(review_folder.path, folder)
    first = ReviewWorkspace(folder, year=YEAR).refresh()
    exported = ["汇总.docx", "汇总.pdf", "汇总.html"]
    for name in exported:
        run(capsys, folder, "--year", YEAR, "-o", folder / name)
    (folder / "乡镇").mkdir(exist_ok=True)
    shutil.copy(folder / "汇总.docx", folder / "乡镇" / "新建文档.docx")  # renamed, in a subfolder
    again = ReviewWorkspace(folder, year=YEAR).refresh()
    assert [u.source for u in again.all_units] == [u.source for u in first.all_units]
    assert sorted(p.relative_to(folder).as_posix() for p in again.skipped) == sorted([*exported, "乡镇/新建文档.docx"])
    assert [len(r.units) for r in again.rollups()] == [len(r.units) for r in first.rollups()]
    code, out, _ = run(capsys, folder, "--year", YEAR)
    assert "已跳过本程序导出的汇总" in out and "新建文档.docx" in out
