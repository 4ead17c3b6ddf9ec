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


def is_unfilled(spec: Format, finding: Finding) -> bool:
    """A finding that something has not been filled yet (a blank cell, an empty section, a blank
    fee field): one of the format's `unfilled_rules` with no entered value behind it."""
    return (finding.rule in spec.capabilities.unfilled_rules and finding.actual is None
            and not finding.acknowledged)


CELL, SECTION, FIELD = "cell", "section", "field"


def unfilled_kind(finding: Finding) -> str:
    """What is left to fill: a table cell, a whole section, or another field (信息处理费)."""
    if finding.table and finding.row and finding.column:
        return CELL
    if finding.column is None:
        return SECTION
    return FIELD


@dataclass(frozen=True)
class FindingSplit:
    """The findings as the editor shows them: what is still to fill (neutral) and the problems."""

    to_fill: tuple[Finding, ...]
    problems: tuple[Finding, ...]

    def count(self, kind: str) -> int:
        return sum(1 for f in self.to_fill if unfilled_kind(f) == kind)

    def to_fill_summary(self) -> str:
        """「还有 166 个单元格、6 个部分、3 个填写项未填」, or "" when nothing is left."""
        parts = [f"{n} {unit}" for n, unit in ((self.count(CELL), "个单元格"), (self.count(SECTION), "个部分"),
                                               (self.count(FIELD), "个填写项")) if n]
        return f"还有 {'、'.join(parts)}未填" if parts else ""


def split_findings(spec: Format, findings: Iterable[Finding], full_check: bool) -> FindingSplit:
    """Until the user asks for the full check (检查), findings about what is not filled yet are
    listed as 未填, not as mistakes: a new report would otherwise open with 170-odd errors.  After
    the check, and for a final export (export_report checks everything), every finding counts."""
    findings = tuple(findings)
    if full_check:
        return FindingSplit((), findings)
    to_fill, problems = [], []
    for finding in findings:
        (to_fill if is_unfilled(spec, finding) else problems).append(finding)
    return FindingSplit(tuple(to_fill), tuple(problems))


@dataclass(frozen=True)
class PageState:
    status: str
    count: int = 0

    @property
    def badge(self) -> str:
        return _BADGES[self.status].format(n=self.count)


# The badge's words by status (read on every repaint of a navigator entry).
_BADGES = {EMPTY: "未填", FILLED: "已填", ERRORS: "{n} 个错误", WARNINGS: "{n} 个提示", BLANKS: "{n} 处未填",
           READY: "可以导出"}


def _section_is_empty(report: Report, section) -> bool:
    if section.kind == "narrative":
        return not report.narrative.get(section.id, "").strip()
    spec = report.spec
    return all(report.tables.get(t, {}).get(row.id, {}).get(column.id) is None
               for t in section.tables for row, column in spec.table(t).input_cells())


def page_states(report: Report, findings: Iterable[Finding], full_check: bool = False, *,
                split: "FindingSplit | None" = None) -> dict[str, PageState]:
    """The badge of every page, counting exactly what the problems panel lists for it: its open
    errors, else 未填 (an empty section) or how many places are left to fill, else its hints."""
    spec = report.spec
    split = split or split_findings(spec, findings, full_check)  # the caller's, when it has it
    by_page: dict[str, list[Finding]] = {}
    for finding in split.problems:
        if not finding.acknowledged:
            by_page.setdefault(page_of_finding(spec, finding), []).append(finding)
    to_fill: dict[str, list[Finding]] = {}
    for finding in split.to_fill:
        to_fill.setdefault(page_of_finding(spec, finding), []).append(finding)

    states: dict[str, PageState] = {}
    for page_id in page_ids(spec):
        if page_id == CHECK:
            errors = sum(1 for f in split.problems if f.severity == ERROR and not f.acknowledged)
            states[page_id] = (PageState(ERRORS, errors) if errors else
                               PageState(BLANKS, len(split.to_fill)) if split.to_fill else PageState(READY))
            continue
        mine, blanks = by_page.get(page_id, []), to_fill.get(page_id, [])
        errors = sum(1 for f in mine if f.severity == ERROR)
        warnings = sum(1 for f in mine if f.severity == WARNING)
        if errors:
            states[page_id] = PageState(ERRORS, errors)
        elif page_id != COVER and _section_is_empty(report, spec.section(page_id)):
            states[page_id] = PageState(EMPTY)
        elif blanks:
            states[page_id] = PageState(BLANKS, len(blanks))
        elif warnings:
            states[page_id] = PageState(WARNINGS, warnings)
        else:
            states[page_id] = PageState(FILLED)
    return states
