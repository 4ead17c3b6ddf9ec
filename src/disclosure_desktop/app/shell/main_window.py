"""The main window: layout, menus and wiring around the open report.

One report per window, owned by a DocumentController (`self.document`: the report, its file,
undo, findings, autosave).  The window shows the start page or the guided editor with the
problems panel, builds the menus, shows the title with the modified mark, and keeps its
geometry.  What the 文件 menu does — and every question it asks, through `self.prompter`
(prompts.py) — is in file_commands.py (`self.files`).
"""

from __future__ import annotations

import importlib.util
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from ...core.checks import Finding
from ...core.section_state import page_ids, page_title
from ..document.controller import DocumentController
from ..document.recent_files import RecentFiles
from ..document.recovery import RecoveryStore
from . import prompts
from .editor_area import EditorArea
from .file_commands import FileCommands
from .problems_panel import ProblemsPanel
from ..document.samples import SAMPLES
from .settings import APPLICATION_TITLE, app_settings, recovery_folder
from .window_placement import WindowPlacement



def icon_path(name: str) -> str:
    return str(resources.files("disclosure_desktop.resources").joinpath("icons", name))


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
        self.document: DocumentController | None = None
        self.files = FileCommands(self)
        self.log_setup = None  # logging_setup.LogSetup, set by run_gui: 关于 says where the log is
        self._help = None  # the help window, built when first asked for
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
        self.editor.formatSwitchRequested.connect(self.files.switch_format)
        self.editor.pageChanged.connect(self._page_changed)
        self.recent.changed.connect(self._recent_changed)

        self._create_actions()
        self._create_menus()
        self.statusBar()

        self.placement = WindowPlacement(self, self.settings, self.editor, self.problems)
        self.placement.restore()
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
            files = self.files
            page.newRequested.connect(files.new_report)
            page.carryForwardRequested.connect(files.new_from_last_year)
            page.openRequested.connect(files.open_dialog)
            page.sampleRequested.connect(files.open_sample)
            page.reviewRequested.connect(files.open_review)
            page.recentRequested.connect(files.open_recent)
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
        tr, files = self.tr, self.files
        K = QKeySequence.StandardKey
        self.new_action = self._action(tr("新建年度报告(&N)…"), files.new_report, [K.New], tr("新建一份空白年报"))
        self.carry_action = self._action(tr("基于上年报告新建(&L)…"), files.new_from_last_year, [],
                                         tr("从上年的年报项目文件带入机关信息、结转数和正文草稿"))
        self.open_action = self._action(tr("打开(&O)…"), files.open_dialog, [K.Open], tr("打开年报项目文件"))
        # One entry per shipped sample, the newest format first (app/document/samples.py).
        self.sample_actions = [
            self._action(f"{sample.title}(&{key})", lambda _=False, n=sample.file_name: files.open_sample(n), [],
                         sample.description)
            for sample, key in zip(SAMPLES, "EM")]
        self.save_action = self._action(tr("保存(&S)"), files.save, [K.Save], tr("保存年报项目文件"))
        self.save_as_action = self._action(tr("另存为(&A)…"), files.save_as, ["Ctrl+Shift+S"], tr("保存到另一个文件"))
        self.import_action = self._action(tr("导入已发布的年报(&I)…"), files.import_published, [],
                                          tr("从已发布年报的网页、文本、Word（.docx）或 PDF 文件导入数字和正文"))
        self.export_action = self._action(tr("导出(&X)…"), lambda: self.editor.go_to("check", focus=True), ["Ctrl+E"],
                                          tr("转到“检查与导出”"))
        self.check_action = self._action(tr("检查全部(&K)"), lambda: self.editor.run_full_check(), ["F9"],
                                         tr("检查整份年报，未填的单元格和部分也作为错误列出"))
        self.close_action = self._action(tr("关闭(&C)"), files.close_report, [K.Close], tr("关闭当前年报"))
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
        self.guide_action = self._action(tr("使用说明(&U)"), lambda: self.show_help(0), ["F1"],
                                         tr("逐屏说明如何填写、检查和导出年报（不需要联网）"))
        self.shortcuts_action = self._action(tr("键盘快捷键(&K)"), lambda: self.show_help(1), [],
                                             tr("列出所有键盘操作"))
        self.about_action = self._action(tr("关于(&A)"), self.about, [], tr("版本、数据文件夹和日志文件"))

    def _create_menus(self) -> None:
        tr = self.tr
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        for action in (self.new_action, self.carry_action, self.open_action, *self.sample_actions):
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
        # 审核与汇总 with the other commands on more than one report, before 导出.
        self.review_action = self._action(tr("审核与汇总(&U)…"), self.files.open_review, [],
                                          tr("审核一个文件夹中各单位报送的年报，导出审核意见和汇总表"))
        file_menu.insertAction(self.export_action, self.review_action)
        edit_menu = bar.addMenu(tr("编辑(&E)"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.check_action)
        self.go_menu = bar.addMenu(tr("转到(&G)"))
        view_menu = bar.addMenu(tr("视图(&V)"))
        view_menu.addAction(self.toggle_navigator_action)
        view_menu.addAction(self.toggle_guidance_action)
        problems_toggle = self.problems.toggleViewAction()
        problems_toggle.setText(tr("问题面板"))
        view_menu.addAction(problems_toggle)
        help_menu = bar.addMenu(tr("帮助(&H)"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
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
        if self.document is not None:
            spec = self.document.report.spec
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
        has_report = self.document is not None
        for action in (self.save_action, self.save_as_action, self.export_action, self.check_action, self.close_action,
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
            action.triggered.connect(lambda _=False, p=str(path): self.files.open_recent(p))
        if paths:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表"), self.recent.clear)
        self.recent_menu.setEnabled(bool(paths))

    # --- the open report ----------------------------------------------------------------------
    def show_start_page(self) -> None:
        if self.document is None:
            self._show_start()

    def _show_start(self) -> None:
        self.central.setCurrentWidget(self.start_page)
        self.problems.hide()
        self._update_actions()
        self._update_title()
        self.start_page.focus_first()

    def set_document(self, document: DocumentController | None) -> None:
        """Show `document` (None: the start page); the previous one must already be closed
        (FileCommands.maybe_save) and is given up here."""
        self._drop_document()
        if document is None:
            self._show_start()
            return
        self.document = document
        document.setParent(self)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.modifiedChanged.connect(self._update_title)
        document.nameChanged.connect(self._update_title)
        document.formatChanged.connect(self._fill_go_menu)
        document.autosaveFailed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.editor.set_session(document)
        self.problems.set_session(document)
        self.problems.show()
        self.central.setCurrentWidget(self.editor)
        self._fill_go_menu()
        self._update_actions()
        self._update_title()
        self.editor.go_to("cover", focus=True)

    def _drop_document(self) -> None:
        old, self.document = self.document, None
        if old is None:
            return
        self.problems.set_session(None)
        self.editor.set_session(None)
        self.undo_group.removeStack(old.undo_stack)
        old.close()
        old.setParent(None)
        old.deleteLater()

    def _update_title(self, *_args) -> None:
        if self.document is None:
            self.setWindowTitle(self.tr(APPLICATION_TITLE))
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.document.name}[*] — {self.tr(APPLICATION_TITLE)}")
        self.setWindowModified(self.document.is_modified())

    # --- navigation and findings ---------------------------------------------------------------
    def show_finding(self, finding: Finding) -> None:
        if self.document is not None:
            self.editor.show_finding(finding)

    def focus_navigator(self) -> None:
        if self.document is not None:
            self.toggle_navigator_action.setChecked(True)
            self.editor.navigator.setFocus()

    def focus_problems(self) -> None:
        if self.document is not None:
            self.problems.show()
            self.problems.raise_()
            self.problems.tree.setFocus()
            if self.problems.tree.currentItem() is None and self.problems.tree.topLevelItemCount():
                self.problems.tree.setCurrentItem(self.problems.tree.topLevelItem(0))

    def show_help(self, tab: int) -> None:
        """帮助: the user guide or the shortcut list, in a window of its own (built on first use)."""
        if self._help is None:
            from .help_window import HelpWindow

            self._help = HelpWindow(self.menuBar(), self)
        self._help.show_tab(tab)

    def about(self) -> None:
        from .help_window import about_text

        self.prompter.information(self, self.tr("关于"), about_text(self.settings, self.log_setup))

    # --- window state (app/shell/window_placement.py) --------------------------------------------
    def fit_to_screen(self, *, enlarge_if_tiny: bool = False) -> None:
        self.placement.fit(enlarge_if_tiny=enlarge_if_tiny)

    def save_window_state(self) -> None:
        self.placement.save()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.placement.shown()

    def close_without_prompt(self) -> None:
        """End without questions or saved window state (a smoke run); the recovery slot is freed."""
        self._drop_document()

    def closeEvent(self, event) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_window_state()
        self._drop_document()
        event.accept()
