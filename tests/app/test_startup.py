"""Starting the program: --quit-after-show as a real process, Qt's strings in Chinese, the
start page's ways in (new, carry-forward, sample, recent)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from disclosure_desktop.app.main import create_application
from disclosure_desktop.app.pages.new_report_dialog import NewReportDialog, default_year
from disclosure_desktop.core.model import new_report
from disclosure_desktop.io.project_file import load_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE


def run_cli(args, isolated, **extra_env):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_env}
    return subprocess.run([sys.executable, "-m", "disclosure_desktop", *args], env=env,
                          capture_output=True, timeout=120)


def test_quit_after_show_prints_the_startup_time_and_exits_0(isolated):
    done = run_cli(["--quit-after-show", str(SAMPLE)], isolated)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    milliseconds = float(done.stdout.decode().strip())
    assert 0 < milliseconds < 120_000
    # Nothing was left behind: no recovery file, the sample untouched.
    recovery = isolated / "data" / "disclosure-desktop" / "recovery"
    assert not recovery.exists() or not list(recovery.glob("*.json"))


def test_quit_after_show_without_a_file_shows_the_start_page(isolated):
    done = run_cli(["--quit-after-show"], isolated)
    assert done.returncode == 0
    float(done.stdout.decode().strip())


def test_a_damaged_file_on_the_command_line_is_reported(isolated, tmp_path):
    damaged = tmp_path / "坏.gknb"
    damaged.write_text("{", "utf-8")
    done = run_cli(["--quit-after-show", str(damaged)], isolated)
    assert done.returncode == 2
    assert "无法打开项目文件“坏.gknb”" in done.stderr.decode("utf-8")


def test_qt_standard_buttons_are_chinese(qapp):
    create_application()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存"


def test_start_page_new_report(window, prompter):
    assert window.central.currentWidget() is window.start_page

    def fill(dialog):
        assert isinstance(dialog, NewReportDialog)
        dialog.ui.yearSpin.setValue(2024)
        dialog.ui.agencyEdit.setText("某某县人民政府")
        dialog.ui.governmentRadio.setChecked(True)
        assert "国办公开办函〔2021〕30号" in dialog.ui.formatPreview.text()
        assert dialog.ui.titlePreview.text() == "某某县人民政府2024年政府信息公开工作年度报告"
        return True
    prompter.queue("run_dialog", fill)
    window.start_page.new_button.click()
    report = window.document.report
    assert (report.year, report.agency, report.format, report.front.agency_kind) == \
        (2024, "某某县人民政府", "gov-2021", "government")
    assert window.central.currentWidget() is window.editor
    assert window.windowTitle().startswith("未命名")


def test_new_report_dialog_override_shows_the_c18_error(qapp):
    dialog = NewReportDialog()
    assert dialog.year() == default_year()
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no agency yet
    dialog.ui.agencyEdit.setText("某局")
    dialog.ui.yearSpin.setValue(2022)
    assert ok.isEnabled()
    dialog.ui.advancedGroup.setChecked(True)
    dialog.ui.formatCombo.setCurrentIndex(dialog.ui.formatCombo.findData("gov-2019"))
    warning = dialog.ui.overrideWarning.text()
    assert warning.startswith("错误（C18）：2022年度报告应使用") and dialog.ui.overrideWarning.isVisibleTo(dialog)
    report = dialog.report()
    assert report.format == "gov-2019"
    from disclosure_desktop.core.checks import check_report
    assert any(f.rule == "C18" for f in check_report(report))


def test_new_from_last_year_carries_forward(window, prompter, tmp_path):
    last = new_report(2022, "某某区教育局")
    table = last.spec.table("s3")
    for row, column in table.input_cells():
        last.set_value("s3", row.id, column.id, 0)
    last.set_value("s3", "new", "natural", 4)
    last.set_value("s3", "carried_out", "natural", 4)
    last.narrative["s1"] = "去年的总体情况。"
    from disclosure_desktop.io.project_file import save_project
    source = tmp_path / "2022.gknb"
    save_project(last, source)

    def confirm(dialog):
        assert dialog.year() == 2023 and dialog.agency() == "某某区教育局"
        assert "将从2022年度报告带入" in dialog.ui.carryForwardNote.text()
        return True
    prompter.queue("open_file", str(source)).queue("run_dialog", confirm)
    window.start_page.carry_button.click()
    report = window.document.report
    assert report.year == 2023 and report.value("s3", "carried_in", "natural") == 4
    assert report.previous is not None and report.previous.year == 2022
    assert window.document.is_modified()  # not on disk yet: closing asks


def test_open_sample_and_recent_from_the_start_page(window, prompter, tmp_path):
    window.start_page.sample_button.click()
    assert window.document.report.agency == "重庆市开州区教育委员会" and window.document.path is None
    assert window.files.close_report()
    copy = tmp_path / "copy.gknb"
    copy.write_bytes(SAMPLE.read_bytes())
    prompter.queue("open_file", str(copy))
    window.start_page.open_button.click()
    assert window.document.path == copy
    window.files.close_report()
    assert window.start_page.recent_list.count() == 1
    window.start_page.recent_list.itemActivated.emit(window.start_page.recent_list.item(0))
    assert window.document.path == copy


def test_import_published_report(window, prompter):
    source = str(Path(__file__).resolve().parents[1] / "samples" / "kaizhou-edu-2019.txt")
    assert window.import_action.isVisible()
    prompter.queue("open_file", source)
    shown = []
    prompter.queue("run_dialog", lambda dialog: shown.append(dialog.summary.text()) or False)  # 关闭
    assert window.files.import_published()
    assert prompter.messages("run_dialog") == [("ImportResultDialog",)]
    assert "已读取 198 个，未能读取 0 个" in shown[0]
    assert window.document.report.agency == "重庆市开州区教育委员会"
    assert window.document.is_modified() and window.document.path is None
    assert window.document.report.tables == load_project(SAMPLE).report.tables
