"""What the startup optimisations promise (bench/startup_bench.py measures the time):

* the first frame already shows the opened report's first page with its real data and the
  right badges (nothing is painted first and filled in later);
* Python's garbage collector is paused only until that frame, then runs again with what
  startup built frozen out of later collections;
* the report core is imported before PySide6 (PySide6's import hook makes every later import
  slower), and importing app.main leaves the collector as it found it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app import main
from disclosure_desktop.app.shell.logging_setup import LOG_FILE_NAME, shutdown_logging
from disclosure_desktop.app.shell.main_window import MainWindow
from disclosure_desktop.core.section_state import page_states

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE


class FirstPaintProbe(QObject):
    """Records what the main window holds when it receives its first Paint event."""

    def __init__(self):
        super().__init__()
        self.seen = None
        QTimer.singleShot(0, self._attach)  # run_gui's window exists once its event loop runs

    def _attach(self) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and self.seen is None:
            windows[-1].installEventFilter(self)
        elif self.seen is None:
            QTimer.singleShot(0, self._attach)

    def eventFilter(self, window, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            window.removeEventFilter(self)
            session = window.document
            navigator = window.editor.navigator
            self.seen = {
                "page": window.editor.current_page_id(),
                "agency": window.editor.page("cover").ui.agencyEdit.text(),
                "badges": {p: navigator.state_of(p) for p in navigator.page_ids()},
                "expected_badges": page_states(session.report, session.findings),
                "problems_title": window.problems.windowTitle(),
                "collecting": gc.isenabled(),
            }
        return False


@pytest.fixture
def startup_env(isolated, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(isolated / "state"))
    frozen_before = gc.get_freeze_count()
    yield isolated
    shutdown_logging()
    if gc.get_freeze_count() != frozen_before:
        gc.unfreeze()  # the test process keeps collecting what this startup left behind
    gc.enable()


def test_the_first_frame_shows_the_report_and_collection_resumes_after_it(qapp, startup_env, capsys):
    probe = FirstPaintProbe()
    assert gc.isenabled()
    assert main.run_gui(str(SAMPLE), quit_after_show=True) == 0
    seen = probe.seen
    assert seen is not None, "the window was never painted"
    assert seen["page"] == "cover" and seen["agency"] == "重庆市开州区教育委员会"
    assert seen["badges"] == seen["expected_badges"] and len(seen["badges"]) == 8
    assert "个错误" in seen["problems_title"]  # the panel's counts are there from the first frame
    assert seen["collecting"] is False  # paused while starting ...
    assert gc.isenabled() and gc.get_freeze_count() > 0  # ... and running again after the frame
    milliseconds = float(capsys.readouterr().out.strip())
    assert 0 < milliseconds < 120_000
    log = (startup_env / "state" / "disclosure-desktop" / "log" / LOG_FILE_NAME)
    if sys.platform.startswith("linux"):
        assert "首帧用时" in log.read_text("utf-8")


def test_a_file_that_cannot_be_opened_leaves_the_collector_running(qapp, startup_env, tmp_path, capsys):
    damaged = tmp_path / "坏.gknb"
    damaged.write_text("{", "utf-8")
    assert main.run_gui(str(damaged), quit_after_show=True) == 2
    assert gc.isenabled()
    assert "无法打开项目文件“坏.gknb”" in capsys.readouterr().err


IMPORT_ORDER = """
import gc, sys
import disclosure_desktop.app.main
names = list(sys.modules)
print(names.index("pydantic") < names.index("PySide6.QtCore"),
      names.index("disclosure_desktop.core.checks") < names.index("PySide6.QtCore"),
      gc.isenabled())
"""


def test_the_core_is_imported_before_pyside6_and_the_collector_is_left_on():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", IMPORT_ORDER], env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode().split() == ["True", "True", "True"]
