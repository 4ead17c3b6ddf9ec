"""The main window: start page or the guided editor, the problems panel, files and undo.

One report per window.  Files: 新建 / 基于上年报告新建 / 打开 / 打开示例报告 / 保存 / 另存为,
recent files, the modified mark, a prompt before unsaved changes are lost, autosave every
minute to a recovery file (never the user's file) and a recovery offer after a crash.
Every question to the user goes through `self.prompter` (see prompts.py).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import stat
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QStackedWidget, QWidget

from ...core.checks import Finding
from ...core.model import Report
from ...io.project_file import (PROJECT_EXTENSION, PROJECT_FILTER, LoadResult, ProjectFileError, ProjectSaveError,
                               load_project, parse_project, save_project)
from . import prompts
from .settings import APPLICATION_TITLE, app_settings, last_folder, recovery_folder, remember_folder
from .editor_area import EditorArea
from .problems_panel import ProblemsPanel
from ..document.recent_files import RecentFiles
from ..document.recovery import AutosaveSlot, RecoveryStore
from ...core.section_state import page_ids, page_title
from ..document.session import ReportSession

AUTOSAVE_INTERVAL_MS = 60_000
FIRST_START_SIZE = (1440, 900)  # the window with no saved geometry, at most the screen's free area

log = logging.getLogger(__name__)
SAMPLE_RESOURCE = ("samples", "kaizhou-edu-2019.gknb")


def sample_bytes() -> bytes:
    """The bundled sample report, read through the package (works in a wheel or a bundle)."""
    return resources.files("disclosure_desktop.resources").joinpath(*SAMPLE_RESOURCE).read_bytes()


def is_bundled_sample(path: Path) -> bool:
    """Whether `path` is the sample file shipped with the program (in a checkout or a bundle)."""
    bundled = resources.files("disclosure_desktop.resources").joinpath(*SAMPLE_RESOURCE)
    try:
        return Path(str(bundled)).resolve() == path.resolve()
    except OSError:
        return False


def icon_path(name: str) -> str:
    return str(resources.files("disclosure_desktop.resources").joinpath("icons", name))


def is_read_only(path: Path) -> bool:
    """The file is marked read-only (checked on the mode bits too: an administrator may write
    anywhere, but a file the user marked read-only must still not be replaced)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


