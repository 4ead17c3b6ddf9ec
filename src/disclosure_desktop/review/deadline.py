"""The legal publication deadline of a report, from its format's deadline rule (data, not code).

Whether a report was late is the checker's finding; this only names the date for the board.
"""

from __future__ import annotations

import datetime as dt

from ..core.checks import Finding
from ..core.formats import Rule
from ..core.model import Report

DEADLINE_CHECK = "publication_deadline"  # the check function of core.checks the rule names


def deadline_rule(report: Report) -> Rule | None:
    return next((rule for rule in report.spec.rules if rule.check == DEADLINE_CHECK), None)


def legal_deadline(report: Report) -> dt.date | None:
    rule = deadline_rule(report)
    if rule is None or report.front.agency_kind not in rule.params:
        return None
    month, day = map(int, rule.params[report.front.agency_kind].split("-"))
    return dt.date(report.year + 1, month, day)


def is_late(report: Report, findings: list[Finding]) -> bool:
    rule = deadline_rule(report)
    return rule is not None and any(f.rule == rule.id for f in findings)
