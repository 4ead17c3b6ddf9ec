"""A dock's title bar drawn by the program: the title, and the float and close buttons.

QDockWidget draws its own title through the style, and does so whenever anything in the dock
is repainted; the Fusion style then loads the float button's icon from its image files to
measure it, every time.  The problems panel changes on many keystrokes while a table is typed
in (its title carries the counts), and that drawing was a tenth of the work of a keystroke.
This bar draws the title from a laid-out line and repaints only when the title changes.

Dragging the bar and double-clicking it still move and float the dock: the bar leaves those
mouse events to the QDockWidget, as Qt asks of a custom title bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QToolButton, QWidget

from .elided_lines import ElidedLines


class DockTitleBar(QWidget):
    MARGIN = 4  # left of the title, and around the buttons

    def __init__(self, dock: QDockWidget):
        super().__init__(dock)
        self._dock = dock
        self._lines = ElidedLines(self.font())
        self.setAutoFillBackground(True)  # opaque: the dock and the window behind are not repainted
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, 0, 2, 0)
        layout.setSpacing(0)
        layout.addStretch(1)  # the title is drawn in the free space
        self.float_button = self._button(self.tr("浮动"), lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button(self.tr("关闭"), dock.close)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        self._icons_set = False
        self._title_margin = 0
        dock.windowTitleChanged.connect(lambda _title: self.update(self._title_rect()))
        dock.featuresChanged.connect(lambda _features: self._show_buttons())
        self._show_buttons()

    def _button(self, name: str, action) -> QToolButton:
        button = QToolButton(self)
        button.setAutoRaise(True)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        return button

    def _show_buttons(self) -> None:
        features = self._dock.features()
        self.float_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetFloatable))
        self.close_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetClosable))

    def _style_the_buttons(self) -> None:
        """The style's title bar icons, at the size and margins QDockWidget gives them; done
        when the bar is first measured or shown: QStyle's enums cost milliseconds to build,
        which the start page (with the panel hidden) need not pay."""
        if self._icons_set:
            return
        from PySide6.QtWidgets import QStyle

        self._icons_set = True
        style = self.style()
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        if style.styleHint(QStyle.StyleHint.SH_DockWidget_ButtonsHaveFrame, None, self):
            icon = min(10 * self.logicalDpiX() // 96, icon)  # as QDockWidget's own buttons
        side = icon + 2 * style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleBarButtonMargin, None, self)
        self._title_margin = style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetTitleMargin, None, self)
        for button, pixmap in ((self.float_button, QStyle.StandardPixmap.SP_TitleBarNormalButton),
                               (self.close_button, QStyle.StandardPixmap.SP_TitleBarCloseButton)):
            button.setIcon(style.standardIcon(pixmap, None, self))
            button.setIconSize(QSize(icon, icon))
            button.setFixedSize(side, side)

    def showEvent(self, event) -> None:
        self._style_the_buttons()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._lines.set_font(self.font())
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        self._style_the_buttons()
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.float_button.height(), self.fontMetrics().height() + 2 * self._title_margin))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MARGIN * 2 + self.fontMetrics().horizontalAdvance("问题…"), self.sizeHint().height())

    def _title_rect(self) -> QRect:
        """Where the title is drawn: left of the buttons.  (A new title repaints this alone;
        repainting the whole bar would draw both buttons again on every change of the counts.)"""
        buttons = [b for b in (self.float_button, self.close_button) if b.isVisible()]
        right = min((b.x() for b in buttons), default=self.width()) - self.MARGIN
        return QRect(0, 0, right, self.height())

    def paintEvent(self, event) -> None:
        right = self._title_rect().right() + 1
        line, _width, height = self._lines.line(self._dock.windowTitle(), right - self.MARGIN)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawStaticText(self.MARGIN, int((self.height() - height) / 2), line)
