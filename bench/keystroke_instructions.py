"""Instructions per keystroke, counted by valgrind (callgrind): the deterministic twin of
keystroke_bench.py.

Wall-clock figures on this shared two-CPU machine move by a third between spells of the same
hour; instruction counts do not.  Each keystroke (one digit typed into a cell of table 三, then
the event loop run until idle, exactly as keystroke_bench.py times it) is wrapped in a call
through QMetaObject.invokeMethod, and callgrind counts only inside that call
(`--toggle-collect`).  Two runs, with SHORT and LONG keystrokes; their difference divided by
LONG - SHORT is the cost of one steady keystroke, free of start-up and warm-up.  The baseline,
counted the same way in the same run, is a digit typed into a bare QLineEdit.

Run: python bench/keystroke_instructions.py [window|editor|all]
Needs valgrind (apt-get install valgrind); about two minutes per target.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SHORT, LONG = 8, 24
TARGETS = ("baseline", "editor", "window")
WRAPPED_CALL = "QMetaObject::invokeMethodImpl*"


def run_under_callgrind(target: str, keystrokes: int) -> int:
    """Instructions counted inside the wrapped keystrokes of one child run."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
                   f"--toggle-collect={WRAPPED_CALL}", sys.executable, __file__, "--child", target,
                   str(keystrokes)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        totals = re.search(r"^(?:totals|summary): (\d+)", out.read_text(errors="replace"), re.M)
        return int(totals.group(1))


def per_keystroke(target: str) -> float:
    return (run_under_callgrind(target, LONG) - run_under_callgrind(target, SHORT)) / (LONG - SHORT)


def child(target: str, keystrokes: int) -> None:
    """Runs inside valgrind: set the target up, warm it, then type `keystrokes` wrapped digits."""
    sys.path.insert(0, str(Path(__file__).parent))
    from PySide6.QtCore import QMetaObject, QObject, Qt, Slot
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    import keystroke_bench as bench
    from disclosure_desktop.app.main import create_application

    app = create_application(sys.argv[:1])
    folder = tempfile.TemporaryDirectory()
    if target == "baseline":
        line = QLineEdit()
        line.resize(200, 30)
        line.show()
        app.processEvents()
        prepare = line.clear
        target_line = lambda: line  # noqa: E731
        finish = lambda: None  # noqa: E731
    else:
        setup = bench.editor_alone if target == "editor" else (lambda app: bench.in_window(app, folder.name))
        session, editor, _shown, _check = setup(app)
        model, view = editor.model, editor.view
        cells = view.input_cells()
        state = {"n": 0, "line": None}

        def prepare() -> None:
            r, c = cells[(state["n"] * 7) % len(cells)]
            index = model.index(r, c)
            view.setCurrentIndex(index)
            view.edit(index)
            state["line"] = view.indexWidget(index)
            state["line"].selectAll()
            app.processEvents()

        target_line = lambda: state["line"]  # noqa: E731

        def finish() -> None:
            QTest.keyClick(state["line"], Qt.Key.Key_Return)
            bench.settle(app)
            session.undo_stack.undo()
            bench.settle(app)
            state["n"] += 1

    class Keystroke(QObject):
        digit = 1

        @Slot()
        def type_one(self) -> None:
            QTest.keyClick(target_line(), bench.DIGITS[self.digit])
            bench.settle(app)

    keystroke = Keystroke()
    for n in range(12 + keystrokes):  # the first 12 are warm-up and are not wrapped
        prepare()
        keystroke.digit = (n % 9) + 1
        if n < 12:
            keystroke.type_one()
        else:
            QMetaObject.invokeMethod(keystroke, "type_one", Qt.ConnectionType.DirectConnection)
        finish()
    folder.cleanup()


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    chosen = sys.argv[1] if len(sys.argv) > 1 else "all"
    targets = TARGETS if chosen == "all" else ("baseline", chosen)
    counts = {target: per_keystroke(target) for target in targets}
    base = counts["baseline"]
    print(f"instructions per steady keystroke (callgrind, {LONG} - {SHORT} keystrokes, offscreen)")
    names = {"baseline": "QLineEdit keystroke + repaint (baseline)", "editor": "三 editor alone",
             "window": "window: totals, findings, panel, badges, repaint"}
    for target in targets:
        print(f"{names[target]:50} {counts[target] / 1e6:8.2f} M   {counts[target] / base:7.1f}× baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
