"""Backups are as safe as the file: the .bak is written to a temporary name, fsynced and renamed,
so a kill at any moment leaves a complete backup; temporary files left by killed saves are
removed by the next save or open once the file is newer than they are."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import backup_path, load_project, save_project

KILLS = 30


def _report(agency: str, text_chars: int = 0):
    report = new_report(2023, agency)
    report.narrative["s1"] = ("本机关依法公开政府信息。" * (text_chars // 12 + 1))[:text_chars] if text_chars else "正文"
    return report


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_backup_holds_the_previous_version_and_no_temporary_is_left(tmp_path):
    path = tmp_path / "年报.gknb"
    save_project(_report("甲局"), path)
    assert not backup_path(path).exists()
    save_project(_report("乙局"), path)
    save_project(_report("丙局"), path)
    assert load_project(path).report.agency == "丙局"
    assert load_project(backup_path(path)).report.agency == "乙局"
    assert _temporaries(tmp_path) == []


def _age(path: Path, seconds: float) -> None:
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def test_stale_temporaries_of_ours_are_removed_on_open_and_save(tmp_path):
    path = tmp_path / "年报.gknb"
    save_project(_report("甲局"), path)
    ours = [tmp_path / ".年报.gknb.k3j_9x0a.tmp", tmp_path / ".年报.gknb.bak.q8w2e4r6.tmp"]
    others = [tmp_path / ".年报.gknb.abc.tmp", tmp_path / ".其他.gknb.k3j_9x0a.tmp", tmp_path / "备忘.tmp",
              tmp_path / ".年报.gknb.x.k3j_9x0a.tmp"]
    for stale in ours + others:
        stale.write_text("cut")
        _age(stale, 60)
    newer = tmp_path / ".年报.gknb.n3w3r000.tmp"  # a save in progress in another window
    newer.write_text("in progress")
    _age(path, 30)
    load_project(path)
    assert not any(p.exists() for p in ours)
    assert all(p.exists() for p in others) and newer.exists()
    save_project(_report("乙局"), path)  # now the file is newer than the one in progress was
    assert not newer.exists() and all(p.exists() for p in others)


_SAVER = """
import sys
from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import save_project
reports = []
for agency in ("甲局", "乙局"):
    report = new_report(2023, agency)
    report.narrative["s1"] = "本机关依法公开政府信息。" * 8000
    reports.append(report)
print("ready", flush=True)
n = 0
while True:
    save_project(reports[n % 2], sys.argv[1])
    n += 1
"""


@pytest.mark.slow
def test_kill_during_save_never_leaves_a_cut_file_or_backup(tmp_path):
    path = tmp_path / "年报.gknb"
    save_project(_report("甲局"), path)
    rng = random.Random(15)
    for _ in range(KILLS):
        saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(path)], stdout=subprocess.PIPE)
        assert saver.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.3))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        assert load_project(path).report.agency in ("甲局", "乙局")
        if backup_path(path).exists():
            assert load_project(backup_path(path)).report.agency in ("甲局", "乙局")
    save_project(_report("丙局"), path)
    assert _temporaries(tmp_path) == []
