"""Resident memory with the sample report open (goal < 200 MB), against an empty QMainWindow
measured the same way in the same run.

Each figure comes from its own process: the editor starts as `disclosure-desktop FILE` does
(app.main.run_gui), every page of the guided flow is then visited (so every table editor
exists, as after a real session), and the resident set size is read from the operating system.
Run: python bench/memory_bench.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"

RSS = '''
def rss_mb():
    """Resident set size in MB (Linux /proc; elsewhere the peak from resource or psapi)."""
    import sys
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes
        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t) for name in ("PeakWorkingSetSize", "WorkingSetSize",
                "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage",
                "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")]
        counters = Counters(); counters.cb = ctypes.sizeof(counters)
        ctypes.windll.psapi.GetProcessMemoryInfo(ctypes.windll.kernel32.GetCurrentProcess(),
                                                 ctypes.byref(counters), counters.cb)
        return counters.WorkingSetSize / 2**20
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
'''

EMPTY_WINDOW = RSS + '''
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1280, 760); window.show()
for _ in range(10):
    app.processEvents()
print(f"{rss_mb():.1f}")
'''

EDITOR = RSS + '''
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from disclosure_desktop.app import main
from disclosure_desktop.app.shell.main_window import MainWindow

def visit_every_page():
    # Once the program has started as a user starts it (its first frame painted, the garbage
    # collector running again), every page of the guided flow is built.
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].document is None or not gc.isenabled():
        QTimer.singleShot(20, visit_every_page)
        return
    window = windows[0]
    for page in window.editor.navigator.page_ids():
        window.editor.go_to(page)
        for _ in range(5):
            QApplication.processEvents()
    print(f"{rss_mb():.1f}", flush=True)
    window.close()

main.create_application()
QTimer.singleShot(0, visit_every_page)
sys.exit(main.run_gui(sys.argv[1]))
'''


def measure(code: str, *args: str, env: dict) -> float:
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode("utf-8", "replace"))
    return float(done.stdout.decode().strip().splitlines()[-1])


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
               "XDG_STATE_HOME": f"{home}/state"}
        env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
        empty = measure(EMPTY_WINDOW, env=env)
        editor = measure(EDITOR, str(SAMPLE), env=env)
    print(f"platform: {env['QT_QPA_PLATFORM']}")
    print(f"empty QMainWindow:                    {empty:6.1f} MB resident")
    print(f"editor, sample open, every page built: {editor:6.1f} MB resident  ({editor / empty:.2f}× the empty window)")
    print(f"goal < 200 MB: {'met' if editor < 200 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
