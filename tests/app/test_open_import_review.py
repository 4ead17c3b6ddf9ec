"""Issue 12 (points 6 and 8) and the wiring around them: 打开 of a published page offers to
import it, a damaged project names its backup and opens it as an untitled copy, the import
result dialog fits the screen and its rows jump, both samples and 审核与汇总 on the start page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desktop.app.review.review_prompts import ReviewPrompts
from disclosure_desktop.app.shell import prompts
from disclosure_desktop.app.shell.file_commands import is_published_report_file
from disclosure_desktop.app.document.samples import SAMPLES
from disclosure_desktop.io.project_file import backup_path, load_project, save_project

from .window_helpers import *  # noqa: F401,F403  (fixtures)
from .window_helpers import SAMPLE

ROOT = Path(__file__).resolve().parents[2]
KAIZHOU_PAGE = ROOT / "tests" / "samples" / "kaizhou-edu-2019.txt"
PINGTAN_PAGE = ROOT / "resources" / "samples" / "sources" / "pingtan-2025.txt"
NEW_REQUESTS_ROW = "一、本年新收政府信息公开申请数量"


def kaizhou_with_unread_cells(folder: Path) -> Path:
    """The real page with one value of table 三's first row left out: that row cannot be read."""
    lines = KAIZHOU_PAGE.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == NEW_REQUESTS_ROW)
    first_value = next(i for i in range(start + 1, len(lines)) if lines[i].strip().isdigit())
    del lines[first_value]
    path = folder / "开州区教委2019年报（缺一格）.txt"
    path.write_text("\n".join(lines), "utf-8")
    return path


def current_cell(window, table_id: str) -> tuple[str, str]:
    editor = window.editor.page(window.editor.current_page_id()).editors[table_id]
    index = editor.view.currentIndex()
    return editor.model.rows[index.row()].id, editor.model.columns[index.column()].id


# --- 打开 of a published page ----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["年报.docx", "年报.HTML", "年报.htm", "年报.pdf", "年报.txt", "年报.doc"])
def test_published_report_files_are_recognized(name):
    assert is_published_report_file(Path(name))


def test_project_files_are_not_published_pages():
    assert not is_published_report_file(Path("年报.gknb"))


def test_open_of_a_published_page_offers_to_import_it(window, prompter, tmp_path):
    page = tmp_path / "开州区教委2019年报.txt"
    shutil.copy(KAIZHOU_PAGE, page)
    prompter.queue("confirm", False)  # 取消: nothing opens, nothing is said to be damaged
    assert not window.files.open_path(page)
    (title, text), = prompter.messages("confirm")
    assert "这是已发布的年报文件，不是项目文件。要导入它吗？" in text.replace("“开州区教委2019年报.txt”是", "这是")
    assert window.document is None and prompter.messages("error") == []

    prompter.queue("open_file", str(page)).queue("confirm", True).queue("run_dialog", lambda dialog: False)
    assert window.files.open_dialog()
    assert window.document.report.agency == "重庆市开州区教育委员会"
    assert window.document.path is None and window.document.is_modified()  # 保存 asks for a name
    assert prompter.messages("error") == []
    assert page.read_bytes() == KAIZHOU_PAGE.read_bytes()


