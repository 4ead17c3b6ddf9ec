"""The legal publication deadline of a report, from its format (data, not code).

Whether a report was late is the checker's finding; this only names the date for the board.
"""

from __future__ import annotations

import datetime as dt

from ..core.checks import Finding
from ..core.model import Report


def legal_deadline(report: Report) -> dt.date | None:
    try:
        month_day = report.spec.publication_deadline(report.front.agency_kind)
    except KeyError:  # a format whose deadline rule names no date for this kind of agency
        return None
    return None if month_day is None else dt.date(report.year + 1, *month_day)


def is_late(report: Report, findings: list[Finding]) -> bool:
    rule_id = report.spec.capabilities.publication_deadline_rule
    return rule_id is not None and any(f.rule == rule_id for f in findings)
