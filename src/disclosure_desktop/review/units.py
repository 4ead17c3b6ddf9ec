"""A row of the board: one report file of one unit (or a unit of the roster that sent nothing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..core.checks import ERROR, Finding
from ..core.model import Report


class Status(str, Enum):
    PASSED = "通过"
    WARNINGS = "有提示"
    ERRORS = "有错误"
    UNREADABLE = "无法读取"
    MISSING = "未提交"


# The order a reviewer works through the board: worst first.
STATUS_ORDER = {Status.ERRORS: 0, Status.UNREADABLE: 1, Status.MISSING: 2, Status.WARNINGS: 3, Status.PASSED: 4}

AGENCY_KIND_NAMES = {"department": "部门", "government": "一级政府"}


@dataclass(frozen=True)
class Copy:
    """A narrative section that repeats another text: the unit's own last year or another unit's."""

    section: str          # section id
    share: float          # share of this text's n-grams found in the other (core.checks.similarity)
    other_agency: str
    other_year: int
    other_source: str     # the other file, relative to the folder ('' for the report's own `previous`)
    own_last_year: bool


@dataclass
class Unit:
    source: str                          # path relative to the folder ('' for a missing unit)
    path: Path | None
    agency: str
    year: int | None = None
    format: str | None = None
    agency_kind: str | None = None       # "department" | "government"
    kind_name: str = ""                  # 项目文件 / 网页 / Word 文档 …
    report: Report | None = None
    stated_totals: dict = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notices: tuple[str, ...] = ()
    unread_cells: int = 0
    error: str | None = None             # why the file could not be read
    previous_source: str | None = None   # the folder's file used as last year (C10–C12, C21)
    copies: list[Copy] = field(default_factory=list)
    duplicate_of: str | None = None      # another file of the same unit and year, preferred over this one
    roster_name: str | None = None       # the roster line this unit answers
    roster_near: bool = False            # matched only as a near name: to be confirmed
    deadline: dt.date | None = None
    late: bool = False

    @property
    def missing(self) -> bool:
        return self.path is None

    @property
    def readable(self) -> bool:
        return self.report is not None

    @property
    def open_findings(self) -> list[Finding]:
        """The findings still to be dealt with (an explained warning is dealt with)."""
        return [f for f in self.findings if not f.acknowledged]

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.open_findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity != ERROR for f in self.open_findings)

    @property
    def status(self) -> Status:
        if self.missing:
            return Status.MISSING
        if not self.readable:
            return Status.UNREADABLE
        if self.errors:
            return Status.ERRORS
        if self.warnings:
            return Status.WARNINGS
        return Status.PASSED

    @property
    def published_on(self) -> dt.date | None:
        return self.report.front.published_on if self.report else None

    @property
    def agency_kind_name(self) -> str:
        return AGENCY_KIND_NAMES.get(self.agency_kind or "", "")

    @property
    def first_problem(self) -> Finding | None:
        """Where the editor opens the unit: its first error, else its first warning."""
        open_ = self.open_findings
        return next((f for f in open_ if f.severity == ERROR), open_[0] if open_ else None)

    @property
    def copied_from_self(self) -> list[Copy]:
        return [c for c in self.copies if c.own_last_year]

    @property
    def copied_from_others(self) -> list[Copy]:
        return [c for c in self.copies if not c.own_last_year]
