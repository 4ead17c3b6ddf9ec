"""The review of a folder: read every report in it, identify, check, compare — incrementally.

    ws = ReviewWorkspace(folder, year=2024, roster=load_roster("名单.xlsx"))
    result = ws.refresh(progress=callback, cancelled=event.is_set)   # from any thread
    result.units            # board rows (Unit), roster units that sent nothing included
    result.rollups()        # 汇总 per year and format (review.rollup)
    ws.refresh()            # later: only changed or added files are read again

`progress` is called after each file with a Progress (done, total, the unit as read and
checked on its own), so a GUI fills its board as the files come in; `cancelled` is polled
between files and a cancelled pass returns what was read so far (result.cancelled).
The checks are core.checks.check_report, with the unit's previous-year report from the folder
(C10–C12, C21) when the folder holds it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..core.checks import check_report
from ..core.formats import format_id_for_year
from ..io.importer.importer import UNKNOWN_AGENCY
from .cache import ReadCache, signature
from .copying import find_cross_copies, own_copies
from .deadline import is_late, legal_deadline
from .letters import LETTER_PREFIX
from .names import normalize_name
from ..io.project_file import PROJECT_EXTENSION
from .reading import KIND_ROLLUP, REVIEWED_SUFFIXES, ReadFile, read_file
from .roster import Roster, RosterMatch, match_roster
from .units import Unit

SKIPPED_NAMED = 3  # passed-over files named in the note; more are counted
MAX_FILES = 5000  # a folder with more reports than this is the wrong folder (a whole disk)


class ReviewFolderError(Exception):
    """The folder cannot be reviewed (missing, not a folder, unreadable, too big); str() is Chinese."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    path: Path
    unit: Unit          # as read and checked on its own (the final pass adds last year and copies)


@dataclass
class ReviewResult:
    folder: Path
    units: list[Unit]                       # the board: the reviewed year's files (all when no year), then missing
    year: int | None                        # the year the roster is checked against
    roster: RosterMatch | None = None
    all_units: list[Unit] = field(default_factory=list)  # every file of the folder, any year
    cancelled: bool = False
    files_read: int = 0                     # files read in this pass; the others came from the cache
    skipped: list[Path] = field(default_factory=list)  # 汇总 this program exported, found in the folder: passed over

    @property
    def skipped_note(self) -> str:
        """「已跳过本程序导出的汇总：2024年汇总.docx」, or "" when there was none."""
        if not self.skipped:
            return ""
        names = [p.relative_to(self.folder).as_posix() for p in self.skipped]
        listed = "、".join(names[:SKIPPED_NAMED]) + (f"等{len(names)}个文件" if len(names) > SKIPPED_NAMED else "")
        return f"已跳过本程序导出的汇总（不是单位的年报，不计入）：{listed}"

    @property
    def missing(self) -> list[str]:
        return list(self.roster.missing) if self.roster else []

    @property
    def exit_code(self) -> int:
        """0 every unit passes (warnings allowed), 1 any has errors, cannot be read or is missing."""
        bad = any(u.errors or not u.readable for u in self.units)
        return 1 if bad or self.missing else 0

    def rollups(self):
        from .rollup import rollups

        return rollups(self)


def scan_folder(folder: Path) -> list[Path]:
    """Every report file under `folder`, in a stable order; raises ReviewFolderError."""
    folder = Path(folder)
    if not folder.exists():
        raise ReviewFolderError(f"找不到文件夹“{folder}”。")
    if not folder.is_dir():
        raise ReviewFolderError(f"“{folder}”不是文件夹。请选择存放各单位年报的文件夹。")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise ReviewFolderError(f"没有读取文件夹“{folder}”的权限。")
    found: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            # ~$x.docx is Word's lock file of an open document, .x a hidden file: neither is a report.
            # 审核意见… are the letters this workspace wrote, not reports of the units.
            if (name.startswith(("~$", ".", LETTER_PREFIX))
                    or Path(name).suffix.lower() not in REVIEWED_SUFFIXES):
                continue
            found.append(Path(root) / name)
            if len(found) > MAX_FILES:
                raise ReviewFolderError(f"文件夹“{folder}”中的文件超过{MAX_FILES}个，请选择只存放年报的文件夹。")
    found.sort(key=lambda p: p.relative_to(folder).as_posix())
    if errors and not found:
        raise ReviewFolderError(f"读取文件夹“{folder}”失败（{errors[0].strerror or errors[0]}）。")
    return found


