"""The editor of one official table: caption, the keyboard-first table view, the balance strip.

`TableEditor(session, table_id)` is what the main window embeds (one per 二 sub-table, one for
三, one for 四).  Keyboard: typing starts editing, Enter moves down and Tab right (skipping
computed and group cells), Delete clears, Ctrl+C / Ctrl+V copy and paste tab-separated blocks.
Undo and redo belong to the session's one QUndoStack, driven by the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from typing import Callable

from PySide6.QtWidgets import (QAbstractItemView, QApplication, QLabel, QScrollArea, QSizePolicy, QTableView,
                               QVBoxLayout, QWidget)

from . import clipboard as table_clipboard
from .balance_strip import BalanceStrip, balance_rule
from .delegate import MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT, MOVE_UP, CellDelegate
from ..document.session import ReportSession
from .header import CornerPainter, RowHeaderView, SpannedHeaderView, header_grid, padding
from .model import CellKind, Roles, TableModel

# Label column: wide enough for most labels on one line, long ones (table 三) wrap.
LABEL_MIN_EM, LABEL_MAX_EM = 11, 24
SMALL_TABLE_ROWS = 12  # tables up to this many rows are shown whole, without their own scroll bar


class TableView(QTableView):
    """A table view whose keyboard behaves like a spreadsheet's, limited to the input cells."""

    message = Signal(str)

    def __init__(self, session: ReportSession, model: TableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.table_model = model
        self.setModel(model)
        self.grid = header_grid(model.table)
        self.column_header = SpannedHeaderView(self.grid, self)
        self.setHorizontalHeader(self.column_header)
        self.row_header = RowHeaderView(self)
        self.setVerticalHeader(self.row_header)
        self.corner = CornerPainter(self, self.column_header)
        self.cell_delegate = CellDelegate(session, self)
        self.setItemDelegate(self.cell_delegate)
        self.cell_delegate.navigate.connect(self._navigate)
        self.cell_delegate.refused.connect(self.message)
        # Set by a page of several tables (二): called when Enter/Tab runs past this table's last
        # (or first) input cell, to carry on in the next table; True when it did.
        self.run_out: Callable[[str], bool] | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._min_widths: list[int] = []
        self._distributing = False
        self._label_width_em: float | None = None  # set when stacked tables share one label width
        self.fit_sizes()

    # --- sizes from font metrics ------------------------------------------------------------
    def fit_sizes(self, label_width: int | None = None) -> None:
        metrics = self.fontMetrics()
        self.cell_delegate.set_font(self.font())
        pad = padding(metrics)
        em = metrics.horizontalAdvance("中")
        columns = self.table_model.columns
        # Narrow columns in a wide table (三 has seven), more room for labels in the 二 sub-tables.
        label_cap = em * (6 if len(columns) > 4 else 8)
        digits = metrics.horizontalAdvance("0" * 8)
        weights = self.column_weights()
        self._min_widths = [max(digits, min(metrics.horizontalAdvance(column.label), label_cap * weight)) + 2 * pad
                            for column, weight in zip(columns, weights)]
        for c, width in enumerate(self._min_widths):
            self.column_header.resizeSection(c, width)
        self.column_header.setMinimumSectionSize(digits // 2)
        if label_width is not None:
            # Kept in em, so a width shared by stacked tables still holds after the font changes.
            self._label_width_em = label_width / em
        if self._label_width_em is not None:
            label_width = round(self._label_width_em * em)
        else:
            label_width = max(em * LABEL_MIN_EM, min(self.row_header.natural_width(), em * LABEL_MAX_EM))
        self.row_header.setDefaultSectionSize(metrics.height() + 2 * pad)
        self.row_header.set_label_width(label_width)
        self.column_header.set_row_heights(self.column_header.measure_rows(corner_width=label_width))
        self.updateGeometries()
        self.distribute_columns()
        if self.table_model.rowCount() <= SMALL_TABLE_ROWS:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.updateGeometry()

    def column_weights(self) -> list[int]:
        """How many grid columns each value column spans in print (二 sub-tables), else 1 each."""
        spans = self.table_model.table.print.column_spans
        count = len(self.table_model.columns)
        return list(spans) if len(spans) == count else [1] * count

    def distribute_columns(self) -> None:
        """Fill the width like the printed table: value columns share it by their print spans,
        never narrower than their labels and digits need (then the view scrolls sideways)."""
        if self._distributing or not self._min_widths:
            return
        self._distributing = True
        try:
            weights = self.column_weights()
            available = self.viewport().width()
            unit = available / sum(weights)
            widths = [max(low, int(unit * weight)) for low, weight in zip(self._min_widths, weights)]
            if sum(widths) < available:
                widths[-1] += available - sum(widths)
            for c, width in enumerate(widths):
                if self.column_header.sectionSize(c) != width:
                    self.column_header.resizeSection(c, width)
        finally:
            self._distributing = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.distribute_columns()

    def paintEvent(self, event) -> None:
        # Selected cells are drawn strongly only while the table (or its cell editor) has the
        # focus, so of several stacked tables only the one being worked in shows a selection.
        focus = QApplication.focusWidget()
        self.cell_delegate.focused = focus is not None and (focus is self or self.isAncestorOf(focus))
        super().paintEvent(event)

    def full_size(self) -> QSize:
        """Size that shows every row and column without scrolling."""
        frame = 2 * self.frameWidth()
        width = self.row_header.sizeHint().width() + sum(self._min_widths) + frame
        height = self.column_header.sizeHint().height() + self.row_header.length() + frame
        if self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        return self.full_size()

    def minimumSizeHint(self) -> QSize:
        full = self.full_size()
        if self.table_model.rowCount() <= SMALL_TABLE_ROWS:
            return QSize(min(full.width(), 200), full.height())
        return QSize(min(full.width(), 200), self.column_header.sizeHint().height() + 4 * self.rowHeight(0))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_sizes()

    # --- navigation ---------------------------------------------------------------------------
    def input_cells(self, column_major: bool = False) -> list[tuple[int, int]]:
        model = self.table_model
        cells = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount()) if model.is_input(r, c)]
        return sorted(cells, key=lambda rc: (rc[1], rc[0])) if column_major else cells

    def next_input(self, direction: str, row: int | None = None, column: int | None = None) -> QModelIndex:
        """The input cell after (row, column) going `direction`; invalid at the end of the table.

        Enter walks a column top to bottom, then on to the next column (table 三 is filled one
        applicant kind at a time); Tab walks a row left to right, then on to the next row.
        """
        current = self.currentIndex()
        row = current.row() if row is None else row
        column = current.column() if column is None else column
        if direction in (MOVE_DOWN, MOVE_UP):
            cells, key = self.input_cells(column_major=True), (column, row)
            order = [(c, r) for r, c in cells]
        else:
            cells, key = self.input_cells(), (row, column)
            order = cells
        if direction in (MOVE_UP, MOVE_LEFT):
            candidates = [rc for rc in reversed(order) if rc < key]
        else:
            candidates = [rc for rc in order if rc > key]
        if not candidates:
            return QModelIndex()
        a, b = candidates[0]
        r, c = (b, a) if direction in (MOVE_DOWN, MOVE_UP) else (a, b)
        return self.table_model.index(r, c)

    def move(self, direction: str) -> bool:
        target = self.next_input(direction)
        if not target.isValid():
            return False
        self.setCurrentIndex(target)
        self.scrollTo(target)
        return True

    def _navigate(self, direction: str) -> None:
        """After a committed Enter/Tab: the next input cell, or the next table of the page."""
        if not self.move(direction) and self.run_out is not None:
            self.run_out(direction)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab/Shift+Tab on a cell (not editing) go through here: past the last cell, carry on in
        # the page's next table instead of leaving for whatever widget comes next.
        if self.run_out is not None and self.state() != QAbstractItemView.State.EditingState:
            direction = MOVE_RIGHT if next else MOVE_LEFT
            if self.move(direction) or self.run_out(direction):
                return True
        return super().focusNextPrevChild(next)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and self.isVisible():
            self.reveal(current)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll to the cell in this view and in every scroll area around it (the page, the
        stacked tables of 二), so the cell being typed in is always on screen."""
        self.scrollTo(index)
        rect = self.visualRect(index)
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.widget() is not None:
                inner = parent.widget()
                centre = self.viewport().mapTo(inner, rect.center())
                top = self.mapTo(inner, QPoint(0, 0)).y()  # the header rows, above the cells
                bottom = self.viewport().mapTo(inner, rect.bottomLeft()).y() + 8
                if bottom - top <= parent.viewport().height():  # header and cell both fit: show both
                    parent.ensureVisible(centre.x(), (top + bottom) // 2, rect.width() // 2 + 8, (bottom - top) // 2)
                else:
                    parent.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8, rect.height() // 2 + 8)
            parent = parent.parentWidget()

    def moveCursor(self, action, modifiers):
        # Tab / Shift+Tab (MoveNext / MovePrevious) skip computed and group cells; arrows do not,
        # so totals can still be reached to read or copy them.
        if action == QAbstractItemView.CursorAction.MoveNext:
            return self.next_input(MOVE_RIGHT)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self.next_input(MOVE_LEFT)
        return super().moveCursor(action, modifiers)

    # --- keyboard -----------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.clear_selected()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if not self.move(MOVE_UP if shift else MOVE_DOWN):
                event.ignore()
        else:
            super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:
        # A Chinese input method delivers text as an input-method commit rather than key
        # presses; on a selected cell that starts editing with the committed text, like a key.
        current = self.currentIndex()
        if (event.commitString() and self.state() != QAbstractItemView.State.EditingState and current.isValid()
                and self.table_model.is_input(current.row(), current.column())):
            self.edit(current)  # (this overload returns nothing; the editor tells whether it opened)
            editor = self.indexWidget(current)
            if editor is not None:
                editor.selectAll()
                forwarded = QInputMethodEvent(event.preeditString(), event.attributes())
                forwarded.setCommitString(event.commitString(), event.replacementStart(), event.replacementLength())
                QApplication.sendEvent(editor, forwarded)
                return
        super().inputMethodEvent(event)

    # --- selection ------------------------------------------------------------------------------
    def selected_rect(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) around the selection, or the current cell."""
        indexes = self.selectionModel().selectedIndexes() or ([self.currentIndex()] if self.currentIndex().isValid() else [])
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def paste_anchor(self) -> tuple[int, int] | None:
        """Where a paste starts: the top-left of the selected range holding the current cell."""
        current = self.currentIndex()
        if not current.isValid():
            return None
        for selected in self.selectionModel().selection():
            if selected.contains(current):
                return selected.top(), selected.left()
        return current.row(), current.column()

    def copy_text(self) -> str:
        rect = self.selected_rect()
        if rect is None:
            return ""
        top, left, bottom, right = rect
        model = self.table_model
        rows = [r for r in range(top, bottom + 1) if model.rows[r].id is not None]
        return table_clipboard.block_text([[model.data(model.index(r, c), Roles.VALUE) for c in range(left, right + 1)]
                                           for r in rows])

    def copy(self) -> None:
        text = self.copy_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste a tab-separated block at the top-left of the selection: all of it, or nothing."""
        model = self.table_model
        anchor = self.paste_anchor()
        block = table_clipboard.parse_block(text)
        if anchor is None or not block:
            self.message.emit(self.tr("剪贴板中没有可粘贴的数字。") if anchor else self.tr("请先选择要粘贴到的单元格。"))
            return False
        top, left = anchor
        # Starting on a group label row means its first data row.
        while top < model.rowCount() and model.rows[top].id is None:
            top += 1
        if top >= model.rowCount():
            self.message.emit(self.tr("请先选择要粘贴到的单元格。"))
            return False
        plan = table_clipboard.plan_paste(model.table, self.session.report.tables.get(model.table_id, {}),
                                          model.rows[top].id, left, block)
        if not plan.ok:
            self.message.emit(plan.message())
            return False
        changed = self.session.set_cells(model.table_id, plan.changes, self.tr("粘贴"))
        self._select_cells(plan.changes.keys())
        done = (self.tr("已粘贴{n}个单元格。").format(n=len(plan.changes)) if changed
                else self.tr("粘贴的数值与表中相同，没有改动。"))
        self.message.emit("\n".join(filter(None, (done, plan.zero_mark_note()))))
        return True

    def _select_cells(self, keys) -> None:
        model = self.table_model
        indexes = [model.cell_index(r, c) for r, c in keys]
        if not indexes:
            return
        top = min(i.row() for i in indexes)
        left = min(i.column() for i in indexes)
        bottom = max(i.row() for i in indexes)
        right = max(i.column() for i in indexes)
        selection = QItemSelection(model.index(top, left), model.index(bottom, right))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def clear_selected(self) -> bool:
        """Delete: blank the selected input cells, as one undo step."""
        model = self.table_model
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        changes = {(i.row(), i.column()): None for i in indexes
                   if i.isValid() and model.is_input(i.row(), i.column())}
        if not changes:
            if any(i.isValid() and model.kind(i.row(), i.column()) is CellKind.COMPUTED for i in indexes):
                self.message.emit(self.tr("总计是自动计算的，不能清除。"))
            return False
        return model.set_values(changes, self.tr("清除单元格"))


class TableEditor(QWidget):
    """One official table, ready to embed: caption (二), table, balance strip (三)."""

    message = Signal(str)  # Chinese status text for the main window (paste refused, cells pasted …)

    def __init__(self, session: ReportSession, table_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.table_id = table_id
        self.model = TableModel(session, table_id, self)
        table = self.model.table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.caption = None
        if table.caption:
            self.caption = QLabel(table.caption, self)
            self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.caption.setStyleSheet("font-weight: bold; padding: 4px; border: 1px solid palette(mid);"
                                       "border-bottom: none; background: palette(button);")
            layout.addWidget(self.caption)
        self.view = TableView(session, self.model, self)
        self.view.setAccessibleName(session.report.spec.section(table.section).display_title
                                    + (table.caption or ""))
        self.view.message.connect(self.message)
        layout.addWidget(self.view)
        self.balance_strip = None
        rule = balance_rule(session, table_id)
        if rule is not None:
            self.balance_strip = BalanceStrip(session, table, rule, self.view, self)
            layout.addWidget(self.balance_strip)
        small = self.model.rowCount() <= SMALL_TABLE_ROWS
        self.setSizePolicy(QSizePolicy.Policy.Expanding,
                           QSizePolicy.Policy.Fixed if small else QSizePolicy.Policy.Expanding)
        self.setFocusProxy(self.view)
        first = self.view.next_input(MOVE_RIGHT, 0, -1)
        if first.isValid():  # current, so typing starts there, but not selected until used
            self.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)

    # --- the main window's interface --------------------------------------------------------
    def focus_cell(self, row_id: str | None, column_id: str | None) -> bool:
        """Select, scroll to and focus a cell (a finding may name only its row or only its column)."""
        model = self.model
        if row_id is not None and not model.has_row(row_id) or column_id is not None and not model.has_column(column_id):
            return False
        if row_id is None:
            rows = [i for i, row in enumerate(model.rows) if row.id is not None]
            row = next((r for r in rows if model.is_input(r, model.column_of(column_id))), rows[0]) \
                if column_id is not None else rows[0]
        else:
            row = model.row_of(row_id)
        if column_id is None:
            column = next((c for c in range(model.columnCount()) if model.is_input(row, c)), 0)
        else:
            column = model.column_of(column_id)
        index = model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def fill_zero(self) -> bool:
        """全部填0: every blank input cell becomes 0, as one undo step."""
        model = self.model
        changes = {(r, c): 0 for r, c in self.view.input_cells()
                   if self.session.stored_value(self.table_id, model.rows[r].id, model.columns[c].id) is None}
        if not changes:
            self.message.emit(self.tr("没有空白单元格需要填0。"))
            return False
        model.set_values(changes, self.tr("全部填0"))
        self.message.emit(self.tr("已将{n}个空白单元格填为0。").format(n=len(changes)))
        return True

    def paste_text(self, text: str) -> bool:
        return self.view.paste_text(text)

    def copy_text(self) -> str:
        return self.view.copy_text()

    def clear_selected(self) -> bool:
        return self.view.clear_selected()

    def label_width(self) -> int:
        return self.view.row_header.sizeHint().width()

    def set_label_width(self, width: int) -> None:
        """Give stacked editors (the 二 sub-tables) one label column width so they line up."""
        self.view.fit_sizes(label_width=width)
        if self.balance_strip:
            self.balance_strip.update()
