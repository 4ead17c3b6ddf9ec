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


def run(command: list[str], env: dict) -> float:
    done = subprocess.run(command, env=env, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}")
    return float(done.stdout.decode().strip().splitlines()[-1])


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
    ours_median, empty_median = statistics.median(ours), statistics.median(empty)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"empty QMainWindow, first frame: median {empty_median:7.1f} ms  (min {min(empty):.1f}, max {max(empty):.1f})")
    print(f"editor + sample,   first frame: median {ours_median:7.1f} ms  (min {min(ours):.1f}, max {max(ours):.1f})")
    ratio = ours_median / empty_median
    print(f"ratio: {ratio:.2f}×  (goal ≤ 1.5×: {'met' if ratio <= 1.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
