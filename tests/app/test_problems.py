"""The problems panel: filters, jumping to the cell, acknowledging a warning with 出错说明."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.shell.problems_panel import ALL, ERRORS, EXPLAINED, TO_FILL, WARNINGS
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.io.project_file import load_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE


def late_sample(window, tmp_path):
    """The sample with its explanation of C20 removed: one open warning, no errors."""
    target = tmp_path / "late.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    window.document.set_explanation("C20", "")
    window.files.save()
    window.problems.refresh()  # both refresh on the next event-loop turn; the test does not wait
    window.editor.update_states()
    return target


def item_for(panel, rule):
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole + 1).rule == rule:
            return item
    return None


def test_acknowledging_a_warning_is_saved_and_leaves_the_open_counts(window, prompter, make_window, tmp_path):
    target = late_sample(window, tmp_path)
    panel = window.problems
    assert "0 个错误，1 个提示" in panel.windowTitle()
    assert window.editor.navigator.state_of("cover").badge == "1 个提示"
    item = item_for(panel, "C20")
    assert item.text(0) == "提示" and "晚于政府部门年报的法定期限" in item.text(2)

    panel.tree.setCurrentItem(item)
    assert panel.explain_button.isEnabled()

    def fill(dialog):
        assert "晚于" in dialog.finding.message
        dialog.edit.setPlainText("  网站改版，经区政府办同意延期发布。 ")
        return True
    prompter.queue("run_dialog", fill)
    panel.explain_button.click()

    assert window.document.report.explanations == {"C20": "网站改版，经区政府办同意延期发布。"}
    panel.refresh()
    window.editor.update_states()
    assert "0 个错误，0 个提示" in panel.windowTitle()
    assert window.editor.navigator.state_of("cover").badge == "已填"
    assert item_for(panel, "C20").text(0) == "已说明"
    assert item_for(panel, "C20").text(3) == "网站改版，经区政府办同意延期发布。"

    assert window.files.save()
    assert load_project(target).report.explanations["C20"] == "网站改版，经区政府办同意延期发布。"
    reopened = make_window()
    reopened.files.open_path(target)
    (c20,) = [f for f in reopened.document.findings if f.rule == "C20"]
    assert c20.acknowledged

    # The acknowledgement is an edit like any other: undo brings the warning back.
    window.document.undo_stack.undo()
    assert not [f for f in window.document.findings if f.rule == "C20"][0].acknowledged


def test_explanations_can_be_edited_and_removed(window, prompter):
    window.files.open_sample()  # its C20 carries an explanation
    panel = window.problems
    panel.refresh()
    item = item_for(panel, "C20")
    panel.tree.setCurrentItem(item)
    assert panel.explain_button.text().startswith("修改说明") and panel.remove_button.isEnabled()

    def edit(dialog):
        assert dialog.edit.toPlainText().startswith("示例说明")
        dialog.edit.setPlainText("改写后的说明。")
        return True
    prompter.queue("run_dialog", edit)
    panel.explain_button.click()
    assert window.document.report.explanations["C20"] == "改写后的说明。"

    prompter.queue("run_dialog", lambda dialog: False)  # cancelled: nothing changes
    panel.explain_button.click()
    assert window.document.report.explanations["C20"] == "改写后的说明。"

    panel.refresh()
    panel.tree.setCurrentItem(item_for(panel, "C20"))
    panel.remove_button.click()
    assert "C20" not in window.document.report.explanations
    assert not [f for f in window.document.findings if f.rule == "C20"][0].acknowledged


def test_errors_cannot_be_explained_away(window, prompter):
    window.files.open_sample()
    window.document.set_cells("s3", {("public", "natural"): 2})  # a result without any application
    panel = window.problems
    panel.refresh()
    item = item_for(panel, "C1")
    panel.tree.setCurrentItem(item)
    assert item.text(0) == "错误"
    assert not panel.explain_button.isEnabled()
    panel.explain_current()
    assert prompter.messages("run_dialog") == []


def test_filters_split_errors_warnings_and_explained(window):
    window.files.open_sample()
    window.document.set_cells("s3", {("public", "natural"): 2})
    window.document.set_meta(lambda r: setattr(r.front, "has_rulemaking_power", False))
    window.document.set_cells("s2_item1", {("regulations", "new_made"): 1})  # C14 warning
    panel = window.problems
    counts = {}
    for kind in (ALL, ERRORS, WARNINGS, EXPLAINED):
        panel.set_filter(kind)
        counts[kind] = {f.rule for f in panel.visible_findings()}
    assert "C1" in counts[ERRORS] and "C14" not in counts[ERRORS]
    assert counts[WARNINGS] == {"C14"}
    assert counts[EXPLAINED] == {"C20"}
    assert counts[ALL] == counts[ERRORS] | counts[WARNINGS] | counts[EXPLAINED]
    assert panel.filter_buttons[WARNINGS].text() == "提示 1"


def test_activating_a_cell_finding_jumps_to_the_cell(qtbot, window):
    window.files.open_sample()
    window.document.set_cells("s3", {("declined_2", "research"): 1})
    panel = window.problems
    panel.set_filter(ERRORS)
    item = item_for(panel, "C9")
    assert item is not None
    finding = item.data(0, Qt.ItemDataRole.UserRole + 1)
    panel.tree.setCurrentItem(item)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)  # Enter = double-click (itemActivated)
    assert window.editor.current_page_id() == "s3"
    editor = window.editor.page("s3").editors["s3"]
    current = editor.view.currentIndex()
    assert editor.model.rows[current.row()].id == finding.row
    assert editor.model.columns[current.column()].id == finding.column
    assert QApplication.focusWidget() is editor.view


def test_a_finding_without_a_cell_jumps_to_its_section(qtbot, window):
    window.files.open_sample()
    window.document.set_narrative("s5", "")
    panel = window.problems
    panel.set_filter(TO_FILL)  # an emptied section is 未填 until 检查
    item = item_for(panel, "C19")
    assert item.text(0) == "未填"
    panel.tree.setCurrentItem(item)
    panel.goto_button.click()
    assert window.editor.current_page_id() == "s5"
    assert QApplication.focusWidget() is window.editor.page("s5").editor.edit


def test_f8_moves_the_focus_to_the_problems_list(qtbot, window):
    window.files.open_sample()
    window.activateWindow()
    window.editor.go_to("s1", focus=True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert QApplication.focusWidget() is window.problems.tree


def shown_rows(panel):
    tree = panel.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(4)) + (tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1),)
            for i in range(tree.topLevelItemCount())]


def test_an_edit_touches_only_the_rows_whose_finding_changed(window, make_window):
    """Typing changes one or two findings: the other rows keep their items, the selection and
    the scroll position stay, and the list equals one built afresh by a new panel."""
    assert window.files.open_path(SAMPLE)
    document, panel = window.document, window.problems
    document.request_full_check()  # blanks are listed among the problems
    # Six blank cells of 三: six rows saying 未填写, and the balance broken.
    table = document.report.spec.table("s3")
    for row in table.data_rows[:6]:
        document.set_cells("s3", {(row.id, "natural"): None})
    panel.refresh()
    tree = panel.tree
    count = tree.topLevelItemCount()
    assert count > 6
    items = [tree.topLevelItem(i) for i in range(count)]
    selected = items[count // 2]
    tree.setCurrentItem(selected)
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum())
    scroll = tree.verticalScrollBar().value()

    document.set_cells("s3", {(table.data_rows[0].id, "natural"): 3})  # one C5 row goes, a C1 row changes
    panel.refresh()
    after = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    kept = [item for item in after if any(item is old for old in items)]
    assert tree.currentItem() is selected
    assert tree.verticalScrollBar().value() == min(scroll, tree.verticalScrollBar().maximum())
    assert len(kept) >= len(items) - 3  # only the changed rows were replaced

    fresh = make_window()
    assert fresh.files.open_path(SAMPLE)
    fresh.document.request_full_check()
    for row in table.data_rows[:6]:
        fresh.document.set_cells("s3", {(row.id, "natural"): None})
    fresh.document.set_cells("s3", {(table.data_rows[0].id, "natural"): 3})
    fresh.problems.refresh()
    assert shown_rows(panel) == shown_rows(fresh.problems)
    assert [row[4] for row in shown_rows(panel)] == [f for f in document.findings]


def test_f2_edits_a_table_cell_and_explains_only_in_the_problems_list(qtbot, window, prompter):
    """F2 is the problems list's 填写说明 only while the list has the focus; in a table it opens
    the cell for editing, as in any item view."""
    assert window.files.open_path(SAMPLE)
    window.activateWindow()
    window.editor.go_to("s3", focus=True)
    editor = window.editor.page("s3").editors["s3"]
    assert editor.focus_cell("new", "natural")
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    assert editor.view.indexWidget(editor.view.currentIndex()) is not None  # the cell editor is open
    assert prompter.messages("run_dialog") == []  # and no explanation dialog was asked for

    panel = window.problems
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item_for(panel, "C20"))
    prompter.queue("run_dialog", lambda dialog: False)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert prompter.messages("run_dialog") == [("ExplanationDialog",)]
