"""The summary sheet of all units: one line per board row, for the reviewer's file and the level above."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..core.formats import get_format
from ..core.text import chinese_date
from ..export import write_bytes
from ..export.xlsx_export import BORDER, FONT_NAME, workbook_bytes
from .units import Unit

HEADER = ("单位", "年度", "格式", "类型", "来源文件", "状态", "错误", "提示", "公开日期", "法定期限", "是否逾期",
          "文字雷同", "说明")
WIDTHS = (30, 7, 22, 9, 30, 9, 6, 6, 15, 15, 9, 40, 40)


def copies_text(unit: Unit) -> str:
    parts = []
    for copy in unit.copies:
        section = unit.report.spec.section(copy.section).display_title
        whose = f"本单位{copy.other_year}年报告" if copy.own_last_year else f"{copy.other_agency}{copy.other_year}年报告"
        parts.append(f"{section}与{whose}{copy.share:.0%}相同")
    return "；".join(parts)


def remark(unit: Unit) -> str:
    if unit.missing:
        return "名册中有、文件夹中没有该单位的报告"
    if unit.error:
        return unit.error.replace("\n", " ")
    parts = []
    if unit.duplicate_of:
        parts.append(f"与“{unit.duplicate_of}”为同一单位同一年度，汇总时只计后者")
    if unit.roster_near:
        parts.append(f"名册中为“{unit.roster_name}”")
    if unit.unread_cells:
        parts.append(f"导入时有{unit.unread_cells}处未能读取")
    if unit.previous_source:
        parts.append(f"已与上年报告“{unit.previous_source}”核对")
    return "；".join(parts)


def summary_row(unit: Unit) -> tuple:
    date = unit.published_on
    return (unit.agency, unit.year, get_format(unit.format).name if unit.format else "", unit.agency_kind_name,
            unit.source, unit.status.value, unit.errors if unit.readable else "", unit.warnings if unit.readable else "",
            chinese_date(date) if date else "", chinese_date(unit.deadline) if unit.deadline else "",
            ("逾期" if unit.late else "按时") if date and unit.deadline else "", copies_text(unit) if unit.readable else "",
            remark(unit))


def write_summary_sheet(sheet, units: list[Unit], title: str) -> None:
    sheet["A1"] = title
    sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
    font = Font(name=FONT_NAME, size=11)
    bold = Font(name=FONT_NAME, size=11, bold=True)
    for column, (text, width) in enumerate(zip(HEADER, WIDTHS), start=1):
        cell = sheet.cell(row=3, column=column, value=text)
        cell.font, cell.border = bold, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.column_dimensions[cell.column_letter].width = width
    for offset, unit in enumerate(units):
        for column, value in enumerate(summary_row(unit), start=1):
            cell = sheet.cell(row=4 + offset, column=column, value=value)
            cell.font, cell.border = font, BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=column in (1, 5, 12, 13))
    sheet.freeze_panes = "B4"
    sheet.auto_filter.ref = f"A3:{sheet.cell(row=3, column=len(HEADER)).column_letter}{3 + len(units)}"


def write_summary_xlsx(units: list[Unit], path: Path | str, title: str = "年度报告审核情况汇总表") -> Path:
    workbook = Workbook()
    write_summary_sheet(workbook.active, units, title)
    workbook.active.title = "审核情况"
    write_bytes(Path(path), workbook_bytes(workbook))
    return Path(path)
