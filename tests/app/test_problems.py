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


# --- a new report: what is left to fill, not a wall of errors ------------------------------------
def new_2025_report(window):
    from disclosure_desktop.app.document.controller import DocumentController
    from disclosure_desktop.core.model import new_report

    window.set_document(DocumentController(new_report(2025, "某某县教育局"), display_name="未命名"))
    return window.document


def refreshed(window):
    window.problems.refresh()  # both refresh on the next event-loop turn; the test does not wait
    window.editor.update_states()


def rows_by_page(panel, kind):
    """Page id → the findings the panel lists under the filter `kind`."""
    from disclosure_desktop.core.section_state import page_of_finding

    panel.set_filter(kind)
    spec = panel.session.report.spec
    pages: dict[str, list] = {}
    for finding in panel.visible_findings():
        pages.setdefault(page_of_finding(spec, finding), []).append(finding)
    return pages


def assert_badges_count_the_panel(window):
    """Every badge counts exactly what the problems panel lists for its page (and 检查与导出
    what it lists in all)."""
    from disclosure_desktop.core.section_state import BLANKS, CHECK, EMPTY, ERRORS as ERROR_BADGE, FILLED, READY
    from disclosure_desktop.core.section_state import WARNINGS as WARNING_BADGE

    panel, navigator = window.problems, window.editor.navigator
    refreshed(window)
    listed = {kind: rows_by_page(panel, kind) for kind in (ERRORS, WARNINGS, TO_FILL)}
    total = {kind: sum(map(len, pages.values())) for kind, pages in listed.items()}
    assert panel.filter_buttons[ERRORS].text() == f"错误 {total[ERRORS]}"
    assert panel.filter_buttons[TO_FILL].text() == f"未填 {total[TO_FILL]}"
    for page in navigator.page_ids():
        state = navigator.state_of(page)
        errors, warnings, blanks = (len(listed[kind].get(page, ())) for kind in (ERRORS, WARNINGS, TO_FILL))
        if page == CHECK:
            errors, blanks = total[ERRORS], total[TO_FILL]
        if state.status == ERROR_BADGE:
            assert state.count == errors, page
        elif state.status == BLANKS:
            assert (errors, state.count) == (0, blanks), page
        elif state.status == WARNING_BADGE:
            assert (errors, blanks, state.count) == (0, 0, warnings), page
        elif state.status == EMPTY:
            assert errors == 0 and blanks >= 1, page
        else:
            assert state.status in (FILLED, READY) and errors == blanks == 0, page
    panel.set_filter(ALL)


def test_a_new_report_shows_what_is_left_to_fill_and_no_errors_until_the_check(window):
    from disclosure_desktop.app.tables.model import Roles
    from disclosure_desktop.core.checks import ERROR
    from disclosure_desktop.core.section_state import split_findings

    document = new_2025_report(window)
    panel = window.problems
    refreshed(window)
    assert document.findings and all(f.severity == ERROR for f in document.findings)  # what 检查 would say
    # Nothing is shown as an error: the list of problems is empty, a neutral line says what is left.
    assert panel.visible_findings() == [] and "0 个错误" in panel.windowTitle()
    assert panel.empty_label.text() == "已填写的内容中没有发现问题。"
    summary = split_findings(document.report.spec, document.findings, False).to_fill_summary()
    assert summary.startswith("还有 166 个单元格、6 个部分") and summary in panel.unfilled_label.text()
    assert panel.unfilled_label.isVisibleTo(panel)
    rows = rows_by_page(panel, TO_FILL)
    assert sum(map(len, rows.values())) == len(document.findings)
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "未填" and item.foreground(0).color().name() == "#5f6368"
    assert window.editor.navigator.state_of("s3").badge == "未填"
    window.editor.go_to("s3")
    model = window.editor.page("s3").editors["s3"].model
    inputs = [model.cell_index(row.id, column.id) for row, column in model.table.input_cells()]
    assert all(model.data(i, Roles.SEVERITY) is None and model.data(i, Roles.UNFILLED) for i in inputs)
    assert all(model.data(i, Qt.ItemDataRole.BackgroundRole) is None for i in inputs)
    assert_badges_count_the_panel(window)

    # What the user enters is checked at once: a negative number, an unbalanced column.
    document.set_cells("s3", {("new", "natural"): -3, ("public", "commercial"): 2})
    assert_badges_count_the_panel(window)
    shown = rows_by_page(panel, ERRORS)["s3"]
    assert {(f.row, f.column) for f in shown} >= {("new", "natural"), (None, "commercial")}
    assert model.data(model.cell_index("new", "natural"), Roles.SEVERITY) == ERROR
    assert model.data(model.cell_index("new", "commercial"), Roles.SEVERITY) == ERROR  # C1 names its rows
    assert model.data(model.cell_index("public", "natural"), Roles.SEVERITY) is None
    s3 = window.editor.navigator.state_of("s3")
    assert s3.badge == f"{len(shown)} 个错误"

    # 检查: every blank is an error now, in the panel, the badges and the cells.
    window.editor.run_full_check()
    assert document.full_check and window.editor.current_page_id() == "check"
    refreshed(window)
    assert rows_by_page(panel, TO_FILL) == {} and not panel.unfilled_label.isVisibleTo(panel)
    panel.set_filter(ERRORS)
    assert panel.visible_findings() == document.findings
    assert_badges_count_the_panel(window)
    assert window.editor.navigator.state_of("s1").badge == "1 个错误"
    blank = model.cell_index("public", "natural")
    assert model.data(blank, Roles.SEVERITY) == ERROR and not model.data(blank, Roles.UNFILLED)
    assert model.data(blank, Qt.ItemDataRole.BackgroundRole) is not None


def test_the_sample_badges_count_the_panel(window):
    window.files.open_sample()
    window.document.set_narrative("s5", "")
    window.document.set_cells("s3", {("new", "natural"): None, ("public", "research"): 7})
    window.document.set_meta(lambda r: setattr(r.front, "published_on", dt.date(2020, 6, 1)))
    assert_badges_count_the_panel(window)
    window.document.request_full_check()
    assert_badges_count_the_panel(window)


def test_the_check_command_shows_the_blanks_as_errors(window):
    """编辑 → 检查全部 (F9): the full check from anywhere, as opening 检查与导出 does."""
    window.files.open_sample()
    window.document.set_cells("s3", {("new", "natural"): None})
    assert not window.document.full_check
    assert [s.toString() for s in window.check_action.shortcuts()] == ["F9"]
    window.check_action.trigger()
    assert window.document.full_check and window.editor.current_page_id() == "check"
