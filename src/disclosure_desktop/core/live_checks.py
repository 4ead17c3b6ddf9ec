"""The findings of a report being edited, re-running only the rules an edit can affect.

The editor checks on every keystroke.  Each rule's findings are kept together with what the
rule read while producing them: which tables and which narrative sections.  An edit of table
`s3` then re-runs only the rules that read `s3` (or read every table), and the findings of the
others stay as they were.  What a rule reads is recorded as it runs, not declared per rule, so
a new rule or a new format needs nothing here; the record is taken anew on every run, so a rule
whose reads depend on the data (it stops early when a table is empty) is still re-run
whenever anything it looked at changes.

Anything else a rule may read — year, format, front matter, fees, explanations, the previous
year — changes only through a whole-report edit, after which every rule runs (`run_all`).
The result always equals `checks.check_report` on the same report (tests/core/test_live_checks.py).
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Mapping

from .carry_forward import summarize_as_previous
from .checks import CheckContext, Finding, StatedTotals, run_rule
from .computed import full_table
from .model import PreviousYear, Report

TABLES, NARRATIVE = "tables", "narrative"
EVERY = object()  # read key: the rule iterated the whole mapping

Inputs = Callable[[str], Mapping[str, Mapping[str, object]]]
Read = tuple[str, object]


class _Reads:
    """What the rule running now has read (one record per rule run)."""

    __slots__ = ("current",)

    def __init__(self):
        self.current: set[Read] = set()


class _RecordingMapping(Mapping):
    """A read-only view of one of the report's dicts that notes each key asked for."""

    __slots__ = ("_kind", "_get", "_keys", "_reads")

    def __init__(self, kind: str, get: Callable[[str], object], keys: Callable[[], Iterable[str]], reads: _Reads):
        self._kind, self._get, self._keys, self._reads = kind, get, keys, reads

    def __getitem__(self, key):
        self._reads.current.add((self._kind, key))
        value = self._get(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        self._reads.current.add((self._kind, key))
        value = self._get(key)
        return default if value is None else value

    def __contains__(self, key) -> bool:
        self._reads.current.add((self._kind, key))
        return self._get(key) is not None

    def __iter__(self) -> Iterator[str]:
        self._reads.current.add((self._kind, EVERY))
        return iter(list(self._keys()))

    def __len__(self) -> int:
        self._reads.current.add((self._kind, EVERY))
        return len(list(self._keys()))


class _RecordingReport:
    """The report as the checks see it: tables (with the live preview) and narrative recorded."""

    def __init__(self, report: Report, inputs: Inputs, reads: _Reads):
        self._report = report
        self.tables = _RecordingMapping(TABLES, lambda t: inputs(t) if t in report.tables else (inputs(t) or None),
                                        report.tables.keys, reads)
        self.narrative = _RecordingMapping(NARRATIVE, report.narrative.get, report.narrative.keys, reads)

    def __getattr__(self, name: str):
        return getattr(self._report, name)


class _RecordingContext(CheckContext):
    def __init__(self, report: _RecordingReport, previous, stated_totals, values: Callable[[str], dict], reads: _Reads):
        super().__init__(report, previous, stated_totals)  # type: ignore[arg-type]
        self._full_values = values
        self._reads = reads

    def values(self, table_id: str) -> dict[str, dict[str, object]]:
        self._reads.current.add((TABLES, table_id))
        if table_id not in self._values:  # the context lives for one update: the values stand
            self._values[table_id] = self._full_values(table_id)
        return self._values[table_id]


class LiveChecker:
    """Findings of `report`, kept up to date edit by edit.

    `inputs(table_id)` gives a table's input cells as the editor shows them (with a value being
    typed); `values(table_id)` its input and computed values (the editor's cache).  Both default
    to the report's own stored cells.
    """

    def __init__(self, report: Report, previous: Report | PreviousYear | None = None,
                 stated_totals: StatedTotals | None = None, *,
                 inputs: Inputs | None = None, values: Callable[[str], dict] | None = None):
        self.report = report
        self.previous = summarize_as_previous(previous) if isinstance(previous, Report) else previous
        self.stated_totals = stated_totals
        self._inputs = inputs or (lambda t: report.tables.get(t, {}))
        self._values = values or (lambda t: full_table(report.spec.table(t), self._inputs(t)))
        self._results: list[tuple[list[Finding], set[Read]]] = []
        self.findings: list[Finding] = []
        self.run_all()

    def run_all(self) -> list[Finding]:
        """Every rule (after an edit of anything but cells and narrative, or a change of format)."""
        context, reads = self._context()
        self._results = [self._run(context, reads, rule) for rule in self.report.spec.rules]
        return self._collect()

    def update(self, tables: Iterable[str] = (), narrative: Iterable[str] = ()) -> list[Finding]:
        """After the cells of `tables` or the text of `narrative` sections changed."""
        changed = {(TABLES, t) for t in tables} | {(NARRATIVE, s) for s in narrative}
        if not changed:
            return self.findings
        changed |= {(kind, EVERY) for kind, _ in changed}
        rules = self.report.spec.rules
        context = None
        for index, (_, read) in enumerate(self._results):
            if not read.isdisjoint(changed):
                if context is None:
                    context, reads = self._context()
                self._results[index] = self._run(context, reads, rules[index])
        return self._collect()

    def _context(self) -> tuple[_RecordingContext, _Reads]:
        reads = _Reads()
        return _RecordingContext(_RecordingReport(self.report, self._inputs, reads),
                                 self.previous or self.report.previous, self.stated_totals, self._values, reads), reads

    @staticmethod
    def _run(context: _RecordingContext, reads: _Reads, rule) -> tuple[list[Finding], set[Read]]:
        reads.current = set()
        return run_rule(context, rule), reads.current

    def _collect(self) -> list[Finding]:
        self.findings = [finding for findings, _ in self._results for finding in findings]
        return self.findings