# --- a damaged project ----------------------------------------------------------------------------
def damaged_with_backup(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "本局2019年报.gknb"
    report = load_project(SAMPLE).report
    save_project(report, target)
    report.narrative["s6"] = "第二次保存的文字。"
    save_project(report, target)  # the first content is now the .bak
    target.write_bytes(target.read_bytes()[:300])  # cut short, as by a power cut or a bad copy
    return target, target.read_bytes()


def test_damaged_file_names_its_backup_and_opens_it_as_an_untitled_copy(window, prompter, tmp_path):
    target, damaged = damaged_with_backup(tmp_path)
    prompter.queue("choose", prompts.OPEN_BACKUP)  # 打开备份
    assert not window.files.open_path(target)
    (title, text, offered), = prompter.messages("choose")
    assert title == "文件已损坏" and offered == [prompts.OPEN_BACKUP]
    assert "已损坏" in text and "本程序没有改动它" in text
    assert "“本局2019年报.gknb.bak”" in text and backup_path(target).name == "本局2019年报.gknb.bak"
    document = window.document
    assert document is not None and document.path is None and "备份" in document.name
    assert document.report.narrative == load_project(backup_path(target)).report.narrative
    # 保存 asks for a new name: the damaged file is never written over.
    copy = tmp_path / "找回的.gknb"
    prompter.queue("save_file", str(copy))
    assert window.files.save()
    assert prompter.messages("save_file")[-1][0] == "保存"  # the first 保存 of an untitled copy
    assert target.read_bytes() == damaged
    prompter.queue("save_file", str(tmp_path / "再存一份.gknb"))
    window.save_as_action.trigger()
    assert prompter.messages("save_file")[-1][0] == "另存为" and (tmp_path / "再存一份.gknb").is_file()
    assert load_project(copy).report.narrative == load_project(backup_path(target)).report.narrative


def test_damaged_file_without_backup_says_what_to_do(window, prompter, tmp_path):
    target = tmp_path / "坏了.gknb"
    target.write_bytes(SAMPLE.read_bytes()[:200])
    assert not window.files.open_path(target)
    (title, text), = prompter.messages("error")
    assert title == "无法打开文件" and "“坏了.gknb.bak”" in text and "其他副本" in text
    assert window.document is None


RECOVERED_TEXT = "只在恢复副本中的文字。"


def crash_after_autosave(make_window, target: Path) -> None:
    """A session opens `target`, types, autosaves, and ends without clean-up (as in a crash)."""
    first = make_window()
    assert first.files.open_path(target)
    first.document.set_narrative("s6", RECOVERED_TEXT)
    assert first.document.autosave_now()
    first.document._slot._lock.unlock()
    first.document._slot = None


def test_damaged_file_offers_its_recovery_copy_when_there_is_no_backup(make_window, prompter, isolated, tmp_path):
    target = tmp_path / "本局.gknb"
    target.write_bytes(SAMPLE.read_bytes())
    crash_after_autosave(make_window, target)
    target.write_text("{损坏", "utf-8")

    second = make_window()
    prompter.queue("choose", prompts.OPEN_RECOVERY)  # 打开恢复副本
    assert not second.files.open_path(target, ask_to_save=False)
    (title, text, offered), = prompter.messages("choose")
    assert "自动保存的恢复副本" in text and "“本局.gknb.bak”" in text and offered == [prompts.OPEN_RECOVERY]
    assert second.document.report.narrative["s6"] == RECOVERED_TEXT
    assert second.document.path is None  # 保存 must not write over the damaged file
    assert target.read_text("utf-8") == "{损坏"


@pytest.mark.parametrize("answer", [prompts.OPEN_RECOVERY, prompts.OPEN_BACKUP])
def test_damaged_file_with_both_a_backup_and_a_recovery_copy_offers_both(make_window, prompter, isolated, tmp_path,
                                                                          answer):
    target, damaged = damaged_with_backup(tmp_path)
    target.write_bytes(SAMPLE.read_bytes())  # a good file again, for the session that autosaves
    crash_after_autosave(make_window, target)
    save_project(load_project(SAMPLE).report, target)  # a .bak beside it …
    target.write_bytes(damaged)  # … and the file damaged

    second = make_window()
    prompter.queue("choose", answer)
    assert not second.files.open_path(target, ask_to_save=False)
    (title, text, offered), = prompter.messages("choose")
    # the recovery copy (autosaved after the file was opened) is the newer: offered first
    assert offered == [prompts.OPEN_RECOVERY, prompts.OPEN_BACKUP]
    assert "自动保存的恢复副本" in text and "“本局2019年报.gknb.bak”" in text
    opened = second.document.report.narrative.get("s6")
    if answer == prompts.OPEN_RECOVERY:
        assert opened == RECOVERED_TEXT
    else:
        assert opened == load_project(backup_path(target)).report.narrative.get("s6") != RECOVERED_TEXT
        assert second.recovery.pending(), "the recovery copy not chosen is kept for later"
    assert second.document.path is None and target.read_bytes() == damaged


def test_a_file_with_many_problems_is_summed_up_in_a_box_that_fits_a_small_screen(window, prompter, qtbot, tmp_path):
    target = tmp_path / "很多问题.gknb"
    data = json.loads(SAMPLE.read_text("utf-8"))
    tables = data["report"]["tables"] if "report" in data else data["tables"]
    for rows in tables.values():
        for cells in rows.values():
            for column in cells:
                cells[column] = "x"
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    save_project(load_project(SAMPLE).report, tmp_path / "other.gknb")
    shutil.copy(tmp_path / "other.gknb", backup_path(target))
    prompter.queue("choose", prompts.CLOSE)
    assert not window.files.open_path(target)
    (title, text, offered), = prompter.messages("choose")
    details = prompter.details[-1]
    problems = [line for line in details.splitlines() if line.strip().startswith("·")]
    assert re.search(r"发现1[0-9]{2}处问题", details.splitlines()[0]) and len(problems) >= 20
    assert sum(line.strip().startswith("·") for line in text.splitlines()) < prompts.SHOWN_LINES
    assert "显示详情" in text and window.document is None
    box, _answers = prompts.Prompter.choice_box(window, title, text, details, [("打开备份", prompts.OPEN_BACKUP)], "关闭")
    qtbot.addWidget(box)
    box.show()
    assert box.sizeHint().height() < 600 - 60  # with its title bar, on a 1024×600 screen


# --- the import result dialog ---------------------------------------------------------------------
def run_import_dialog(qtbot, window, prompter, page: Path, choose):
    """Import `page`; `choose(dialog)` picks the row to jump to (None: 关闭). Returns what was seen."""
    seen = {}

    def answer(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["height"] = dialog.frameGeometry().height()
        seen["available"] = dialog.screen().availableGeometry().height()
        seen["summary"] = dialog.summary.text()
        seen["rows"] = len(dialog.rows())
        row = choose(dialog)
        if row is None:
            dialog.reject()
        else:
            seen["target"] = row.data(0, Qt.ItemDataRole.UserRole + 1)
            dialog.details.setCurrentItem(row)
            dialog.details.setFocus()
            qtbot.keyClick(dialog.details, Qt.Key.Key_Return)  # Enter = double-click
        return dialog.result()

    prompter.queue("open_file", str(page)).queue("run_dialog", answer)
    assert window.files.import_published()
    return seen


def test_import_dialog_of_a_real_page_fits_the_screen(qtbot, window, prompter):
    seen = run_import_dialog(qtbot, window, prompter, KAIZHOU_PAGE, lambda dialog: None)
    assert seen["height"] <= seen["available"]
    assert "已读取 198 个，未能读取 0 个" in seen["summary"] and "不符 0 个" in seen["summary"]
    assert window.editor.current_page_id() == "cover"  # closed: no jump


def test_import_dialog_row_of_an_unread_cell_jumps_to_it(qtbot, window, prompter, tmp_path):
    page = kaizhou_with_unread_cells(tmp_path)

    def unread_cell_of_table_three(dialog):
        return next(row for row in dialog.rows() if NEW_REQUESTS_ROW in row.text(0) and "「总计」列" not in row.text(0))

    seen = run_import_dialog(qtbot, window, prompter, page, unread_cell_of_table_three)
    assert seen["height"] <= seen["available"]
    assert "未能读取 0 个" not in seen["summary"]
    target = seen["target"]
    assert target.table == "s3" and target.row == "new" and window.document.report.value("s3", "new", target.column) is None
    assert window.editor.current_page_id() == window.document.report.spec.table("s3").section
    assert current_cell(window, "s3") == (target.row, target.column)


def test_import_dialog_of_a_page_with_196_unread_cells_still_fits(qtbot, make_window, prompter):
    window = make_window(size=(1000, 580))
    seen = run_import_dialog(qtbot, window, prompter, PINGTAN_PAGE, lambda dialog: dialog.rows()[-1])
    assert seen["rows"] > 196 and "未能读取 196 个" in seen["summary"]
    assert seen["height"] <= seen["available"]
    target = seen["target"]
    assert window.editor.current_page_id() == window.document.report.spec.table(target.table).section


# --- the start page: both samples, 审核与汇总 ------------------------------------------------------
def test_start_page_offers_the_2025_sample_first_as_an_untitled_copy(window, prompter, tmp_path):
    page = window.start_page
    buttons = list(page.sample_buttons.values())
    assert [b.text() for b in buttons] == [s.title for s in SAMPLES] and "2025" in buttons[0].text()
    first, second = buttons[0].geometry(), buttons[1].geometry()
    assert first.top() == second.top() and first.left() < second.left()  # side by side, 2025 on the left
    buttons[0].click()
    report = window.document.report
    assert (report.year, report.agency) == (2025, "平潭综合实验区") and window.document.path is None
    shipped = ROOT / "resources" / "samples" / "pingtan-2025.gknb"
    before = shipped.read_bytes()
    target = tmp_path / "我的2025.gknb"
    prompter.queue("save_file", str(target))
    assert window.files.save()  # asks for a name
    assert shipped.read_bytes() == before and load_project(target).report.year == 2025
    # Opened by its path (the README's command), it is still a copy.
    window.files.close_report()
    assert window.files.open_path(shipped)
    assert window.document.path is None


class FolderPrompts(ReviewPrompts):
    def __init__(self, folder):
        self.folder = folder

    def choose_folder(self, parent, title):
        return str(self.folder)

    def error(self, parent, title, text):
        raise AssertionError(f"{title}: {text}")

    def confirm(self, parent, title, text):
        return False


def review_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "各单位"
    folder.mkdir()
    document = json.loads(SAMPLE.read_text("utf-8"))
    document["tables"]["s3"]["new"]["natural"] += 5  # 三's balance no longer holds: an error
    (folder / "开州区教委.gknb").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    shutil.copy(PINGTAN_PAGE, folder / "平潭综合实验区.txt")
    return folder


def open_review_on(qtbot, window, folder):
    window.files.review_prompts = FolderPrompts(folder)
    window.start_page.review_button.click()
    review = window.files.review_window
    assert review is not None and review.isVisible() and review.isWindow()
    with qtbot.waitSignal(review.reviewFinished, timeout=60_000):
        review.folder_button.click()
    return review


def double_click_unit(review, file_name: str):
    for row in range(review.proxy.rowCount()):
        unit = review.unit_at(row)
        if unit.path is not None and unit.path.name == file_name:
            review.view.doubleClicked.emit(review.proxy.index(row, 1))
            return unit
    raise AssertionError(f"{file_name} not on the board")


def test_review_opens_a_project_unit_at_its_first_problem(qtbot, window, prompter, tmp_path):
    review = open_review_on(qtbot, window, review_folder(tmp_path))
    unit = double_click_unit(review, "开州区教委.gknb")
    problem = unit.first_problem
    assert problem is not None and problem.table == "s3"
    assert window.document.path == tmp_path / "各单位" / "开州区教委.gknb"
    assert window.editor.current_page_id() == window.document.report.spec.table(problem.table).section
    assert current_cell(window, problem.table)[1] == problem.column  # C1 names a column of 三


def test_review_opens_a_published_page_as_an_untitled_import(qtbot, window, prompter, tmp_path):
    folder = review_folder(tmp_path)
    review = open_review_on(qtbot, window, folder)
    unit = double_click_unit(review, "平潭综合实验区.txt")
    assert window.document.path is None and window.document.report.agency == "平潭综合实验区"
    assert prompter.messages("run_dialog") == []  # the board already listed its problems
    problem = unit.first_problem  # a cell of 二 the page did not yield
    assert problem is not None and problem.table and problem.row and problem.column
    assert window.editor.current_page_id() == window.document.report.spec.table(problem.table).section
    assert current_cell(window, problem.table) == (problem.row, problem.column)
    target = tmp_path / "平潭另存.gknb"
    prompter.queue("save_file", str(target))
    assert window.files.save()  # asks for a name; the page itself is never written
    assert (folder / "平潭综合实验区.txt").read_bytes() == PINGTAN_PAGE.read_bytes()
    # Another unit while this one has unsaved changes: the usual question comes first.
    window.document.set_narrative("s6", "改动")
    prompter.queue("unsaved_changes", "cancel")
    double_click_unit(review, "开州区教委.gknb")
    assert window.document.report.agency == "平潭综合实验区"


def test_file_menu_opens_the_review_window(window):
    window.review_action.trigger()
    assert window.files.review_window.isVisible()
    available = window.files.review_window.screen().availableGeometry()
    assert window.files.review_window.height() <= available.height()
