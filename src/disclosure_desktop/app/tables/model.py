"""One official table of the open report as a Qt item model.

Rows are the format's rows including group labels (which hold no values), columns the format's
value columns; row labels live in the vertical header.  Values are read from the session on
demand (so the live preview of a cell being typed shows in the totals), and the model tells the
views about exactly the cells whose value or finding marks changed: the keystroke path never
resets the model.
"""

from __future__ import annotations

from enum import IntEnum
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.checks import ERROR, Finding
from ...core.formats import Row, Table
from ...core.values import CellValueError, allowed_text_hint, format_value, parse_cell_text, value_problem
from ..document.session import ReportSession

ModelIndex = QModelIndex | QPersistentModelIndex


class CellKind(IntEnum):
    INPUT = 0
    COMPUTED = 1
    GROUP = 2  # a group label row: no value cells


class Roles(IntEnum):
    """Custom roles, so views and tests ask the model instead of the format."""

    KIND = Qt.ItemDataRole.UserRole + 1  # CellKind (cells); for the vertical header: CellKind of the row
    ROW_ID = Qt.ItemDataRole.UserRole + 2
    COLUMN_ID = Qt.ItemDataRole.UserRole + 3
    LEVEL = Qt.ItemDataRole.UserRole + 4  # vertical header: indentation level of the row label
    VALUE = Qt.ItemDataRole.UserRole + 5  # the raw value (int, float or None), preview included
    SEVERITY = Qt.ItemDataRole.UserRole + 6  # "error" | "warning" | None
    UNFILLED = Qt.ItemDataRole.UserRole + 7  # True: never filled, shown as 未填 (neutral) until 检查


# Cell colours.  Light enough that black digits stay readable; errors and warnings win over the
# computed colour because they need the user's attention.
COMPUTED_BACKGROUND = QColor("#e4ecf7")
COMPUTED_FOREGROUND = QColor("#1f3f73")
GROUP_BACKGROUND = QColor("#eeeeee")
CELL_TEXT_ON_COLOUR = QColor("#1a1a1a")
SEVERITY_BACKGROUND = {ERROR: QColor("#f6c4c0"), "warning": QColor("#fde2a6")}

# Roles as plain ints: Qt passes ints, and dict lookups by int are what data() does per call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_VALUE_ROLES = [_DISPLAY, _EDIT, _TOOLTIP, int(Roles.VALUE)]
_MARK_ROLES = [_BACKGROUND, _TOOLTIP, int(Roles.SEVERITY), int(Roles.UNFILLED)]

_FLAGS = {
    # Group cells: enabled so the keyboard can pass over them; not selectable, so copy and
    # Delete ignore them.
    CellKind.GROUP: Qt.ItemFlag.ItemIsEnabled,
    CellKind.COMPUTED: Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable,
    CellKind.INPUT: Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable,
}


