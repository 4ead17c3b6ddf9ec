"""The document controller without any window: load, save, modified state, undo, findings,
autosave and recovery."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from disclosure_desktop.app.document.controller import AUTOSAVE_INTERVAL_MS, DocumentController
from disclosure_desktop.app.document.recovery import RECOVERY_SUFFIX, RecoveryStore
from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import ProjectFileError, ProjectSaveError, load_project

from .window_helpers import SAMPLE


@pytest.fixture(autouse=True)
def application(qapp):
    """Signals and timers need the application object (the same one the other tests share);
    no widget is made in this module."""
    return qapp


@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "年报.gknb"
    path.write_bytes(SAMPLE.read_bytes())
    return path


def recovery_files(store):
    return sorted(store.folder.glob(f"*{RECOVERY_SUFFIX}"))


def close(document):
    document.close()
    document.deleteLater()


def test_open_edit_undo_and_save(mine, store):
    document = DocumentController.open(mine, recovery=store)
    modified = []
    document.modifiedChanged.connect(modified.append)
    assert document.path == mine and document.name == "年报.gknb" and not document.is_modified()
    assert document.autosave_timer.interval() == AUTOSAVE_INTERVAL_MS and document.autosave_timer.isActive()

    assert document.set_cells("s3", {("new", "natural"): 8})
    assert document.is_modified() and modified == [True]
    assert document.value("s3", "new", "total") == sum(document.report.tables["s3"]["new"].values())
    document.undo_stack.undo()
    assert not document.is_modified() and modified == [True, False]
    document.undo_stack.redo()

    assert document.save() == mine
    assert not document.is_modified() and modified[-1] is False
    assert load_project(mine).report.value("s3", "new", "natural") == 8
    assert mine.with_name(mine.name + ".bak").exists()  # the previous version is kept
    close(document)


def test_save_as_moves_the_document_to_the_new_file(mine, tmp_path):
    document = DocumentController.open(mine)
    names = []
    document.nameChanged.connect(lambda: names.append(document.name))
    document.set_narrative("s6", "另存的文字。")
    other = tmp_path / "另存.gknb"
    document.save(other)
    assert document.path == other and names == ["另存.gknb"] and not document.is_modified()
    assert load_project(other).report.narrative["s6"] == "另存的文字。"
    assert load_project(mine).report.narrative.get("s6") != "另存的文字。"
    close(document)


def test_the_sample_opens_as_an_untitled_copy_that_needs_a_file_name():
    document = DocumentController.open_sample()
    assert document.path is None and "示例报告" in document.name
    with pytest.raises(ValueError):
        document.save()
    close(document)


def test_a_damaged_file_raises_a_chinese_error(tmp_path):
    bad = tmp_path / "坏.gknb"
    bad.write_text("{不是JSON", "utf-8")
    with pytest.raises(ProjectFileError) as raised:
        DocumentController.open(bad)
    assert "坏.gknb" in str(raised.value)


def test_a_read_only_file_is_refused_and_left_alone(mine):
    document = DocumentController.open(mine)
    document.set_narrative("s6", "改动。")
    mine.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(ProjectSaveError) as raised:
            document.save()
        assert "只读" in str(raised.value) and "原有文件没有改动" in str(raised.value)
        assert mine.read_bytes() == SAMPLE.read_bytes()
        assert document.is_modified()  # nothing was lost: the edit is still unsaved
    finally:
        os.chmod(mine, stat.S_IRUSR | stat.S_IWUSR)
    close(document)


def test_findings_follow_every_edit_and_equal_a_full_check(mine):
    document = DocumentController.open(mine)
    heard = []
    document.findingsChanged.connect(lambda: heard.append(list(document.findings)))
    assert document.findings == check_report(document.report, None, document.stated_totals)

    document.set_preview("s3", "new", "natural", 99)  # typing, not committed
    typed = document.report.model_copy(deep=True)
    typed.set_value("s3", "new", "natural", 99)
    assert document.findings == check_report(typed, None, document.stated_totals)
    assert any(f.rule == "C1" for f in document.findings) and len(heard) == 1
    document.clear_preview()
    assert document.findings == check_report(document.report, None, document.stated_totals) and len(heard) == 2

    document.set_narrative("s1", "本年度共收到政府信息公开申请999件。")
    assert document.findings == check_report(document.report, None, document.stated_totals)
    document.set_meta(lambda report: setattr(report.front, "has_rulemaking_power", True))
    assert document.findings == check_report(document.report, None, document.stated_totals)

    before = len(heard)
    document.set_narrative("s1", document.report.narrative["s1"] + "。")  # the findings stay the same
    assert len(heard) == before  # nothing to tell: listeners hear only of a real change
    close(document)


def test_autosave_writes_the_recovery_file_only_when_something_changed(mine, store):
    document = DocumentController.open(mine, recovery=store)
    assert not document.autosave_now() and recovery_files(store) == []
    document.set_narrative("s6", "未保存。")
    assert document.autosave_now()
    (recovery,) = recovery_files(store)
    saved = json.loads(recovery.read_text("utf-8"))
    assert saved["original_path"] == str(mine) and saved["project"]["narrative"]["s6"] == "未保存。"
    assert not document.autosave_now()  # nothing new since
    assert mine.read_bytes() == SAMPLE.read_bytes()  # never the user's file
    assert store.pending() == []  # held by this running document

    document.undo_stack.undo()  # back to the saved state: the recovery file goes
    document.autosave_now()
    assert recovery_files(store) == []
    close(document)


def test_a_failed_autosave_is_signalled_and_the_work_stays(mine, store):
    document = DocumentController.open(mine, recovery=store)
    document.set_narrative("s6", "未保存。")
    shutil.rmtree(store.folder)
    store.folder.write_text("不是文件夹", "utf-8")  # the disk refuses the recovery file (even for root)
    failures = []
    document.autosaveFailed.connect(failures.append)
    assert not document.autosave_now()
    assert failures and failures[0].startswith("自动保存失败")
    assert document.is_modified() and document.report.narrative["s6"] == "未保存。"
    close(document)


def test_recovery_after_the_owner_is_gone(mine, store):
    crashed = DocumentController.open(mine, recovery=store)
    crashed.set_cells("s3", {("new", "natural"): 7})
    assert crashed.save_recovery_now() is not None
    crashed._slot._lock.unlock()  # as if the process had died: its lock is free, its file stays

    (entry,) = store.pending()
    recovered = DocumentController.recovered(entry)
    assert recovered.path == mine and recovered.name == "年报.gknb"  # named after its file again
    assert recovered.is_modified()  # restored, not yet saved
    assert recovered.report.value("s3", "new", "natural") == 7
    assert recovered.findings == check_report(recovered.report)
    assert store.pending() == []  # the recovered document holds the file now
    recovered.save()
    assert recovery_files(store) == [] and load_project(mine).report.value("s3", "new", "natural") == 7
    close(recovered)


def test_closing_releases_the_recovery_file(store):
    document = DocumentController(new_report(2023, "某某县教育局"), display_name="未命名", recovery=store, modified=True)
    assert document.is_modified() and document.name == "未命名"
    assert document.save_recovery_now() is not None and len(recovery_files(store)) == 1
    close(document)
    assert recovery_files(store) == [] and not document.autosave_timer.isActive()
