"""TableEditor driven by the keyboard, offscreen: live totals, refused keys, navigation, Delete, 全部填0."""

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from disclosure_desktop.app.tables.delegate import CellLineEdit
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.app.tables.editor import TableEditor
from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import load_project

SAMPLE = "resources/samples/kaizhou-edu-2019.gknb"


@pytest.fixture
def session():
    return ReportSession(new_report(2023, "测试局"))


def make_editor(qtbot, session, table_id):
    editor = TableEditor(session, table_id)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def at(editor, row_id, column_id):
    index = editor.model.cell_index(row_id, column_id)
    editor.view.setCurrentIndex(index)
    return index


def open_editor(editor) -> CellLineEdit:
    widget = editor.view.indexWidget(editor.view.currentIndex()) or QApplication.focusWidget()
    assert isinstance(widget, CellLineEdit)
    return widget


def type_chars(widget, text):
    """Key presses carrying any character (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def shown(editor, row_id, column_id):
    return editor.model.data(editor.model.cell_index(row_id, column_id))


def c1(session, column_id):
    return [f for f in session.findings if f.rule == "C1" and f.column == column_id]


def test_typing_updates_totals_and_checks_before_commit(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    at(editor, "new", "natural")
    QTest.keyClick(editor.view, Qt.Key.Key_1)  # typing on a selected cell starts editing with that key
    line = open_editor(editor)
    QTest.keyClicks(line, "23")
    assert line.text() == "123"
    # Not committed yet, but the totals, the checks and the balance strip already follow.
    assert session.stored_value("s3", "new", "natural") is None
    assert shown(editor, "new", "total") == "123"
    assert c1(session, "natural") and "相差123" in c1(session, "natural")[0].message
    assert editor.balance_strip.status(editor.model.column_of("natural")) == "相差123"
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    assert shown(editor, "new", "total") == "12" and "相差12" in c1(session, "natural")[0].message
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.stored_value("s3", "new", "natural") == 12
    assert session.undo_stack.count() == 1
    assert session._preview is None
    # Enter moved down to the next input cell of the column.
    current = editor.view.currentIndex()
    assert (editor.model.rows[current.row()].id, editor.model.columns[current.column()].id) == ("carried_in", "natural")


def test_balancing_the_column_clears_c1_and_turns_the_strip_green(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    session.set_cells("s3", {("new", "natural"): 3})
    at(editor, "public", "natural")
    QTest.keyClick(editor.view, Qt.Key.Key_3)
    assert not c1(session, "natural")  # balanced while still typing
    assert shown(editor, "results_total", "natural") == "3"
    assert editor.balance_strip.status(editor.model.column_of("natural")) == "相等"
    QTest.keyClick(open_editor(editor), Qt.Key.Key_Escape)  # cancel: back to the stored state
    assert session._preview is None and session.stored_value("s3", "public", "natural") is None
    assert shown(editor, "results_total", "natural") == "" and c1(session, "natural")


def test_invalid_text_stays_visible_in_red_and_is_never_stored(qtbot, session):
    """Text a count cell cannot take is kept as typed (a dropped '.' would turn 2.5 into 25),
    shown in red with the reason, and not committed: the model keeps the previous value."""
    editor = make_editor(qtbot, session, "s3")
    messages = []
    editor.message.connect(messages.append)
    at(editor, "new", "natural")
    QTest.keyClick(editor.view, Qt.Key.Key_4)
    line = open_editor(editor)
    QTest.keyClicks(line, "2a")
    assert line.text() == "42a" and line.refused_text and line.property("refused")
    assert "此处只能填写不小于0的整数" in line.last_refusal and "不是数字" in line.last_refusal
    assert "请填写0或正整数" in line.last_refusal and QToolTip.text() == line.last_refusal
    assert session._preview is None  # the totals show the stored value while the text is refused
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.view.state() == editor.view.State.EditingState  # Enter does not leave refused text
    assert session.stored_value("s3", "new", "natural") is None
    assert messages[-1].startswith("“42a”没有填入") and "此处只能填写不小于0的整数" in messages[-1]
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    assert line.text() == "42" and not line.refused_text and not line.property("refused")
    QTest.keyClicks(line, "1234567")  # 9 digits: allowed
    QTest.keyClicks(line, "8")  # a 10th digit: shown, refused
    assert line.text() == "4212345678" and "超过9位" in line.last_refusal
    QTest.keyClick(line, Qt.Key.Key_Backspace)
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.stored_value("s3", "new", "natural") == 421234567


@pytest.mark.parametrize("typed, stored, refused", [
    ("2.5", 7, "此处只能填写不小于0的整数：这里只能填写整数"),
    ("-3", 7, "此处只能填写不小于0的整数：数量不能为负数"),
    ("１２", 12, ""), ("1,234", 1234, ""), ("1，234", 1234, ""), (" 56 ", 56, ""), ("１，２３４", 1234, ""),
])
def test_typed_count_is_stored_exactly_or_refused_visibly(qtbot, session, typed, stored, refused):
    editor = make_editor(qtbot, session, "s3")
    session.set_cells("s3", {("new", "natural"): 7}, "起点")
    messages = []
    editor.message.connect(messages.append)
    editor.view.edit(at(editor, "new", "natural"))
    line = open_editor(editor)
    line.selectAll()
    type_chars(line, typed)
    QTest.keyClick(line, Qt.Key.Key_Tab)
    assert session.stored_value("s3", "new", "natural") == stored
    if refused:
        assert line.text() == typed and line.last_refusal.startswith(refused)
        assert messages and messages[-1].startswith(f"“{typed}”没有填入")
        QTest.keyClick(line, Qt.Key.Key_Escape)  # giving up keeps the old value
        assert session.stored_value("s3", "new", "natural") == 7
    else:
        assert not messages


def test_refused_text_left_by_a_click_elsewhere_is_reported(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    messages = []
    editor.message.connect(messages.append)
    editor.view.edit(at(editor, "new", "natural"))
    line = open_editor(editor)
    QTest.keyClicks(line, "2.5")
    editor.view.commitData(line)  # what a focus change does before closing the editor
    assert session.stored_value("s3", "new", "natural") is None
    assert messages[-1] == "“2.5”没有填入：此处只能填写不小于0的整数。单元格保留原值（空白）。"


def test_signed_and_decimal_cells(qtbot):
    session = ReportSession(new_report(2019, "测试局"))
    item5 = make_editor(qtbot, session, "s2_item5")
    at(item5, "licensing", "change")
    QTest.keyClick(item5.view, Qt.Key.Key_Minus)
    line = open_editor(item5)
    assert line.text() == "-"  # a sign alone is on its way to a number
    QTest.keyClicks(line, "3")
    QTest.keyClick(line, Qt.Key.Key_Tab)
    assert session.stored_value("s2_item5", "licensing", "change") == -3
    item9 = make_editor(qtbot, session, "s2_item9")
    at(item9, "central_procurement", "amount")
    QTest.keyClick(item9.view, Qt.Key.Key_3)
    line = open_editor(item9)
    QTest.keyClicks(line, "2.")
    assert shown(item9, "central_procurement", "amount") == "32"  # preview of the whole part
    QTest.keyClicks(line, "2")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.stored_value("s2_item9", "central_procurement", "amount") == 32.2


def test_full_width_digits_are_converted_as_typed(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    at(editor, "new", "commercial")
    QTest.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_editor(editor)
    type_chars(line, "１２")  # full-width keys, as a Chinese input method in full-width mode sends
    assert line.text() == "12"
    assert shown(editor, "new", "total") == "12"
    event = QInputMethodEvent("", [])
    event.setCommitString("３")  # committed by an input method
    QApplication.sendEvent(line, event)
    assert line.text() == "123"
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.stored_value("s3", "new", "commercial") == 123


def test_input_method_text_starts_editing(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    session.set_cells("s3", {("new", "research"): 7})
    at(editor, "new", "research")
    event = QInputMethodEvent("", [])
    event.setCommitString("４５")  # full-width digits committed by a Chinese input method
    QApplication.sendEvent(editor.view, event)
    line = open_editor(editor)
    assert line.text() == "45"  # replaces the 7, as typing does
    assert shown(editor, "new", "total") == "45"
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert session.stored_value("s3", "new", "research") == 45


def test_tab_and_enter_skip_computed_and_group_cells(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    model = editor.model

    def where():
        i = editor.view.currentIndex()
        return model.rows[i.row()].id, model.columns[i.column()].id

    at(editor, "new", "other_org")
    QTest.keyClick(editor.view, Qt.Key.Key_Tab)  # past the 总计 column to the next row
    assert where() == ("carried_in", "natural")
    QTest.keyClick(editor.view, Qt.Key.Key_Backtab)
    assert where() == ("new", "other_org")
    at(editor, "carried_in", "research")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)  # past the group row 三、本年度办理结果
    assert where() == ("public", "research")
    at(editor, "declined_5", "research")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)  # past the （六） group row
    assert where() == ("other_1", "research")
    at(editor, "other_3", "research")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)  # past （七）总计
    assert where() == ("carried_out", "research")
    QTest.keyClick(editor.view, Qt.Key.Key_Return)  # bottom of the column: on to the next column
    assert where() == ("new", "public_interest")
    QTest.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert where() == ("carried_out", "research")
    # Tab while editing commits and moves right; typing there starts a new edit.
    at(editor, "new", "natural")
    QTest.keyClick(editor.view, Qt.Key.Key_7)
    QTest.keyClick(open_editor(editor), Qt.Key.Key_Tab)
    assert where() == ("new", "commercial") and session.stored_value("s3", "new", "natural") == 7
    QTest.keyClick(editor.view, Qt.Key.Key_8)
    QTest.keyClick(open_editor(editor), Qt.Key.Key_Tab)
    assert session.stored_value("s3", "new", "commercial") == 8
    assert shown(editor, "new", "total") == "15"


def test_tab_leaves_the_table_at_its_ends(qtbot, session):
    """Keyboard only: Tab past the last input cell goes on to the next widget, Shift+Tab back."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before, editor, after = QPushButton("前"), TableEditor(session, "s4"), QPushButton("后")
    for widget in (before, editor, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    editor.focus_cell("suit_after_review", "pending")
    QTest.keyClick(editor.view, Qt.Key.Key_Tab)
    assert window.focusWidget() is after
    editor.focus_cell("review", "upheld")
    QTest.keyClick(editor.view, Qt.Key.Key_Backtab)
    assert window.focusWidget() is before


def test_delete_clears_selected_input_cells_in_one_step(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    session.set_cells("s3", {("new", c.id): 5 for c in editor.model.columns if c.id != "total"})
    session.set_cells("s3", {("carried_in", "natural"): 2})
    before = session.undo_stack.count()
    view, model = editor.view, editor.model
    at(editor, "new", "other_org")
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # onto the 总计 column
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert session.stored_value("s3", "new", "other_org") is None
    assert session.stored_value("s3", "new", "legal_service") == 5
    assert shown(editor, "new", "total") == "25"
    assert session.undo_stack.count() == before + 1
    view.selectAll()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert all(v is None for row in session.report.tables.get("s3", {}).values() for v in row.values())
    assert session.undo_stack.count() == before + 2
    session.undo_stack.undo()
    assert session.stored_value("s3", "carried_in", "natural") == 2 and shown(editor, "new", "total") == "25"


def test_fill_zero_is_one_undo_step(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    session.set_cells("s3", {("new", "natural"): 4})
    messages = []
    editor.message.connect(messages.append)
    assert editor.fill_zero()
    assert session.undo_stack.count() == 2
    values = session.report.tables["s3"]
    assert values["new"]["natural"] == 4
    assert all(values[r.id][c.id] == 0 for r, c in editor.model.table.input_cells() if (r.id, c.id) != ("new", "natural"))
    assert f"{len(editor.model.table.input_cells()) - 1}个" in messages[-1]
    assert not editor.fill_zero()  # nothing blank any more
    session.undo_stack.undo()
    assert session.stored_value("s3", "public", "natural") is None and session.stored_value("s3", "new", "natural") == 4
    session.undo_stack.redo()
    assert shown(editor, "public", "total") == "0"


def test_undo_and_redo_repaint_the_cells(qtbot, session):
    editor = make_editor(qtbot, session, "s4")
    at(editor, "review", "upheld")
    QTest.keyClick(editor.view, Qt.Key.Key_2)
    QTest.keyClick(open_editor(editor), Qt.Key.Key_Tab)
    QTest.keyClick(editor.view, Qt.Key.Key_3)
    QTest.keyClick(open_editor(editor), Qt.Key.Key_Tab)
    assert shown(editor, "review", "total") == "5"
    session.undo_stack.undo()
    assert shown(editor, "review", "total") == "2" and shown(editor, "review", "corrected") == ""
    session.undo_stack.undo()
    assert shown(editor, "review", "total") == ""
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert shown(editor, "review", "total") == "5"


def test_focus_cell(qtbot):
    session = ReportSession(load_project(SAMPLE).report)
    editor = make_editor(qtbot, session, "s3")
    editor.resize(900, 300)  # so carried_out needs scrolling
    assert editor.focus_cell("carried_out", "legal_service")
    index = editor.view.currentIndex()
    assert index == editor.model.cell_index("carried_out", "legal_service")
    assert editor.view.viewport().rect().intersects(editor.view.visualRect(index))
    assert editor.focusWidget() is editor.view  # (the window itself may be inactive offscreen)
    assert editor.focus_cell(None, "research")  # a whole-column finding (C1)
    assert editor.view.currentIndex().column() == editor.model.column_of("research")
    assert not editor.focus_cell("no_such_row", "research")


def test_header_follows_the_printed_table(qtbot, session):
    editor = make_editor(qtbot, session, "s3")
    grid = editor.view.grid
    assert grid.label_columns == 3 and grid.rows == 3
    note = grid.corner_cells
    assert len(note) == 1 and note[0].role == "note" and "勾稽关系" in note[0].text
    spans = {c.text: (c.row, c.column, c.rowspan, c.colspan) for c in grid.value_cells}
    assert spans["申请人情况"] == (0, 0, 1, 7)
    assert spans["自然人"] == (1, 0, 2, 1)
    assert spans["法人或其他组织"] == (1, 1, 1, 5)
    assert spans["总计"] == (1, 6, 2, 1)
    assert spans["商业企业"] == (2, 1, 1, 1) and spans["其他"] == (2, 5, 1, 1)
    header = editor.view.column_header
    before = header._span_width(next(c for c in grid.value_cells if c.text == "法人或其他组织"))
    header.resizeSection(2, header.sectionSize(2) + 40)
    assert header._span_width(next(c for c in grid.value_cells if c.text == "法人或其他组织")) == before + 40


def test_shared_label_width_survives_a_font_change(qtbot):
    session = ReportSession(new_report(2019, "测试局"))
    editors = [make_editor(qtbot, session, t) for t in ("s2_item1", "s2_item5", "s2_item9")]
    width = max(e.label_width() for e in editors)
    for e in editors:
        e.set_label_width(width)
    assert {e.label_width() for e in editors} == {width}
    for e in editors:
        font = e.view.font()  # on the view itself: an application style sheet stops inheritance
        font.setPointSizeF(font.pointSizeF() * 1.5)
        e.view.setFont(font)
    widths = {e.label_width() for e in editors}
    assert len(widths) == 1 and widths.pop() > width


@pytest.fixture
def app_font_scale():
    """Scale the application font (a system set to a larger text size) and restore it afterwards."""
    original = QApplication.font()

    def scale(factor):
        font = QFont(original)
        font.setPointSizeF(original.pointSizeF() * factor)
        QApplication.setFont(font)
    yield scale
    QApplication.setFont(original)


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
@pytest.mark.parametrize("table_id", ["s2_item1", "s2_item8", "s3", "s4"])
def test_labels_fit_at_larger_fonts(qtbot, session, table_id, scale, app_font_scale):
    app_font_scale(scale)  # the editor is built with the larger font, as at start-up on such a system
    editor = make_editor(qtbot, session, table_id)
    view = editor.view
    assert abs(view.font().pointSizeF() - QApplication.font().pointSizeF()) < 0.01
    metrics = view.fontMetrics()
    header = view.column_header
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    heights = header.row_heights()
    for cell in view.grid.value_cells:
        width = header._span_width(cell)
        need = metrics.boundingRect(0, 0, width - 8, 10_000, flags, cell.text)
        assert need.width() <= width and need.height() <= sum(heights[cell.row:cell.row + cell.rowspan])
    # Every row label fits its (possibly wrapped) row.
    rows = view.row_header
    bold = QFont(view.font())
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)
    for r, row in enumerate(editor.model.rows):
        width = rows.label_rect(QRect(0, 0, rows.width(), 10), row.level).width()
        assert width >= bold_metrics.horizontalAdvance("中") * 6
        need = bold_metrics.boundingRect(0, 0, width, 10_000, flags, row.label)
        assert need.height() <= rows.sectionSize(r), row.label
    # Column widths hold 8 digits.
    for c in range(editor.model.columnCount()):
        assert header.sectionSize(c) >= metrics.horizontalAdvance("0" * 8)
