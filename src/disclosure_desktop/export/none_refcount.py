"""Work around a reference-count bug of PySide6 6.12 on Python 3.11: void Qt methods drop a
reference to None.

Measured here: 100 calls of QPainter.setPen, QPen.setWidthF, QFont.setBold … lower
sys.getrefcount(None) by 100.  Python 3.12+ makes None immortal, so there it does no harm; on
3.11 None is freed once its count reaches zero and the process aborts ("Fatal Python error:
none_dealloc").  A process starts with about 15 000 references to None, and one PDF of the
sample makes about that many painter calls.

`@balanced_none_refcount` gives back what the Qt calls inside a function took.  The public entry
points of the fonts, layout, painter and PDF modules wear it; nesting is harmless.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from typing import Callable, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

AFFECTED = sys.version_info < (3, 12)
SLACK = 2


def _restore(count: int) -> None:
    increment = ctypes.pythonapi.Py_IncRef
    increment.argtypes = [ctypes.py_object]
    increment.restype = None
    for _ in range(count):
        increment(None)


def balanced_none_refcount(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator: whatever references to None the Qt calls inside `function` dropped are given back.

    (A decorator rather than a context manager: `with` holds a few extra references to None
    while __exit__ runs, which would hide that many lost ones on every use.)
    """
    if not AFFECTED:
        return function

    @functools.wraps(function)
    def balanced(*args: P.args, **kwargs: P.kwargs) -> R:
        before = sys.getrefcount(None)
        try:
            return function(*args, **kwargs)
        finally:
            # + SLACK: references this frame itself holds while counting (a None being returned);
            # a surplus reference to None costs nothing, a missing one is fatal.
            lost = before - sys.getrefcount(None) + SLACK
            if lost > 0:
                _restore(lost)

    return balanced
