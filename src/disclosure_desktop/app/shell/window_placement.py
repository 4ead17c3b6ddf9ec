"""Where the main window sits: restored from the settings, kept on the screen's free area (title
bar, status bar and task bar counted), saved on close; the problems panel's first height."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

FIRST_START_SIZE = (1440, 900)  # the window with no saved geometry, at most the screen's free area
MIN_USABLE_SIZE = (960, 540)  # smaller than this (or the screen) a restored window is enlarged


class WindowPlacement(QObject):
    def __init__(self, window: QMainWindow, settings, editor, problems):
        super().__init__(window)
        self.window, self.settings, self.editor, self.problems = window, settings, editor, problems
        self._fitted_on_show = False
        self._size_docks_on_show = False

    def restore(self) -> None:
        window = self.window
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                # As wide as a 1366×768 screen allows: table 三 with its 总计 column and the
                # guidance beside it needs all of it (at 1280 the 总计 column was cut off).
                window.resize(min(FIRST_START_SIZE[0], available.width()), min(FIRST_START_SIZE[1], available.height()))
        # A small window the user chose on this screen stays small; one that comes back small from
        # another screen (or with no record of its screen) is made usable again.
        self.fit(enlarge_if_tiny=self.settings.value("window/screen") != self._screen_key())
        state = self.settings.value("window/state")
        self._size_docks_on_show = not (isinstance(state, QByteArray) and not state.isEmpty())
        if not self._size_docks_on_show:
            window.restoreState(state)
        splitter = self.settings.value("window/editor_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.editor.restoreState(splitter)

    def fit(self, *, enlarge_if_tiny: bool = False) -> None:
        """Keep the whole window — title bar and status bar included — on the screen's free area
        (task bar excluded): a geometry saved on a bigger or a disconnected screen is clamped;
        with `enlarge_if_tiny` (a restored geometry) one too small to work in is made usable."""
        window = self.window
        screen = window.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        if not available.intersects(window.frameGeometry()):  # saved on a screen that is gone
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry()
        frame = window.frameGeometry()
        extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()  # title bar, borders
        room_w, room_h = available.width() - extra_w, available.height() - extra_h
        width, height = min(window.width(), room_w), min(window.height(), room_h)
        usable_w, usable_h = min(MIN_USABLE_SIZE[0], room_w), min(MIN_USABLE_SIZE[1], room_h)
        if enlarge_if_tiny and (width < usable_w or height < usable_h):
            width, height = min(max(width, FIRST_START_SIZE[0]), room_w), min(max(height, FIRST_START_SIZE[1]), room_h)
        if width >= room_w or height >= room_h:
            # As big as the free area: maximized, which the window manager fits exactly — before
            # the window is shown the height of its title bar is not known, so a size worked out
            # here would run under the task bar.
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
            return
        if (width, height) != (window.width(), window.height()):
            window.resize(width, height)
        frame = window.frameGeometry()
        left = min(max(frame.left(), available.left()), available.right() + 1 - frame.width())
        top = min(max(frame.top(), available.top()), available.bottom() + 1 - frame.height())
        if (left, top) != (frame.left(), frame.top()):
            window.move(left, top)

    def _screen_key(self) -> str:
        screen = self.window.screen() or QApplication.primaryScreen()
        if screen is None:
            return ""
        free = screen.availableGeometry()
        return f"{free.width()}x{free.height()}"

    def save(self) -> None:
        settings = self.settings
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/screen", self._screen_key())
        settings.setValue("window/state", self.window.saveState())
        settings.setValue("window/editor_splitter", self.editor.saveState())
        settings.sync()

    def shown(self) -> None:
        """The window was shown: fit it again now that its title bar is known, and on a first
        start give the problems panel a low height."""
        if not self._fitted_on_show:
            self._fitted_on_show = True
            QTimer.singleShot(0, self.fit)
        if self._size_docks_on_show:
            # First start: a low problems panel leaves the tables most of a 768-pixel screen.
            self._size_docks_on_show = False
            # Eight lines, or a fifth of a small (or scaled) screen's height, whichever is less.
            lines = self.window.fontMetrics().height()
            height = max(lines * 5, min(lines * 8, self.window.height() // 5))
            QTimer.singleShot(0, lambda: self.window.resizeDocks([self.problems], [height], Qt.Orientation.Vertical))