@cache
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class TableModel(QAbstractTableModel):
    def __init__(self, session: ReportSession, table_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.table_id = table_id
        self._load_table()
        session.tableChanged.connect(self._on_table_changed)
        session.findingsChanged.connect(self._on_findings_changed)
        session.metaChanged.connect(self._on_meta_changed)
        session.fullCheckChanged.connect(lambda _on: self._on_findings_changed())

    # --- structure ----------------------------------------------------------------------------
    def _load_table(self) -> None:
        """Take the table from the report's current format (it changes when the year does)."""
        self._format_id = self.session.report.format
        try:
            self.table: Table | None = self.session.report.spec.table(self.table_id)
        except KeyError:  # the new format has no such table (e.g. 二（九） after 2020)
            self.table = None
        self.rows: tuple[Row, ...] = self.table.rows if self.table else ()
        self.columns = self.table.columns if self.table else ()
        self._row_index = {row.id: i for i, row in enumerate(self.rows) if row.id is not None}
        self._column_index = {column.id: j for j, column in enumerate(self.columns)}
        computed = self.table.computed_cells if self.table else frozenset()
        self._kinds = [[CellKind.GROUP if row.id is None
                        else CellKind.COMPUTED if (row.id, column.id) in computed else CellKind.INPUT
                        for column in self.columns] for row in self.rows]
        self._flags = [[_FLAGS[kind] for kind in kinds] for kinds in self._kinds]
        self._values = self._read_values()
        self._marks = self._read_marks()
        # Per cell: role → data, built on first use and dropped when the cell changes.  Views
        # ask for a dozen roles per cell on every paint; answering from a dict keeps a repaint
        # of the whole table cheap.
        self._cache: list[list[dict | None]] = [[None] * len(self.columns) for _ in self.rows]
        self._explanations: dict[tuple[str, str], str] = {}  # of the computed cells, worded once

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def has_row(self, row_id: str) -> bool:
        return row_id in self._row_index

    def has_column(self, column_id: str) -> bool:
        return column_id in self._column_index

    def row_of(self, row_id: str) -> int:
        return self._row_index[row_id]

    def column_of(self, column_id: str) -> int:
        return self._column_index[column_id]

    def cell_index(self, row_id: str, column_id: str) -> QModelIndex:
        return self.index(self._row_index[row_id], self._column_index[column_id])

    def kind(self, row: int, column: int) -> CellKind:
        return self._kinds[row][column]

    def is_input(self, row: int, column: int) -> bool:
        return 0 <= row < len(self.rows) and 0 <= column < len(self.columns) \
            and self._kinds[row][column] is CellKind.INPUT

    # --- reading ------------------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.cell_roles(index.row(), index.column()).get(role)

    def cell_roles(self, row: int, column: int) -> dict:
        """All roles of a cell at once (the delegate paints from this in one call)."""
        cell = self._cache[row][column]
        if cell is None:
            cell = self._cache[row][column] = self._cell_data(row, column)
        return cell

    def _cell_data(self, row: int, column: int) -> dict:
        """Every role of one cell."""
        kind = self._kinds[row][column]
        if kind is CellKind.GROUP:
            return {Roles.KIND: kind, _BACKGROUND: QBrush(GROUP_BACKGROUND)}
        value, stored = self._values[row][column]
        severity, messages, unfilled = self._marks.get((row, column), (None, (), False))
        column_def = self.columns[column]
        if kind is CellKind.COMPUTED:
            background = SEVERITY_BACKGROUND[severity] if severity else COMPUTED_BACKGROUND
            explanation = self._computed_explanation(self.rows[row].id, column_def.id)
        else:
            background = SEVERITY_BACKGROUND[severity] if severity else None
            explanation = allowed_text_hint(column_def.type)
        data = {
            Roles.KIND: kind,
            _DISPLAY: format_value(value),
            # The committed value: what the editor starts from, never the uncommitted preview.
            _EDIT: format_value(value if kind is CellKind.COMPUTED else stored),
            Roles.VALUE: value,
            Roles.SEVERITY: severity,
            Roles.UNFILLED: unfilled,
            Roles.ROW_ID: self.rows[row].id,
            Roles.COLUMN_ID: column_def.id,
            _ALIGNMENT: _RIGHT,
            _TOOLTIP: "\n".join([*([self.tr("未填")] if unfilled and not messages else ()),
                                  *(f"⚠ {m}" for m in messages), explanation]),
        }
        if background is not None:
            data[_BACKGROUND] = QBrush(background)
            data[_FOREGROUND] = QBrush(CELL_TEXT_ON_COLOUR)  # readable on the light colour in any theme
        if kind is CellKind.COMPUTED:
            data[_FOREGROUND] = QBrush(COMPUTED_FOREGROUND)
            data[_FONT] = _bold_font()
        return data

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            column = self.columns[section]
            if role in (_DISPLAY, _TOOLTIP):
                return column.label
            if role == Roles.COLUMN_ID:
                return column.id
            return None
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        if role in (_DISPLAY, _TOOLTIP):
            return row.label
        if role == Roles.LEVEL:
            return row.level
        if role == Roles.KIND:
            return CellKind.GROUP if row.is_group else CellKind.INPUT
        if role == Roles.ROW_ID:
            return row.id
        if role == _ALIGNMENT:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._flags[index.row()][index.column()]

    def _computed_explanation(self, row_id: str, column_id: str) -> str:
        """How a computed cell is derived, in the format's own labels."""
        explanation = self._explanations.get((row_id, column_id))
        if explanation is None:
            explanation = self._explanations[(row_id, column_id)] = self._word_explanation(row_id, column_id)
        return explanation

    def _word_explanation(self, row_id: str, column_id: str) -> str:
        parts = []
        for definition in self.table.computed:
            if definition.target_row == row_id:
                parts.append(self.tr("按行合计：") + "＋".join(self.table.row(r).label for r in definition.sum_of_rows))
            if definition.target_column == column_id:
                parts.append(self.tr("按列合计：") + "＋".join(self.table.column(c).label for c in definition.sum_of_columns))
        return self.tr("自动计算，不能直接填写。") + "\n" + "\n".join(parts)

    # --- writing ------------------------------------------------------------------------------
    def setData(self, index: ModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.is_input(index.row(), index.column()):
            return False
        column = self.columns[index.column()]
        try:
            parsed = self.parse(value, column)
        except CellValueError:
            return False
        self.session.set_cells(self.table_id, {(self.rows[index.row()].id, column.id): parsed}, self.tr("编辑单元格"))
        return True

    @staticmethod
    def parse(value, column) -> int | float | None:
        """Text (typed or pasted) or a number → a cell value; raises CellValueError with a Chinese message."""
        if value is None or isinstance(value, str):
            return parse_cell_text(value or "", column.type)
        problem = value_problem(value, column.type)
        if problem:
            raise CellValueError(problem)
        return value

    def set_values(self, changes: dict[tuple[int, int], object], text: str) -> bool:
        """Set several input cells (model positions → values) as one undo step."""
        keyed = {(self.rows[r].id, self.columns[c].id): v for (r, c), v in changes.items()}
        return bool(keyed) and self.session.set_cells(self.table_id, keyed, text)

    # --- following the session ----------------------------------------------------------------
    def _read_values(self) -> list[tuple[tuple[object, object], ...]]:
        """Per cell (shown value, committed value): they differ in the cell being typed in.
        (Read on every keystroke: a row is read in one go rather than cell by cell.)"""
        if self.table is None:
            return []
        values = self.session.table_values(self.table_id)
        stored = self.session.report.tables.get(self.table_id, {})
        ids = list(self._column_index)
        blank = ((None, None),) * len(ids)
        empty: dict = {}
        return [tuple(zip(map(values[row.id].__getitem__, ids), map(stored.get(row.id, empty).get, ids)))
                if row.id is not None else blank for row in self.rows]

    def _on_table_changed(self, table_id: str) -> None:
        if table_id != self.table_id or self.table is None:
            return
        old, new = self._values, self._read_values()
        self._values = new
        for r, (old_row, new_row) in enumerate(zip(old, new)):
            if old_row == new_row:
                continue
            for c, (a, b) in enumerate(zip(old_row, new_row)):
                # 1 and 1.0 compare equal but print differently: compare the types too.
                if a != b or type(a[0]) is not type(b[0]) or type(a[1]) is not type(b[1]):
                    self._cache[r][c] = None
                    index = self.createIndex(r, c)  # (index() would ask rowCount and columnCount, in Python)
                    self.dataChanged.emit(index, index, _VALUE_ROLES)

    def _read_marks(self) -> dict[tuple[int, int], tuple[str | None, tuple[str, ...], bool]]:
        """Cell → (worst severity, messages, 未填) of the open findings that point at this table."""
        marks: dict[tuple[int, int], tuple[str | None, tuple[str, ...], bool]] = {}
        if self.table is None:
            return marks
        findings = [f for f in self.session.findings if f.table == self.table_id and (f.row or f.column)]
        # A blank cell is 未填, shown by the blank itself and its tooltip, until the user asks for
        # the full check (检查): colouring every cell of a new report red would drown the
        # findings that need reading.  After it, a blank is an error like any other.
        to_fill = set(self.session.split.to_fill)
        for finding in findings:
            message = finding.message + (self.tr("（已说明）") if finding.acknowledged else "")
            quiet = finding in to_fill
            for cell in self._finding_cells(finding):
                severity, messages, unfilled = marks.get(cell, (None, (), False))
                if quiet:
                    unfilled = True
                elif not finding.acknowledged and severity != ERROR:
                    severity = finding.severity
                marks[cell] = (severity, messages + (message,), unfilled)
        return marks

    def _finding_cells(self, finding: Finding):
        rows = [self._row_index[finding.row]] if finding.row in self._row_index else None
        columns = [self._column_index[finding.column]] if finding.column in self._column_index else None
        if rows is None:
            # A whole-column finding (C1): mark only the rows the rule names, not the entire column.
            params = self.session.report.spec.rule(finding.rule).params if self.session.report.spec.has_rule(finding.rule) else {}
            named = [r for key in ("left", "right") for r in params.get(key, ()) if r in self._row_index]
            rows = [self._row_index[r] for r in named] or [i for i, row in enumerate(self.rows) if row.id]
        if columns is None:
            columns = range(len(self.columns))
        return [(r, c) for r in rows for c in columns]

    def _on_findings_changed(self) -> None:
        old, new = self._marks, self._read_marks()
        self._marks = new
        if old == new:
            return
        for cell in old.keys() | new.keys():
            before, after = old.get(cell, (None, (), False)), new.get(cell, (None, (), False))
            if before != after:
                self._cache[cell[0]][cell[1]] = None
                # Only a change of colour or of 未填 needs a repaint.  While typing, a C1 message
                # changes its figures on every keystroke; views read tooltips when they show them.
                if before[0] != after[0] or before[2] != after[2]:
                    index = self.createIndex(*cell)
                    self.dataChanged.emit(index, index, _MARK_ROLES)

    def _on_meta_changed(self) -> None:
        if self.session.report.format != self._format_id:
            self.beginResetModel()
            self._load_table()
            self.endResetModel()
