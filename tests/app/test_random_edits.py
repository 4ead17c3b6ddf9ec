"""1 000 random edits, pastes, deletes, fills, typing, undos and redos per format through the table editors.

After every step: each computed cell equals the sum of its parts, recomputed here from the
format's computed definitions (not with core.computed); what the views were told through
dataChanged equals what the model shows; and the session's findings equal a fresh
core.checks.check_report of the report.
"""

import random

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from disclosure_desktop.app.tables.delegate import CellLineEdit
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.app.tables.editor import TableEditor
from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.model import new_report
from disclosure_desktop.core.values import format_value

STEPS = 1000
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def expected_values(table, inputs):
    """Every cell's value from the inputs and the format's computed definitions, written out afresh."""
    def parts_total(values):
        present = [v for v in values if v is not None]
        return sum(present) if present else None

    memo = {}

    def value(row_id, column_id, prefer_rows=True):
        key = (row_id, column_id, prefer_rows)
        if key not in memo:
            memo[key] = compute(row_id, column_id, prefer_rows)
        return memo[key]

    def compute(row_id, column_id, prefer_rows):
        by_row = [d for d in table.computed if d.target_row == row_id]
        by_column = [d for d in table.computed if d.target_column == column_id]
        order = (by_row, by_column) if prefer_rows else (by_column, by_row)
        for definitions in order:
            for d in definitions:
                if d.target_row == row_id:
                    return parts_total(value(r, column_id, prefer_rows) for r in d.sum_of_rows)
                if d.target_column == column_id:
                    return parts_total(value(row_id, c, prefer_rows) for c in d.sum_of_columns)
        return inputs.get(row_id, {}).get(column_id)

    result = {}
    for row in table.data_rows:
        for column in table.columns:
            result[(row.id, column.id)] = value(row.id, column.id)
            # A grand total is the sum of the row totals and of the column totals alike.
            assert value(row.id, column.id, prefer_rows=False) == result[(row.id, column.id)]
    return result


