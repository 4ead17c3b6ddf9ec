"""The guided flow by keyboard only, and the state badges of the navigator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desktop.core.model import new_report
from disclosure_desktop.core.section_state import BLANKS, EMPTY, ERRORS, FILLED, READY, WARNINGS

from .window_helpers import *  # noqa: F401,F403  (fixtures)

PAGES = ["cover", "s1", "s2", "s3", "s4", "s5", "s6", "check"]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press delivered where a user's would go: to the widget that has the focus."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


@pytest.fixture
def sample_window(window, qtbot):
    window.files.open_sample()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window


def test_ctrl_page_down_walks_every_section_and_back(qtbot, sample_window):
    window = sample_window
    assert window.editor.current_page_id() == "cover"
    seen = ["cover"]
    for _ in PAGES[1:]:
        press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        seen.append(window.editor.current_page_id())
        # The focus follows into the page, so typing continues there without a mouse.
        assert window.editor.stack.currentWidget().isAncestorOf(QApplication.focusWidget())
    assert seen == PAGES
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.current_page_id() == "check"  # the last step stays put
    for expected in reversed(PAGES[:-1]):
        press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
        assert window.editor.current_page_id() == expected


def test_alt_arrows_move_even_from_inside_the_text_editor(qtbot, sample_window):
    window = sample_window
    window.editor.go_to("s1", focus=True)
    assert QApplication.focusWidget() is window.editor.page("s1").editor.edit
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.editor.current_page_id() == "s2"
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.editor.current_page_id() == "cover"


def test_ctrl_number_jumps_and_the_navigator_follows_arrow_keys(qtbot, sample_window):
    window = sample_window
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.current_page_id() == "s3"
    press(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.editor.navigator
    press(qtbot, Qt.Key.Key_Down)
    assert window.editor.current_page_id() == "s4"
    press(qtbot, Qt.Key.Key_End)
    assert window.editor.current_page_id() == "check"
    press(qtbot, Qt.Key.Key_Home)
    assert window.editor.current_page_id() == "cover"


def test_shortcuts_are_shown_in_menus_and_tooltips(sample_window):
    window = sample_window
    assert "Ctrl+PgDown" in window.next_action.toolTip()
    assert "Ctrl+PgUp" in window.previous_action.toolTip()
    assert "Ctrl+PgDown" in window.editor.next_button.toolTip()
    shown = {action.text(): action.shortcut().toString() for action in window.go_menu.actions() if action.text()}
    assert shown["下一步(&N)"] == "Ctrl+PgDown"
    assert shown["三、收到和处理政府信息公开申请情况"] == "Ctrl+4"


def test_keyboard_only_edit_of_a_cell_and_undo(qtbot, sample_window):
    window = sample_window
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # 三
    view = window.editor.page("s3").editors["s3"].view
    assert QApplication.focusWidget() is view
    assert window.document.value("s3", "new", "natural") == 0
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_Return)
    assert window.document.value("s3", "new", "natural") == 3
    assert window.document.value("s3", "new", "total") == 3
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value("s3", "new", "natural") == 0
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.value("s3", "new", "natural") == 3


def test_badges_follow_the_findings(qtbot, window):
    from disclosure_desktop.app.document.controller import DocumentController

    window.set_document(DocumentController(new_report(2023, "某某县教育局"), display_name="未命名"))
    navigator = window.editor.navigator

    def states():
        window.editor.update_states()
        return {page: navigator.state_of(page) for page in PAGES}

    initial = states()
    assert initial["s1"].status == EMPTY and initial["s1"].badge == "未填"
    assert initial["s3"].status == EMPTY
    # Nothing filled yet is not a mistake: 检查与导出 counts what is left to fill.
    assert initial["check"].status == BLANKS and initial["check"].count == len(window.document.findings)

    # Some of 三 filled, balanced: the blanks are counted, not called mistakes.
    window.document.set_cells("s3", {("new", "natural"): 2, ("public", "natural"): 2})
    assert states()["s3"].status == BLANKS and states()["s3"].badge.endswith("处未填")

    # Everything of 三 zero but one result without an application: C9/C1 errors.
    table = window.document.report.spec.table("s3")
    zeros = {(row.id, column.id): 0 for row, column in table.input_cells()}
    window.document.set_cells("s3", {**zeros, ("public", "natural"): 4})
    s3 = states()["s3"]
    assert s3.status == ERRORS and s3.badge == f"{s3.count} 个错误" and s3.count >= 1

    window.document.set_cells("s3", {("public", "natural"): 0})
    assert states()["s3"].status == FILLED and states()["s3"].badge == "已填"

    # A warning on the cover (published late) and its acknowledgement.
    import datetime as dt
    window.document.set_meta(lambda r: setattr(r.front, "published_on", dt.date(2024, 5, 1)))
    assert states()["cover"].status == WARNINGS and states()["cover"].badge == "1 个提示"
    window.document.set_explanation("C20", "经批准延期公开。")
    assert states()["cover"].status == FILLED


def test_badges_update_by_themselves_after_an_edit(qtbot, sample_window):
    window = sample_window
    navigator = window.editor.navigator
    assert navigator.state_of("check").status == READY
    window.document.set_narrative("s5", "")
    qtbot.waitUntil(lambda: navigator.state_of("s5").status == EMPTY)
    qtbot.waitUntil(lambda: navigator.state_of("check").status == BLANKS)
    assert navigator.state_of("check").badge == "1 处未填"
    window.document.request_full_check()  # 检查: the empty section is an error
    qtbot.waitUntil(lambda: navigator.state_of("check").status == ERRORS)
    assert navigator.state_of("check").badge == "1 个错误" and navigator.state_of("s5").badge == "1 个错误"


def test_ctrl_z_in_the_text_editor_is_the_windows_undo(qtbot, sample_window):
    window = sample_window
    window.editor.go_to("s6", focus=True)
    edit = window.editor.page("s6").editor.edit
    before = window.document.report.narrative["s6"]
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, "abc")
    assert window.document.report.narrative["s6"] == before + "abc"
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.narrative["s6"] == before and edit.toPlainText() == before
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == before + "abc"
    assert "编辑正文" in window.undo_action.text()
