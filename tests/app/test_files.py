"""Files through the window: save/open round trip, unsaved-changes prompt, damaged, newer and
read-only files, the sample as an untitled copy, recent files."""

from __future__ import annotations

import json
import os
import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.shell import prompts
from disclosure_desktop.io.project_file import load_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE, ime_commit


def type_into_cell(qtbot, window, table_id, row_id, column_id, text):
    """Type a value into a table cell as a user does: go to the cell, type, press Enter."""
    page = window.editor.page(window.document.report.spec.table(table_id).section)
    window.editor.go_to(page.page_id)
    editor = page.editors[table_id]
    assert editor.focus_cell(row_id, column_id)
    qtbot.keyClicks(editor.view, text)
    qtbot.keyClick(editor.view.focusWidget(), Qt.Key.Key_Return)


def test_save_and_open_round_trip(qtbot, window, make_window, prompter, tmp_path):
    window.files.open_sample()
    assert window.document.path is None and not window.isWindowModified()
    # A cover field, a table cell and the narrative, each edited through its widget.
    cover = window.editor.page("cover")
    cover.ui.contactEdit.setFocus()
    ime_commit(cover.ui.contactEdit, "区教委办公室，电话023-52222222")
    qtbot.keyClick(cover.ui.contactEdit, Qt.Key.Key_Return)
    type_into_cell(qtbot, window, "s3", "new", "natural", "5")
    type_into_cell(qtbot, window, "s3", "public", "natural", "5")
    window.editor.go_to("s6", focus=True)
    narrative = window.editor.page("s6").editor.edit
    narrative.moveCursor(narrative.textCursor().MoveOperation.End)
    ime_commit(narrative, "补充一句。")
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()

    target = tmp_path / "开州教委2019.gknb"
    prompter.queue("save_file", str(target))
    window.save_action.trigger()
    assert target.exists()
    assert not window.isWindowModified()
    assert window.document.path == target
    assert "开州教委2019.gknb" in window.windowTitle()
    assert str(target) in [str(p) for p in window.recent.paths()]

    saved = load_project(target).report
    assert saved.front.contact == "区教委办公室，电话023-52222222"
    assert saved.value("s3", "new", "natural") == 5
    assert saved.narrative["s6"].endswith("补充一句。")

    other = make_window()
    assert other.files.open_path(target)
    assert other.document.report.model_dump() == window.document.report.model_dump()
    assert not other.isWindowModified()


def test_close_with_unsaved_changes_asks_and_obeys(qtbot, window, prompter, tmp_path):
    window.files.open_sample()
    window.document.set_narrative("s6", "无。")
    assert window.document.is_modified()

    prompter.queue("unsaved_changes", prompts.CANCEL)
    assert not window.close()
    assert window.isVisible() and window.document is not None

    target = tmp_path / "saved.gknb"
    prompter.queue("unsaved_changes", prompts.SAVE).queue("save_file", str(target))
    assert window.close()
    assert load_project(target).report.narrative["s6"] == "无。"
    asked = prompter.messages("unsaved_changes")
    assert len(asked) == 2


def test_discarding_changes_closes_without_writing(qtbot, window, prompter, tmp_path):
    target = tmp_path / "r.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    window.document.set_narrative("s6", "改了但不保存。")
    prompter.queue("unsaved_changes", prompts.DISCARD)
    assert window.close()
    assert target.read_bytes() == SAMPLE.read_bytes()


def test_unchanged_report_closes_without_a_question(window, prompter):
    window.files.open_sample()
    assert window.close()
    assert prompter.messages("unsaved_changes") == []


def test_damaged_file_is_explained_and_nothing_changes(window, prompter, tmp_path):
    window.files.open_sample()
    before = window.document
    damaged = tmp_path / "坏了.gknb"
    text = SAMPLE.read_text("utf-8").replace('"year": 2019', '"year": "二〇一九"')
    text = text.replace('"agency":', '"agency_typo": "x", "agency":', 1)
    damaged.write_text(text, "utf-8")
    assert not window.files.open_path(damaged, ask_to_save=False)
    (title, message), = prompter.messages("error")
    assert title == "无法打开文件"
    assert "无法打开项目文件“坏了.gknb”" in message
    assert "year" in message and "agency_typo" in message  # every problem with its path
    assert window.document is before

    truncated = tmp_path / "半截.gknb"
    truncated.write_bytes(SAMPLE.read_bytes()[:200])
    assert not window.files.open_path(truncated, ask_to_save=False)
    assert "不是有效的JSON" in prompter.messages("error")[-1][1]


