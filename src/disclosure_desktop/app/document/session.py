"""One open report: the model, its undo stack and its findings.

Every edit of the UI goes through a session method that pushes a QUndoCommand, so undo/redo
covers cells, pastes, fills, narrative and front matter alike.  While a cell is being typed in,
`set_preview` overlays the uncommitted value so totals and findings follow every keystroke.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.checks import Finding, StatedTotals
from ...core.section_state import FindingSplit, split_findings
from ...core.computed import full_table
from ...core.live_checks import LiveChecker
from ...core.model import PreviousYear, Report

CellKey = tuple[str, str]  # (row id, column id)


class ReportSession(QObject):
    tableChanged = Signal(str)  # table id: input values (or the preview) changed, totals follow
    narrativeChanged = Signal(str)  # section id
    metaChanged = Signal()  # agency, year, format, front matter, fees, explanations
    findingsChanged = Signal()
    pathChanged = Signal()
    # Emitted before metaChanged/tableChanged when an edit (or its undo) changes the format, so
    # views built for the old format's tables can be taken down before they are told to refresh.
    formatChanged = Signal()
    # The user asked for the full check (检查): from then on what is not filled yet shows as
    # errors too, not as 未填 (core.section_state.split_findings).  Not saved: a report opened
    # again starts calm.
    fullCheckChanged = Signal(bool)

    def __init__(self, report: Report, path: Path | None = None, *,
                 previous: Report | PreviousYear | None = None,
                 stated_totals: StatedTotals | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.report = report
        self.path = Path(path) if path else None
        self.previous = previous
        self.stated_totals = stated_totals
        self.undo_stack = QUndoStack(self)
        self._preview: tuple[str, str, str, object] | None = None
        self._tables_cache: dict[str, dict[str, dict[str, object]]] = {}
        # The findings, computed once per change and only for the rules the change can affect.
        self._checker = LiveChecker(report, previous, stated_totals, inputs=self._inputs, values=self.table_values)
        self.findings: list[Finding] = self._checker.findings
        self.full_check = False
        self._split: FindingSplit | None = None

    # --- reading ------------------------------------------------------------------------------
    def table_values(self, table_id: str) -> dict[str, dict[str, object]]:
        """Input and computed values of a table, with the preview applied."""
        if table_id not in self._tables_cache:
            self._tables_cache[table_id] = full_table(self.report.spec.table(table_id), self._inputs(table_id))
        return self._tables_cache[table_id]

    def value(self, table_id: str, row_id: str, column_id: str):
        return self.table_values(table_id)[row_id][column_id]

    def set_path(self, path: Path | str | None) -> None:
        """Where the report is saved (None: not yet saved); not an edit, so not undoable."""
        self.path = Path(path) if path else None
        self.pathChanged.emit()

    def stored_value(self, table_id: str, row_id: str, column_id: str):
        """The committed input value, ignoring any preview."""
        return self.report.value(table_id, row_id, column_id)

    def _inputs(self, table_id: str) -> Mapping[str, Mapping[str, object]]:
        inputs = self.report.tables.get(table_id, {})
        if self._preview and self._preview[0] == table_id:
            _, row_id, column_id, value = self._preview
            inputs = {**inputs, row_id: {**inputs.get(row_id, {}), column_id: value}}
        return inputs

    # --- live preview while typing ------------------------------------------------------------
    def set_preview(self, table_id: str, row_id: str, column_id: str, value) -> None:
        before = self._preview
        self._preview = (table_id, row_id, column_id, value)
        if before and before[0] != table_id:
            self._changed_table(before[0])  # the value typed there before is gone
        self._changed_table(table_id)

    def clear_preview(self) -> None:
        if self._preview:
            table_id = self._preview[0]
            self._preview = None
            self._changed_table(table_id)

    # --- edits (each one undoable) ------------------------------------------------------------
    def set_cells(self, table_id: str, changes: Mapping[CellKey, object], text: str = "编辑单元格") -> bool:
        """Set input cells of one table in one undo step; returns False when nothing changes."""
        old = {key: self.stored_value(table_id, *key) for key in changes}
        if all(old[key] == changes[key] and type(old[key]) is type(changes[key]) for key in changes):
            return False
        self._preview = None
        self.undo_stack.push(_CellsCommand(self, table_id, dict(changes), old, text))
        return True

    def set_narrative(self, section_id: str, text: str, *, merge: bool = True,
                      label: str = "编辑正文") -> None:
        """Replace a narrative section's text.

        Typing (merge=True) merges into the previous typing step of the same section until a
        pause or another kind of edit; merge=False makes a step of its own (an insertion
        from the tables), which later typing does not merge into either.
        """
        if self.report.narrative.get(section_id, "") != text:
            self.undo_stack.push(_NarrativeCommand(self, section_id, text, label, merge))

    def set_meta(self, update, text: str = "修改封面信息") -> None:
        """Apply `update(report)` as one undo step; the report is restored from a copy on undo."""
        before = self.report.model_copy(deep=True)
        after = self.report.model_copy(deep=True)
        update(after)
        if after != before:
            self.undo_stack.push(_ReportStateCommand(self, before, after, text))

    def set_explanation(self, finding_key: str, text: str) -> None:
        def update(report: Report) -> None:
            if text.strip():
                report.explanations[finding_key] = text.strip()
            else:
                report.explanations.pop(finding_key, None)
        self.set_meta(update, "填写出错说明" if text.strip() else "删除出错说明")

    # --- applied by the undo commands ---------------------------------------------------------
    def _apply_cells(self, table_id: str, values: Mapping[CellKey, object]) -> None:
        for (row_id, column_id), value in values.items():
            self.report.set_value(table_id, row_id, column_id, value)
        self._changed_table(table_id)

    def _apply_narrative(self, section_id: str, text: str) -> None:
        if text:
            self.report.narrative[section_id] = text
        else:
            self.report.narrative.pop(section_id, None)
        self.narrativeChanged.emit(section_id)
        self._set_findings(self._checker.update(narrative=[section_id]))

    def _apply_state(self, state: Report) -> None:
        copy = state.model_copy(deep=True)
        format_changed = copy.format != self.report.format
        for name in type(self.report).model_fields:
            setattr(self.report, name, getattr(copy, name))
        self._tables_cache.clear()
        self._preview = None
        if format_changed:
            self.formatChanged.emit()
        self.metaChanged.emit()
        for table in self.report.spec.tables:
            self.tableChanged.emit(table.id)
        for section in self.report.spec.narrative_sections:
            self.narrativeChanged.emit(section.id)
        self.refresh_findings()

    def _changed_table(self, table_id: str) -> None:
        self._tables_cache.pop(table_id, None)
        self.tableChanged.emit(table_id)
        self._set_findings(self._checker.update(tables=[table_id]))

    # --- findings -----------------------------------------------------------------------------
    def refresh_findings(self) -> None:
        """Check the whole report again (after anything but a cell or narrative edit)."""
        self._set_findings(self._checker.run_all())

    @property
    def split(self) -> FindingSplit:
        """The findings as the views show them — to fill or problems — worked out once per change
        for the cell marks, the badges, the problems panel and the check page alike."""
        if self._split is None:
            self._split = split_findings(self.report.spec, self.findings, self.full_check)
        return self._split

    def request_full_check(self, on: bool = True) -> None:
        """检查: show every finding as what it is, blanks included (or, `on` False, calm again)."""
        if self.full_check != on:
            self.full_check = on
            self._split = None
            self.fullCheckChanged.emit(on)

    def _set_findings(self, findings: list[Finding]) -> None:
        # Listeners (problems panel, badges, cell marks) hear only of a real change: most
        # keystrokes leave the findings as they were.
        self._split = None  # (also for an unchanged list: the format may have changed under it)
        if findings != self.findings:
            self.findings = findings
            self.findingsChanged.emit()


class _CellsCommand(QUndoCommand):
    def __init__(self, session: ReportSession, table_id: str, new: dict, old: dict, text: str):
        super().__init__(text)
        self._session, self._table_id, self._new, self._old = session, table_id, new, old

    def redo(self) -> None:
        self._session._apply_cells(self._table_id, self._new)

    def undo(self) -> None:
        self._session._apply_cells(self._table_id, self._old)


class _NarrativeCommand(QUndoCommand):
    """Typing in one section merges into one undo step until a pause or another kind of edit."""

    MERGE_ID = 1001
    PAUSE_SECONDS = 2.0  # typing after a pause this long starts a new undo step

    def __init__(self, session: ReportSession, section_id: str, text: str,
                 label: str = "编辑正文", merge: bool = True):
        super().__init__(label)
        self._session, self._section_id = session, section_id
        self._old = session.report.narrative.get(section_id, "")
        self._new = text
        self._merge = merge
        self._last_typed = time.monotonic()

    def id(self) -> int:
        return self.MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, _NarrativeCommand) or other._section_id != self._section_id
                or not other._merge or other._last_typed - self._last_typed > self.PAUSE_SECONDS):
            return False
        self._new = other._new
        self._last_typed = other._last_typed
        return True

    def redo(self) -> None:
        self._session._apply_narrative(self._section_id, self._new)

    def undo(self) -> None:
        self._session._apply_narrative(self._section_id, self._old)


class _ReportStateCommand(QUndoCommand):
    def __init__(self, session: ReportSession, before: Report, after: Report, text: str):
        super().__init__(text)
        self._session, self._before, self._after = session, before, after

    def redo(self) -> None:
        self._session._apply_state(self._after)

    def undo(self) -> None:
        self._session._apply_state(self._before)
