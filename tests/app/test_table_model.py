"""TableModel: structure from the format data, roles, flags, minimal change signals, model tester."""

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.app.tables.model import (
    COMPUTED_BACKGROUND, GROUP_BACKGROUND, SEVERITY_BACKGROUND, CellKind, Roles, TableModel)
from disclosure_desktop.core.formats import format_ids, get_format
from disclosure_desktop.core.model import new_report

YEARS = {"gov-2019": 2019, "gov-2021": 2023}
ALL_TABLES = [(f, t.id) for f in format_ids() for t in get_format(f).tables]

Fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
Warning = QAbstractItemModelTester.FailureReportingMode.Warning


def session_for(format_id: str) -> ReportSession:
    return ReportSession(new_report(YEARS[format_id], "测试局"))


@pytest.fixture
def qt_messages():
    """Qt messages (category, text) emitted during the test; the model tester reports through them."""
    got = []
    previous = qInstallMessageHandler(lambda kind, context, message: got.append((context.category, message)))
    yield got
    qInstallMessageHandler(previous)


@pytest.mark.parametrize("format_id,table_id", ALL_TABLES)
@pytest.mark.parametrize("mode", [Fatal, Warning])
def test_model_tester_passes_while_editing(qapp, format_id, table_id, mode, qt_messages):
    session = session_for(format_id)
    model = TableModel(session, table_id)
    tester = QAbstractItemModelTester(model, mode)
    table = model.table
    # Edits, a live preview, undo/redo and (Fatal) a format change all run with the tester watching.
    for n, (row, column) in enumerate(table.input_cells()[::7]):
        assert model.setData(model.cell_index(row.id, column.id), str(n + 1))
    row, column = table.input_cells()[0]
    session.set_preview(table_id, row.id, column.id, 99)
    session.clear_preview()
    session.undo_stack.undo()
    session.undo_stack.redo()
    if mode == Fatal:  # a reset is the tester's slowest check; once per table is enough
        other = next(f for f in format_ids() if f != format_id)
        session.set_meta(lambda r: setattr(r, "format", other))
        session.undo_stack.undo()
    assert tester is not None and model.rowCount() == len(table.rows)
    assert not [m for m in qt_messages if m[0] == "qt.modeltest" or "FAIL" in m[1]]


@pytest.mark.parametrize("format_id,table_id", ALL_TABLES)
def test_structure_comes_from_the_format(qapp, format_id, table_id):
    model = TableModel(session_for(format_id), table_id)
    table = get_format(format_id).table(table_id)
    assert model.rowCount() == len(table.rows)
    assert model.columnCount() == len(table.columns)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == \
        [c.label for c in table.columns]
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == \
        [r.label for r in table.rows]
    assert [model.headerData(r, Qt.Orientation.Vertical, Roles.LEVEL) for r in range(model.rowCount())] == \
        [r.level for r in table.rows]
    for r, row in enumerate(table.rows):
        for c, column in enumerate(table.columns):
            index = model.index(r, c)
            flags = model.flags(index)
            if row.is_group:
                assert model.data(index, Roles.KIND) is CellKind.GROUP
                assert not flags & Qt.ItemFlag.ItemIsEditable and not flags & Qt.ItemFlag.ItemIsSelectable
                assert model.data(index, Qt.ItemDataRole.BackgroundRole).color() == GROUP_BACKGROUND
            elif table.is_computed(row.id, column.id):
                assert model.data(index, Roles.KIND) is CellKind.COMPUTED
                assert not flags & Qt.ItemFlag.ItemIsEditable
                assert not model.setData(index, "1")
            else:
                assert flags & Qt.ItemFlag.ItemIsEditable


def test_values_preview_and_edit_role(qapp):
    session = session_for("gov-2021")
    model = TableModel(session, "s3")
    cell, total = model.cell_index("new", "natural"), model.cell_index("new", "total")
    assert model.setData(cell, "１２")  # full-width digits parse
    assert session.stored_value("s3", "new", "natural") == 12
    assert model.data(total) == "12"
    session.set_preview("s3", "new", "natural", 30)
    assert model.data(cell) == "30" and model.data(total) == "30"
    assert model.data(cell, Qt.ItemDataRole.EditRole) == "12"  # the editor starts from the stored value
    session.clear_preview()
    assert model.data(total) == "12"
    assert not model.setData(cell, "abc")
    assert not model.setData(cell, "-1")  # counts are never negative
    assert session.stored_value("s3", "new", "natural") == 12


def test_signed_and_decimal_columns(qapp):
    session = session_for("gov-2019")
    item5 = TableModel(session, "s2_item5")
    assert item5.setData(item5.cell_index("licensing", "change"), "-3")
    assert session.stored_value("s2_item5", "licensing", "change") == -3
    item9 = TableModel(session, "s2_item9")
    assert item9.setData(item9.cell_index("central_procurement", "amount"), "32.2")
    assert item9.data(item9.cell_index("central_procurement", "amount")) == "32.2"
    assert not item9.setData(item9.cell_index("central_procurement", "amount"), "-1")


