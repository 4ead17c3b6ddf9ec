"""Narrative editors: typing through the session, one undo, cursor kept, headings highlighted,
the topics of 一 (gov-2021), "从表格插入" as one undo step, the 信息处理费 form of 六."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.pages.guidance import guidance_html, topic_presence
from disclosure_desktop.app.text.editor import NarrativeEditor, changed_span
from disclosure_desktop.app.text.page import NarrativePage
from disclosure_desktop.core.narrative_templates import drafts_for
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.model import new_report

from .window_helpers import ime_commit


@pytest.fixture
def session(qapp):
    report = new_report(2023, "某某县教育局")
    return ReportSession(report)


@pytest.fixture
def editor(qtbot, session):
    widget = NarrativeEditor(session, "s1")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typing_goes_to_the_report_and_undo_restores_it(qtbot, editor, session):
    editor.edit.setFocus()
    ime_commit(editor.edit, "（一）主动公开")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    ime_commit(editor.edit, "本年度主动公开信息。")
    assert session.report.narrative["s1"] == "（一）主动公开\n本年度主动公开信息。"
    assert editor.count_label.text() == "17 字，2 段"
    assert session.undo_stack.count() == 1  # typing in one go is one undo step
    session.undo_stack.undo()
    assert editor.text() == "" and "s1" not in session.report.narrative
    session.undo_stack.redo()
    assert editor.text() == "（一）主动公开\n本年度主动公开信息。"


def test_undo_puts_the_cursor_where_the_text_changed(qtbot, editor, session):
    session.set_narrative("s1", "甲段。\n丙段。", merge=False)
    cursor = editor.edit.textCursor()
    cursor.setPosition(len("甲段。\n"))
    editor.edit.setTextCursor(cursor)
    ime_commit(editor.edit, "乙段。\n")
    assert session.report.narrative["s1"] == "甲段。\n乙段。\n丙段。"
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    session.undo_stack.undo()
    assert editor.text() == "甲段。\n丙段。"
    assert editor.edit.textCursor().position() == len("甲段。\n")  # at the change, not at the end
    session.undo_stack.redo()
    assert editor.edit.textCursor().position() == len("甲段。\n乙段。\n")


def test_changed_span():
    assert changed_span("abcdef", "abXXdef") == (2, 4)
    assert changed_span("abc", "abc") == (3, 3)
    assert changed_span("aaa", "aaaa") == (3, 4)


def test_text_widget_keeps_no_undo_of_its_own(editor):
    # Ctrl+Z must reach the window's undo action, which covers every kind of edit.
    assert not editor.edit.isUndoRedoEnabled()


def test_sub_headings_are_highlighted(qtbot, editor, session):
    session.set_narrative("s1", "（一）主动公开\n本年度，我局认真落实条例，主动公开各类信息，取得了良好效果。")
    document = editor.edit.document()
    heading, body = document.firstBlock(), document.firstBlock().next()
    heading_formats = heading.layout().formats()
    assert heading_formats and heading_formats[0].format.fontWeight() == QFont.Weight.Bold
    assert not body.layout().formats()


def test_control_characters_pasted_from_word_are_removed(qtbot, editor, session):
    editor.edit.setFocus()
    editor.edit.insertPlainText("一段\x0b文字\x0c。")
    assert session.report.narrative["s1"] == "一段文字。"
    assert editor.text() == "一段文字。"


def test_insert_from_tables_is_one_undo_step_at_the_cursor(qtbot, editor, session):
    table = session.report.spec.table("s3")
    zeros = {(row.id, column.id): 0 for row, column in table.input_cells()}
    session.set_cells("s3", {**zeros, ("new", "natural"): 12, ("carried_in", "natural"): 1,
                             ("public", "natural"): 9, ("partial", "commercial"): 0, ("unable_1", "natural"): 3,
                             ("carried_out", "natural"): 1})
    session.set_narrative("s1", "（二）依申请公开\n（三）政府信息管理", merge=False)
    cursor = editor.edit.textCursor()
    cursor.setPosition(len("（二）依申请公开"))
    editor.edit.setTextCursor(cursor)
    steps = session.undo_stack.count()

    draft = drafts_for(session.report, session.table_values, "s1")[0]
    assert draft.text.startswith("本年度共收到政府信息公开申请12件，上年结转1件。")
    assert "予以公开9件" in draft.text and "无法提供3件" in draft.text and "结转下年度继续办理1件" in draft.text
    editor.insert_draft(draft)
    assert session.report.narrative["s1"] == f"（二）依申请公开\n{draft.text}\n（三）政府信息管理"
    assert session.undo_stack.count() == steps + 1
    assert editor.edit.textCursor().position() == len("（二）依申请公开\n" + draft.text)
    # The drafted figures agree with the tables, so the narrative check (C16) has nothing to say.
    assert not [f for f in check_report(session.report) if f.rule == "C16"]
    # Typing after it is a step of its own: undoing the typing keeps the draft.
    ime_commit(editor.edit, "另")
    session.undo_stack.undo()
    assert draft.text in session.report.narrative["s1"]
    session.undo_stack.undo()
    assert session.report.narrative["s1"] == "（二）依申请公开\n（三）政府信息管理"


def test_insert_menu_lists_the_drafts(qtbot, editor):
    editor._fill_insert_menu()
    titles = [a.text() for a in editor.insert_menu.actions() if a.text()]
    assert titles[:3] == ["依申请公开：收到和处理申请情况（表三）", "行政复议、行政诉讼情况（表四）", "主动公开情况（表二）"]
    assert titles[-1] == "全部插入"


def test_drafts_follow_the_format():
    from disclosure_desktop.core.computed import full_table

    for year, present, absent in ((2019, "采购总金额", "行政事业性收费"), (2023, "行政事业性收费", "采购")):
        report = new_report(year, "某局")
        values = lambda t, r=report: full_table(r.spec.table(t), r.tables.get(t, {}))  # noqa: E731
        active = [d for d in drafts_for(report, values, "s1") if "主动公开" in d.title][0]
        assert present in active.text and absent not in active.text
    report = new_report(2023, "某局")
    report.fees.notices = 0
    fees = drafts_for(report, lambda t: full_table(report.spec.table(t), {}), "s6")[0]
    assert fees.text == "本年度未发出信息处理费收费通知，未收取信息处理费。"


def test_five_topics_of_gov_2021_shown_present_or_missing(session):
    topics = session.report.spec.section("s1").topics
    assert len(topics) == 5
    text = "总述。\n（一）主动公开情况\n……\n（二）依申请公开。本年度共收到申请3件。\n（四）政府信息公开平台建设"
    states = topic_presence(text, topics)
    assert [s.present for s in states] == [True, True, False, True, False]
    session.set_narrative("s1", text)
    html = guidance_html(session.report, "s1")
    assert "（三）政府信息管理（尚未写到）" in html and "还有 2 个方面没有写到" in html
    assert topic_presence("（二）存在的主要问题及改进情况", session.report.spec.section("s5").topics)[1].present


def test_fee_form_of_section_six_edits_report_fees(qtbot, session):
    page = NarrativePage(session, "s6")
    qtbot.addWidget(page)
    page.show()
    assert page.fee_form is not None
    edit = page.fee_form.edits["notices"]
    edit.setText("３")  # full-width digits, as a Chinese input method types them
    edit.editingFinished.emit()
    assert session.report.fees.notices == 3
    amount = page.fee_form.edits["amount_yuan"]
    amount.setText("150.5")
    amount.editingFinished.emit()
    assert session.report.fees.amount_yuan == 150.5
    session.undo_stack.undo()
    assert session.report.fees.amount_yuan is None and amount.text() == ""
    wrong = page.fee_form.edits["collected_yuan"]
    wrong.setText("一百")
    wrong.editingFinished.emit()
    assert session.report.fees.collected_yuan is None and wrong.property("severity") == "error"


def test_no_fee_form_in_gov_2019(qtbot, qapp):
    page = NarrativePage(ReportSession(new_report(2019, "某局")), "s6")
    qtbot.addWidget(page)
    assert page.fee_form is None


def test_typing_after_a_pause_is_a_new_undo_step(session, monkeypatch):
    from disclosure_desktop.app.document import session as session_module

    session.set_narrative("s5", "甲")
    session.set_narrative("s5", "甲乙")
    assert session.undo_stack.count() == 1
    # Two seconds later (the clock moved on): a new step.
    real = session_module.time.monotonic
    monkeypatch.setattr(session_module.time, "monotonic", lambda: real() + 5)
    session.set_narrative("s5", "甲乙丙")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.report.narrative["s5"] == "甲乙"
    # Another section never merges into this one.
    session.set_narrative("s6", "无。")
    assert session.undo_stack.count() == 2 and session.undo_stack.index() == 2


def test_format_change_is_announced_before_the_tables(session):
    from disclosure_desktop.core.format_switch import switch_format

    order = []
    session.formatChanged.connect(lambda: order.append("format"))
    session.tableChanged.connect(lambda t: order.append("table"))
    new = switch_format(session.report, "gov-2019").report

    def update(report):
        for name in type(report).model_fields:
            setattr(report, name, getattr(new, name))
    session.set_meta(update)
    assert order[0] == "format" and "table" in order
    order.clear()
    session.undo_stack.undo()
    assert order[0] == "format" and session.report.format == "gov-2021"
