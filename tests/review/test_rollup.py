"""汇总: the sums against an independent sum of the generated reports, the XLSX formulas
recomputed, the 汇总 document through the existing exporters."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from disclosure_desktop.core.computed import full_table
from disclosure_desktop.review import ReviewWorkspace
from disclosure_desktop.review.rollup_document import export_rollup_document
from disclosure_desktop.review.rollup_xlsx import FIRST_UNIT_ROW, TOTAL_LABEL, table_title, write_rollup_xlsx

from .conftest import YEAR


@pytest.fixture(scope="module")
def result(review_folder):
    return ReviewWorkspace(review_folder.path).refresh()


@pytest.fixture(scope="module")
def rollup(result):
    return next(r for r in result.rollups() if r.year == YEAR)


def summed_reports(review_folder, rollup):
    return [r for r in review_folder.reports.values() if r.year == YEAR and r.format == rollup.format]


def test_rollup_is_the_sum_of_the_units(review_folder, rollup):
    reports = summed_reports(review_folder, rollup)
    assert sorted(u.agency for u in rollup.units) == sorted(r.agency for r in reports)
    fmt = rollup.report.spec
    for table in fmt.tables:
        for row, column in table.input_cells():
            expected = sum(r.tables[table.id][row.id][column.id] for r in reports)
            assert rollup.tables[table.id][row.id][column.id] == expected, (table.id, row.id, column.id)
        # Totals are recomputed from the sums: each equals the sum of the units' own totals.
        totals = full_table(table, rollup.tables.get(table.id, {}))
        for row_id, column_id in table.computed_cells:
            expected = sum(full_table(table, r.tables[table.id])[row_id][column_id] for r in reports)
            assert totals[row_id][column_id] == expected


def test_other_years_and_unreadable_files_are_listed_not_summed(rollup):
    reasons = {e.unit.source: e.reason for e in rollup.excluded}
    assert reasons["旧/某县林业局2020.gknb"].startswith("年度不同")
    assert reasons["教育/某县教育局2022.gknb"].startswith("年度不同")
    assert reasons["某县交通局.gknb"] == reasons["某县商务局.html"] == "无法读取"
    assert other_format_listed(rollup)


def other_format_listed(rollup):
    from disclosure_desktop.review.rollup import rollup_for

    # A unit of the same year in the other format is listed as such.
    unit = next(u for u in rollup.units)
    fake = rollup_for([unit], rollup.year, next(f for f in ("gov-2019", "gov-2021") if f != rollup.format))
    return not fake.units and fake.excluded[0].reason.startswith("格式不同")


_SUM = re.compile(r"^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")


def evaluate(sheet, formula: str):
    """Recompute one =SUM(B4:B9) over the stored numbers (blank cells count as nothing)."""
    match = _SUM.match(formula)
    assert match, formula
    first, top, last, bottom = match.groups()
    assert first == last
    column = column_index_from_string(first)
    return sum(sheet.cell(row=r, column=column).value or 0 for r in range(int(top), int(bottom) + 1))


def test_xlsx_total_rows_recompute_to_the_rollup(tmp_path, rollup, result):
    path = write_rollup_xlsx(rollup, tmp_path / "汇总.xlsx", board=result.units)
    workbook = load_workbook(path)
    fmt = rollup.report.spec
    for table in fmt.tables:
        sheet = next(workbook[name] for name in workbook.sheetnames if name.startswith(table_title(rollup, table)[:25]))
        units = [sheet.cell(row=r, column=1).value for r in range(FIRST_UNIT_ROW, FIRST_UNIT_ROW + len(rollup.units))]
        assert units == [u.agency for u in rollup.units]
        total_row = FIRST_UNIT_ROW + len(rollup.units)
        assert sheet.cell(row=total_row, column=1).value == TOTAL_LABEL
        for index, (row, column) in enumerate(table.input_cells(), start=2):
            assert sheet.cell(row=3, column=index).value == column.label
            formula = sheet.cell(row=total_row, column=index).value
            assert evaluate(sheet, formula) == rollup.tables[table.id][row.id][column.id]
    # The 汇总 table in the official layout holds the same sums and the recomputed totals.
    s3 = fmt.table("s3")
    sheet = workbook[next(n for n in workbook.sheetnames if n.startswith("汇总 三"))]
    numbers = {cell.value for line in sheet.iter_rows() for cell in line if isinstance(cell.value, int)}
    totals = full_table(s3, rollup.tables["s3"])
    assert {totals[r.id][c.id] for r, c in s3.cells()} <= numbers
    assert {"审核情况", "未计入汇总"} <= set(workbook.sheetnames)


def test_rollup_document_through_the_exporters(tmp_path, rollup, qapp):
    # qapp: the PDF renderer would otherwise make a bare QGuiApplication, and a QApplication
    # (the window tests, later in this session) cannot be created after one.
    import docx

    export_rollup_document(rollup, tmp_path / "汇总.docx")
    document = docx.Document(tmp_path / "汇总.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "汇总" in text and all(u.agency in text for u in rollup.units)
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    s3 = rollup.report.spec.table("s3")
    grand = full_table(s3, rollup.tables["s3"])["new"]["total"]
    assert str(grand) in cells
    export_rollup_document(rollup, tmp_path / "汇总.pdf")
    assert (tmp_path / "汇总.pdf").read_bytes().startswith(b"%PDF")


def test_fees_are_summed_into_the_rollup_its_document_and_workbook(tmp_path, review_folder, rollup, qapp):
    """信息处理费 (section 六 of gov-2021) is part of what the level above adds up."""
    import docx

    reports = summed_reports(review_folder, rollup)
    expected = {name: sum(getattr(r.fees, name) for r in reports) for name in ("notices", "amount_yuan", "collected_yuan")}
    assert expected["notices"] == len(reports) >= 2
    assert {name: getattr(rollup.report.fees, name) for name in expected} == expected
    sentence = (f"信息处理费：各单位合计发出收费通知{expected['notices']}件，收费通知总金额{expected['amount_yuan']}元，"
                f"实际收取总金额{expected['collected_yuan']}元。")
    export_rollup_document(rollup, tmp_path / "汇总.docx")
    paragraphs = [p.text for p in docx.Document(tmp_path / "汇总.docx").paragraphs]
    assert sentence in paragraphs and "六、其他需要报告的事项" in paragraphs
    workbook = load_workbook(write_rollup_xlsx(rollup, tmp_path / "汇总.xlsx"))
    sheet = workbook[next(n for n in workbook.sheetnames if "信息处理费" in n)]
    total_row = FIRST_UNIT_ROW + len(rollup.units)
    assert [sheet.cell(row=r, column=1).value for r in range(FIRST_UNIT_ROW, total_row)] == [u.agency for u in rollup.units]
    assert [evaluate(sheet, sheet.cell(row=total_row, column=c).value) for c in (2, 3, 4)] == list(expected.values())
