"""The log file: created in the per-user log folder, UTF-8, rotated at 1 MB × 5, a temporary
folder when the usual one cannot be used, and the file operations and the start written to it
(by a real `--quit-after-show` process and by a real window)."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys

import pytest

from disclosure_desktop.app.shell import logging_setup
from disclosure_desktop.app.shell.logging_setup import (BACKUP_COUNT, LOG_FILE_NAME, MAX_BYTES, configure_logging,
                                                  default_log_folder, shutdown_logging)

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "日志"
    yield folder
    shutdown_logging()


def read_log(folder) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (folder / LOG_FILE_NAME).read_text("utf-8")


def test_the_log_file_is_created_in_utf8_with_the_packages_messages(log_folder):
    setup = configure_logging(log_folder)
    assert setup.path == log_folder / LOG_FILE_NAME and setup.path.exists() and not setup.fallback_reason
    logging.getLogger("disclosure_desktop.app.test").info("已打开“二〇一九年报.gknb”")
    logging.getLogger("some_library").info("a library's chatter stays out")
    logging.getLogger("some_library").warning("a library's warning goes in")
    text = read_log(log_folder)
    assert "INFO" in text and "disclosure_desktop.app.test: 已打开“二〇一九年报.gknb”" in text
    assert "chatter" not in text and "a library's warning goes in" in text
    assert setup.describe() == f"日志文件：{setup.path}"


def test_configuring_again_replaces_the_handler(log_folder, tmp_path):
    configure_logging(log_folder)
    configure_logging(tmp_path / "second")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logging_setup._AppLogHandler)]
    assert len(ours) == 1 and ours[0].baseFilename == str(tmp_path / "second" / LOG_FILE_NAME)


def test_the_log_rotates_at_one_megabyte_and_keeps_five_old_files(log_folder):
    configure_logging(log_folder)
    logger = logging.getLogger("disclosure_desktop.app.test")
    line = "年报" * 250  # about 1.5 kB per record in UTF-8
    for number in range(5000):  # about 7.5 MB: more than the file and all its backups hold
        logger.info("%05d %s", number, line)
    files = sorted(p.name for p in log_folder.iterdir())
    assert files == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, BACKUP_COUNT + 1)]
    for path in log_folder.iterdir():
        assert path.stat().st_size <= MAX_BYTES
    # The newest record is in the current file, the oldest ones are gone.
    assert "04999 " in read_log(log_folder)
    assert all("00000 " not in p.read_text("utf-8") for p in log_folder.iterdir())


def test_a_folder_that_cannot_be_created_falls_back_to_the_temporary_folder(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setattr(logging_setup.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    try:
        setup = configure_logging(blocker / "log")
        assert setup.path == tmp_path / "tmp" / "disclosure-desktop-log" / LOG_FILE_NAME
        assert setup.fallback_reason
        assert "临时文件夹" in setup.describe()
        assert "无法使用" in capsys.readouterr().err
        # The log itself says why it is not where it is usually.
        assert str(blocker / "log") in read_log(setup.path.parent)
    finally:
        shutdown_logging()


def test_without_any_writable_folder_the_program_goes_on_without_a_log(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    monkeypatch.setattr(logging_setup.tempfile, "gettempdir", lambda: str(blocker))
    setup = configure_logging(blocker / "log")
    assert setup.path is None and setup.folder is None
    assert setup.describe().startswith("无法写入日志文件")
    assert "临时文件夹也不可用" in capsys.readouterr().err


def test_the_default_folder_is_platformdirs_user_log_folder(monkeypatch, tmp_path):
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
        assert default_log_folder() == tmp_path / "state" / "disclosure-desktop" / "log"
    import platformdirs
    assert default_log_folder() == platformdirs.user_log_path("disclosure-desktop", appauthor=False)


def test_file_operations_are_logged(window, prompter, log_folder, tmp_path):
    configure_logging(log_folder)
    damaged = tmp_path / "坏.gknb"
    damaged.write_text("{", "utf-8")
    assert not window.files.open_path(damaged)
    copy = tmp_path / "副本.gknb"
    copy.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(copy)
    window.document.set_narrative("s6", "改动。")
    assert window.files.save()
    text = read_log(log_folder)
    assert f"无法打开 {damaged}" in text
    assert f"已打开 {copy}" in text
    assert f"已保存 {copy}" in text


def test_a_started_program_writes_its_version_and_startup_time(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    report = tmp_path / "年报.gknb"
    shutil.copy(SAMPLE, report)
    done = subprocess.run([sys.executable, "-m", "disclosure_desktop", "--quit-after-show", str(report)],
                          env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    log_file = tmp_path / "state" / "disclosure-desktop" / "log" / LOG_FILE_NAME
    if not sys.platform.startswith("linux"):
        pytest.skip("the folder is platform-specific; the Linux layout is checked here")
    text = log_file.read_text("utf-8")
    assert "程序启动" in text and f"已打开 {report}" in text
    (line,) = [line for line in text.splitlines() if "首帧用时" in line]
    assert "版本 " in line and "Python " in line and "Qt " in line and "系统 " in line
    assert "程序退出（0）" in text
