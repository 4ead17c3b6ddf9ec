"""The keyboard flow on a small screen: the cell being typed in is always on screen, the table
header stays visible while a long table scrolls, and Tab runs on from one 二 sub-table to the next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .window_helpers import *  # noqa: F401,F403  (fixtures)

# 1024×600, less a window manager's title bar and a task bar: what the window really gets.
SMALL_SCREEN = (1024, 540)


def shown_part(widget, rect=None) -> QRect:
    """The part of `rect` (in the widget's coordinates) that its ancestors do not clip away,
    in the window's coordinates."""
    rect = QRect(widget.rect() if rect is None else rect)
    while widget.parentWidget() is not None:
        rect = rect.translated(widget.pos()).intersected(widget.parentWidget().rect())
        widget = widget.parentWidget()
    return rect


def cell_on_screen(view) -> bool:
    rect = view.visualRect(view.currentIndex())
    whole = shown_part(view.viewport(), rect)
    return whole.size() == rect.size()


def header_on_screen(view) -> bool:
    header = view.horizontalHeader()
    return shown_part(header).height() == header.height()


@pytest.fixture
def small_window(make_window, qtbot):
    window = make_window(size=SMALL_SCREEN)
    window.files.open_sample()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_walking_table_three_keeps_the_cell_and_the_header_in_view(small_window, key):
    window = small_window
    window.editor.go_to("s3")
    view = window.editor.page("s3").editors["s3"].view
    view.setFocus()
    first = view.next_input("right", 0, -1)
    view.setCurrentIndex(first)
    cells = len(view.input_cells())
    QApplication.processEvents()
    assert header_on_screen(view)
    for step in range(cells - 1):
        QTest.keyClick(QApplication.focusWidget(), key)
        QApplication.processEvents()
        assert QApplication.focusWidget() is view, step
        assert cell_on_screen(view), (step, view.currentIndex().row(), view.currentIndex().column())
        # the header rows stay whole above the cells (frozen), however far down the walk is
        assert header_on_screen(view), step
    assert view.currentIndex() == (view.next_input("left", view.model().rowCount(), view.model().columnCount())
                                   if key == Qt.Key.Key_Tab else view.next_input("up", view.model().rowCount(),
                                                                                view.model().columnCount()))


def test_typing_while_walking_lands_in_the_visible_cell(small_window):
    window = small_window
    window.editor.go_to("s3")
    view = window.editor.page("s3").editors["s3"].view
    view.setFocus()
    view.setCurrentIndex(view.next_input("right", 0, -1))
    session = window.document
    for _ in range(40):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    index = view.currentIndex()
    row, column = view.table_model.rows[index.row()].id, view.table_model.columns[index.column()].id
    QTest.keyClick(view, Qt.Key.Key_7)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert session.stored_value("s3", row, column) == 7
    assert cell_on_screen(view)


def test_tab_runs_on_into_the_next_sub_table_and_back(small_window):
    window = small_window
    window.editor.go_to("s2")
    page = window.editor.page("s2")
    first, second = list(page.editors.values())[:2]
    view = first.view
    view.setFocus()
    last = view.next_input("left", view.model().rowCount(), view.model().columnCount())
    view.setCurrentIndex(last)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert QApplication.focusWidget() is second.view
    assert second.view.currentIndex() == second.view.next_input("right", 0, -1)
    assert cell_on_screen(second.view)
    QTest.keyClick(second.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert QApplication.focusWidget() is view and view.currentIndex() == last
    # the same while typing: the committed Tab carries on into the next table
    QTest.keyClick(view, Qt.Key.Key_5)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert QApplication.focusWidget() is second.view and cell_on_screen(second.view)
    table = first.model.table
    assert window.document.stored_value(table.id, first.model.rows[last.row()].id, first.model.columns[last.column()].id) == 5
