"""Keep a dialog or a second window inside the screen's free area (task bar excluded).

A message box grows with its text (an import report of 200 unread cells was 4934 px tall)
and a window remembers a size from a larger screen; on a 1024×600 laptop either would put
its buttons out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and frame the window manager adds around the widget's own area.
FRAME_ALLOWANCE = QSize(16, 48)


def available_geometry(widget: QWidget) -> QRect:
    """The free area of the screen the widget (or its parent) is on, else of the primary screen."""
    for candidate in (widget, widget.parentWidget()):
        screen = candidate.screen() if candidate is not None else None
        if screen is not None:
            return screen.availableGeometry()
    return QGuiApplication.primaryScreen().availableGeometry()


def largest_size(widget: QWidget) -> QSize:
    """The largest size of the widget's own area whose frame still fits the free area."""
    area = available_geometry(widget).size()
    return QSize(max(area.width() - FRAME_ALLOWANCE.width(), 200), max(area.height() - FRAME_ALLOWANCE.height(), 150))


def fit_to_screen(widget: QWidget, width: int, height: int, *, cap: bool = True) -> QSize:
    """Resize to width×height, or less where the screen is smaller; with `cap` (a dialog) it
    can never grow larger either, without (a window) the user may still maximize it."""
    limit = largest_size(widget)
    if cap:
        widget.setMaximumSize(limit)
    size = QSize(min(width, limit.width()), min(height, limit.height()))
    widget.resize(size)
    return size