class Harness:
    def __init__(self, qtbot, year: int, seed: int):
        self.rng = random.Random(seed)
        self.session = ReportSession(new_report(year, "随机测试局"))
        self.editors = {}
        self.mirrors = {}
        for table in self.session.report.spec.tables:
            editor = TableEditor(self.session, table.id)
            qtbot.addWidget(editor)
            self.editors[table.id] = editor
            self.mirrors[table.id] = self._read_all(editor.model)
            editor.model.dataChanged.connect(lambda a, b, roles, t=table.id: self._on_changed(t, a, b))
        self.s3 = self.editors["s3"]
        self.s3.resize(1000, 700)
        self.s3.show()
        qtbot.waitExposed(self.s3)
        self.log: list[str] = []

    @staticmethod
    def _read_all(model):
        return {(r, c): model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}

    def _on_changed(self, table_id, top_left, bottom_right):
        model = self.editors[table_id].model
        for r in range(top_left.row(), bottom_right.row() + 1):
            for c in range(top_left.column(), bottom_right.column() + 1):
                self.mirrors[table_id][(r, c)] = model.data(model.index(r, c))

    # --- random material ------------------------------------------------------------------
    def value_text(self, column) -> str:
        roll = self.rng.random()
        if roll < 0.08:
            return ""
        if roll < 0.12:
            return self.rng.choice(["abc", "1.5", "-", "1234567890", "１２x"])  # refused
        number = self.rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 120, 4567])
        if column.type.value == "signed_count" and self.rng.random() < 0.3:
            number = -number
        text = str(number)
        if column.type.value == "decimal" and self.rng.random() < 0.5:
            text += "." + str(self.rng.randint(1, 99))
        if self.rng.random() < 0.2:
            text = text.translate(FULL_WIDTH)
        if self.rng.random() < 0.1 and number >= 1000:
            text = f"{number:,}"
        return text

    def random_cell(self, editor, inputs_only=True):
        model = editor.model
        if inputs_only:
            return self.rng.choice(editor.view.input_cells())
        return self.rng.randrange(model.rowCount()), self.rng.randrange(model.columnCount())

    def select(self, editor, top, left, bottom, right):
        model, view = editor.model, editor.view
        view.selectionModel().setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.selectionModel().select(QItemSelection(model.index(top, left), model.index(bottom, right)),
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- operations -------------------------------------------------------------------------
    def op_set(self, editor):
        r, c = self.random_cell(editor)
        text = self.value_text(editor.model.columns[c])
        self.log.append(f"set {editor.table_id} {r},{c} {text!r}")
        editor.model.setData(editor.model.index(r, c), text)

    def op_paste(self, editor):
        model = editor.model
        r, c = self.random_cell(editor, inputs_only=False)
        rows, columns = self.rng.randint(1, 4), self.rng.randint(1, 4)
        block = [[self.value_text(model.columns[min(c + j, model.columnCount() - 1)]) for j in range(columns)]
                 for _ in range(rows)]
        text = "\r\n".join("\t".join(row) for row in block) + ("\r\n" if self.rng.random() < 0.5 else "")
        self.select(editor, r, c, r, c)
        before, step = self.snapshot(), self.session.undo_stack.index()
        self.log.append(f"paste {editor.table_id} {r},{c} {text!r}")
        if editor.paste_text(text) and self.snapshot() != before:
            assert self.session.undo_stack.index() == step + 1  # one undo step however many cells
        else:  # refused (or the same values again): nothing changed, no undo step
            assert self.snapshot() == before and self.session.undo_stack.index() == step

    def op_delete(self, editor):
        model = editor.model
        top, bottom = sorted(self.rng.randrange(model.rowCount()) for _ in range(2))
        left, right = sorted(self.rng.randrange(model.columnCount()) for _ in range(2))
        self.select(editor, top, left, bottom, right)
        self.log.append(f"delete {editor.table_id} {top},{left}-{bottom},{right}")
        editor.clear_selected()

    def op_fill(self, editor):
        self.log.append(f"fill {editor.table_id}")
        editor.fill_zero()

    def op_undo(self, _):
        self.log.append("undo")
        self.session.undo_stack.undo()

    def op_redo(self, _):
        self.log.append("redo")
        self.session.undo_stack.redo()

    def op_type(self, _):
        """Type into s3 through the real cell editor; check the live state before Enter or Esc."""
        editor = self.s3
        r, c = self.random_cell(editor)
        model, view = editor.model, editor.view
        self.select(editor, r, c, r, c)
        digits = str(self.rng.randint(0, 999))
        self.log.append(f"type s3 {r},{c} {digits}")
        QTest.keyClick(view, Qt.Key.Key_F2)
        line = view.indexWidget(model.index(r, c))
        assert isinstance(line, CellLineEdit)
        line.selectAll()
        QTest.keyClicks(line, digits)
        row_id, column_id = model.rows[r].id, model.columns[c].id
        # Mid-typing: the totals and findings already include the uncommitted value.
        inputs = {k: dict(v) for k, v in self.session.report.tables.items()}
        inputs.setdefault("s3", {}).setdefault(row_id, {})[column_id] = int(digits)
        self.verify(preview_inputs=inputs)
        QTest.keyClick(line, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape]))

    def snapshot(self):
        return {t: {r: dict(c) for r, c in rows.items()} for t, rows in self.session.report.tables.items()}

    # --- the invariants ---------------------------------------------------------------------
    def verify(self, preview_inputs=None):
        session = self.session
        report = session.report
        tables = preview_inputs if preview_inputs is not None else report.tables
        for table in report.spec.tables:
            expected = expected_values(table, tables.get(table.id, {}))
            model = self.editors[table.id].model
            mirror = self.mirrors[table.id]
            for (row_id, column_id), value in expected.items():
                r, c = model.row_of(row_id), model.column_of(column_id)
                shown = model.data(model.index(r, c))
                assert shown == format_value(value), (table.id, row_id, column_id, shown, value, self.log[-5:])
                assert mirror[(r, c)] == shown, ("view not told", table.id, row_id, column_id, self.log[-5:])
        checked = report if preview_inputs is None else report.model_copy(update={"tables": preview_inputs})
        assert session.findings == check_report(checked, session.previous, session.stated_totals), self.log[-5:]

    def run(self, steps: int):
        operations = [(self.op_set, 30), (self.op_paste, 18), (self.op_delete, 10), (self.op_undo, 14),
                      (self.op_redo, 10), (self.op_type, 16), (self.op_fill, 2)]
        functions, weights = zip(*operations)
        tables = list(self.editors.values())
        table_weights = [6 if e.table_id == "s3" else 2 if e.table_id == "s4" else 1 for e in tables]
        for _ in range(steps):
            operation = self.rng.choices(functions, weights)[0]
            operation(self.rng.choices(tables, table_weights)[0])
            assert session_has_no_preview(self.session), self.log[-3:]
            self.verify()


def session_has_no_preview(session) -> bool:
    return session._preview is None


@pytest.mark.parametrize("year,seed", [(2019, 20190101), (2023, 20230101)])
def test_random_edits_keep_totals_views_and_findings_right(qtbot, year, seed):
    harness = Harness(qtbot, year, seed)
    harness.run(STEPS)
    kinds = {entry.split()[0] for entry in harness.log}
    assert kinds >= {"set", "paste", "delete", "undo", "redo", "type", "fill"}
    assert harness.session.undo_stack.count() > 50
