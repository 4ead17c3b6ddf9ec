"""What the problems panel and the navigator draw themselves (for speed) still shows right:
lines elided to their column, the panel's own title bar, rows painted from the list's state."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from disclosure_desktop.app.shell.dock_title_bar import DockTitleBar
from disclosure_desktop.app.shell.elided_lines import ELLIPSIS, ElidedLines

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE

MESSAGE = "三、收到和处理申请情况「商业企业」列：第一项+第二项=5，第三项总计+第四项=0，相差5"


def test_a_line_that_fits_is_drawn_whole_and_one_that_does_not_is_elided_to_the_width(qapp):
    font = QFont(qapp.font())
    lines = ElidedLines(font)
    measured = QFontMetricsF(font).horizontalAdvance(MESSAGE)
    assert abs(lines.advance(MESSAGE) - measured) <= 2  # the sum of advances is the shaped width
    whole, width, _height = lines.line(MESSAGE, int(measured) + 4)
    assert whole.text() == MESSAGE and width <= measured + 4
    for room in (40, 120, int(measured) - 10):
        elided, width, _height = lines.line(MESSAGE, room)
        assert elided.text().endswith(ELLIPSIS) and MESSAGE.startswith(elided.text()[:-1])
        assert width <= room + 1, (room, elided.text())
        # the longest such prefix: one more character would not fit
        longer = MESSAGE[:len(elided.text())] + ELLIPSIS
        assert QFontMetricsF(font).horizontalAdvance(longer) > room - 1
    assert lines.line(MESSAGE, 0)[0].text() == ""
    assert lines.line("第一行\n第二行")[0].text() == "第一行 第二行"


def test_the_panel_title_bar_shows_the_title_and_floats_and_closes_the_dock(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("问题（2 个错误，1 个提示）", window)
    dock.setWidget(QWidget())
    bar = DockTitleBar(dock)
    dock.setTitleBarWidget(bar)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(600, 300)
    window.show()
    qtbot.waitExposed(window)
    assert bar.float_button.isVisible() and bar.close_button.isVisible()
    assert not bar.close_button.icon().isNull() and bar.height() >= bar.fontMetrics().height()

    def ink(widget) -> int:
        """Pixels of the left half of `widget` as they are on screen (the window's backing
        store: what the bar repainted by itself, not a fresh rendering as grab() makes)."""
        QApplication.processEvents()
        at = widget.mapTo(window, QPoint(0, 0))
        image = window.screen().grabWindow(window.winId(), at.x(), at.y(), widget.width(), widget.height())
        image = image.toImage().convertToFormat(QImage.Format.Format_RGB32)
        background = image.pixel(image.width() // 2, 0)
        return sum(1 for x in range(0, image.width() // 2) for y in range(image.height())
                   if image.pixel(x, y) != background)

    drawn = ink(bar)
    assert drawn > 50  # the title is there
    dock.setWindowTitle("问")
    assert 0 < ink(bar) < drawn  # and follows the dock's title
    dock.setWindowTitle("问题（2 个错误，1 个提示）")
    assert ink(bar) == drawn

    qtbot.mouseClick(bar.float_button, Qt.MouseButton.LeftButton)
    assert dock.isFloating()
    qtbot.mouseClick(bar.float_button, Qt.MouseButton.LeftButton)
    assert not dock.isFloating()
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
    assert not bar.float_button.isVisibleTo(bar) and not bar.close_button.isVisibleTo(bar)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()


def _problem_list_of_the_sample(window, folder):
    """The problems list of the main window with (a copy of) the sample report open."""
    copy = folder / "sample.gknb"
    copy.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(copy)
    window.problems.refresh()
    return window.problems.tree


def test_the_painted_rows_follow_the_list(window, tmp_path):
    """The rows drawn are those of the list, selection included; a row selected is highlighted."""
    tree = _problem_list_of_the_sample(window, tmp_path)
    assert tree.topLevelItemCount() >= 1
    assert [row.shows[3] for row in tree.shown] == [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    tree.setCurrentItem(tree.topLevelItem(0))
    image = tree.viewport().grab().toImage()
    highlight = tree.palette().color(tree.palette().ColorGroup.Active if tree.isActiveWindow() else
                                     tree.palette().ColorGroup.Inactive, tree.palette().ColorRole.Highlight)
    rect = tree.visualItemRect(tree.topLevelItem(0))
    # the selection fills the row (a pixel at its right end, past any text)
    assert image.pixelColor(rect.right() - 1, rect.center().y()) == highlight
    assert image.pixelColor(rect.right() - 1, rect.bottom() + 3) != highlight


def test_tooltips_are_worded_when_asked_and_a_column_fits_its_widest_text(window, tmp_path):
    """Tooltips of the problem rows and the navigator entries are not stored with every change
    (they changed on many keystrokes): asked for, they give the row's whole message and
    explanation and the entry's title with its badge.  A double-click on a header divider
    still fits the column to its widest text (the rows' sizes carry no widths any more)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    tree = _problem_list_of_the_sample(window, tmp_path)
    row = tree.shown[0]
    message, explanation = row.shows[3], row.shows[4]
    assert message and explanation  # the sample's explained finding (封面信息)

    def tooltip(view, point) -> str:
        """The tooltip shown at `point`; "" when the view shows none there (it ignores the event)."""
        event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
        QApplication.sendEvent(view.viewport(), event)
        return QToolTip.text() if event.isAccepted() and QToolTip.isVisible() else ""

    item = tree.topLevelItem(0)
    assert tooltip(tree, tree.visualItemRect(item).topLeft() + QPoint(tree.header().sectionPosition(2) + 5, 3)) == message
    assert tooltip(tree, tree.visualItemRect(item).topLeft() + QPoint(tree.header().sectionPosition(3) + 5, 3)) == explanation
    assert tooltip(tree, tree.visualItemRect(item).topLeft() + QPoint(tree.header().sectionPosition(0) + 5, 3)) == ""

    navigator = window.editor.navigator
    cover = navigator.visualItemRect(navigator.item(0))
    title, state = navigator.entry(0)
    assert tooltip(navigator, cover.center()) == f"{title}：{state.badge}"

    widest = max(int(tree.lines.advance(shown.shows[3])) for shown in tree.shown)
    assert tree.sizeHintForColumn(2) == widest + 2 * tree.MARGIN + 1
    tree.resizeColumnToContents(1)
    assert tree.header().sectionSize(1) >= max(int(tree.lines.advance(shown.shows[2])) for shown in tree.shown)
