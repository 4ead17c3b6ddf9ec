"""What an import reports: broken and blank printed totals, zeros written as / — or blanks, units,
cells it could not read, the format it decided on, and the exit codes that follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.core.computed import full_table
from disclosure_desktop.io.importer import describe, import_report
from disclosure_desktop.io.project_file import load_project
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page, printed_values, text_copy
from tests.io.import_fixtures.expect import assert_every_cell_accounted, cell_differences

SHANGHAI_2019 = Path(__file__).resolve().parents[1] / "real_reports" / "shanghai-bgt-2019.gknb"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- printed totals are checked, not trusted -------------------------------------------------------
@pytest.mark.parametrize("form", ["txt", "html", "docx"])
def test_broken_printed_totals_are_reported_with_both_values(tmp_path, form):
    report = distinct_report("gov-2021")
    s3, s4 = report.spec.table("s3"), report.spec.table("s4")
    right = {t.id: full_table(t, report.tables[t.id]) for t in (s3, s4)}
    # A blank cell vanishes from a text copy (its row would be unread), so there the total is wrong
    # instead of blank.
    s4_total = "77" if form == "txt" else ""
    printed = {"s3": {"results_total": {"natural": "999"}, "new": {"total": "1"}},
               "s4": {"suit_direct": {"total": s4_total}}}
    path = tmp_path / f"broken.{form}"
    if form == "txt":
        path.write_text(text_copy(report, printed=printed), encoding="utf-8")
    elif form == "html":
        path.write_text(html_page(report, printed=printed), encoding="utf-8")
    else:
        docx_copy(report, path, printed=printed)
    result = import_report(path)

    assert result.unread == []
    assert cell_differences(result.report, report) == []  # the project uses the computed totals
    assert result.stated_totals["s3"]["results_total"]["natural"] == 999
    found = {(f.table, f.row, f.column): (f.actual, f.expected) for f in result.total_findings}
    assert found == {
        ("s3", "results_total", "natural"): (999, right["s3"]["results_total"]["natural"]),
        ("s3", "new", "total"): (1, right["s3"]["new"]["total"]),
        ("s4", "suit_direct", "total"): (int(s4_total) if s4_total else None, right["s4"]["suit_direct"]["total"]),
    }
    text = describe(result)
    expected = right["s3"]["results_total"]["natural"]
    assert f"原文总计为999，按各项计算应为{expected}" in text
    suit = right["s4"]["suit_direct"]["total"]
    assert (f"原文总计为77，按各项计算应为{suit}" if s4_total else f"原文总计为空，按各项计算应为{suit}") in text
    assert "其中3个与各项之和不符或为空" in text


def test_project_stores_only_inputs(tmp_path):
    report = distinct_report("gov-2019")
    path = _write(tmp_path, "copy.txt", text_copy(report, printed={"s3": {"carried_out": {"total": "5"}}}))
    result = import_report(path)
    out = tmp_path / "out.gknb"
    assert main(["import", str(path), "-o", str(out)]) == 0
    stored = json.loads(out.read_text(encoding="utf-8"))
    assert "total" not in stored["tables"]["s3"]["new"]
    assert "results_total" not in stored["tables"]["s3"]
    assert load_project(out).stated_totals == {}
    assert [f.rule for f in result.total_findings] == ["C3"]


def test_real_report_with_blank_cells_and_yuan(tmp_path):
    """上海市人民政府办公厅2019年报 as printed (tests/real_reports): blank cells throughout table 三,
    blank 总计 in every result row, 采购总金额 printed as 251000元."""
    loaded = load_project(SHANGHAI_2019)
    report, stated = loaded.report, loaded.stated_totals
    printed = {table_id: {row_id: {c: "" if v is None else str(v) for c, v in cols.items()} for row_id, cols in rows.items()}
               for table_id, rows in stated.items()}
    printed["s2_item9"] = {"central_procurement": {"amount": "251000元"}}
    path = _write(tmp_path, "shanghai.html", html_page(report, printed=printed))
    result = import_report(path)
    assert_every_cell_accounted(result)
    assert result.unread == []
    imported = result.report

    assert imported.value("s2_item9", "central_procurement", "amount") == 25.1
    yuan = [a for a in result.assumptions if a.column == "amount"]
    assert len(yuan) == 1 and "251000元" in yuan[0].message and "25.1万元" in yuan[0].message

    # Each blank input cell is read as 0 and said so, cell by cell.
    blanks = {(t.id, r.id, c.id) for t in report.spec.tables for r, c in t.input_cells()
              if report.value(t.id, r.id, c.id) is None}
    assert len(blanks) == 113
    zeros = {(a.table, a.row, a.column) for a in result.assumptions if "空白" in a.message}
    assert zeros == blanks
    assert all(imported.value(*cell) == 0 for cell in blanks)

    # The eleven result rows with figures but a blank printed 总计 (worked out by hand in
    # tests/core/test_real_reports.py) are reported with the computed value.
    expected_c3 = {"public": 272, "partial": 3, "withheld_1": 14, "withheld_5": 5, "withheld_6": 4,
                   "withheld_8": 12, "unable_1": 265, "unable_2": 47, "unable_3": 25, "declined_1": 149,
                   "declined_2": 9}
    blank_totals = {f.row: f.expected for f in result.total_findings if f.actual is None and f.expected}
    assert blank_totals == expected_c3
    # No printed total that is there is wrong.
    assert [f for f in result.total_findings if f.actual is not None] == []


# --- zeros, units ----------------------------------------------------------------------------------
def test_slash_dash_and_blank_read_as_zero_and_reported(tmp_path):
    report = distinct_report("gov-2021")
    printed = {"s3": {"public": {"natural": "/", "commercial": "—", "research": ""}},
               "s4": {"review": {"upheld": "－"}}}
    for cell in (("s3", "public", "natural"), ("s3", "public", "commercial"), ("s3", "public", "research"),
                 ("s4", "review", "upheld")):
        report.set_value(*cell, 0)
    result = import_report(_write(tmp_path, "zeros.html", html_page(report, printed=printed)))
    assert result.unread == []
    assert cell_differences(result.report, report) == []
    notes = {(a.table, a.row, a.column): a.message for a in result.assumptions if a.table}
    assert notes == {("s3", "public", "natural"): "原文为“/”，按0读取",
                     ("s3", "public", "commercial"): "原文为“—”，按0读取",
                     ("s3", "public", "research"): "原文为空白，按0读取",
                     ("s4", "review", "upheld"): "原文为“－”，按0读取"}
    assert "「（一）予以公开」行「自然人」列：原文为“/”，按0读取" in describe(result)


def test_units_in_cells_and_in_headers(tmp_path):
    report = distinct_report("gov-2019")
    printed = {"s2_item9": {"central_procurement": {"amount": "73802895.90元"}},
               "s2_item1": {"normative_docs": {"total_published": "25件"}}}
    result = import_report(_write(tmp_path, "units.txt", text_copy(report, printed=printed)))
    assert result.unread == []
    assert result.report.value("s2_item9", "central_procurement", "amount") == 7380.28959
    assert result.report.value("s2_item1", "normative_docs", "total_published") == 25
    [note] = [a for a in result.assumptions if a.column == "amount"]
    assert note.message == "原文为“73802895.90元”，已由元换算为7380.28959万元"

    printed = {"s2_item9": {"central_procurement": {"amount": "160.5964万元"}}}
    result = import_report(_write(tmp_path, "wan.txt", text_copy(report, printed=printed)))
    assert result.report.value("s2_item9", "central_procurement", "amount") == 160.5964
    assert not [a for a in result.assumptions if a.column == "amount"]  # already the column's unit

    # gov-2021: a header that states 元 makes the bare numbers below it 元.
    report = distinct_report("gov-2021")
    text = text_copy(report, printed={"s2_item8": {"fees": {"amount_wan": "12345"}}})
    assert "本年收费金额（单位：万元）" in text
    text = text.replace("本年收费金额（单位：万元）", "本年收费金额(单位:元)")
    result = import_report(_write(tmp_path, "header-yuan.txt", text))
    assert result.report.value("s2_item8", "fees", "amount_wan") == 1.2345
    assert any(a.column == "amount_wan" and "表头单位为元" in a.message for a in result.assumptions)


# --- cells that cannot be read -------------------------------------------------------------------------
def test_a_row_with_a_value_missing_is_listed_not_guessed(tmp_path, capsys):
    report = distinct_report("gov-2021")
    text = text_copy(report, printed={"s3": {"withheld_3": {"research": ""}}})  # the copy lost one cell
    path = _write(tmp_path, "lost.txt", text)
    result = import_report(path)
    assert_every_cell_accounted(result)
    assert {(u.row, u.column) for u in result.unread} == {("withheld_3", c.id) for c in report.spec.table("s3").columns}
    assert all("有6个数值，应有7个" in u.reason for u in result.unread)
    assert result.exit_code == 1
    for column in report.spec.table("s3").columns:  # blank in the project, never a silent 0
        if not column.computed:
            assert result.report.value("s3", "withheld_3", column.id) is None
    # Everything else is still exact.
    others = [d for d in cell_differences(result.report, report) if d[1] not in ("withheld_3", "results_total")
              and d[2] != "total"]
    assert others == []

    # The totals over the unread row cannot be compared yet: listed, not reported as broken.
    s3 = report.spec.table("s3")
    assert sorted(result.unchecked_totals) == sorted(("s3", "results_total", c.id) for c in s3.columns)
    assert result.total_findings == []
    assert "暂无法核对" in describe(result)

    out = tmp_path / "lost.gknb"
    assert main(["import", str(path), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "未能读取（7项" in printed and "「3.危及“三安全一稳定”」行「科研机构」列" in printed
    assert load_project(out).report.value("s3", "withheld_3", "natural") is None  # written, with them listed


def test_a_missing_row_and_a_bad_value(tmp_path):
    report = distinct_report("gov-2019")
    text = text_copy(report, printed={"s2_item5": {"licensing": {"decisions": "-4"}}})
    text = text.replace("\n\n行政强制\n\n", "\n\n")  # the row label lost in copying
    result = import_report(_write(tmp_path, "missing.txt", text))
    assert_every_cell_accounted(result)
    reasons = {(u.table, u.row, u.column): u.reason for u in result.unread}
    assert reasons[("s2_item5", "licensing", "decisions")].startswith("原文“-4”无法读取：数量不能为负数")
    coercion = {k: v for k, v in reasons.items() if k[1] == "coercion"}
    assert len(coercion) == 3
    assert result.report.value("s2_item5", "licensing", "prev_count") == report.value("s2_item5", "licensing", "prev_count")


def test_missing_section_is_noted_and_its_cells_unread(tmp_path):
    report = distinct_report("gov-2019")
    text = text_copy(report)
    start = text.index("四、政府信息公开行政复议、行政诉讼情况")
    end = text.index("五、存在的主要问题及改进情况")
    result = import_report(_write(tmp_path, "no-s4.txt", text[:start] + text[end:]))
    assert_every_cell_accounted(result)
    assert {u.table for u in result.unread} == {"s4"} and len(result.unread) == 15
    assert all("没有找到「四、政府信息公开行政复议、行政诉讼情况」部分" in u.reason for u in result.unread)


# --- title, format, agency ------------------------------------------------------------------------
def test_format_from_the_tables_disagreeing_with_the_year(tmp_path):
    """A 2021 report written in the 2019 tables (a real, published mistake)."""
    report = distinct_report("gov-2019", year=2021)
    result = import_report(_write(tmp_path, "old-tables.txt", text_copy(report)))
    assert result.report.format == "gov-2019" and result.report.year == 2021
    assert result.source_format_note.startswith("注意：表格结构为") and "2021年度报告应使用" in result.source_format_note
    assert "C18" in {f.rule for f in result.findings}
    assert cell_differences(result.report, report) == []


def test_format_from_the_year_when_the_tables_say_nothing(tmp_path):
    report = distinct_report("gov-2021")
    text = text_copy(report)
    start, end = text.index("二、主动公开政府信息情况"), text.index("五、存在的主要问题及改进情况")
    result = import_report(_write(tmp_path, "no-tables.txt", text[:start] + text[end:]))
    assert result.report.format == "gov-2021"
    assert result.source_format_note.startswith("未能从表格结构判断格式")
    assert len(result.unread) == 200 and result.exit_code == 1


def test_title_with_the_year_first_and_a_government(tmp_path):
    report = distinct_report("gov-2021", agency="重庆市某某区人民政府")
    text = text_copy(report).replace(report.title, "2022年度重庆市某某区人民政府政府信息公开工作年度报告")
    result = import_report(_write(tmp_path, "gov.txt", text))
    assert result.report.agency == "重庆市某某区人民政府"
    assert result.report.front.agency_kind == "government"
    assert any("一级人民政府" in a.message for a in result.assumptions)


def test_unknown_agency_is_listed(tmp_path):
    report = distinct_report("gov-2019")
    text = text_copy(report).replace(report.title + "\n", "2019年政府信息公开工作年度报告\n")
    text = text.replace(f"\n\n{report.agency}\n\n", "\n\n")
    result = import_report(_write(tmp_path, "no-agency.txt", text))
    assert [u.where for u in result.unread] == ["机关全称"]
    assert result.exit_code == 1
    assert cell_differences(result.report, report) == []


@pytest.mark.parametrize("tail", [
    ["【打印本页】【关闭窗口】", "主办单位：重庆市某某区人民政府办公室　联系电话：023-12345678",
     "网站标识码5001010001　渝ICP备00000000号-1　渝公网安备50010102000001号"],
    ["微博", "微信", "部门街镇", "无障碍", "区县政府网站"],
], ids=["footer", "site-list"])
def test_page_chrome_after_the_last_section_is_cut(tmp_path, tail):
    """Without closing lines to stop at: the footer by its phrases, a site list as a run of link texts."""
    report = distinct_report("gov-2019")
    report.front.published_on = None
    text = text_copy(report, fold=False)
    text = text[:text.index("扫一扫在手机打开当前页")] + "\n\n".join(tail) + "\n"
    result = import_report(_write(tmp_path, "tail.txt", text))
    assert result.report.narrative["s6"] == report.narrative["s6"]


def test_a_missing_row_does_not_take_a_later_look_alike(tmp_path):
    """Row 2.其他法律行政法规禁止公开 lost in copying, and further down a stray line that reads
    like it: the search for the lost row stops at the next row's label, so only that row is unread
    (searching on would anchor it at the stray line and lose every row in between)."""
    report = distinct_report("gov-2021")
    values = printed_values(report, report.spec.table("s3"))
    text = text_copy(report, fold=False)
    row_text = "2.其他法律行政法规禁止公开\n\n" + "\n\n".join(
        pad for pad in text.split("2.其他法律行政法规禁止公开\n\n", 1)[1].split("\n\n")[:7])
    assert all(values["withheld_2"][c.id] in row_text for c in report.spec.table("s3").columns)
    text = text.replace(row_text + "\n\n", "", 1)
    text = text.replace("四、结转下年度继续办理", "其他法律行政法规禁止公开\n\n四、结转下年度继续办理", 1)
    result = import_report(_write(tmp_path, "look-alike.txt", text))
    assert {(u.table, u.row) for u in result.unread} == {("s3", "withheld_2")}
    assert len(result.unread) == 7