def test_newer_version_file_is_refused_and_left_untouched(window, prompter, tmp_path):
    newer = tmp_path / "新版本.gknb"
    document = json.loads(SAMPLE.read_text("utf-8"))
    document["schema_version"] = 99
    newer.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = newer.read_bytes()
    assert not window.files.open_path(newer)
    (title, message), = prompter.messages("error")
    assert title == "文件版本过新"
    assert "更新版本" in message and "不会修改" in message
    assert newer.read_bytes() == before
    assert window.document is None


def test_read_only_file_is_not_replaced_and_save_as_is_offered(window, prompter, tmp_path):
    target = tmp_path / "只读.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        window.document.set_narrative("s6", "新的内容。")
        prompter.queue("confirm", False)
        assert not window.files.save()
        (title, message), = prompter.messages("confirm")
        assert title == "保存失败" and "只读" in message and "另存为" in message
        assert target.read_bytes() == SAMPLE.read_bytes()
        assert window.document.is_modified()

        elsewhere = tmp_path / "另存.gknb"
        prompter.queue("confirm", True).queue("save_file", str(elsewhere))
        assert window.files.save()
        assert load_project(elsewhere).report.narrative["s6"] == "新的内容。"
        assert window.document.path == elsewhere and not window.document.is_modified()
        assert target.read_bytes() == SAMPLE.read_bytes()
    finally:
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)


def test_sample_opens_as_an_untitled_copy(window, prompter, tmp_path):
    window.files.open_sample()
    assert window.document.path is None
    assert "示例报告" in window.windowTitle()
    target = tmp_path / "我的年报"
    prompter.queue("save_file", str(target))
    assert window.files.save()
    assert window.document.path == tmp_path / "我的年报.gknb"  # the extension is added
    (_, suggested), = prompter.messages("save_file")
    assert suggested.endswith("重庆市开州区教育委员会2019年政府信息公开工作年度报告.gknb")


def test_missing_recent_file_can_be_removed_from_the_list(window, prompter, tmp_path):
    gone = tmp_path / "gone.gknb"
    gone.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(gone)
    window.files.close_report()
    gone.unlink()
    assert window.start_page.recent_list.count() == 1
    prompter.queue("confirm", True)
    assert not window.files.open_recent(str(gone))
    assert window.recent.paths() == []
    assert window.start_page.recent_list.count() == 0


def test_recent_files_and_geometry_persist_in_the_settings_file(window, make_window, tmp_path):
    target = tmp_path / "r.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    window.resize(700, 520)  # within the offscreen screen (800 × 600): restoreGeometry keeps it on screen
    assert window.close()
    settings_file = window.settings.fileName()
    assert settings_file.startswith(str(tmp_path)) and settings_file.endswith(".ini")
    again = make_window(size=None)
    assert again.recent.paths() == [target]
    assert (again.width(), again.height()) == (700, 520)


def test_an_edit_in_progress_is_saved_too(qtbot, window, prompter, tmp_path):
    """Ctrl+S while still typing in a cell or a cover field saves what was typed."""
    target = tmp_path / "r.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    assert window.files.open_path(target)
    window.activateWindow()
    page = window.editor.page("s3")
    window.editor.go_to("s3")
    editor = page.editors["s3"]
    editor.focus_cell("new", "research")
    qtbot.keyClicks(editor.view, "4")  # typing opened the cell editor; no Enter yet
    assert window.document.stored_value("s3", "new", "research") == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_project(target).report.value("s3", "new", "research") == 4
    assert not window.document.is_modified()

    cover = window.editor.page("cover")
    window.editor.go_to("cover")
    cover.ui.publishedAtEdit.setFocus()
    ime_commit(cover.ui.publishedAtEdit, "开州区人民政府网站")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_project(target).report.front.published_at == "开州区人民政府网站"
