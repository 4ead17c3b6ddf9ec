"""Startup to the first painted frame with the sample report open, as a ratio to an empty
QMainWindow shown in the same run (goal ≤ 1.5×).

Both are separate processes started the same way, and both measure from the operating
system's record of the process start (app/startup_clock.py) to the first Paint of the main
window, so interpreter start-up counts on both sides.  Runs alternate; medians are compared.
Run: python bench/startup_bench.py [--runs 9] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"

# The baseline: the least a Qt program does to put a main window on the screen.
EMPTY_WINDOW = """
from disclosure_desktop.app.startup_clock import milliseconds_since_start
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"{milliseconds_since_start():.1f}", flush=True), app.quit()))
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figure, the wall-clock one stands alone
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict) -> tuple[float, float]:
    """(ms from process start to the first frame, CPU ms of the whole process)."""
    cpu = _children_cpu()
    done = subprocess.run(command, env=env, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}")
    return float(done.stdout.decode().strip().splitlines()[-1]), (_children_cpu() - cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default=None, help="QT_QPA_PLATFORM (default: offscreen unless DISPLAY is set)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
        # Compiled bytecode is cached (in the temporary folder) as it is in an installed app;
        # without it every run would recompile the application's sources but not Qt's.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"
        env["QT_QPA_PLATFORM"] = args.platform or ("xcb" if os.environ.get("DISPLAY") else "offscreen")
        ours_command = [sys.executable, "-m", "disclosure_desktop", "--quit-after-show", str(SAMPLE)]
        empty_command = [sys.executable, "-c", EMPTY_WINDOW]
        run(ours_command, env), run(empty_command, env)  # warm the file cache for both
        ours, empty = [], []
        for _ in range(args.runs):
            empty.append(run(empty_command, env))
            ours.append(run(ours_command, env))
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, load average: {_load()}")
    walls = {}
    for name, runs in (("empty QMainWindow", empty), ("editor + sample", ours)):
        wall = [w for w, _ in runs]
        cpu = [c for _, c in runs]
        walls[name] = statistics.median(wall)
        print(f"{name:18s} first frame: median {statistics.median(wall):7.1f} ms (min {min(wall):.1f}, "
              f"max {max(wall):.1f}); CPU of the process: median {statistics.median(cpu):7.1f} ms")
    ratio = walls["editor + sample"] / walls["empty QMainWindow"]
    cpu_ratio = statistics.median(c for _, c in ours) / max(statistics.median(c for _, c in empty), 1e-9)
    print(f"ratio (first frame): {ratio:.2f}×  (goal ≤ 1.5×: {'met' if ratio <= 1.5 else 'NOT met'}); "
          f"CPU ratio {cpu_ratio:.2f}× (less sensitive to other load on the machine)")
    return 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


if __name__ == "__main__":
    sys.exit(main())
