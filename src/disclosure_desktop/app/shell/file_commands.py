"""What the 文件 menu and the start page do: the questions around opening and saving a report.

新建 / 基于上年报告新建 / 打开 / 最近打开 / 打开示例报告 / 导入 / 审核与汇总 / 保存 / 另存为 / 关闭,
the prompt before unsaved changes are lost, what to do with a damaged file (its .bak or its
recovery copy), the recovery offer after a crash and the confirmation of a format switch.  The open report itself is a DocumentController (document/controller.py), which
loads, saves and autosaves; this module asks the user through the window's Prompter, tells the
controller what to do and hands a newly opened one to the window.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ...core.model import Report
from ...io.project_file import (PROJECT_EXTENSION, PROJECT_FILTER, LoadResult, ProjectFileError, ProjectSaveError,
                               backup_path, load_project)
from ..document.controller import DocumentController
from . import prompts
from .prompts import OPEN_BACKUP, OPEN_RECOVERY, summarized
from ..document.samples import DEFAULT_SAMPLE, Sample, bundled_sample_at, sample_named
from .settings import last_folder, remember_folder

log = logging.getLogger(__name__)

# Files 打开 hands to the importer after asking: a published report (what the importer reads,
# and the old Word/WPS files it explains how to convert) is no damaged project.
OLD_WORD_SUFFIXES = (".doc", ".wps")


def is_published_report_file(path: Path) -> bool:
    from ...io.importer import SUPPORTED_SUFFIXES  # the importer is loaded only when needed

    suffix = path.suffix.lower()
    return suffix != PROJECT_EXTENSION and suffix in SUPPORTED_SUFFIXES + OLD_WORD_SUFFIXES


class FileCommands(QObject):
    def __init__(self, window):
        """`window`: the MainWindow (parent of every question, its status bar, set_document)."""
        super().__init__(window)
        self.window = window
        self.review_window = None  # app.review.ReviewWindow, made on first use
        self.review_prompts = None  # its dialogs (None: the real ones); tests replace them

    # --- helpers ------------------------------------------------------------------------------
    @property
    def prompter(self) -> prompts.Prompter:
        return self.window.prompter

    @property
    def document(self) -> DocumentController | None:
        return self.window.document

    def _say(self, text: str, milliseconds: int) -> None:
        self.window.statusBar().showMessage(text, milliseconds)

    def _show(self, document: DocumentController) -> DocumentController:
        self.window.set_document(document)
        return document

    def _new_document(self, report: Report, display_name: str, **options) -> DocumentController:
        return self._show(DocumentController(report, display_name=display_name,
                                             recovery=self.window.recovery, **options))

    def _load(self, path: str | Path, *, offer_backup: bool = False) -> LoadResult | None:
        """The project file, or None after saying why not.  With `offer_backup` a damaged file's
        message offers its backup or recovery copy, which then opens instead."""
        try:
            return load_project(path)
        except ProjectFileError as error:
            log.warning("无法打开 %s：%s", path, error)
            if offer_backup and not error.newer_version and self._is_damaged(Path(path)):
                self._explain_damaged(Path(path), error)
                return None
            title = self.tr("文件版本过新") if error.newer_version else self.tr("无法打开文件")
            self.prompter.error(self.window, title, str(error))
            return None

    @staticmethod
    def _is_damaged(path: Path) -> bool:
        """The file is there and readable but is no valid project (not missing, not forbidden)."""
        return path.is_file() and os.access(path, os.R_OK)

    def _recovery_of(self, path: Path):
        """The recovery copy autosaved for `path` by a session that ended, if any (its lock held)."""
        found = None
        for entry in self.window.recovery.pending():
            if found is None and entry.original_path is not None and entry.original_path.absolute() == path:
                found = entry
            else:
                entry.keep_for_later()
        return found

    def _explain_damaged(self, path: Path, error: ProjectFileError) -> None:
        """Say what happened and what to do; open the last good version (the recovery copy a
        session autosaved, or the .bak of the save before last) as an untitled copy if asked, so
        that the damaged file is never written over by a later 保存."""
        backup = backup_path(path)
        recovered = self._recovery_of(path)
        summary, details = summarized(str(error))
        text = summary + "\n\n" + self.tr("这个文件已损坏（可能在保存时断电、被其他程序改动，或复制不完整）。本程序没有改动它。")
        choices: list[tuple[str, str]] = []
        if recovered is not None:  # autosaved after the last open: the newest of the two
            text += "\n\n" + self.tr("有一份自动保存的恢复副本（保存于 {time}）。点“打开恢复副本”会以未命名副本打开它，"
                                       "核对后请另存为新文件。").format(time=recovered.saved_at.replace("T", " "))
            choices.append((self.tr("打开恢复副本"), OPEN_RECOVERY))
        if backup.is_file():
            text += "\n\n" + self.tr("上次保存之前的版本还在同一文件夹的备份文件“{backup}”中。点“打开备份”会以未命名副本打开它，"
                                       "核对后请另存为新文件，损坏的文件不会被覆盖。").format(backup=backup.name)
            choices.append((self.tr("打开备份"), OPEN_BACKUP))
        elif recovered is not None:
            text += "\n\n" + self.tr("同一文件夹中没有它的备份文件“{backup}”。").format(backup=backup.name)
        if not choices:
            text += "\n\n" + self.tr("同一文件夹中没有它的备份文件“{backup}”，也没有自动保存的恢复副本。"
                                       "请找回这个文件的其他副本（如邮件附件、U盘或同事处）后再打开。").format(backup=backup.name)
            self.prompter.error(self.window, self.tr("无法打开文件"), text, details)
            return
        answer = self.prompter.choose(self.window, self.tr("文件已损坏"), text, details, choices, self.tr("关闭"))
        if recovered is not None and answer != OPEN_RECOVERY:
            recovered.keep_for_later()
        if answer == OPEN_BACKUP:
            loaded = self._load(backup)
            if loaded is not None:
                self._new_document(loaded.report, self.tr("{name}的备份（未命名副本）").format(name=path.name),
                                   modified=True, stated_totals=loaded.stated_totals)
                self._say(self.tr("已打开备份“{name}”的副本，请核对后另存为新文件。").format(name=backup.name), 15000)
        elif answer == OPEN_RECOVERY:
            self._open_recovery(path, recovered)

    def _open_recovery(self, path: Path, recovered) -> None:
        try:
            document = DocumentController.recovered(recovered)
        except ProjectFileError as failure:
            recovered.keep_for_later()
            self.prompter.error(self.window, self.tr("无法恢复"), str(failure))
            return
        # The recovery copy names the damaged file as its own: saving must ask for a new name.
        document.display_name = self.tr("{name}的恢复副本（未命名）").format(name=path.name)
        document.set_path(None)
        self._show(document)
        self._say(self.tr("已打开自动保存的恢复副本，请核对后另存为新文件。"), 15000)

    def commit_pending_edits(self) -> None:
        """Finish an edit in progress (a cell being typed in, a cover field without Enter):
        taking the focus away commits it, as leaving the field would; the focus then returns."""
        focus = QApplication.focusWidget()
        if focus is None or not self.window.isAncestorOf(focus):
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
        if self.document is None or not self.document.is_modified():
            return True
        answer = self.prompter.unsaved_changes(self.window, self.document.name)
        if answer == prompts.SAVE:
            return self.save()
        return answer == prompts.DISCARD

    # --- opening --------------------------------------------------------------------------------
    def new_report(self) -> bool:
        from ..pages.new_report_dialog import NewReportDialog

        if not self.maybe_save():
            return False
        dialog = NewReportDialog(self.window)
        if not self.prompter.run_dialog(dialog):
            return False
        self._new_document(dialog.report(), self.tr("未命名"))
        return True

    def new_from_last_year(self) -> bool:
        from ..pages.new_report_dialog import NewReportDialog

        if not self.maybe_save():
            return False
        settings = self.window.settings
        path = self.prompter.open_file(self.window, self.tr("选择上年的年报项目文件"), last_folder(settings, "project"),
                                       PROJECT_FILTER)
        if not path:
            return False
        last_year = self._load(path)
        if last_year is None:
            return False
        remember_folder(settings, "project", path)
        dialog = NewReportDialog(self.window, last_year=last_year.report)
        if not self.prompter.run_dialog(dialog):
            return False
        self._new_document(dialog.report(), self.tr("未命名"), modified=True)
        self._say(self.tr("已基于“{name}”新建。请逐部分核对并改写正文。").format(name=Path(path).name), 10000)
        return True

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.prompter.open_file(self.window, self.tr("打开年报项目"), last_folder(self.window.settings, "project"),
                                       PROJECT_FILTER + self.tr(";;所有文件 (*)"))
        return bool(path) and self.open_path(path, ask_to_save=False)

    def open_recent(self, path: str) -> bool:
        if not Path(path).exists():
            if self.prompter.confirm(self.window, self.tr("文件不存在"),
                                     self.tr("“{path}”已不存在（可能已被移动或删除）。是否从最近打开列表中移除？").format(path=path),
                                     self.tr("移除"), self.tr("保留")):
                self.window.recent.remove(path)
            return False
        return self.open_path(path)

    def open_path(self, path: str | Path, *, ask_to_save: bool = True) -> bool:
        """Open a project file; on failure the current report stays open and a message says why."""
        path = Path(path).absolute()
        sample = bundled_sample_at(path)
        if sample is not None:
            # `disclosure-desktop resources/samples/…` (the README's first command) must not
            # let Ctrl+S overwrite the shipped sample either.
            return self.open_sample(sample.file_name) if ask_to_save else self._open_sample_copy(sample)
        if is_published_report_file(path):
            if not self.prompter.confirm(self.window, self.tr("导入已发布的年报"),
                                         self.tr("“{name}”是已发布的年报文件，不是项目文件。要导入它吗？\n\n"
                                                 "导入会读出其中的数字和正文，生成一份新的未命名年报，原文件不会改动。")
                                         .format(name=path.name), self.tr("导入"), self.tr("取消")):
                return False
            return (not ask_to_save or self.maybe_save()) and self.import_path(path)
        if ask_to_save and not self.maybe_save():
            return False
        loaded = self._load(path, offer_backup=True)
        if loaded is None:
            return False
        document = self._show(DocumentController.from_loaded(loaded, path, recovery=self.window.recovery))
        log.info("已打开 %s（%s，%d 条说明）", path, document.report.format, len(document.notices))
        self.window.recent.add(path)
        remember_folder(self.window.settings, "project", path)
        if document.notices:
            self._say(self.tr("已打开。{n} 条说明：{first}").format(n=len(document.notices), first=document.notices[0]),
                      15000)
        else:
            self._say(self.tr("已打开“{name}”。").format(name=path.name), 5000)
        return True

    def open_sample(self, file_name: str | None = None) -> bool:
        """A bundled sample (samples.SAMPLES; None: the 2019 one) as an untitled copy: saving
        asks for a new file name."""
        return self.maybe_save() and self._open_sample_copy(sample_named(file_name))

    def _open_sample_copy(self, sample: Sample = DEFAULT_SAMPLE) -> bool:
        self._show(DocumentController.open_sample(sample, recovery=self.window.recovery))
        log.info("已打开示例报告 %s", sample.file_name)
        self._say(self.tr("已打开示例报告的副本。保存时会要求另选文件名，示例本身不会改动。"), 10000)
        return True

    def close_report(self) -> bool:
        if self.document is None or not self.maybe_save():
            return False
        self.window.set_document(None)
        return True

    def import_published(self) -> bool:
        """Open a report published on a website (web page, text copy, Word file) as a new project."""
        from ...io import importer

        if not self.maybe_save():
            return False
        patterns = " ".join(f"*{suffix}" for suffix in importer.SUPPORTED_SUFFIXES)
        path = self.prompter.open_file(self.window, self.tr("导入已发布的年报"), last_folder(self.window.settings, "import"),
                                       self.tr("已发布的年报 ({patterns});;所有文件 (*)").format(patterns=patterns))
        if not path:
            return False
        remember_folder(self.window.settings, "import", path)
        return self.import_path(path)

    def import_path(self, path: str | Path, *, show_result: bool = True) -> bool:
        """Import a published report as a new untitled report (保存 asks for a name); then the
        import result dialog, from whose list a row jumps to its cell."""
        from ...io import importer

        path = Path(path)
        try:
            result = importer.import_report(path)
        except importer.ImportRefused as error:
            log.warning("无法导入 %s：%s", path, error)
            self.prompter.error(self.window, self.tr("无法导入"), str(error))
            return False
        except OSError as error:
            log.warning("无法导入 %s：%s", path, error)
            self.prompter.error(self.window, self.tr("无法导入"),
                                self.tr("无法读取“{name}”：{reason}").format(name=Path(path).name, reason=error.strerror or error))
            return False
        self._new_document(result.report, self.tr("导入：{name}").format(name=path.name), modified=True,
                           stated_totals=result.stated_totals)
        log.info("已导入 %s", path)
        self._say(self.tr("已导入“{name}”，请逐部分核对后保存。").format(name=path.name), 15000)
        if show_result:
            self.show_import_result(result)
        return True

    def show_import_result(self, result) -> None:
        from .import_result_dialog import ImportResultDialog

        dialog = ImportResultDialog(result, self.window)
        if self.prompter.run_dialog(dialog) and dialog.target() is not None:
            self.window.show_finding(dialog.target())

    # --- 审核与汇总 -----------------------------------------------------------------------------
    def open_review(self):
        """The 审核与汇总 window (one per main window, kept while the program runs)."""
        from ..review import ReviewWindow
        from .screen_fit import fit_to_screen

        if self.review_window is None:
            review = self.review_window = ReviewWindow(self.window, prompts=self.review_prompts)
            review.setWindowFlag(Qt.WindowType.Window)  # a window of its own, closed with the main window
            review.openUnitRequested.connect(self.open_unit)
            # Its closeEvent stops a reading pass: the thread must not outlive the program.
            QApplication.instance().aboutToQuit.connect(review.close)
            fit_to_screen(review, review.width(), review.height(), cap=False)
        self.review_window.show()
        self.review_window.raise_()
        self.review_window.activateWindow()
        return self.review_window

    def open_unit(self, path: str, first_problem=None) -> bool:
        """A unit double-clicked on the review board: a project file opens as usual, a published
        page is imported as an untitled copy (保存 asks for a name); then its first problem."""
        path = Path(path)
        if path.suffix.lower() == PROJECT_EXTENSION:
            opened = self.open_path(path)
        else:
            opened = self.maybe_save() and self.import_path(path, show_result=False)
        if not opened:
            return False
        self.window.raise_()
        self.window.activateWindow()
        if first_problem is not None:
            self.window.show_finding(first_problem)
        return True

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document is None:
            return False
        self.commit_pending_edits()
        if self.document.path is None:  # never saved (new, imported, a backup's copy): the first 保存
            return self.save_as(self.tr("保存"))
        return self.save_to(self.document.path)

    def save_as(self, title: str | None = None) -> bool:
        """Ask where to save (the dialog titled `title`, 另存为 unless told) and save there."""
        document = self.document
        if document is None:
            return False
        self.commit_pending_edits()
        folder = last_folder(self.window.settings, "project")
        name = document.path.name if document.path else document.report.title + PROJECT_EXTENSION
        suggested = str(Path(folder) / name) if folder else name
        path = self.prompter.save_file(self.window, title or self.tr("另存为"), suggested, PROJECT_FILTER)
        if not path:
            return False
        if not path.lower().endswith(PROJECT_EXTENSION):
            path += PROJECT_EXTENSION
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save to `path`; when that fails, say why and offer 另存为 (the file on disk is unchanged)."""
        try:
            path = self.document.save(path)
        except ProjectSaveError as error:
            log.warning("保存 %s 失败：%s", path, error)
            if self.prompter.confirm(self.window, self.tr("保存失败"), str(error) + "\n\n" + self.tr("是否另存为其他文件？"),
                                     self.tr("另存为…"), self.tr("取消")):
                return self.save_as()
            return False
        self.window.recent.add(path)
        remember_folder(self.window.settings, "project", path)
        self._say(self.tr("已保存到“{path}”。").format(path=path), 5000)
        return True

    # --- recovery and format --------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer each recovery file left behind; True when one was restored."""
        for entry in self.window.recovery.pending():
            original = str(entry.original_path) if entry.original_path else self.tr("（尚未保存过）")
            answer = self.prompter.recover(self.window, entry.title, entry.saved_at, original)
            if answer == prompts.DISCARD:
                entry.discard()
                continue
            if answer != prompts.RESTORE or not self.maybe_save():
                entry.keep_for_later()
                continue
            try:
                document = DocumentController.recovered(entry)
            except ProjectFileError as error:
                log.warning("无法恢复 %s：%s", entry.path, error)
                self.prompter.error(self.window, self.tr("无法恢复"), str(error))
                entry.discard()
                continue
            self._show(document)
            log.info("已恢复自动保存的 %s", entry.path)
            self._say(self.tr("已恢复自动保存的内容。请检查后保存。"), 10000)
            for rest in self.window.recovery.pending():
                rest.keep_for_later()
            return True
        return False

    def switch_format(self, format_id: str) -> bool:
        """Move the report to another format, after saying which values would be dropped."""
        document = self.document
        if document is None or format_id == document.report.format:
            return False
        from ..pages.cover import format_label
        from ...core.format_switch import switch_format  # first use only: not needed to start

        change = switch_format(document.report, format_id)
        text = self.tr("改用{format}。两种格式共有的单元格都会保留。").format(format=format_label(format_id))
        if change.dropped:
            shown = change.dropped[:15]
            text += self.tr("\n\n以下 {n} 项在新格式中没有对应位置，将被删除：\n").format(n=len(change.dropped))
            text += "\n".join(f"  · {line}" for line in shown)
            if len(change.dropped) > len(shown):
                text += self.tr("\n  ……另有 {n} 项").format(n=len(change.dropped) - len(shown))
        text += self.tr("\n\n此操作可以撤销（Ctrl+Z）。")
        if not self.prompter.confirm(self.window, self.tr("更改年报格式"), text, self.tr("改用新格式"), self.tr("取消")):
            return False
        new_report = change.report

        def update(report: Report) -> None:
            for name in type(report).model_fields:
                setattr(report, name, getattr(new_report, name))
        document.set_meta(update, self.tr("更改年报格式"))
        self._say(self.tr("已改用新格式，删除了 {n} 项。").format(n=len(change.dropped)) if change.dropped
                  else self.tr("已改用新格式，所有数据都已保留。"), 10000)
        return True
