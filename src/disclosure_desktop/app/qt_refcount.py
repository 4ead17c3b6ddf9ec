"""Work around reference-count bugs of PySide6 6.12 on Python 3.11 in the GUI process.

Measured here (PySide6 6.12.0, Python 3.11.7): every call of a void Qt method from Python
(QLineEdit.setText, QWidget.update, QPainter.fillRect …) drops one reference to None, and
every `SignalInstance.emit()` returns True without owning a reference, so each emit drops one
reference to True.  When a count reaches zero CPython aborts ("Fatal Python error:
none_dealloc / bool_dealloc").  A process starts with a few thousand references to True, so
an editing session that emits a handful of signals per keystroke dies within minutes.

Python 3.12+ makes these singletons immortal and is not affected.  On 3.11 the GUI does the
same once: it raises the reference counts of None, True and False by 2**40, which no session
can use up (those objects are static and never freed, so a surplus costs nothing).
`export/none_refcount.py` balances None around its own painter calls; the two agree.
"""

from __future__ import annotations

import ctypes
import sys

AFFECTED = sys.version_info < (3, 12)
SURPLUS = 1 << 40

_protected = False


def protect_singletons() -> None:
    """Make None, True and False effectively immortal on Python 3.11 (idempotent)."""
    global _protected
    if _protected or not AFFECTED:
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object; id() is its address in CPython.
        ctypes.c_ssize_t.from_address(id(singleton)).value += SURPLUS
    _protected = True
