"""Tooltips of an item view worded when the pointer asks for them.

The problems list and the navigator change their rows on many keystrokes; a tooltip stored in
every item would be worded anew each time (and repaint the item).  Their viewports answer the
ToolTip event instead, with the text of the entry under the pointer.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QToolTip


def answer_tooltip(view: QAbstractItemView, event, text_at: Callable[[QModelIndex], str]) -> bool:
    """Handle a ToolTip event of `view`'s viewport: `text_at(index)` over the entry under the
    pointer; where that is "" (or no entry is there) any tooltip is hidden and the event ignored."""
    index = view.indexAt(event.pos())
    text = text_at(index) if index.isValid() else ""
    if text:
        QToolTip.showText(event.globalPos(), text, view.viewport(), view.visualRect(index))
    else:
        QToolTip.hideText()
        event.ignore()
    return True
