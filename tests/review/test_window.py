"""The review window (pytest-qt): the board fills from a worker thread, filters, opens a unit at
its problem, confirms a near roster match, shows the 汇总 in the official layout and exports."""

from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.review import ReviewWindow
from disclosure_desktop.app.review.review_prompts import ReviewPrompts
from disclosure_desktop.app.review.unit_model import AGENCY_COLUMN
from disclosure_desktop.core.computed import full_table
from disclosure_desktop.core.values import format_value
from disclosure_desktop.review import Status

from .conftest import YEAR

TIMEOUT = 60.0


def wait_for(condition, timeout: float = TIMEOUT) -> None:
    """Run the GUI's events until `condition()` holds.  Sleeps between rounds rather than sitting
    in a Qt event loop: after the in-process startup test of tests/app, a Qt event loop of this
    process keeps the GIL and a reading thread would crawl (a real app never runs that test)."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)
        QApplication.processEvents()


def finished_results(window) -> list:
    results = []
    window.reviewFinished.connect(results.append)
    return results


class Answers(ReviewPrompts):
    """Prompts answered by the test; every question asked is recorded."""

    def __init__(self, folder=None, file=None, save=None, confirm=True):
        self.folder, self.file, self.save, self.answer = folder, file, save, confirm
        self.asked: list[tuple[str, str]] = []

    def choose_folder(self, parent, title):
        self.asked.append(("folder", title))
        return self.folder

    def open_file(self, parent, title, filter):
        self.asked.append(("open", title))
        return self.file

    def save_file(self, parent, title, suggested, filter):
        self.asked.append(("save", title))
        return self.save

    def confirm(self, parent, title, text):
        self.asked.append(("confirm", text))
        return self.answer

    def error(self, parent, title, text):
        self.asked.append(("error", text))

    def information(self, parent, title, text):
        self.asked.append(("information", text))


@pytest.fixture
def folder(tmp_path, review_folder):
    copy = tmp_path / "各单位年报"
    shutil.copytree(review_folder.path, copy)
    return copy


def open_and_wait(qtbot, window, folder, **kwargs):
    results = finished_results(window)
    window.open_folder(folder, **kwargs)
    wait_for(lambda: results and window.worker is None)
    return results[-1]


def test_board_fills_while_reading_then_shows_the_result(qtbot, folder, review_folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    rows_when = []
    window.model.rowsInserted.connect(lambda *_: rows_when.append(window.result is None))
    result = open_and_wait(qtbot, window, folder)
    assert rows_when and all(rows_when)  # rows arrived one by one, before the pass finished
    assert window.model.rowCount() == len(review_folder.expected_status) == len(result.units)
    shown = {window.unit_at(r).source: window.unit_at(r).status.value for r in range(window.proxy.rowCount())}
    assert shown == review_folder.expected_status
    assert window.unit_at(0).status is Status.ERRORS  # worst first
    assert "有错误 1" in window.counts_label.text()


def test_filter_search_and_sort(qtbot, folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    window.status_filter.setCurrentIndex(window.status_filter.findText(Status.UNREADABLE.value))
    assert {window.unit_at(r).agency for r in range(window.proxy.rowCount())} == {"某县交通局", "某县商务局"}
    window.status_filter.setCurrentIndex(0)
    window.search.setText("民政局")
    assert [window.unit_at(r).source for r in range(window.proxy.rowCount())] == ["某县民政局.docx"]
    window.search.clear()
    window.view.sortByColumn(AGENCY_COLUMN, Qt.SortOrder.AscendingOrder)
    names = [window.unit_at(r).agency for r in range(window.proxy.rowCount())]
    assert names == sorted(names)


def test_double_click_asks_to_open_the_unit_at_its_first_problem(qtbot, folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    row = next(r for r in range(window.proxy.rowCount()) if window.unit_at(r).agency == "某县财政局")
    index = window.proxy.index(row, AGENCY_COLUMN)
    with qtbot.waitSignal(window.openUnitRequested) as blocker:
        window.view.doubleClicked.emit(index)
    path, finding = blocker.args
    assert path == str(folder / "某县财政局.gknb")
    assert finding.severity == "error" and finding.table == "s3" and finding.column == "commercial"


def test_roster_near_match_is_confirmed_and_missing_units_show(qtbot, folder, review_folder):
    prompts = Answers(file=str(review_folder.roster), confirm=True)
    window = ReviewWindow(prompts=prompts)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    window.choose_roster()
    wait_for(lambda: window.worker is None and window.result.roster is not None and not window.result.roster.near)
    assert any("某县卫生建康局" in text for kind, text in prompts.asked if kind == "confirm")
    missing = [u.agency for u in window.model.units if u.status is Status.MISSING]
    assert missing == ["某县水利局"]


def test_rollup_view_shows_the_sums_in_the_official_layout(qtbot, folder, review_folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    window.tabs.setCurrentIndex(1)
    rollup = window.current_rollup()
    reports = [r for r in review_folder.reports.values() if r.year == YEAR]
    assert window.rollup_view.count() == 4  # 二、三、四 and 六's 信息处理费
    notices = sum(r.fees.notices for r in reports)
    assert f"发出收费通知{notices}件" in window.rollup_view.fee_label.text()
    s3 = rollup.report.spec.table("s3")
    shown = window.rollup_view.value_cells("s3")
    for row, column in s3.cells():
        expected = sum(full_table(s3, r.tables["s3"])[row.id][column.id] for r in reports)
        assert shown[("s3", row.id, column.id)] == format_value(expected)
    assert "未计入" in window.rollup_label.text()


def test_exports_through_the_buttons(qtbot, folder, tmp_path):
    prompts = Answers(folder=str(tmp_path / "意见"), save=str(tmp_path / "汇总.xlsx"), confirm=False)
    window = ReviewWindow(prompts=prompts)
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    window.letters_button.click()
    window.rollup_button.click()
    assert len(list((tmp_path / "意见").glob("审核意见-*.docx"))) == 4
    assert (tmp_path / "意见" / "审核情况汇总表.xlsx").exists() and (tmp_path / "汇总.xlsx").exists()
    assert not [text for kind, text in prompts.asked if kind == "error"]


def test_a_changed_file_is_read_again_on_its_own(qtbot, folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, folder, year=YEAR)
    from disclosure_desktop.io.project_file import load_project, save_project

    path = folder / "某县财政局.gknb"
    report = load_project(path).report
    report.set_value("s3", "public", "commercial", report.value("s3", "public", "commercial") - 5)
    results = finished_results(window)
    save_project(report, path)
    wait_for(lambda: bool(results))
    result = results[-1]
    assert result.files_read == 1
    assert next(u for u in result.units if u.source == "某县财政局.gknb").status is Status.PASSED


def test_cancel_stops_reading(qtbot, folder):
    window = ReviewWindow(prompts=Answers())
    qtbot.addWidget(window)
    results = finished_results(window)
    window.open_folder(folder)
    window.cancel_button.click()
    wait_for(lambda: results and window.worker is None)
    assert results[0].cancelled and len(results[0].all_units) < 10
    assert window.reload_button.isEnabled() and not window.cancel_button.isEnabled()


def test_a_bad_folder_is_said_in_chinese(qtbot, tmp_path):
    prompts = Answers()
    window = ReviewWindow(prompts=prompts)
    qtbot.addWidget(window)
    window.open_folder(tmp_path / "没有")
    wait_for(lambda: window.worker is None)
    assert any("找不到文件夹" in text for kind, text in prompts.asked if kind == "error")
