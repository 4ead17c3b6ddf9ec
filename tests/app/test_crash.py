"""Unhandled exceptions: an exception escaping a Qt slot (or a thread) is logged with its
traceback, the unsaved work goes to the recovery file at once (never the user's file), and a
Chinese dialog says so and where the log is; the program carries on.  After a real process
dies following such an error, the next start offers the work back."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QTimer

from disclosure_desktop.app.shell import prompts
from disclosure_desktop.app.shell.crash_handler import CrashHandler
from disclosure_desktop.app.shell.logging_setup import LOG_FILE_NAME, configure_logging, shutdown_logging
from disclosure_desktop.app.document.recovery import RECOVERY_SUFFIX, RecoveryStore
from disclosure_desktop.io.project_file import load_project, parse_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE, ScriptedPrompter


class CrashPrompter(ScriptedPrompter):
    """The tests' prompter, also answering the crash dialog."""

    METHODS = ScriptedPrompter.METHODS + ("crash",)

    def crash(self, parent, title, text, details):
        return self._answer("crash", (title, text, details))


@pytest.fixture
def crash_prompter():
    return CrashPrompter()


@pytest.fixture
def log_setup(tmp_path):
    setup = configure_logging(tmp_path / "log")
    yield setup
    shutdown_logging()


@pytest.fixture
def handler(make_window, crash_prompter, log_setup):
    """A window answering through crash_prompter, and the crash handler installed for it."""
    window = make_window(crash_prompter)
    opened_folders = []
    crash_handler = CrashHandler(log_setup, lambda: window, open_folder=opened_folders.append)
    crash_handler.install()
    crash_handler.window = window
    crash_handler.opened_folders = opened_folders
    yield crash_handler
    crash_handler.uninstall()


def boom() -> None:
    raise ValueError("测试用的意外错误")


def log_text(setup) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return setup.path.read_text("utf-8")


def test_an_error_in_a_slot_saves_the_unsaved_edit_to_the_recovery_file_and_tells_the_user(
        qtbot, handler, crash_prompter, isolated, tmp_path, log_setup):
    window = handler.window
    mine = tmp_path / "我的年报.gknb"
    mine.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(mine)
    window.document.set_cells("s3", {("new", "natural"): 41, ("public", "natural"): 41})
    crash_prompter.queue("crash", prompts.CONTINUE)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(crash_prompter.messages("crash")), timeout=5000)

    (title, text, details), = crash_prompter.messages("crash")
    (recovery,) = sorted((isolated / "recovery").glob(f"*{RECOVERY_SUFFIX}"))
    assert title == "程序出错"
    assert "ValueError: 测试用的意外错误" in text
    assert f"尚未保存的内容已写入恢复文件：\n{recovery}" in text and "下次启动时会提示恢复" in text
    assert f"日志文件：{log_setup.path}" in text
    assert "Traceback" in details and "in boom" in details
    # The recovery file holds the edit; the user's own file is untouched.
    document = json.loads(recovery.read_text("utf-8"))
    restored = parse_project(json.dumps(document["project"]).encode("utf-8"), recovery).report
    assert restored.value("s3", "new", "natural") == 41
    assert document["original_path"] == str(mine)
    assert mine.read_bytes() == SAMPLE.read_bytes()
    # The traceback is in the log; the program goes on with the edit still there.
    assert "未处理的异常" in log_text(log_setup) and "ValueError: 测试用的意外错误" in log_text(log_setup)
    assert window.isVisible() and window.document.value("s3", "new", "natural") == 41
    assert handler.opened_folders == []


def test_without_unsaved_changes_nothing_is_written_and_the_dialog_says_so(qtbot, handler, crash_prompter, isolated):
    assert handler.window.files.open_path(SAMPLE)
    crash_prompter.queue("crash", prompts.CONTINUE)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(crash_prompter.messages("crash")), timeout=5000)
    (_, text, _), = crash_prompter.messages("crash")
    assert "目前没有尚未保存的更改" in text
    assert not list((isolated / "recovery").glob(f"*{RECOVERY_SUFFIX}"))


