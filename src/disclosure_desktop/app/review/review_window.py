"""The review window: choose a folder, watch the board fill, filter it, open a unit, export.

The board is a UnitTableModel behind a sort/filter/search proxy; the folder is read by a
ReviewWorker (a reading thread whose results the GUI thread collects), so the window only
ever receives finished units.  Files that change in
the folder while it is open are read again on their own (QFileSystemWatcher, then the
workspace's cache re-reads only what changed).  Opening a unit in the editor is not done
here: openUnitRequested(path, first_problem) says which file and where, and the main window
decides how (read-only for a published page, with 「另存为项目」).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from ...export import ExportError
from ...review import ReviewResult, ReviewWorkspace, Rollup, RosterError, Status, load_roster
from ...review.letters import write_letters
from ...review.summary import write_summary_xlsx
from .review_prompts import ReviewPrompts
from .rollup_view import RollupView
from .unit_model import AGENCY_COLUMN, STATUS_COLUMN, UNIT_ROLE, UnitFilterProxy, UnitTableModel
from .worker import ReviewWorker

ALL_STATUSES = "全部状态"
ROLLUP_TAB = 1
WATCH_DELAY_MS = 800  # a copy of many files into the folder triggers one pass, not one per file


class ReviewWindow(QWidget):
    openUnitRequested = Signal(str, object)   # path of the unit's file, its first Finding (or None)
    reviewFinished = Signal(object)           # ReviewResult (tests and the start page's recent list)

    def __init__(self, parent: QWidget | None = None, prompts: ReviewPrompts | None = None):
        super().__init__(parent)
        self.setWindowTitle("审核与汇总")
        self.prompts = prompts or ReviewPrompts()
        self.workspace: ReviewWorkspace | None = None
        self.result: ReviewResult | None = None
        self.rollups: dict[tuple[int, str], Rollup] = {}  # (year, format) → Rollup, summed by the worker
        self._rollup_shown: tuple[int, str] | None = None  # the group the 汇总 tab last drew
        self.worker: ReviewWorker | None = None
        self._again = False            # a change arrived while a pass was running
        self._asked_near: set[str] = set()

        self.folder_button = QPushButton("选择文件夹…", self)
        self.roster_button = QPushButton("载入名册…", self)
        self.reload_button = QPushButton("重新读取", self)
        self.cancel_button = QPushButton("取消", self)
        self.letters_button = QPushButton("导出审核意见…", self)
        self.rollup_button = QPushButton("导出汇总…", self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.status_label = QLabel("请选择存放各单位年报的文件夹（可含子文件夹）。", self)
        self.status_label.setWordWrap(True)  # a long folder name or note wraps, never widens the window
        for name in ("folder_button", "roster_button", "reload_button", "cancel_button", "letters_button",
                     "rollup_button", "progress", "status_label"):
            getattr(self, name).setObjectName(name)
        bar = QHBoxLayout()
        for widget in (self.folder_button, self.roster_button, self.reload_button, self.cancel_button):
            bar.addWidget(widget)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.letters_button)
        bar.addWidget(self.rollup_button)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(ALL_STATUSES, None)
        for status in Status:
            self.status_filter.addItem(status.value, status.value)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("搜索单位或文件名")
        self.search.setClearButtonEnabled(True)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts_label")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("显示：", self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.counts_label)

        self.model = UnitTableModel(self)
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("board")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(STATUS_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 220, 50, 185, 70, 220, 45, 45, 90, 130, 260)):
            self.view.setColumnWidth(column, width)

        board = QWidget(self)
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addLayout(filters)
        board_layout.addWidget(self.view, 1)

        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("rollup_group")
        self.rollup_label = QLabel(self)
        self.rollup_label.setObjectName("rollup_label")
        self.rollup_label.setWordWrap(True)
        self.rollup_view = RollupView(self)
        rollup_page = QWidget(self)
        rollup_layout = QVBoxLayout(rollup_page)
        rollup_layout.setContentsMargins(0, 0, 0, 0)
        group_bar = QHBoxLayout()
        group_bar.addWidget(QLabel("汇总：", self))
        group_bar.addWidget(self.group_combo)
        group_bar.addStretch(1)
        rollup_layout.addLayout(group_bar)
        rollup_layout.addWidget(self.rollup_label)
        rollup_layout.addWidget(self.rollup_view, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review_tabs")
        self.tabs.addTab(board, "审核")
        self.tabs.addTab(rollup_page, "汇总")
        assert self.tabs.indexOf(rollup_page) == ROLLUP_TAB

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)

        self.watcher = QFileSystemWatcher(self)
        self.watch_timer = QTimer(self)
        self.watch_timer.setSingleShot(True)
        self.watch_timer.setInterval(WATCH_DELAY_MS)
        self.watch_timer.timeout.connect(self.reload)
        self.watcher.directoryChanged.connect(lambda _path: self.watch_timer.start())
        self.watcher.fileChanged.connect(lambda _path: self.watch_timer.start())

        self.folder_button.clicked.connect(self.choose_folder)
        self.roster_button.clicked.connect(self.choose_roster)
        self.reload_button.clicked.connect(self.reload)
        self.cancel_button.clicked.connect(self.cancel)
        self.letters_button.clicked.connect(self.export_letters)
        self.rollup_button.clicked.connect(self.export_rollup)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.search.textChanged.connect(self.proxy.set_search)
        self.view.doubleClicked.connect(self._open_index)
        self.group_combo.currentIndexChanged.connect(self._show_group)
        self.tabs.currentChanged.connect(self._show_group)
        self._set_running(False)
        self.resize(1280, 720)

    # --- reading -----------------------------------------------------------------------------
    def open_folder(self, folder: str | Path, year: int | None = None) -> None:
        if self.worker is not None:  # another folder: the pass over the old one is dropped unseen
            old, self.worker = self.worker, None
            old.blockSignals(True)
            old.cancel()
            old.wait()
            old.deleteLater()
        self.result = None
        roster = self.workspace.roster if self.workspace else None
        self.workspace = ReviewWorkspace(folder, year=year, roster=roster)
        self._asked_near.clear()
        self.model.set_units([])
        self.setWindowTitle(f"审核与汇总 — {Path(folder).name}")
        self.reload()

    def choose_folder(self) -> None:
        folder = self.prompts.choose_folder(self, "选择存放各单位年报的文件夹")
        if folder:
            self.open_folder(folder)

    def choose_roster(self) -> None:
        path = self.prompts.open_file(self, "载入应报送单位名册", "名册 (*.txt *.xlsx)")
        if path:
            self.load_roster(path)

    def load_roster(self, path: str | Path) -> bool:
        try:
            roster = load_roster(path)
        except RosterError as error:
            self.prompts.error(self, "无法载入名册", str(error))
            return False
        if self.workspace is None:
            self.prompts.information(self, "载入名册", "请先选择存放各单位年报的文件夹。")
            return False
        self.workspace.roster = roster
        self.reload()
        return True

    def reload(self) -> None:
        """Read the folder again: only changed or added files are imported again."""
        if self.workspace is None:
            return
        if self.worker is not None:
            self._again = True
            return
        self.worker = ReviewWorker(self.workspace, self)
        first_pass = self.result is None
        if first_pass:
            self.worker.unitsRead.connect(self.model.append_units)
        self.worker.progressed.connect(self._progressed)
        self.worker.reviewed.connect(self._reviewed)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._worker_finished)
        self.status_label.setText(f"正在读取“{self.workspace.folder}”中的年报…")
        self._set_running(True)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self._again = False

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"已读取 {done}/{total}")

    def _reviewed(self, result: ReviewResult, rollups: list[Rollup]) -> None:
        self.result = result
        self.rollups = {(r.year, r.format): r for r in rollups}
        self._rollup_shown = None
        self.model.set_units(result.units)
        self._update_counts()
        self._fill_groups()
        self._watch(result)
        note = "（已取消，只读取了一部分）" if result.cancelled else ""
        skipped = f"{result.skipped_note}。" if result.skipped else ""
        self.status_label.setText(f"“{result.folder}”：{len(result.all_units)}个文件，本次读取{result.files_read}个{note}。"
                                  f"{skipped}双击一行在编辑器中打开该单位的报告。")
        self.reviewFinished.emit(result)
        self._confirm_near_matches(result)

    def _failed(self, message: str) -> None:
        self.status_label.setText(message)
        self.prompts.error(self, "无法审核", message)

    def _worker_finished(self) -> None:
        self.worker.deleteLater()
        self.worker = None
        self._set_running(False)
        if self._again:
            self._again = False
            self.reload()

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.reload_button.setEnabled(not running and self.workspace is not None)
        self.roster_button.setEnabled(not running)
        has_result = not running and self.result is not None
        self.letters_button.setEnabled(has_result)
        self.rollup_button.setEnabled(has_result and self.group_combo.count() > 0)
        if not running:
            self.progress.setFormat("就绪" if self.result else "")

    def _watch(self, result: ReviewResult) -> None:
        old = self.watcher.directories() + self.watcher.files()
        if old:
            self.watcher.removePaths(old)
        folders = {str(result.folder)} | {str(u.path.parent) for u in result.all_units if u.path}
        files = [str(u.path) for u in result.all_units if u.path]
        self.watcher.addPaths(sorted(folders) + files)

    def _confirm_near_matches(self, result: ReviewResult) -> None:
        if result.roster is None:
            return
        accepted = False
        for near in result.roster.near:
            if near.name in self._asked_near:
                continue
            self._asked_near.add(near.name)
            if self.prompts.confirm(self, "名册核对", f"名册中的“{near.name}”与报告中的“{near.unit.agency}”"
                                                     f"（{near.unit.source}）名称相近，是同一单位吗？"):
                self.workspace.confirmed.add(near.name)
                accepted = True
        if accepted:
            self.reload()  # from the cache: nothing is imported again

    def _update_counts(self) -> None:
        counts: dict[str, int] = {}
        for unit in self.model.units:
            counts[unit.status.value] = counts.get(unit.status.value, 0) + 1
        self.counts_label.setText("  ".join(f"{status.value} {counts[status.value]}" for status in Status
                                            if status.value in counts))

    # --- the board ---------------------------------------------------------------------------
    def unit_at(self, proxy_row: int):
        return self.proxy.index(proxy_row, AGENCY_COLUMN).data(UNIT_ROLE)

    def _open_index(self, index) -> None:
        unit = index.data(UNIT_ROLE)
        if unit is not None and unit.path is not None:
            self.openUnitRequested.emit(str(unit.path), unit.first_problem)

    # --- 汇总 --------------------------------------------------------------------------------
    def _fill_groups(self) -> None:
        self.group_combo.blockSignals(True)
        current = self.group_combo.currentData()
        self.group_combo.clear()
        for (year, format_id), rollup in self.rollups.items():
            self.group_combo.addItem(f"{year}年 {rollup.report.spec.name}（{len(rollup.units)}个单位）", (year, format_id))
        index = self.group_combo.findData(current) if current else 0
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)
        self._show_group()

    def current_rollup(self) -> Rollup | None:
        group = self.group_combo.currentData()
        return self.rollups.get(tuple(group)) if group else None

    def _show_group(self, _index: int = 0) -> None:
        """Draw the chosen 汇总 when its tab is in view (drawing ~700 cells is not done for nothing)."""
        if self.tabs.currentIndex() != ROLLUP_TAB:
            return
        rollup = self.current_rollup()
        group = (rollup.year, rollup.format) if rollup else None
        if group == self._rollup_shown and self.rollup_view.count():
            return
        self._rollup_shown = group
        self.rollup_view.show_rollup(rollup)
        if rollup is None:
            self.rollup_label.setText("没有可以汇总的报告。")
            return
        text = f"{rollup.title}：{'、'.join(u.agency for u in rollup.units)}。合计栏按各项重新计算。"
        if rollup.excluded:
            text += " 未计入：" + "；".join(f"{e.unit.agency}（{e.reason}）" for e in rollup.excluded)
        self.rollup_label.setText(text)

    # --- export ------------------------------------------------------------------------------
    def export_letters(self) -> None:
        if self.result is None:
            return
        folder = self.prompts.choose_folder(self, "选择审核意见的保存位置")
        if not folder:
            return
        single = self.prompts.confirm(self, "导出审核意见", "把所有单位的审核意见合成一个文档吗？（选“否”则每个单位一个文件）")
        try:
            written = write_letters(self.result.units, folder, single=single)
            write_summary_xlsx(self.result.units, Path(folder) / "审核情况汇总表.xlsx")
        except (ExportError, OSError) as error:
            self.prompts.error(self, "无法导出审核意见", str(error))
            return
        self.prompts.information(self, "导出审核意见", f"已写出审核意见{len(written)}份和审核情况汇总表：{folder}")

    def export_rollup(self) -> None:
        rollup = self.current_rollup()
        if rollup is None:
            return
        path = self.prompts.save_file(self, "导出汇总", f"{rollup.year}年汇总.xlsx",
                                      "Excel 工作簿 (*.xlsx);;Word 文档 (*.docx);;PDF 文件 (*.pdf)")
        if not path:
            return
        try:
            if Path(path).suffix.lower() == ".xlsx":
                from ...review.rollup_xlsx import write_rollup_xlsx

                write_rollup_xlsx(rollup, path, board=self.result.units)
            else:
                from ...review.rollup_document import export_rollup_document

                export_rollup_document(rollup, path)
        except (ExportError, OSError) as error:
            self.prompts.error(self, "无法导出汇总", str(error))
            return
        self.prompts.information(self, "导出汇总", f"已写出{rollup.title}：{path}")

    def closeEvent(self, event) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)