def test_colours_and_tooltips(qapp):
    session = session_for("gov-2021")
    model = TableModel(session, "s3")
    total = model.cell_index("public", "total")
    assert model.data(total, Qt.ItemDataRole.BackgroundRole).color() == COMPUTED_BACKGROUND
    tip = model.data(total, Qt.ItemDataRole.ToolTipRole)
    assert "自动计算" in tip and "自然人" in tip and "商业企业" in tip
    # A blank cell's C5 finding is in its tooltip but does not colour it (the blank shows itself).
    new = model.cell_index("new", "natural")
    assert model.data(new, Roles.SEVERITY) is None
    assert model.data(new, Qt.ItemDataRole.BackgroundRole) is None
    assert "未填写" in model.data(new, Qt.ItemDataRole.ToolTipRole)
    # An unbalanced column is a C1 error on the rows the rule names.
    model.setData(new, "5")
    c1 = [f for f in session.findings if f.rule == "C1" and f.column == "natural"]
    assert c1
    for row in ("new", "carried_in", "results_total", "carried_out"):
        assert model.data(model.cell_index(row, "natural"), Roles.SEVERITY) == "error"
    assert model.data(model.cell_index("public", "natural"), Roles.SEVERITY) is None  # not named by C1
    assert c1[0].message in model.data(new, Qt.ItemDataRole.ToolTipRole)
    assert model.data(new, Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUND["error"]
    # The difference changes with the value; the tooltip follows (the colour stays, no repaint needed).
    model.setData(new, "7")
    assert "相差7" in model.data(model.cell_index("carried_out", "natural"), Qt.ItemDataRole.ToolTipRole)


def test_a_keystroke_signals_only_the_changed_cells(qapp):
    session = session_for("gov-2021")
    model = TableModel(session, "s3")
    # All filled and balanced, so only the marks this keystroke causes can change.
    session.set_cells("s3", {(row.id, column.id): 0 for row, column in model.table.input_cells()})
    changed, resets = [], []
    model.dataChanged.connect(lambda a, b, roles: changed.append(((a.row(), a.column()), (b.row(), b.column()))))
    model.modelReset.connect(lambda: resets.append(1))
    session.set_preview("s3", "public", "research", 4)
    cells = {a for a, b in changed if a == b}
    assert all(a == b for a, b in changed)
    values = {(model.rows[r].id, model.columns[c].id) for r, c in cells}
    # The cell, its row total, its column total and the grand total — plus the C1 marks it causes.
    assert {("public", "research"), ("public", "total"), ("results_total", "research"),
            ("results_total", "total")} <= values
    assert values <= {("public", "research"), ("public", "total"), ("results_total", "research"),
                      ("results_total", "total"), ("new", "research"), ("carried_in", "research"),
                      ("carried_out", "research"), ("new", "total"), ("carried_in", "total"),
                      ("carried_out", "total")}
    assert not resets


def test_format_change_resets_the_model(qapp):
    session = session_for("gov-2019")
    model = TableModel(session, "s3")
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    assert model.rowCount() == len(get_format("gov-2019").table("s3").rows)
    session.set_meta(lambda r: setattr(r, "format", "gov-2021"))
    assert resets and model.rowCount() == len(get_format("gov-2021").table("s3").rows)
    gone = TableModel(session, "s2_item9")  # no （九） in gov-2021
    assert gone.rowCount() == 0 and gone.columnCount() == 0


@pytest.mark.parametrize("format_id", format_ids())
def test_blank_cells_are_unfilled_until_the_check_then_errors(qapp, format_id):
    """Never-touched cells are 未填 (no colour) while the report is being filled in; when the user
    asks for the full check (检查) they turn into errors, each cell repainted."""
    from disclosure_desktop.app.document.controller import DocumentController

    document = DocumentController(new_report(YEARS[format_id], "测试局"))
    model = TableModel(document, "s3")
    blank = model.cell_index("new", "natural")
    assert model.data(blank, Roles.UNFILLED) is True and model.data(blank, Roles.SEVERITY) is None
    assert model.data(blank, Qt.ItemDataRole.BackgroundRole) is None
    from disclosure_desktop.app.tables.delegate import shown_text

    assert shown_text(model.cell_roles(blank.row(), blank.column())) == ("未填", True)  # grey, neutral
    assert model.data(blank, Qt.ItemDataRole.ToolTipRole).startswith("⚠ ")  # the reason is still at hand
    document.set_cells("s3", {("new", "natural"): 0})
    assert model.data(blank, Roles.UNFILLED) is False and model.data(blank, Roles.SEVERITY) is None
    assert shown_text(model.cell_roles(blank.row(), blank.column())) == ("0", False)

    changed = []
    model.dataChanged.connect(lambda top_left, _bottom_right, _roles: changed.append((top_left.row(), top_left.column())))
    document.request_full_check()
    other = model.cell_index("new", model.columns[1].id)
    assert model.data(other, Roles.SEVERITY) == "error" and model.data(other, Roles.UNFILLED) is False
    assert model.data(other, Qt.ItemDataRole.BackgroundRole).color() == SEVERITY_BACKGROUND["error"]
    assert (other.row(), other.column()) in changed and (blank.row(), blank.column()) not in changed
    document.request_full_check(False)
    assert model.data(other, Roles.UNFILLED) is True and model.data(other, Roles.SEVERITY) is None
    document.close()
