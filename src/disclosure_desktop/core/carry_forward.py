"""Next year's report from this year's: what carries over and what becomes the base of C10–C12, C21."""

from __future__ import annotations

from .model import PreviousYear, Report, new_report


def summarize_as_previous(report: Report) -> PreviousYear:
    """The part of `report` that next year's report is checked against."""
    tables = report.tables
    prev_count: dict[str, dict[str, int | None]] = {}
    change: dict[str, dict[str, int | None]] = {}
    for table in report.spec.tables:
        column_ids = {c.id for c in table.columns}
        if {"prev_count", "change"} <= column_ids:
            rows = tables.get(table.id, {})
            prev_count[table.id] = {r.id: rows.get(r.id, {}).get("prev_count") for r in table.data_rows}
            change[table.id] = {r.id: rows.get(r.id, {}).get("change") for r in table.data_rows}
    s3 = report.spec.table("s3")
    carried_out = tables.get("s3", {}).get("carried_out", {})
    in_force_table = tables.get("s2_item1", {}) if report.format == "gov-2021" else {}
    return PreviousYear(
        year=report.year,
        format=report.format,
        carried_out={c.id: carried_out.get(c.id) for c in s3.columns if not c.computed},
        in_force={row_id: cells.get("in_force") for row_id, cells in in_force_table.items()},
        prev_count=prev_count,
        change=change,
        narrative=dict(report.narrative),
    )


def carry_forward(last_year: Report, year: int | None = None) -> Report:
    """A new report for the year after `last_year`.

    Copies agency and front matter, sets 上年结转 from 结转下年度继续办理 per column, fills
    上一年项目数量 from last year's figures where both years use gov-2019, keeps last year's
    figures as the base of the cross-year checks, and copies the narrative as a draft that
    C21 flags until it is rewritten.
    """
    year = year or last_year.year + 1
    report = new_report(year, last_year.agency)
    front = last_year.front.model_copy(update={"period_start": None, "period_end": None, "published_on": None})
    report.front = front
    report.previous = summarize_as_previous(last_year)
    report.narrative = dict(last_year.narrative)

    s3 = report.spec.table("s3")
    for column in s3.columns:
        value = report.previous.carried_out.get(column.id)
        if value is not None and not s3.is_computed("carried_in", column.id):
            report.set_value("s3", "carried_in", column.id, value)

    if report.format == last_year.format == "gov-2019":
        for table_id, rows in report.previous.prev_count.items():
            for row_id, last_count in rows.items():
                last_change = report.previous.change.get(table_id, {}).get(row_id)
                if last_count is not None and last_change is not None:
                    report.set_value(table_id, row_id, "prev_count", last_count + last_change)
    return report
