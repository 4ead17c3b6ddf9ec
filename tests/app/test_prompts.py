"""The real dialogs of prompts.Prompter: Chinese buttons, and the answer of the button pressed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from disclosure_desktop.app.shell import prompts
from disclosure_desktop.app.main import create_application
from disclosure_desktop.app.document.recent_files import RecentFiles


def press_when_shown(qtbot, text: str, seen: list) -> None:
    """Press the button labelled `text` of the message box once it is open."""
    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(sorted(b.text() for b in box.findChildren(QPushButton)))
        next(b for b in box.findChildren(QPushButton) if b.text() == text).click()
    QTimer.singleShot(0, press)


def test_unsaved_changes_question(qtbot):
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    for label, answer in (("保存", prompts.SAVE), ("不保存", prompts.DISCARD), ("取消", prompts.CANCEL)):
        seen = []
        press_when_shown(qtbot, label, seen)
        assert prompts.Prompter().unsaved_changes(parent, "年报.gknb") == answer
        assert seen == [sorted(["保存", "不保存", "取消"])]


def test_recovery_question(qtbot):
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    press_when_shown(qtbot, "以后再说", seen)
    assert prompts.Prompter().recover(parent, "某局2024年报告", "2025-01-20T10:00:00", "D:/年报.gknb") == prompts.LATER
    assert seen == [sorted(["恢复", "丢弃", "以后再说"])]


def test_recent_files_newest_first_without_duplicates_and_limited(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    for n in range(12):
        recent.add(tmp_path / f"{n}.gknb")
    recent.add(tmp_path / "3.gknb")
    paths = recent.paths()
    assert len(paths) == RecentFiles.LIMIT
    assert paths[0] == tmp_path / "3.gknb" and paths[1] == tmp_path / "11.gknb"
    assert len(set(paths)) == len(paths)
    recent.remove(tmp_path / "3.gknb")
    assert tmp_path / "3.gknb" not in recent.paths()
    settings.sync()
    assert "recent_files" in (tmp_path / "s.ini").read_text("utf-8")
