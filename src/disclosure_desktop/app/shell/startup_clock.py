"""How long the process has been running: the startup time printed by `--quit-after-show`.

Measured from the operating system's record of when the process started, so the figure
includes the interpreter, the imports and the window (what a user waits for), not only the
part after our code began.  Only the standard library is used: a benchmark baseline imports
this module without Qt or the rest of the application.
"""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.perf_counter()


def _linux_age() -> float | None:
    """Seconds since the process started, from /proc (clock-tick resolution, 10 ms)."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    # The command name (field 2) may contain spaces and parentheses: split after its last ')'.
    fields = stat[stat.rindex(")") + 2:].split()
    start_ticks = int(fields[19])  # field 22 of the whole line: starttime
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _windows_age() -> float | None:
    """Seconds since the process started, from GetProcessTimes (100 ns resolution)."""
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32
        creation, exit_, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
        if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation),
                                        ctypes.byref(exit_), ctypes.byref(kernel), ctypes.byref(user)):
            return None
        kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))
        as_int = lambda ft: (ft.dwHighDateTime << 32) | ft.dwLowDateTime  # noqa: E731
        return (as_int(now) - as_int(creation)) / 1e7
    except (AttributeError, OSError, ValueError):
        return None


def _age_now() -> float | None:
    if sys.platform.startswith("linux"):
        return _linux_age()
    if sys.platform == "win32":
        return _windows_age()
    return None


# The coarse OS figure is read once; later readings add the precise perf_counter difference.
_AGE_AT_IMPORT = _age_now()


def milliseconds_since_start() -> float:
    """Milliseconds since the process started (since this module was imported where the OS
    does not say)."""
    elapsed = time.perf_counter() - _IMPORTED_AT
    return ((_AGE_AT_IMPORT or 0.0) + elapsed) * 1000.0
