"""Startup to the first painted frame with the sample report open, as a ratio to an empty
QMainWindow shown in the same run (goal ≤ 1.5×).

Every figure comes from a separate process started the same way, measured from the operating
system's record of the process start (app/startup_clock.py) to the first Paint of the main
window, so interpreter start-up counts on every side.  The programs run in turn, round after
round, so a change in the machine's load reaches all of them alike; medians are compared, and
the spread (quartiles, min–max) and the CPU time of each process (less sensitive to other load
on the machine, but it includes exiting) are printed beside them.

A third program is a reference, not a goal: the empty window plus importing the report core
(pydantic, the model, the checks, the project file reader).  The editor cannot show a report
before the core is loaded, so its ratio is the floor of the present design.  A fourth shows how
much of that floor is pydantic itself: the empty window plus importing pydantic and validating
one two-field model.

Compiled bytecode is cached in a temporary folder (PYTHONPYCACHEPREFIX), as an installed app
or a PyInstaller bundle has it, and checked to be used: without it every run would recompile
the application's sources (but not Qt's), which is not what a user waits for.

To measure a change, --against DIR adds the editor from another source tree (DIR/src, e.g.
`git worktree add DIR <commit>`) to the same interleaved rounds.

Run: python bench/startup_bench.py [--runs 11] [--platform offscreen|xcb] [--against DIR]
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
from disclosure_desktop.app.shell.startup_clock import milliseconds_since_start
import sys
{preload}
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"{{milliseconds_since_start():.1f}}", flush=True), app.quit()))
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""
# Imported before Qt, in the order the editor imports them (app/main.py).
CORE_IMPORTS = "import disclosure_desktop.core.checks, disclosure_desktop.io.project_file"
# The part of that no code of ours can shorten: pydantic itself, and one model validated.
PYDANTIC_ONLY = """
from pydantic import BaseModel
class _Probe(BaseModel):
    year: int
    agency: str
_Probe.model_validate({"year": 2019, "agency": "x"})
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


def _quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 4:
        return min(values), max(values)
    q1, _, q3 = statistics.quantiles(values, n=4)
    return q1, q3


def _cached_modules(cache: Path) -> int:
    return sum(1 for _ in cache.rglob("disclosure_desktop/**/*.pyc")) if cache.exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--platform", default=None, help="QT_QPA_PLATFORM (default: offscreen unless DISPLAY is set)")
    parser.add_argument("--against", type=Path, default=None,
                        help="another source tree whose editor (DIR/src) runs in the same rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data",
               "XDG_STATE_HOME": f"{home}/state"}
        cache = Path(home) / "pycache"
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
        env["QT_QPA_PLATFORM"] = args.platform or ("xcb" if os.environ.get("DISPLAY") else "offscreen")
        editor = [sys.executable, "-m", "disclosure_desktop", "--quit-after-show", str(SAMPLE)]
        programs = {
            "empty QMainWindow": ([sys.executable, "-c", EMPTY_WINDOW.format(preload="")], env),
            "editor + sample": (editor, env),
            "empty + core import": ([sys.executable, "-c", EMPTY_WINDOW.format(preload=CORE_IMPORTS)], env),
            "empty + pydantic only": ([sys.executable, "-c", EMPTY_WINDOW.format(preload=PYDANTIC_ONLY)], env),
        }
        if args.against:
            other = args.against.resolve() / "src"
            if not (other / "disclosure_desktop").is_dir():
                raise SystemExit(f"{other} holds no disclosure_desktop package")
            programs[f"editor ({args.against.name})"] = (editor, {**env, "PYTHONPATH": str(other)})
        for command, program_env in programs.values():  # fill the bytecode cache and the file cache
            run(command, program_env)
        if _cached_modules(cache) == 0:
            raise SystemExit(f"the bytecode cache {cache} stayed empty: the figures would include compiling")
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, (command, program_env) in programs.items():
                results[name].append(run(command, program_env))
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each (interleaved), "
          f"load average: {_load()}, bytecode cached")
    wall, cpu = {}, {}
    for name, runs in results.items():
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        wall[name], cpu[name] = statistics.median(walls), statistics.median(cpus)
        q1, q3 = _quartiles(walls)
        print(f"{name:22s} first frame: median {wall[name]:6.1f} ms (quartiles {q1:.1f}–{q3:.1f}, "
              f"min–max {min(walls):.1f}–{max(walls):.1f}); CPU of the process: median {cpu[name]:6.1f} ms")
    base, base_cpu = wall["empty QMainWindow"], max(cpu["empty QMainWindow"], 1e-9)
    ratio = wall["editor + sample"] / base
    print(f"ratio (first frame): {ratio:.2f}×  (goal ≤ 1.5×: {'met' if ratio <= 1.5 else 'NOT met'}); "
          f"CPU ratio {cpu['editor + sample'] / base_cpu:.2f}×")
    print(f"floor of the present design (empty window + report core import): "
          f"{wall['empty + core import'] / base:.2f}× ({wall['empty + core import'] - base:+.0f} ms for the core alone)")
    print(f"  of which pydantic itself (import and one small model validated): "
          f"{wall['empty + pydantic only'] / base:.2f}× ({wall['empty + pydantic only'] - base:+.0f} ms)")
    for name in results:
        if name.startswith("editor ("):
            print(f"{name}: ratio {wall[name] / base:.2f}×, CPU ratio {cpu[name] / base_cpu:.2f}×")
    return 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


if __name__ == "__main__":
    sys.exit(main())
