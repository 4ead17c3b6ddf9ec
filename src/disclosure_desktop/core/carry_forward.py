"""Next year's report from this year's: what carries over and what becomes the base of C10–C12, C21."""

from __future__ import annotations

import re

from .formats import format_id_for_year, get_format
from .model import PreviousYear, Report, new_report

_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")


def summarize_as_previous(report: Report) -> PreviousYear:
    """The part of `report` that next year's report is checked against: what its format says
    carries over (结转, 现行有效件数, 项目数量 and their change)."""
    tables, capabilities = report.tables, report.spec.capabilities
    carried_out: dict[str, int | None] = {}
    if (over := capabilities.carried_over) is not None:
        row = tables.get(over.table, {}).get(over.from_row, {})
        carried_out = {c.id: row.get(c.id) for c in report.spec.table(over.table).columns if not c.computed}
    in_force: dict[str, int | None] = {}
    if (force := capabilities.in_force) is not None:
        in_force = {row_id: cells.get(force.column) for row_id, cells in tables.get(force.table, {}).items()}
    prev_count: dict[str, dict[str, int | None]] = {}
    change: dict[str, dict[str, int | None]] = {}
    if (counts := capabilities.project_counts) is not None:
        for table_id in counts.tables:
            rows = tables.get(table_id, {})
            data_rows = report.spec.table(table_id).data_rows
            prev_count[table_id] = {r.id: rows.get(r.id, {}).get(counts.count_column) for r in data_rows}
            change[table_id] = {r.id: rows.get(r.id, {}).get(counts.change_column) for r in data_rows}
    return PreviousYear(year=report.year, format=report.format, carried_out=carried_out, in_force=in_force,
                        prev_count=prev_count, change=change, narrative=dict(report.narrative))


def carry_forward(last_year: Report, year: int | None = None) -> Report:
    """A new report for the year after `last_year`.

    Copies agency and front matter, sets 上年结转 from 结转下年度继续办理 per column, fills
    上一年项目数量 from last year's figures where both years' formats count projects, keeps last year's
    figures as the base of the cross-year checks, and copies the narrative as a draft that
    C21 flags until it is rewritten.
    """
    year = year or last_year.year + 1
    report = new_report(year, last_year.agency)
    front = last_year.front.model_copy(update={"period_start": None, "period_end": None, "published_on": None})
    report.front = front
    report.previous = summarize_as_previous(last_year)
    report.narrative = dict(last_year.narrative)

    capabilities = report.spec.capabilities
    if (over := capabilities.carried_over) is not None:
        table = report.spec.table(over.table)
        for column in table.columns:
            value = report.previous.carried_out.get(column.id)
            if value is not None and not table.is_computed(over.to_row, column.id):
                report.set_value(over.table, over.to_row, column.id, value)

    counts, last_counts = capabilities.project_counts, last_year.spec.capabilities.project_counts
    if counts is not None and last_counts is not None:
        for table_id, rows in report.previous.prev_count.items():
            if table_id not in counts.tables:
                continue
            for row_id, last_count in rows.items():
                last_change = report.previous.change.get(table_id, {}).get(row_id)
                if last_count is not None and last_change is not None:
                    report.set_value(table_id, row_id, counts.count_column, last_count + last_change)
    return report


def carry_forward_note(last_year: Report, year: int | None = None) -> str:
    """What carry_forward brings into the new year's report, in the words of its format — what
    the editor's dialog and the command line tell the user before and after."""
    year = year or last_year.year + 1
    spec = get_format(format_id_for_year(year))
    capabilities = spec.capabilities
    items = ["机关名称和封面信息"]
    if (over := capabilities.carried_over) is not None:
        table = spec.table(over.table)
        to_row, from_row = (_NUMBERING.sub("", table.row(r).label) for r in (over.to_row, over.from_row))
        items.append(f"“{to_row}”各列（取上年“{from_row}”）")
    counts, last_counts = capabilities.project_counts, last_year.spec.capabilities.project_counts
    if counts is not None and last_counts is not None:
        column = spec.table(counts.tables[0]).column(counts.count_column).label
        items.append(f"“{column}”（上年数量加上年增减）")
    items.append("正文草稿（须按本年度情况重写，否则会提示与上年雷同）")
    return f"将从{last_year.year}年度报告带入：" + "、".join(items) + "；上年数字用于跨年度核对。"