def test_the_log_folder_button_opens_the_log_folder(qtbot, handler, crash_prompter, log_setup):
    crash_prompter.queue("crash", prompts.OPEN_LOG_FOLDER)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(handler.opened_folders), timeout=5000)
    assert handler.opened_folders == [log_setup.path.parent]


def test_the_same_error_again_is_logged_but_not_shown_twice(qtbot, handler, crash_prompter, log_setup):
    crash_prompter.queue("crash", prompts.CONTINUE)
    for _ in range(3):
        QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: log_text(log_setup).count("未处理的异常") == 3, timeout=5000)
    assert len(crash_prompter.messages("crash")) == 1
    assert "又发生了同样的内部错误" in handler.window.statusBar().currentMessage()


def test_an_error_in_another_thread_is_shown_by_the_gui_thread(qtbot, handler, crash_prompter, log_setup):
    shown_in = []

    def crash(parent, title, text, details):
        shown_in.append(threading.current_thread() is threading.main_thread())
        return prompts.CONTINUE
    crash_prompter.crash = crash
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown_in), timeout=5000)
    assert shown_in == [True]
    assert "ValueError: 测试用的意外错误" in log_text(log_setup)


def test_an_error_while_the_dialog_is_open_is_only_logged(qtbot, handler, crash_prompter, log_setup):
    def crash(parent, title, text, details):
        crash_prompter.calls.append(("crash", (title, text, details)))
        try:
            raise KeyError("又一个错误")
        except KeyError:
            sys.excepthook(*sys.exc_info())
        return prompts.CONTINUE
    crash_prompter.crash = crash
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(crash_prompter.messages("crash")), timeout=5000)
    assert len(crash_prompter.messages("crash")) == 1
    assert "又一个错误" in log_text(log_setup)


def test_the_handler_restores_the_previous_hooks(log_setup):
    before = (sys.excepthook, threading.excepthook)
    handler = CrashHandler(log_setup, lambda: None)
    handler.install()
    assert sys.excepthook == handler.handle_exception
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


CRASH_THEN_DIE = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from disclosure_desktop.app.shell import prompts
    from disclosure_desktop.app.shell.crash_handler import CrashHandler
    from disclosure_desktop.app.shell.logging_setup import configure_logging
    from disclosure_desktop.app.main import create_application
    from disclosure_desktop.app.shell.main_window import MainWindow
    from disclosure_desktop.app.document.recovery import RecoveryStore

    class Answers(prompts.Prompter):
        def crash(self, parent, title, text, details):
            print(text, flush=True)
            QTimer.singleShot(0, lambda: os._exit(3))  # the program cannot go on: it dies
            return prompts.CONTINUE

    app = create_application()
    window = MainWindow(recovery_store=RecoveryStore(sys.argv[1]), prompter=Answers())
    window.show()
    assert window.files.open_path(sys.argv[2])
    window.document.set_narrative("s6", "出错前写的文字。")
    CrashHandler(configure_logging(sys.argv[3]), lambda: window).install()
    QTimer.singleShot(0, lambda: 1 / 0)
    app.exec()
""")


def test_after_the_error_kills_the_program_the_next_start_offers_the_work(make_window, prompter, isolated, tmp_path):
    mine = tmp_path / "mine.gknb"
    mine.write_bytes(SAMPLE.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CRASH_THEN_DIE, str(isolated / "recovery"), str(mine),
                           str(tmp_path / "log")], env=env, capture_output=True, timeout=120)
    assert done.returncode == 3, done.stderr.decode("utf-8", "replace")
    assert "尚未保存的内容已写入恢复文件" in done.stdout.decode("utf-8")
    assert "ZeroDivisionError" in (tmp_path / "log" / LOG_FILE_NAME).read_text("utf-8")
    assert mine.read_bytes() == SAMPLE.read_bytes()

    window = make_window()
    prompter.queue("recover", prompts.RESTORE)
    assert window.files.offer_recovery()
    assert window.document.report.narrative["s6"] == "出错前写的文字。"
    assert window.document.path == mine and window.document.is_modified()
    assert load_project(mine).report.narrative.get("s6") != "出错前写的文字。"
