"""The 汇总 workbook: the 汇总 tables in the official layout, then one sheet per official table
with one row per unit and a 合计 row of =SUM() formulas (so the level above can audit the sums
in Excel), the units not summed in, and the review summary."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Callable, NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..core.formats import Table
from ..core.model import FeeReport, Report
from ..export import write_bytes
from ..export.xlsx_export import BORDER, FONT_NAME, sheet_name, table_sections, write_sheet, workbook_bytes
from .rollup import Rollup
from .rollup_document import build_rollup_document
from .summary import write_summary_sheet
from .units import Unit

TOTAL_LABEL = "合计"
FIRST_UNIT_ROW = 4  # row 1 title, rows 2–3 the two-level header (row label over column label)


def table_title(rollup: Rollup, table: Table) -> str:
    section = rollup.report.spec.section(table.section).display_title
    return f"{section} {table.caption}" if table.caption else section


class UnitColumn(NamedTuple):
    """One column of a unit sheet."""

    group: str  # columns of one group stand together under its label
    group_label: str
    label: str
    value: Callable[[Report], object]  # the column's figure in a unit's report


def table_columns(table: Table) -> list[UnitColumn]:
    """The table's input cells, grouped under their row label."""
    return [UnitColumn(row.id, row.label, column.label,
                       lambda report, r=row.id, c=column.id, t=table.id: report.value(t, r, c))
            for row, column in table.input_cells()]


def fee_columns(section_title: str) -> list[UnitColumn]:
    """The 信息处理费 figures (report.fees), grouped under the section that asks for them."""
    return [UnitColumn("fees", section_title, field.description, lambda report, name=name: getattr(report.fees, name))
            for name, field in FeeReport.model_fields.items()]


def write_unit_sheet(sheet, rollup: Rollup, title: str, columns: list[UnitColumn]) -> None:
    """Units down, `columns` across (grouped under their labels), 合计 at the bottom."""
    font = Font(name=FONT_NAME, size=11)
    bold = Font(name=FONT_NAME, size=11, bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet["A1"] = f"{rollup.title}　{title}"
    sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
    sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    sheet.cell(row=2, column=1, value="单位").font = bold
    sheet.column_dimensions["A"].width = 32
    column = 2
    for _group, members in groupby(columns, key=lambda c: c.group):
        members = list(members)
        labels = [member.label for member in members]
        head = sheet.cell(row=2, column=column, value=members[0].group_label)
        if len(labels) > 1:
            sheet.merge_cells(start_row=2, start_column=column, end_row=2, end_column=column + len(labels) - 1)
        head.font = bold
        for offset, label in enumerate(labels):
            sheet.cell(row=3, column=column + offset, value=label).font = bold
            sheet.column_dimensions[get_column_letter(column + offset)].width = 12
        column += len(labels)
    last_column = column - 1
    for r in (2, 3):
        for c in range(1, last_column + 1):
            sheet.cell(row=r, column=c).alignment = center
            sheet.cell(row=r, column=c).border = BORDER
    sheet.row_dimensions[2].height = 45

    for index, unit in enumerate(rollup.units):
        r = FIRST_UNIT_ROW + index
        sheet.cell(row=r, column=1, value=unit.agency).font = font
        for offset, unit_column in enumerate(columns, start=2):
            sheet.cell(row=r, column=offset, value=unit_column.value(unit.report)).font = font
        for c in range(1, last_column + 1):
            sheet.cell(row=r, column=c).border = BORDER
    total_row = FIRST_UNIT_ROW + len(rollup.units)
    sheet.cell(row=total_row, column=1, value=TOTAL_LABEL).font = bold
    for c in range(2, last_column + 1):
        letter = get_column_letter(c)
        if rollup.units:
            formula = f"=SUM({letter}{FIRST_UNIT_ROW}:{letter}{total_row - 1})"
        else:
            formula = 0
        cell = sheet.cell(row=total_row, column=c, value=formula)
        cell.font = bold
    for c in range(1, last_column + 1):
        sheet.cell(row=total_row, column=c).border = BORDER
    sheet.freeze_panes = sheet.cell(row=FIRST_UNIT_ROW, column=2)


def write_excluded_sheet(sheet, rollup: Rollup) -> None:
    bold = Font(name=FONT_NAME, size=11, bold=True)
    sheet["A1"] = "未计入汇总的报告"
    sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
    for column, (text, width) in enumerate((("单位", 32), ("来源文件", 40), ("原因", 40)), start=1):
        sheet.cell(row=3, column=column, value=text).font = bold
        sheet.column_dimensions[get_column_letter(column)].width = width
    for index, excluded in enumerate(rollup.excluded):
        for column, value in enumerate((excluded.unit.agency, excluded.unit.source, excluded.reason), start=1):
            sheet.cell(row=4 + index, column=column, value=value).font = Font(name=FONT_NAME, size=11)


def rollup_workbook(rollup: Rollup, board: list[Unit] | None = None) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    document = build_rollup_document(rollup)
    for title, block, notes in table_sections(document):
        write_sheet(workbook.create_sheet(sheet_name(f"汇总 {title}", used)), document, title, block, notes)
    fmt = rollup.report.spec
    for table in fmt.tables:
        title = table_title(rollup, table)
        write_unit_sheet(workbook.create_sheet(sheet_name(title, used)), rollup, title, table_columns(table))
    section = fmt.fee_section()
    if section is not None:
        title = f"{section.display_title} 信息处理费"
        write_unit_sheet(workbook.create_sheet(sheet_name(title, used)), rollup, title, fee_columns(section.display_title))
    if rollup.excluded:
        write_excluded_sheet(workbook.create_sheet(sheet_name("未计入汇总", used)), rollup)
    if board:
        write_summary_sheet(workbook.create_sheet(sheet_name("审核情况", used)), board, "年度报告审核情况")
    workbook.properties.title = rollup.title
    return workbook


def write_rollup_xlsx(rollup: Rollup, path: Path | str, board: list[Unit] | None = None) -> Path:
    """Write the 汇总 workbook atomically; `board` adds the review summary sheet."""
    write_bytes(Path(path), workbook_bytes(rollup_workbook(rollup, board)))
    return Path(path)
