"""Autosave and recovery: the recovery file never replaces the user's file, a clean save
removes it, and after a crash (a real process killed mid-session) the next window offers it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from disclosure_desktop.app.shell import prompts
from disclosure_desktop.app.document.recovery import RECOVERY_SUFFIX, RecoveryStore
from disclosure_desktop.io.project_file import load_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE

CRASHING_SESSION = textwrap.dedent("""
    import os, sys
    from disclosure_desktop.app.main import create_application
    from disclosure_desktop.app.shell.main_window import MainWindow
    from disclosure_desktop.app.document.recovery import RecoveryStore

    app = create_application()
    window = MainWindow(recovery_store=RecoveryStore(sys.argv[1]))
    window.show()
    assert window.files.open_path(sys.argv[2])
    window.document.set_cells("s3", {("new", "natural"): 7, ("public", "natural"): 7})
    window.document.set_narrative("s6", "崩溃前写的文字。")
    assert window.document.autosave_now()
    os._exit(3)  # the crash: no close, no clean-up
""")


def recovery_files(folder):
    return sorted(folder.glob(f"*{RECOVERY_SUFFIX}")) if folder.exists() else []


def test_autosave_writes_a_recovery_file_and_never_the_users_file(window, isolated, tmp_path):
    target = tmp_path / "mine.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    assert not window.document.autosave_now()  # nothing changed: nothing to write
    window.document.set_narrative("s6", "未保存的修改。")
    assert window.document.autosave_now()
    assert target.read_bytes() == SAMPLE.read_bytes()
    (recovery,) = recovery_files(isolated / "recovery")
    document = json.loads(recovery.read_text("utf-8"))
    assert document["original_path"] == str(target)
    assert document["project"]["narrative"]["s6"] == "未保存的修改。"
    # The window's own recovery file is not offered to itself while it runs.
    assert RecoveryStore(isolated / "recovery").pending() == []
    assert window.files.save()
    assert recovery_files(isolated / "recovery") == []
    assert window.document.autosave_timer.interval() == 60_000


def test_undo_back_to_the_saved_state_removes_the_recovery_file(window, isolated):
    window.files.open_path(SAMPLE)
    window.document.set_narrative("s6", "临时。")
    assert window.document.autosave_now()
    window.document.undo_stack.undo()
    assert not window.document.is_modified()
    window.document.autosave_now()
    assert recovery_files(isolated / "recovery") == []


def test_recovery_after_a_crash(make_window, prompter, isolated, tmp_path):
    target = tmp_path / "年报.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    folder = isolated / "recovery"
    crashed = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(folder), str(target)],
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, timeout=120)
    assert crashed.returncode == 3, crashed.stderr.decode("utf-8", "replace")
    assert len(recovery_files(folder)) == 1
    assert target.read_bytes() == SAMPLE.read_bytes()  # the crash left the user's file alone

    prompter.queue("recover", prompts.RESTORE)
    window = make_window()
    assert window.files.offer_recovery()
    (title, saved_at, original), = prompter.messages("recover")
    assert "重庆市开州区教育委员会2019年" in title and original == str(target) and saved_at
    report = window.document.report
    assert report.value("s3", "new", "natural") == 7 and report.value("s3", "public", "natural") == 7
    assert report.narrative["s6"] == "崩溃前写的文字。"
    assert window.document.path == target
    assert window.document.is_modified() and window.isWindowModified()  # restored, not yet saved

    assert window.files.save()
    assert load_project(target).report.narrative["s6"] == "崩溃前写的文字。"
    assert recovery_files(folder) == []


def test_declined_recovery_is_kept_for_later_or_discarded(make_window, prompter, isolated, tmp_path):
    store = RecoveryStore(isolated / "recovery")
    slot = store.new_slot()
    slot.write(load_project(SAMPLE).report, None)
    slot._lock.unlock()  # as if the process that held it had died

    prompter.queue("recover", prompts.LATER)
    window = make_window()
    assert not window.files.offer_recovery()
    assert window.document is None
    assert len(recovery_files(isolated / "recovery")) == 1

    prompter.queue("recover", prompts.DISCARD)
    assert not window.files.offer_recovery()
    assert recovery_files(isolated / "recovery") == []
    assert not window.files.offer_recovery()  # nothing left to offer


def test_a_damaged_recovery_file_is_reported_and_removed(make_window, prompter, isolated):
    folder = isolated / "recovery"
    folder.mkdir(parents=True)
    (folder / f"20250101-000000-1-deadbeef{RECOVERY_SUFFIX}").write_text("{不是JSON", "utf-8")
    prompter.queue("recover", prompts.RESTORE)
    window = make_window()
    assert not window.files.offer_recovery()
    (title, message), = prompter.messages("error")
    assert title == "无法恢复" and "恢复文件已损坏" in message
    assert recovery_files(folder) == []
