"""Fixtures for the main-window tests: an isolated settings file and recovery folder, and a
Prompter whose questions the test answers (the window's dialog hook; everything else is real).

Test modules import the fixtures with `from .window_helpers import *`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.shell import prompts
from disclosure_desktop.app.main import create_application
from disclosure_desktop.app.shell.main_window import MainWindow
from disclosure_desktop.app.document.recovery import RecoveryStore

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "kaizhou-edu-2019.gknb"

__all__ = ["SAMPLE", "ScriptedPrompter", "UnexpectedDialog", "isolated", "prompter", "make_window", "window",
           "ime_commit"]


def ime_commit(widget, text: str) -> None:
    """Type Chinese text as an input method delivers it (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class UnexpectedDialog(AssertionError):
    pass


class ScriptedPrompter(prompts.Prompter):
    """Answers each question with the next queued answer; a question nobody expected fails the test.

    `calls` records (method, arguments) so a test can check what the user was told.
    For run_dialog the queued answer is a function that fills the dialog and returns accept/reject.
    """

    METHODS = ("unsaved_changes", "error", "warning", "information", "confirm", "choose", "recover",
               "open_file", "save_file", "run_dialog")

    def __init__(self):
        self.answers: dict[str, deque] = {name: deque() for name in self.METHODS}
        self.calls: list[tuple[str, tuple]] = []
        self.details: list[str] = []  # what each error or choice put behind 显示详细信息

    def queue(self, method: str, *answers) -> "ScriptedPrompter":
        self.answers[method].extend(answers)
        return self

    def _answer(self, method: str, args: tuple):
        self.calls.append((method, args))
        if method in ("error", "warning", "information") and not self.answers[method]:
            return None  # messages need no answer; the test reads them from `calls`
        if not self.answers[method]:
            raise UnexpectedDialog(f"unexpected {method}{args}")
        return self.answers[method].popleft()

    def messages(self, method: str) -> list[tuple]:
        return [args for name, args in self.calls if name == method]

    def unsaved_changes(self, parent, name):
        return self._answer("unsaved_changes", (name,))

    def error(self, parent, title, text, details=""):
        self.details.append(details)
        return self._answer("error", (title, text))

    def warning(self, parent, title, text):
        return self._answer("warning", (title, text))

    def information(self, parent, title, text):
        return self._answer("information", (title, text))

    def confirm(self, parent, title, text, yes, no):
        return self._answer("confirm", (title, text))

    def choose(self, parent, title, text, details, choices, close):
        """Answered with the queued answer (prompts.OPEN_BACKUP …); `calls` holds the choices offered."""
        self.details.append(details)
        return self._answer("choose", (title, text, [answer for _label, answer in choices]))

    def recover(self, parent, title, saved_at, original):
        return self._answer("recover", (title, saved_at, original))

    def open_file(self, parent, title, folder, filter):
        return self._answer("open_file", (title,))

    def save_file(self, parent, title, suggested, filter):
        return self._answer("save_file", (title, suggested))

    def run_dialog(self, dialog):
        fill = self._answer("run_dialog", (type(dialog).__name__,))
        return fill(dialog)


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Settings and per-user data under tmp_path (XDG variables for subprocesses too)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log of app processes
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def prompter():
    return ScriptedPrompter()


@pytest.fixture
def make_window(qtbot, isolated, prompter):
    """make_window(prompter=None) → a shown MainWindow using the isolated settings and folder."""
    create_application()
    windows = []

    def make(answers: ScriptedPrompter | None = None, size: tuple[int, int] | None = (1280, 760)) -> MainWindow:
        window = MainWindow(recovery_store=RecoveryStore(isolated / "recovery"), prompter=answers or prompter)
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    # Closed here rather than by qtbot.addWidget: pytest-qt closes its widgets before fixtures
    # end, and an unexpected unsaved-changes question would then fail the test's teardown.
    for window in windows:
        try:
            window.close_without_prompt()
            window.close()
            window.deleteLater()
        except RuntimeError:
            pass  # already deleted by the test


@pytest.fixture
def window(make_window):
    return make_window()
