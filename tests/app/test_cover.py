"""封面信息: every field through session.set_meta (undoable); a year that needs another format
is explained, and switching keeps every cell both formats share and names the dropped ones."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest

from disclosure_desktop.app.pages.cover import NO_DATE, CoverPage
from disclosure_desktop.core.format_switch import switch_format
from disclosure_desktop.app.document.session import ReportSession
from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import load_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE, ime_commit


@pytest.fixture
def sample_session(qapp):
    return ReportSession(load_project(SAMPLE).report)


@pytest.fixture
def cover(qtbot, sample_session):
    page = CoverPage(sample_session)
    qtbot.addWidget(page)
    page.show()
    return page


def test_fields_show_the_report(cover):
    ui = cover.ui
    assert ui.agencyEdit.text() == "重庆市开州区教育委员会"
    assert ui.yearSpin.value() == 2019
    assert ui.departmentRadio.isChecked()
    assert ui.publishedOnEdit.date() == QDate(2020, 6, 11)
    assert ui.periodStartEdit.date() == QDate(2019, 1, 1) and ui.periodEndEdit.date() == QDate(2019, 12, 31)
    assert ui.titlePreview.text() == "重庆市开州区教育委员会2019年政府信息公开工作年度报告"
    assert "国办公开办函〔2019〕60号" in ui.formatLabel.text()
    assert ui.deadlineLabel.text() == "法定期限：2020年1月31日"
    assert not ui.formatNotice.isVisibleTo(cover)


def test_each_field_is_one_undo_step(qtbot, cover, sample_session):
    ui, report, stack = cover.ui, sample_session.report, sample_session.undo_stack
    ui.agencyEdit.setFocus()
    ui.agencyEdit.selectAll()
    ime_commit(ui.agencyEdit, "重庆市开州区教委")
    qtbot.keyClick(ui.agencyEdit, Qt.Key.Key_Return)
    assert report.agency == "重庆市开州区教委"
    assert ui.titlePreview.text().startswith("重庆市开州区教委2019年")
    ui.governmentRadio.setChecked(True)
    assert report.front.agency_kind == "government"
    assert ui.deadlineLabel.text() == "法定期限：2020年3月31日"
    ui.rulemakingCheck.setChecked(True)
    assert report.front.has_rulemaking_power
    ui.publishedOnEdit.setDate(NO_DATE)
    assert report.front.published_on is None
    ui.periodEndEdit.setDate(QDate(2019, 11, 30))
    assert report.front.period_end == dt.date(2019, 11, 30)
    assert stack.count() == 5
    for _ in range(5):
        stack.undo()
    assert report.agency == "重庆市开州区教育委员会" and report.front.agency_kind == "department"
    assert report.front.published_on == dt.date(2020, 6, 11) and report.front.period_end is None
    assert ui.agencyEdit.text() == "重庆市开州区教育委员会" and ui.departmentRadio.isChecked()


def test_an_empty_agency_is_refused(qtbot, cover, sample_session):
    messages = []
    cover.message.connect(messages.append)
    cover.ui.agencyEdit.setText("  ")
    cover.ui.agencyEdit.editingFinished.emit()
    assert sample_session.report.agency == "重庆市开州区教育委员会"
    assert cover.ui.agencyEdit.text() == "重庆市开州区教育委员会"
    assert messages == ["机关全称不能为空。"]


def test_a_year_needing_another_format_is_explained(cover, sample_session):
    cover.ui.yearSpin.setValue(2021)
    assert sample_session.report.year == 2021 and sample_session.report.format == "gov-2019"
    assert cover.ui.formatNotice.isVisibleTo(cover)
    text = cover.ui.formatNoticeLabel.text()
    assert "2021年度的报告应使用《中华人民共和国政府信息公开工作年度报告格式》" in text
    assert "两种格式共有的单元格都会保留" in text
    assert any(f.rule == "C18" and f.severity == "error" for f in sample_session.findings)
    requested = []
    cover.formatSwitchRequested.connect(requested.append)
    cover.ui.switchFormatButton.click()
    assert requested == ["gov-2021"]


def test_switch_format_keeps_shared_cells_and_lists_the_rest():
    report = load_project(SAMPLE).report
    report.set_value("s3", "other", "natural", 0)
    change = switch_format(report, "gov-2021")
    switched = change.report
    assert switched.format == "gov-2021" and report.format == "gov-2019"  # the original is untouched
    s3 = switched.spec.table("s3")
    shared = [(r.id, c.id) for r, c in s3.input_cells() if r.id in {x.id for x in report.spec.table("s3").data_rows}]
    assert all(switched.value("s3", r, c) == report.value("s3", r, c) for r, c in shared)
    assert switched.value("s2_item1", "normative_docs", "issued") is None  # different column ids
    dropped = "\n".join(change.dropped)
    assert "第二十条第（九）项「政府集中采购」行「采购总金额」列：32.2" in dropped
    assert "「（六）其他处理」行" in dropped
    # Same ids in both formats (the label differs: 本年处理决定数量): kept.
    assert switched.value("s2_item5", "licensing", "decisions") == 17
    assert "「行政许可」行「处理决定数量」" not in dropped
    assert switched.narrative == report.narrative
    kept = sum(len(cols) for rows in switched.tables.values() for cols in rows.values())
    total = sum(1 for rows in report.tables.values() for cols in rows.values() for v in cols.values() if v is not None)
    assert kept + len(change.dropped) == total


def test_switching_through_the_window_is_confirmed_and_undoable(window, prompter):
    window.files.open_sample()
    prompter.queue("confirm", True)
    assert window.files.switch_format("gov-2021")
    (title, text), = prompter.messages("confirm")
    assert title == "更改年报格式" and "将被删除" in text and "采购总金额" in text and "可以撤销" in text
    assert window.document.report.format == "gov-2021"
    # The pages were rebuilt for the new tables: 二 has gov-2021's four sub-tables.
    assert list(window.editor.page("s2").editors) == ["s2_item1", "s2_item5", "s2_item6", "s2_item8"]
    window.document.undo_stack.undo()
    assert window.document.report.format == "gov-2019"
    assert window.document.report.value("s2_item9", "central_procurement", "amount") == 32.2
    assert "s2_item9" in window.editor.page("s2").editors

    prompter.queue("confirm", False)
    assert not window.files.switch_format("gov-2021")
    assert window.document.report.format == "gov-2019"


def test_year_and_explained_format_mismatch(qtbot, cover, sample_session):
    cover.ui.yearSpin.setValue(2022)
    sample_session.set_explanation("C18", "上级要求沿用旧格式。")
    assert "已填写出错说明" in cover.ui.formatNoticeLabel.text()
    assert not [f for f in sample_session.findings if f.rule == "C18" and not f.acknowledged]


def test_an_unset_publication_date_opens_its_calendar_in_january_after_the_report_year(qtbot, qapp):
    session = ReportSession(new_report(2025, "某县教育局"))
    page = CoverPage(session)
    qtbot.addWidget(page)
    page.show()
    edit = page.ui.publishedOnEdit
    assert edit.date() == edit.minimumDate() and edit.text() == "未填写"
    calendar = edit.calendarWidget()
    arrow = QPoint(edit.width() - 5, edit.height() // 2)
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)  # opens the calendar popup
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 1)
    calendar.window().close()
    edit.setDate(QDate(2026, 3, 5))  # a date set by the user is where the calendar opens
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    calendar.window().close()