class ReviewWorkspace:
    def __init__(self, folder: Path | str, *, year: int | None = None, roster: Roster | None = None,
                 confirmed: set[str] | None = None):
        self.folder = Path(folder)
        self.year = year
        self.roster = roster
        self.confirmed: set[str] = set(confirmed or ())  # roster names whose near match was accepted
        self.cache = ReadCache()
        self._copy_memo: dict = {}  # copying: sampled n-grams of each narrative, kept between passes

    def refresh(self, progress: Callable[[Progress], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> ReviewResult:
        cancelled = cancelled or (lambda: False)
        paths = scan_folder(self.folder)
        self.cache.forget_missing(set(paths))
        reads_before = self.cache.reads
        units: list[Unit] = []
        skipped: list[Path] = []
        stopped = False
        for index, path in enumerate(paths):
            if cancelled():
                stopped = True
                break
            read = self.cache.get(path)
            if read is None:
                before = signature(path)
                read = read_file(path)
                self.cache.put(path, before, read)
            if read.kind == KIND_ROLLUP:  # a 汇总 saved into the folder is not summed in again
                skipped.append(path)
                continue
            unit = self._unit(path, read)
            units.append(unit)
            if progress is not None:
                progress(Progress(index + 1, len(paths), path, unit))
        _mark_duplicates(units)
        _check_with_folder(units)
        find_cross_copies(units, cancelled, self._copy_memo)
        year = self.year or max((u.year for u in units if u.year is not None), default=None)
        shown = [u for u in units if self.year is None or u.year in (None, self.year)]
        roster_match = None
        if self.roster is not None:
            candidates = [u for u in shown if u.duplicate_of is None and u.year in (None, year)]
            roster_match = match_roster(self.roster, candidates, self.confirmed)
            shown += [Unit(source="", path=None, agency=name, year=year,
                           format=format_id_for_year(year) if year else None)
                      for name in roster_match.unanswered]
        return ReviewResult(self.folder, shown, year, roster_match, units, stopped or cancelled(),
                            self.cache.reads - reads_before, skipped)

    def _unit(self, path: Path, read: ReadFile) -> Unit:
        source = path.relative_to(self.folder).as_posix()
        if not read.readable:
            return Unit(source, path, agency=path.stem, kind_name=read.kind_name, error=read.error)
        report = read.report
        agency = report.agency if report.agency != UNKNOWN_AGENCY else path.stem
        unit = Unit(source, path, agency=agency, year=report.year, format=report.format,
                    agency_kind=report.front.agency_kind, kind_name=read.kind_name, report=report,
                    stated_totals=read.stated_totals, notices=read.notices, unread_cells=read.unread_cells)
        unit.findings = list(read.findings)
        return unit


def _preference(unit: Unit) -> tuple:
    """Which of two files of one unit and year counts: the project file, then the newest."""
    try:
        mtime = unit.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (unit.path.suffix.lower() == PROJECT_EXTENSION, mtime)


def _mark_duplicates(units: list[Unit]) -> None:
    groups: dict[tuple[str, int], list[Unit]] = {}
    for unit in units:
        if unit.readable:
            groups.setdefault((normalize_name(unit.agency), unit.year), []).append(unit)
    for group in groups.values():
        if len(group) > 1:
            keep = max(group, key=_preference)
            for unit in group:
                if unit is not keep:
                    unit.duplicate_of = keep.source


def _check_with_folder(units: list[Unit]) -> None:
    """Check each unit again with its previous year's report from the folder (when there is one)."""
    index = {(normalize_name(u.agency), u.year): u for u in units if u.readable and u.duplicate_of is None}
    for unit in units:
        if not unit.readable:
            continue
        last = index.get((normalize_name(unit.agency), unit.year - 1))
        if last is not None:
            unit.previous_source = last.source
            unit.findings = check_report(unit.report, last.report, unit.stated_totals)
            own_copies(unit, lambda s, last=last: last.report.narrative.get(s, ""), last.year, last.source)
        elif unit.report.previous is not None:
            previous = unit.report.previous
            own_copies(unit, lambda s, previous=previous: previous.narrative.get(s, ""), previous.year, "")
        unit.deadline = legal_deadline(unit.report)
        unit.late = is_late(unit.report, unit.findings)
