"""A call made once, soon: after the event being handled, before the window repaints.

The problems panel and the navigator badges follow the findings, which change on many
keystrokes and many times during one paste.  A zero-interval QTimer coalesces those changes
but fires only after Qt has repainted the window for the keystroke, so a second repaint
follows for the panel.  Qt posts its repaint request (UpdateRequest) at low priority; an event
posted here at normal priority is handled before it, so the keystroke, the panel and the badges
are painted in one pass.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject

_CALL = QEvent.Type(QEvent.registerEventType())


class Deferred(QObject):
    def __init__(self, function: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._function = function
        self._pending = False

    def start(self, *_args) -> None:
        """Ask for the call (again): it happens once, however often it is asked before then."""
        if not self._pending:
            self._pending = True
            QCoreApplication.postEvent(self, QEvent(_CALL))

    def stop(self) -> None:
        """The call was made some other way: drop the one asked for."""
        self._pending = False

    def event(self, event: QEvent) -> bool:
        if event.type() != _CALL:
            return super().event(event)
        if self._pending:
            self._pending = False
            self._function()
        return True