class MainWindow(QMainWindow):
    def __init__(self, *, settings=None, recovery_store: RecoveryStore | None = None,
                 prompter: prompts.Prompter | None = None, show_start: bool = True, parent: QWidget | None = None):
        """show_start=False when a report is opened right away (the start page is then built
        only if it is ever needed, which keeps startup with a file short)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or app_settings()
        self.recovery = recovery_store or RecoveryStore(recovery_folder())
        self.prompter = prompter or prompts.Prompter()
        self.recent = RecentFiles(self.settings, self)
        self.session: ReportSession | None = None
        self.display_name = ""
        self._slot: AutosaveSlot | None = None
        self._changed_since_autosave = False
        self.log_setup = None  # logging_setup.LogSetup, set by run_gui: 关于 says where the log is
        self.setWindowIcon(QIcon(icon_path("app.svg")))

        self.undo_group = QUndoGroup(self)
        self.central = QStackedWidget(self)
        self._start_page = None
        self.editor = EditorArea(self, self.central)
        self.central.addWidget(self.editor)
        self.setCentralWidget(self.central)
        self.problems = ProblemsPanel(self)
        self.problems.prompter = self.prompter
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.jumpRequested.connect(self.show_finding)

        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.editor.formatSwitchRequested.connect(self.switch_format)
        self.editor.pageChanged.connect(self._page_changed)
        self.recent.changed.connect(self._recent_changed)

        self._create_actions()
        self._create_menus()
        self.statusBar()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

        self._restore_window_state()
        self._recent_changed()
        if show_start:
            self._show_start()
        else:
            self._update_actions()
            self._update_title()

    @property
    def start_page(self):
        """The start page (built on first use: not needed when a report opens at startup)."""
        if self._start_page is None:
            from ..pages.start import StartPage

            page = self._start_page = StartPage(self.central)
            page.newRequested.connect(self.new_report)
            page.carryForwardRequested.connect(self.new_from_last_year)
            page.openRequested.connect(self.open_dialog)
            page.sampleRequested.connect(self.open_sample)
            page.recentRequested.connect(self.open_recent)
            page.set_recent(self.recent.paths())
            self.central.addWidget(page)
        return self._start_page

    # --- actions and menus ----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        shown = "、".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        action.setToolTip(f"{tip or text.replace('(&', '（').split('（')[0]}（{shown}）" if shown else (tip or text))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        tr = self.tr
        K = QKeySequence.StandardKey
        self.new_action = self._action(tr("新建年度报告(&N)…"), self.new_report, [K.New], tr("新建一份空白年报"))
        self.carry_action = self._action(tr("基于上年报告新建(&L)…"), self.new_from_last_year, [],
                                         tr("从上年的年报项目文件带入机关信息、结转数和正文草稿"))
        self.open_action = self._action(tr("打开(&O)…"), self.open_dialog, [K.Open], tr("打开年报项目文件"))
        self.sample_action = self._action(tr("打开示例报告(&E)"), self.open_sample, [], tr("以未命名副本打开附带的示例年报"))
        self.save_action = self._action(tr("保存(&S)"), self.save, [K.Save], tr("保存年报项目文件"))
        self.save_as_action = self._action(tr("另存为(&A)…"), self.save_as, ["Ctrl+Shift+S"], tr("保存到另一个文件"))
        self.import_action = self._action(tr("导入已发布的年报(&I)…"), self.import_published, [],
                                          tr("从网站上已发布年报的文本或网页导入数字和正文"))
        self.export_action = self._action(tr("导出(&X)…"), lambda: self.editor.go_to("check", focus=True), ["Ctrl+E"],
                                          tr("转到“检查与导出”"))
        self.close_action = self._action(tr("关闭(&C)"), self.close_report, [K.Close], tr("关闭当前年报"))
        self.quit_action = self._action(tr("退出(&Q)"), self.close, ["Ctrl+Q"], tr("退出程序"))

        self.undo_action = self.undo_group.createUndoAction(self, tr("撤销"))
        self.undo_action.setShortcuts([QKeySequence(K.Undo)])
        self.redo_action = self.undo_group.createRedoAction(self, tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)

        self.previous_action = self._action(tr("上一步(&P)"), lambda: self.editor.previous_page(),
                                            ["Ctrl+PgUp", "Alt+Left"], tr("转到上一部分"))
        self.next_action = self._action(tr("下一步(&N)"), lambda: self.editor.next_page(),
                                        ["Ctrl+PgDown", "Alt+Right"], tr("转到下一部分"))
        self.focus_navigator_action = self._action(tr("章节导航(&V)"), self.focus_navigator, ["F6"],
                                                   tr("把光标移到章节导航，用↑↓选择部分"))
        self.focus_problems_action = self._action(tr("问题列表(&L)"), self.focus_problems, ["F8"],
                                                  tr("把光标移到问题列表，Enter 转到问题所在位置"))
        self.page_actions: list[QAction] = []

        self.toggle_navigator_action = QAction(tr("章节导航"), self, checkable=True, checked=True)
        self.toggle_navigator_action.toggled.connect(self.editor.navigator.setVisible)
        self.toggle_guidance_action = QAction(tr("填写指引"), self, checkable=True, checked=True)
        self.toggle_guidance_action.toggled.connect(self.editor.guidance.setVisible)
        self.about_action = self._action(tr("关于(&A)"), self.about, [], tr("关于本程序"))

    def _create_menus(self) -> None:
        tr = self.tr
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        for action in (self.new_action, self.carry_action, self.open_action, self.sample_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(tr("最近打开(&R)"))
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("编辑(&E)"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.go_menu = bar.addMenu(tr("转到(&G)"))
        view_menu = bar.addMenu(tr("视图(&V)"))
        view_menu.addAction(self.toggle_navigator_action)
        view_menu.addAction(self.toggle_guidance_action)
        problems_toggle = self.problems.toggleViewAction()
        problems_toggle.setText(tr("问题面板"))
        view_menu.addAction(problems_toggle)
        help_menu = bar.addMenu(tr("帮助(&H)"))
        help_menu.addAction(self.about_action)
        # Looked up without importing it: the importer is only loaded when first used.
        self.import_action.setVisible(importlib.util.find_spec("disclosure_desktop.io.importer") is not None)

    def _fill_go_menu(self) -> None:
        menu = self.go_menu
        menu.clear()
        for action in self.page_actions:
            self.removeAction(action)
        menu.addAction(self.previous_action)
        menu.addAction(self.next_action)
        menu.addSeparator()
        self.page_actions = []
        if self.session is not None:
            spec = self.session.report.spec
            group = QActionGroup(self)
            for number, page_id in enumerate(page_ids(spec), start=1):
                action = self._action(page_title(spec, page_id), lambda _=False, p=page_id: self.editor.go_to(p, focus=True),
                                      [f"Ctrl+{number}"] if number <= 9 else [])
                action.setCheckable(True)
                action.setData(page_id)
                group.addAction(action)
                menu.addAction(action)
                self.page_actions.append(action)
        menu.addSeparator()
        menu.addAction(self.focus_navigator_action)
        menu.addAction(self.focus_problems_action)
        self._page_changed(self.editor.current_page_id())

    def _page_changed(self, page_id: str | None) -> None:
        for action in self.page_actions:
            action.setChecked(action.data() == page_id)

    def _update_actions(self) -> None:
        has_report = self.session is not None
        for action in (self.save_action, self.save_as_action, self.export_action, self.close_action,
                       self.previous_action, self.next_action, self.focus_navigator_action):
            action.setEnabled(has_report)
        self.toggle_navigator_action.setEnabled(has_report)
        self.toggle_guidance_action.setEnabled(has_report)

    def _recent_changed(self) -> None:
        paths = self.recent.paths()
        if self._start_page is not None:
            self._start_page.set_recent(paths)
        self.recent_menu.clear()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=str(path): self.open_recent(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), self.recent.clear)
        self.recent_menu.setEnabled(bool(paths))

    # --- the open report ----------------------------------------------------------------------
    def show_start_page(self) -> None:
        if self.session is None:
            self._show_start()

    def _show_start(self) -> None:
        self.central.setCurrentWidget(self.start_page)
        self.problems.hide()
        self._update_actions()
        self._update_title()
        self.start_page.focus_first()

    def set_session(self, session: ReportSession, display_name: str, *, modified: bool = False,
                    slot: AutosaveSlot | None = None) -> None:
        """Show `session`; the previous one must already be closed (see maybe_save)."""
        self._drop_session()
        self.session = session
        self.display_name = display_name
        session.setParent(self)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        if modified:
            session.undo_stack.resetClean()  # e.g. a recovered or carried-forward report: not on disk yet
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.undo_stack.indexChanged.connect(self._mark_changed)
        session.narrativeChanged.connect(self._mark_changed)
        session.metaChanged.connect(self._mark_changed)
        session.pathChanged.connect(self._update_title)
        session.metaChanged.connect(self._update_title)
        session.formatChanged.connect(self._fill_go_menu)
        self._slot = slot or self.recovery.new_slot()
        self._changed_since_autosave = modified
        self.editor.set_session(session)
        self.problems.set_session(session)
        self.problems.show()
        self.central.setCurrentWidget(self.editor)
        self._fill_go_menu()
        self._update_actions()
        self._update_title()
        self.editor.go_to("cover", focus=True)

    def _drop_session(self) -> None:
        if self.session is None:
            return
        old = self.session
        self.session = None
        self.problems.set_session(None)
        self.editor.set_session(None)
        self.undo_group.removeStack(old.undo_stack)
        old.setParent(None)
        old.deleteLater()
        if self._slot is not None:
            self._slot.release()
            self._slot = None

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _mark_changed(self, *_args) -> None:
        self._changed_since_autosave = True

    def is_modified(self) -> bool:
        return self.session is not None and not self.session.undo_stack.isClean()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(self.tr(APPLICATION_TITLE))
            self.setWindowModified(False)
            return
        name = self.session.path.name if self.session.path else self.display_name
        self.setWindowTitle(f"{name}[*] — {self.tr(APPLICATION_TITLE)}")
        self.setWindowModified(self.is_modified())

    # --- opening --------------------------------------------------------------------------------
    def commit_pending_edits(self) -> None:
        """Finish an edit in progress (a cell being typed in, a cover field without Enter):
        taking the focus away commits it, as leaving the field would; the focus then returns."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        view = focus.parentWidget()
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        focus.clearFocus()
        target = view if view is not None else focus
        try:
            target.setFocus()
        except RuntimeError:
            pass  # the cell editor was closed by the commit

    def maybe_save(self) -> bool:
        """True when the open report may be closed: saved, deliberately discarded, or unchanged."""
        self.commit_pending_edits()
        if not self.is_modified():
            return True
        answer = self.prompter.unsaved_changes(self, self.session.path.name if self.session.path else self.display_name)
        if answer == prompts.SAVE:
            return self.save()
        return answer == prompts.DISCARD

    def _open_report(self, report: Report, display_name: str, *, path: Path | None = None,
                     modified: bool = False, stated_totals=None, slot: AutosaveSlot | None = None) -> None:
        session = ReportSession(report, path, stated_totals=stated_totals or None)
        self.set_session(session, display_name, modified=modified, slot=slot)

    def new_report(self) -> bool:
        from ..pages.new_report_dialog import NewReportDialog

        if not self.maybe_save():
            return False
        dialog = NewReportDialog(self)
        if not self.prompter.run_dialog(dialog):
            return False
        self._open_report(dialog.report(), self.tr("未命名"))
        return True

    def new_from_last_year(self) -> bool:
        from ..pages.new_report_dialog import NewReportDialog

        if not self.maybe_save():
            return False
        path = self.prompter.open_file(self, self.tr("选择上年的年报项目文件"), last_folder(self.settings, "project"),
                                       PROJECT_FILTER)
        if not path:
            return False
        loaded = self._load(path)
        if loaded is None:
            return False
        remember_folder(self.settings, "project", path)
        dialog = NewReportDialog(self, last_year=loaded.report)
        if not self.prompter.run_dialog(dialog):
            return False
        self._open_report(dialog.report(), self.tr("未命名"), modified=True)
        self.statusBar().showMessage(self.tr("已基于“{name}”新建。请逐部分核对并改写正文。").format(name=Path(path).name), 10000)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.prompter.open_file(self, self.tr("打开年报项目"), last_folder(self.settings, "project"), PROJECT_FILTER)
        return bool(path) and self.open_path(path, ask_to_save=False)

    def open_recent(self, path: str) -> bool:
        if not Path(path).exists():
            if self.prompter.confirm(self, self.tr("文件不存在"),
                                     self.tr("“{path}”已不存在（可能已被移动或删除）。是否从最近打开列表中移除？").format(path=path),
                                     self.tr("移除"), self.tr("保留")):
                self.recent.remove(path)
            return False
        return self.open_path(path)

    def _load(self, path: str | Path) -> LoadResult | None:
        try:
            return load_project(path)
        except ProjectFileError as error:
            log.warning("无法打开 %s：%s", path, error)
            title = self.tr("文件版本过新") if error.newer_version else self.tr("无法打开文件")
            self.prompter.error(self, title, str(error))
            return None

    def open_path(self, path: str | Path, *, ask_to_save: bool = True) -> bool:
        """Open a project file; on failure the current report stays open and a message says why."""
        path = Path(path).absolute()
        if is_bundled_sample(path):
            # `disclosure-desktop resources/samples/…` (the README's first command) must not
            # let Ctrl+S overwrite the shipped sample either.
            return self.open_sample() if ask_to_save else self._open_sample_copy()
        if ask_to_save and not self.maybe_save():
            return False
        loaded = self._load(path)
        if loaded is None:
            return False
        self._open_report(loaded.report, path.name, path=path, stated_totals=loaded.stated_totals)
        log.info("已打开 %s（%s，%d 条说明）", path, loaded.report.format, len(loaded.notices))
        self.recent.add(path)
        remember_folder(self.settings, "project", path)
        if loaded.notices:
            self.statusBar().showMessage(
                self.tr("已打开。{n} 条说明：{first}").format(n=len(loaded.notices), first=loaded.notices[0]), 15000)
        else:
            self.statusBar().showMessage(self.tr("已打开“{name}”。").format(name=path.name), 5000)
        return True

    def open_sample(self) -> bool:
        """The bundled sample as an untitled copy: saving asks for a new file name."""
        if not self.maybe_save():
            return False
        return self._open_sample_copy()

    def _open_sample_copy(self) -> bool:
        loaded = parse_project(sample_bytes(), SAMPLE_RESOURCE[-1])
        self._open_report(loaded.report, self.tr("示例报告（未命名副本）"))
        log.info("已打开示例报告")
        self.statusBar().showMessage(self.tr("已打开示例报告的副本。保存时会要求另选文件名，示例本身不会改动。"), 10000)
        return True

    def close_report(self) -> bool:
        if self.session is None or not self.maybe_save():
            return False
        self._drop_session()
        self._show_start()
        return True

    # --- importing a published report ---------------------------------------------------------
    @staticmethod
    def _importer():
        """io.importer, when the importer is installed (it is optional for the editor)."""
        try:
            from ...io import importer
        except ImportError:
            return None
        return importer if hasattr(importer, "import_report") else None

    def import_published(self) -> bool:
        """Open a report published on a website (web page, text copy, Word file) as a new project."""
        importer = self._importer()
        if importer is None or not self.maybe_save():
            return False
        patterns = " ".join(f"*{suffix}" for suffix in importer.SUPPORTED_SUFFIXES)
        path = self.prompter.open_file(self, self.tr("导入已发布的年报"), last_folder(self.settings, "import"),
                                       self.tr("已发布的年报 ({patterns});;所有文件 (*)").format(patterns=patterns))
        if not path:
            return False
        remember_folder(self.settings, "import", path)
        try:
            result = importer.import_report(path)
        except importer.ImportRefused as error:
            log.warning("无法导入 %s：%s", path, error)
            self.prompter.error(self, self.tr("无法导入"), str(error))
            return False
        except OSError as error:
            log.warning("无法导入 %s：%s", path, error)
            self.prompter.error(self, self.tr("无法导入"),
                                self.tr("无法读取“{name}”：{reason}").format(name=Path(path).name, reason=error.strerror or error))
            return False
        self._open_report(result.report, self.tr("导入：{name}").format(name=Path(path).name), modified=True,
                          stated_totals=result.stated_totals)
        log.info("已导入 %s", path)
        self.prompter.information(self, self.tr("导入结果"), importer.describe(result))
        self.statusBar().showMessage(self.tr("已导入“{name}”，请逐部分核对后保存。").format(name=Path(path).name), 15000)
        return True

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.session is None:
            return False
        self.commit_pending_edits()
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        self.commit_pending_edits()
        folder = last_folder(self.settings, "project")
        name = self.session.path.name if self.session.path else self.session.report.title + PROJECT_EXTENSION
        suggested = str(Path(folder) / name) if folder else name
        path = self.prompter.save_file(self, self.tr("另存为"), suggested, PROJECT_FILTER)
        if not path:
            return False
        if not path.lower().endswith(PROJECT_EXTENSION):
            path += PROJECT_EXTENSION
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save to `path`; when that fails, say why and offer 另存为 (the file on disk is unchanged)."""
        path = Path(path).absolute()
        try:
            if is_read_only(path):
                raise ProjectSaveError(self.tr("无法保存“{name}”：该文件是只读的。原有文件没有改动。").format(name=path.name))
            save_project(self.session.report, path)
        except ProjectSaveError as error:
            log.warning("保存 %s 失败：%s", path, error)
            if self.prompter.confirm(self, self.tr("保存失败"), str(error) + "\n\n" + self.tr("是否另存为其他文件？"),
                                     self.tr("另存为…"), self.tr("取消")):
                return self.save_as()
            return False
        log.info("已保存 %s", path)
        self.session.set_path(path)
        self.session.undo_stack.setClean()
        self.recent.add(path)
        remember_folder(self.settings, "project", path)
        if self._slot is not None:
            self._slot.discard()
        self._changed_since_autosave = False
        self.statusBar().showMessage(self.tr("已保存到“{path}”。").format(path=path), 5000)
        return True

    # --- autosave and recovery ----------------------------------------------------------------
    def autosave_now(self) -> bool:
        """Write the recovery file when there are unsaved changes since the last autosave."""
        if self.session is None or self._slot is None:
            return False
        if not self.is_modified():
            self._slot.discard()
            return False
        if not self._changed_since_autosave and self._slot.exists:
            return False
        try:
            self._slot.write(self.session.report, self.session.path)
        except ProjectSaveError as error:
            log.warning("自动保存到 %s 失败：%s", self._slot.path, error)
            self.statusBar().showMessage(self.tr("自动保存失败：{error}").format(error=error), 10000)
            return False
        self._changed_since_autosave = False
        return True

    def save_recovery_now(self) -> Path | None:
        """After an unexpected error: write the recovery file now, whatever the autosave timer
        says, so the unsaved work survives if the program cannot go on (crash_handler.py).

        Returns the recovery file, or None when nothing is unsaved; raises ProjectSaveError
        when the disk refuses.  The user's own file is never written here.
        """
        if self.session is None or self._slot is None or not self.is_modified():
            return None
        self._slot.write(self.session.report, self.session.path)
        self._changed_since_autosave = False
        return self._slot.path

    def offer_recovery(self) -> bool:
        """After a crash: offer each recovery file left behind; True when one was restored."""
        for entry in self.recovery.pending():
            original = str(entry.original_path) if entry.original_path else self.tr("（尚未保存过）")
            answer = self.prompter.recover(self, entry.title, entry.saved_at, original)
            if answer == prompts.DISCARD:
                entry.discard()
                continue
            if answer != prompts.RESTORE or not self.maybe_save():
                entry.keep_for_later()
                continue
            try:
                loaded = entry.load()
            except ProjectFileError as error:
                log.warning("无法恢复 %s：%s", entry.path, error)
                self.prompter.error(self, self.tr("无法恢复"), str(error))
                entry.discard()
                continue
            name = (entry.original_path.name if entry.original_path else self.tr("未命名")) + self.tr("（已恢复）")
            self._open_report(loaded.report, name, path=entry.original_path, modified=True, slot=entry.adopt())
            log.info("已恢复自动保存的 %s", entry.path)
            self.statusBar().showMessage(self.tr("已恢复自动保存的内容。请检查后保存。"), 10000)
            for rest in self.recovery.pending():
                rest.keep_for_later()
            return True
        return False

    # --- navigation and findings ---------------------------------------------------------------
    def show_finding(self, finding: Finding) -> None:
        if self.session is not None:
            self.editor.show_finding(finding)

    def focus_navigator(self) -> None:
        if self.session is not None:
            self.toggle_navigator_action.setChecked(True)
            self.editor.navigator.setFocus()

    def focus_problems(self) -> None:
        if self.session is not None:
            self.problems.show()
            self.problems.raise_()
            self.problems.tree.setFocus()
            if self.problems.tree.currentItem() is None and self.problems.tree.topLevelItemCount():
                self.problems.tree.setCurrentItem(self.problems.tree.topLevelItem(0))

    def switch_format(self, format_id: str) -> bool:
        """Move the report to another format, after saying which values would be dropped."""
        if self.session is None or format_id == self.session.report.format:
            return False
        from ..pages.cover import format_label
        from ...core.format_switch import switch_format  # first use only: not needed to start

        change = switch_format(self.session.report, format_id)
        text = self.tr("改用{format}。两种格式共有的单元格都会保留。").format(format=format_label(format_id))
        if change.dropped:
            shown = change.dropped[:15]
            text += self.tr("\n\n以下 {n} 项在新格式中没有对应位置，将被删除：\n").format(n=len(change.dropped))
            text += "\n".join(f"  · {line}" for line in shown)
            if len(change.dropped) > len(shown):
                text += self.tr("\n  ……另有 {n} 项").format(n=len(change.dropped) - len(shown))
        text += self.tr("\n\n此操作可以撤销（Ctrl+Z）。")
        if not self.prompter.confirm(self, self.tr("更改年报格式"), text, self.tr("改用新格式"), self.tr("取消")):
            return False
        new_report = change.report

        def update(report: Report) -> None:
            for name in type(report).model_fields:
                setattr(report, name, getattr(new_report, name))
        self.session.set_meta(update, self.tr("更改年报格式"))
        self.statusBar().showMessage(
            self.tr("已改用新格式，删除了 {n} 项。").format(n=len(change.dropped)) if change.dropped
            else self.tr("已改用新格式，所有数据都已保留。"), 10000)
        return True

    def about(self) -> None:
        text = self.tr("{title}\n\n离线编制、检查并导出政府信息公开工作年度报告。\n"
                       "年报格式依据国务院办公厅政府信息公开办公室印发的格式。").format(title=self.tr(APPLICATION_TITLE))
        if self.log_setup is not None:
            text += "\n\n" + self.log_setup.describe()
        self.prompter.information(self, self.tr("关于"), text)

    # --- window state ---------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                # As wide as a 1366×768 screen allows: table 三 with its 总计 column and the
                # guidance beside it needs all of it (at 1280 the 总计 column was cut off).
                self.resize(min(FIRST_START_SIZE[0], available.width()), min(FIRST_START_SIZE[1], available.height()))
        state = self.settings.value("window/state")
        self._size_docks_on_show = not (isinstance(state, QByteArray) and not state.isEmpty())
        if not self._size_docks_on_show:
            self.restoreState(state)
        splitter = self.settings.value("window/editor_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.editor.restoreState(splitter)

    def save_window_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/editor_splitter", self.editor.saveState())
        self.settings.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._size_docks_on_show:
            # First start: a low problems panel leaves the tables most of a 768-pixel screen.
            self._size_docks_on_show = False
            # Eight lines, or a fifth of a small (or scaled) screen's height, whichever is less.
            lines = self.fontMetrics().height()
            height = max(lines * 5, min(lines * 8, self.height() // 5))
            QTimer.singleShot(0, lambda: self.resizeDocks([self.problems], [height], Qt.Orientation.Vertical))

    def close_without_prompt(self) -> None:
        """End without questions or saved window state (a smoke run); the recovery slot is freed."""
        self.autosave_timer.stop()
        self._drop_session()

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_window_state()
        self._drop_session()
        self.autosave_timer.stop()
        event.accept()
