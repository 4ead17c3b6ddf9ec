"""Work around a reference-count bug of PySide6 6.12 on Python 3.11: void Qt methods drop a
reference to None.

Measured here: 100 calls of QPainter.setPen, QPen.setWidthF, QFont.setBold … lower
sys.getrefcount(None) by 100.  Python 3.12+ makes None immortal, so there it does no harm; on
3.11 None is freed once its count reaches zero and the process aborts ("Fatal Python error:
none_dealloc").  A process starts with about 15 000 references to None, and one PDF of the
sample makes about that many painter calls.

`make_none_immortal()` does what Python 3.12 does: it raises None's count so far (2**40) that
no number of calls can bring it to zero.  Counting the lost references instead is not possible:
a function also creates legitimate references to None that outlive it.  The renderer's modules
call it when imported; the GUI does the same for None, True and False (app/qt_refcount.py), and
whichever runs first does it for both.
"""

from __future__ import annotations

import ctypes
import sys

AFFECTED = sys.version_info < (3, 12)
MARGIN = 2 ** 40
_done = False


def make_none_immortal() -> bool:
    """Raise None's reference count out of reach (once); True when it was raised now or before."""
    global _done
    if not AFFECTED or _done:
        return _done
    count = ctypes.c_ssize_t.from_address(id(None))
    # In a release build the count is the object's first field; check before writing to it.
    if abs(count.value - sys.getrefcount(None)) > 64:
        return False  # an unexpected object layout (a debug build): leave it alone
    if count.value < MARGIN // 2:  # app/qt_refcount.py may have done it already
        count.value += MARGIN
    _done = True
    return True
