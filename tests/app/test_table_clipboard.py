"""Copy and paste of tab-separated blocks: Excel/WPS text, all-or-nothing pastes, one undo step."""

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.app.tables.clipboard import parse_block, plan_paste
from disclosure_desktop.app.tables.editor import TableEditor
from disclosure_desktop.core.formats import get_format
from disclosure_desktop.core.model import new_report


@pytest.fixture
def session():
    return ReportSession(new_report(2023, "测试局"))


@pytest.fixture
def editor(qtbot, session):
    widget = TableEditor(session, "s3")
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.messages = []
    widget.message.connect(widget.messages.append)
    return widget


def at(editor, row_id, column_id):
    editor.view.selectionModel().setCurrentIndex(editor.model.cell_index(row_id, column_id),
                                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)


def snapshot(session):
    return {t: {r: dict(c) for r, c in rows.items()} for t, rows in session.report.tables.items()}


def test_parse_block_reads_excel_and_wps_text():
    assert parse_block("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_block("1\t2\n3\t4") == [["1", "2"], ["3", "4"]]
    assert parse_block("1\t\t3\r\n") == [["1", "", "3"]]
    assert parse_block('"1,234"\t5\r\n') == [["1,234", "5"]]  # Excel quotes a cell with a separator
    assert parse_block("1\r\n2\t3\r\n") == [["1", ""], ["2", "3"]]  # ragged rows padded
    assert parse_block("") == [] and parse_block("\r\n") == []


def test_valid_block_pastes_as_one_undo_step(editor, session):
    at(editor, "new", "natural")
    assert editor.paste_text("1\t２\t1,234\r\n0\t 5 \t\r\n")
    values = session.report.tables["s3"]
    assert values["new"]["natural"] == 1 and values["new"]["commercial"] == 2
    assert values["new"]["research"] == 1234
    assert values["carried_in"]["natural"] == 0 and values["carried_in"]["commercial"] == 5
    assert values["carried_in"].get("research") is None  # an empty pasted cell is blank
    assert session.undo_stack.count() == 1
    assert editor.model.data(editor.model.cell_index("new", "total")) == "1237"
    assert "6" in editor.messages[-1]
    session.undo_stack.undo()
    assert all(v is None for row in session.report.tables["s3"].values() for v in row.values())


def test_block_rows_are_the_printed_rows(editor, session):
    # 三、本年度办理结果 is a merged label in print, not a row: the third pasted row is （一）予以公开.
    at(editor, "new", "natural")
    assert editor.paste_text("5\r\n1\r\n6\r\n")
    assert session.stored_value("s3", "public", "natural") == 6


def test_invalid_block_changes_nothing_and_names_the_cells(editor, session):
    session.set_cells("s3", {("new", "natural"): 9})
    before, steps = snapshot(session), session.undo_stack.count()
    at(editor, "new", "natural")
    assert not editor.paste_text("1\tabc\r\n-2\t3\r\n4\t5.5\r\n")
    assert snapshot(session) == before and session.undo_stack.count() == steps
    message = editor.messages[-1]
    assert "没有任何改动" in message
    assert "「一、本年新收政府信息公开申请数量」行「商业企业」列" in message and "不是数字" in message
    assert "「二、上年结转政府信息公开申请数量」行「自然人」列" in message and "负数" in message
    assert "「（一）予以公开」行「商业企业」列" in message and "整数" in message
    assert "3处" in message


def test_paste_onto_computed_cells(editor, session):
    at(editor, "new", "legal_service")
    # A wrong value for the 总计 column is refused — nothing else is pasted either.
    assert not editor.paste_text("1\t2\t99\r\n")
    assert session.report.tables.get("s3", {}).get("new", {}).get("legal_service") is None
    assert "「一、本年新收政府信息公开申请数量」行「总计」列" in editor.messages[-1] and "99" in editor.messages[-1]
    # The right total (as in a whole table copied with its totals) or a blank one is accepted.
    assert editor.paste_text("1\t2\t3\r\n")
    assert session.stored_value("s3", "new", "other_org") == 2
    assert editor.paste_text("4\t5\t\r\n")
    assert editor.model.data(editor.model.cell_index("new", "total")) == "9"


def test_paste_outside_the_table_changes_nothing(editor, session):
    at(editor, "carried_out", "other_org")
    assert not editor.paste_text("1\t2\t3\r\n4\r\n")
    assert session.undo_stack.count() == 0
    assert "超出了表格范围" in editor.messages[-1]


def test_ctrl_c_and_ctrl_v(editor, session, qtbot):
    session.set_cells("s3", {("new", "natural"): 3, ("new", "commercial"): 4, ("carried_in", "natural"): 5})
    view = editor.view
    at(editor, "new", "natural")
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "3\t4\n5\t\n"
    at(editor, "public", "research")
    QTest.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert session.stored_value("s3", "public", "research") == 3
    assert session.stored_value("s3", "partial", "research") == 5
    assert session.stored_value("s3", "partial", "public_interest") is None
    # Copying across a group row copies only the printed rows, totals included.
    at(editor, "carried_in", "natural")
    view.selectionModel().select(
        QItemSelection(editor.model.cell_index("carried_in", "natural"), editor.model.cell_index("public", "total")),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert editor.copy_text() == "5\t\t\t\t\t\t5\n\t\t3\t4\t\t\t7\n"


def test_whole_table_round_trip_with_totals(qtbot, session, editor):
    table = editor.model.table
    session.set_cells("s3", {(r.id, c.id): (i % 7) for i, (r, c) in enumerate(table.input_cells())})
    editor.view.selectAll()
    text = editor.copy_text()
    other = ReportSession(new_report(2023, "测试局"))
    target = TableEditor(other, "s3")
    qtbot.addWidget(target)
    target.view.setCurrentIndex(target.model.cell_index("new", "natural"))
    assert target.paste_text(text)
    assert other.report.tables["s3"] == session.report.tables["s3"]
    assert other.undo_stack.count() == 1


def test_table_4_printed_row_folds_into_the_editor_rows(qtbot, session):
    widget = TableEditor(session, "s4")
    qtbot.addWidget(widget)
    widget.view.setCurrentIndex(widget.model.cell_index("review", "upheld"))
    # The printed table 四 is one row of 15 values: review, suit_direct, suit_after_review.
    assert widget.paste_text("\t".join(["1", "2", "0", "0", "3", "4", "0", "0", "0", "4", "0", "1", "0", "0", "1"]) + "\r\n")
    assert session.stored_value("s4", "review", "corrected") == 2
    assert session.stored_value("s4", "suit_direct", "upheld") == 4
    assert session.stored_value("s4", "suit_after_review", "corrected") == 1
    # A wrong printed total in that row is refused.
    assert not widget.paste_text("\t".join(["1", "2", "0", "0", "9"] + ["0"] * 10))


def test_plan_paste_without_a_view():
    table = get_format("gov-2019").table("s2_item5")
    plan = plan_paste(table, {}, "licensing", 1, [["-3", "7"], ["+2", "x"]])
    assert not plan.ok and len(plan.problems) == 1 and "「其他对外管理服务事项」行「处理决定数量」列" in plan.problems[0]
    plan = plan_paste(table, {}, "licensing", 1, [["-3", "7"], ["+2", "1"]])
    assert plan.ok and plan.changes[("licensing", "change")] == -3 and plan.changes[("other_services", "change")] == 2


def test_dashes_slashes_and_wu_are_pasted_as_zero_and_named(editor, session):
    """“/”, “—”, “－”, “无” mean none in published tables: 0, with the cells listed (as import does)."""
    at(editor, "new", "natural")
    assert editor.paste_text("/\t—\t3\r\n－\t无\t2\r\n")
    assert [session.stored_value("s3", "new", c) for c in ("natural", "commercial", "research")] == [0, 0, 3]
    assert [session.stored_value("s3", "carried_in", c) for c in ("natural", "commercial", "research")] == [0, 0, 2]
    message = editor.messages[-1]
    assert message.startswith("已粘贴6个单元格。") and "4个单元格写的是“/”“—”“无”等符号，已按0填入" in message
    assert "「一、本年新收政府信息公开申请数量」行「自然人」列：“/”" in message
    assert "「二、上年结转政府信息公开申请数量」行「商业企业」列：“无”" in message
