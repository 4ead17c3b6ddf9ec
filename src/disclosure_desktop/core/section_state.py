"""The pages of the guided flow and the state badge of each (未填 / 已填 / n 个错误 / n 个提示).

Pure logic over the report and its findings (no Qt), so the navigator, the command line and the
review workspace all say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .checks import ERROR, WARNING, Finding
from .formats import Format
from .model import Report

COVER = "cover"
CHECK = "check"

EMPTY, FILLED, ERRORS, WARNINGS, BLANKS, READY = "empty", "filled", "errors", "warnings", "blanks", "ready"


def page_ids(spec: Format) -> list[str]:
    """封面信息, the six sections of the format in order, 检查与导出."""
    return [COVER, *(section.id for section in spec.sections), CHECK]


def page_title(spec: Format, page_id: str) -> str:
    if page_id == COVER:
        return "封面信息"
    if page_id == CHECK:
        return "检查与导出"
    return spec.section(page_id).title


def page_short_title(spec: Format, page_id: str) -> str:
    """For the navigator and messages: the format's short title where it gives one."""
    if page_id in (COVER, CHECK):
        return page_title(spec, page_id)
    return spec.section(page_id).display_title


def page_of_finding(spec: Format, finding: Finding) -> str:
    """The page where a finding is fixed: its section, its table's section, else the cover."""
    if finding.section:
        return finding.section
    if finding.table:
        return spec.table(finding.table).section
    return COVER


def is_blank_cell(spec: Format, finding: Finding) -> bool:
    """A blank cell found by the format's blank-cell rule: a cell still to fill, not a mistake."""
    return (finding.rule == spec.capabilities.blank_cell_rule and finding.actual is None
            and finding.table is not None)


@dataclass(frozen=True)
class PageState:
    status: str
    count: int = 0

    @property
    def badge(self) -> str:
        return {
            EMPTY: "未填",
            FILLED: "已填",
            ERRORS: "{n} 个错误",
            WARNINGS: "{n} 个提示",
            BLANKS: "{n} 格未填",
            READY: "可以导出",
        }[self.status].format(n=self.count)


def _section_is_empty(report: Report, section) -> bool:
    if section.kind == "narrative":
        return not report.narrative.get(section.id, "").strip()
    spec = report.spec
    return all(report.tables.get(t, {}).get(row.id, {}).get(column.id) is None
               for t in section.tables for row, column in spec.table(t).input_cells())


def page_states(report: Report, findings: Iterable[Finding]) -> dict[str, PageState]:
    spec = report.spec
    open_findings = [f for f in findings if not f.acknowledged]
    by_page: dict[str, list[Finding]] = {}
    for finding in open_findings:
        by_page.setdefault(page_of_finding(spec, finding), []).append(finding)

    states: dict[str, PageState] = {}
    for page_id in page_ids(spec):
        if page_id == CHECK:
            blocking = sum(1 for f in open_findings if f.severity == ERROR)
            states[page_id] = PageState(ERRORS, blocking) if blocking else PageState(READY)
            continue
        mine = by_page.get(page_id, [])
        blanks = sum(1 for f in mine if is_blank_cell(spec, f))
        errors = sum(1 for f in mine if f.severity == ERROR and not is_blank_cell(spec, f))
        warnings = sum(1 for f in mine if f.severity == WARNING)
        if page_id != COVER and _section_is_empty(report, spec.section(page_id)):
            states[page_id] = PageState(EMPTY)
        elif errors:
            states[page_id] = PageState(ERRORS, errors)
        elif blanks:
            states[page_id] = PageState(BLANKS, blanks)
        elif warnings:
            states[page_id] = PageState(WARNINGS, warnings)
        else:
            states[page_id] = PageState(FILLED)
    return states
