"""Unit reports for the review tests and bench: complete, balanced, with a narrative of their own.

Every report is built through the public model API from a seed, so a test can build the same
numbers again and add them up independently of review.rollup.
"""

from __future__ import annotations

import datetime as dt
import random

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.model import Report, new_report

# Common characters (U+4E00…U+62FF) make texts that share almost no 4-character run by chance.
_CJK = [chr(c) for c in range(0x4E00, 0x62FF)]


def narrative_text(rng: random.Random, paragraphs: int, length: int) -> str:
    lines = []
    for number in range(paragraphs):
        lines.append(f"（{'一二三四五六七八九十'[number % 10]}）{''.join(rng.choices(_CJK, k=6))}")
        lines.append("".join(rng.choices(_CJK, k=length)) + "。")
    return "\n".join(lines)


def unit_report(agency: str, year: int, seed: int, *, narrative_chars: int = 80, kind: str = "department") -> Report:
    """A report that passes every check on its own (no previous year)."""
    rng = random.Random(seed)
    report = new_report(year, agency, agency_kind=kind)
    fmt = report.spec
    for table in fmt.tables:
        for row, column in table.input_cells():
            report.set_value(table.id, row.id, column.id, rng.randint(0, 30))
    # C13 (gov-2019): the total published is never smaller than the newly published.
    for rule in fmt.rules:
        if rule.check == "not_less_than":
            p = rule.params
            table = fmt.table(p["table"])
            for row in table.data_rows:
                small = report.value(table.id, row.id, p["than"])
                report.set_value(table.id, row.id, p["column"], small + rng.randint(0, 30))
    # C14: no 规章 (a published page does not say whether the unit may make them).
    for rule in fmt.rules:
        if rule.check == "rulemaking_power":
            for column in fmt.table(rule.params["table"]).columns:
                if not fmt.table(rule.params["table"]).is_computed(rule.params["row"], column.id):
                    report.set_value(rule.params["table"], rule.params["row"], column.id, 0)
    # C1: 一 + 二 = 三（七）+ 四 per column; 上年结转 matches nothing outside the folder.
    s3 = fmt.table("s3")
    leaves = [r.id for r in s3.data_rows if r.level >= 1 and not s3.is_computed(r.id, s3.columns[0].id)]
    for column in s3.columns:
        if column.computed:
            continue
        results = sum(report.value("s3", r, column.id) for r in leaves)
        carried_out = rng.randint(0, 9)
        new = results + carried_out - report.value("s3", "carried_in", column.id)
        if new < 1:
            report.set_value("s3", "carried_in", column.id, 0)
            new = results + carried_out
        report.set_value("s3", "new", column.id, new)
        report.set_value("s3", "carried_out", column.id, carried_out)
    report.front.published_on = dt.date(year + 1, 1, 15)
    report.fees.notices, report.fees.amount_yuan, report.fees.collected_yuan = 1, 100, 100
    report.narrative = {s.id: narrative_text(rng, 3, narrative_chars) for s in fmt.narrative_sections}
    findings = check_report(report)
    assert not findings, [f.message for f in findings]
    return report


def next_year(last: Report, seed: int, **kwargs) -> Report:
    """The same unit's report of the following year, whose 上年结转 continues last year's (C10 holds)."""
    report = unit_report(last.agency, last.year + 1, seed, kind=last.front.agency_kind, **kwargs)
    s3 = report.spec.table("s3")
    for column in s3.columns:
        if column.computed:
            continue
        delta = last.value("s3", "carried_out", column.id) - report.value("s3", "carried_in", column.id)
        report.set_value("s3", "carried_in", column.id, last.value("s3", "carried_out", column.id))
        report.set_value("s3", "new", column.id, report.value("s3", "new", column.id) - delta)
        if report.value("s3", "new", column.id) < 0:  # keep counts ≥ 0: carry the rest out instead
            extra = -report.value("s3", "new", column.id)
            report.set_value("s3", "new", column.id, 0)
            report.set_value("s3", "carried_out", column.id, report.value("s3", "carried_out", column.id) + extra)
    if report.format == last.format:
        for rule in report.spec.rules:
            p = rule.params
            if rule.check == "in_force_continuity":  # C11: 现行有效 continues last year's
                for row in report.spec.table(p["table"]).data_rows:
                    last_count = last.value(p["table"], row.id, p["column"])
                    report.set_value(p["table"], row.id, p["minus"], 0)
                    report.set_value(p["table"], row.id, p["column"],
                                     last_count + report.value(p["table"], row.id, p["plus"]))
            elif rule.check == "project_count_continuity":  # C12
                for table_id in p["tables"]:
                    for row in report.spec.table(table_id).data_rows:
                        count = last.value(table_id, row.id, p["column"]) + last.value(table_id, row.id, p["change"])
                        report.set_value(table_id, row.id, p["column"], count)
    return report
