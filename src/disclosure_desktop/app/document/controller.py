"""The open report and everything that belongs to it, without a widget.

`DocumentController` is the one owner of an open report: it is the editing session
(session.py: the model, the undo stack, the live preview and the findings, computed once per
change by core.live_checks) plus where the report lives — its file, loading and saving through
io.project_file, the modified state (the undo stack's clean index), autosave into a recovery
file of its own and recovery after a crash.  It asks the user nothing: what can go wrong is
raised (ProjectFileError, ProjectSaveError) or signalled, and the window decides what to say.
So it runs, and is tested, without any window (tests/app/test_controller.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ...core.checks import StatedTotals
from ...core.model import PreviousYear, Report
from ...io.project_file import LoadResult, ProjectSaveError, load_project, save_project
from .recovery import AutosaveSlot, RecoveryEntry, RecoveryStore
from .samples import DEFAULT_SAMPLE, Sample
from .session import ReportSession

AUTOSAVE_INTERVAL_MS = 60_000

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("DocumentController", text)


class DocumentController(ReportSession):
    modifiedChanged = Signal(bool)  # the report now differs from its file (or no longer does)
    nameChanged = Signal()  # the name the window shows: the file's, or the display name
    autosaveFailed = Signal(str)  # Chinese reason; the work is still in memory

    def __init__(self, report: Report, *, path: Path | None = None, display_name: str = "",
                 modified: bool = False, recovery: RecoveryStore | None = None, slot: AutosaveSlot | None = None,
                 previous: Report | PreviousYear | None = None, stated_totals: StatedTotals | None = None,
                 notices: list[str] | None = None, parent: QObject | None = None):
        """`modified`: the report is not on disk yet (recovered, imported, carried forward).
        `recovery` gives the autosave slot unless one is handed over (`slot`, a recovered file)."""
        super().__init__(report, path, previous=previous, stated_totals=stated_totals or None, parent=parent)
        self.display_name = display_name
        self.notices = list(notices or ())  # what loading the file said (e.g. totals it carried)
        if modified:
            self.undo_stack.resetClean()
        self._slot = slot or (recovery.new_slot() if recovery is not None else None)
        self._changed_since_autosave = modified
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        for signal in (self.undo_stack.indexChanged, self.narrativeChanged, self.metaChanged):
            signal.connect(self._mark_changed)
        self.pathChanged.connect(self.nameChanged)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

    # --- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, **options) -> "DocumentController":
        """The project file at `path`; raises ProjectFileError (Chinese message) when it cannot be read."""
        return cls.from_loaded(load_project(path), path, **options)

    @classmethod
    def from_loaded(cls, loaded: LoadResult, path: Path | str, **options) -> "DocumentController":
        """A project file already read (io.project_file.load_project) from `path`."""
        path = Path(path).absolute()
        return cls(loaded.report, path=path, display_name=path.name, stated_totals=loaded.stated_totals,
                   notices=loaded.notices, **options)

    @classmethod
    def open_sample(cls, sample: Sample = DEFAULT_SAMPLE, **options) -> "DocumentController":
        """A shipped sample as an untitled copy: saving it needs a new file name."""
        report = sample.load().report
        return cls(report, display_name=tr("{year}年示例报告（未命名副本）").format(year=report.year), **options)

    @classmethod
    def recovered(cls, entry: RecoveryEntry, **options) -> "DocumentController":
        """The report autosaved in `entry`, autosaving on into the same file; raises
        ProjectFileError when the recovery file is damaged."""
        loaded = entry.load()
        name = (entry.original_path.name if entry.original_path else tr("未命名")) + tr("（已恢复）")
        return cls(loaded.report, path=entry.original_path, display_name=name, modified=True,
                   slot=entry.adopt(), **options)

    # --- state --------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.path.name if self.path else self.display_name

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def _mark_changed(self, *_args) -> None:
        self._changed_since_autosave = True

    # --- saving -------------------------------------------------------------------------------
    def save(self, path: Path | str | None = None) -> Path:
        """Save to `path` (default: the report's own file) and make it the report's file.

        Raises ProjectSaveError with a Chinese message when the file is read-only or the disk
        refuses; the file on disk is then unchanged."""
        if path is None and self.path is None:
            raise ValueError("the report has no file yet: give a path")
        path = Path(path or self.path).absolute()
        save_project(self.report, path)  # refuses a read-only file (io.project_file)
        log.info("已保存 %s", path)
        self.set_path(path)
        self.undo_stack.setClean()
        if self._slot is not None:
            self._slot.discard()
        self._changed_since_autosave = False
        return path

    # --- autosave and recovery ----------------------------------------------------------------
    def autosave_now(self) -> bool:
        """Write the recovery file when there are unsaved changes since the last autosave."""
        if self._slot is None:
            return False
        if not self.is_modified():
            self._slot.discard()
            return False
        if not self._changed_since_autosave and self._slot.exists:
            return False
        try:
            self._slot.write(self.report, self.path)
        except ProjectSaveError as error:
            log.warning("自动保存到 %s 失败：%s", self._slot.path, error)
            self.autosaveFailed.emit(tr("自动保存失败：{error}").format(error=error))
            return False
        self._changed_since_autosave = False
        return True

    def save_recovery_now(self) -> Path | None:
        """After an unexpected error: write the recovery file now, whatever the autosave timer
        says, so the unsaved work survives if the program cannot go on (crash_handler.py).

        Returns the recovery file, or None when nothing is unsaved; raises ProjectSaveError
        when the disk refuses.  The user's own file is never written here.
        """
        if self._slot is None or not self.is_modified():
            return None
        self._slot.write(self.report, self.path)
        self._changed_since_autosave = False
        return self._slot.path

    def close(self) -> None:
        """The report is closed (saved or given up): its recovery file and lock go."""
        self.autosave_timer.stop()
        if self._slot is not None:
            self._slot.release()
            self._slot = None
