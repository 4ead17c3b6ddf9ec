"""Moving a report to another format (a wrong year, or an expert's deliberate choice).

Every cell whose table, row and column exist in both formats (as an input cell) is kept;
the others are dropped and described, so the user is told exactly what goes before agreeing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .formats import Format, get_format
from .model import FeeReport, Report
from .values import format_value


@dataclass(frozen=True)
class FormatSwitch:
    report: Report  # the report in the new format (a copy; the original is untouched)
    dropped: tuple[str, ...]  # one Chinese line per value that has no place in the new format, non-zero first


def _cell_name(spec: Format, table_id: str, row_id: str, column_id: str) -> str:
    table = spec.table(table_id)
    section = spec.section(table.section).display_title
    where = f"{section} {table.caption}" if table.caption else section
    return f"{where}「{table.row(row_id).label}」行「{table.column(column_id).label}」列"


def switch_format(report: Report, format_id: str) -> FormatSwitch:
    old, new = report.spec, get_format(format_id)
    switched = report.model_copy(deep=True)
    switched.format = format_id
    switched.tables = {}
    dropped: list[str] = []
    dropped_zeros: list[str] = []  # listed last: losing a 0 matters less than losing a figure
    for table_id, rows in report.tables.items():
        target = new.table(table_id) if new.has_table(table_id) else None
        for row_id, columns in rows.items():
            for column_id, value in columns.items():
                keeps = (target is not None and target.has_cell(row_id, column_id)
                         and not target.is_computed(row_id, column_id))
                if keeps:
                    switched.set_value(table_id, row_id, column_id, value)
                elif value is not None:
                    line = f"{_cell_name(old, table_id, row_id, column_id)}：{format_value(value)}"
                    (dropped if value != 0 else dropped_zeros).append(line)
    # 信息处理费 is reported only where the format has the fee form.
    if new.capabilities.fee_form is None and report.fees != FeeReport():
        old_form = old.capabilities.fee_form
        where = old.section(old_form.section).title if old_form else ""
        dropped.append(f"{where}中的信息处理费数字（新格式没有此项）" if where else "信息处理费数字（新格式没有此项）")
        switched.fees = FeeReport()
    return FormatSwitch(switched, tuple(dropped + dropped_zeros))
