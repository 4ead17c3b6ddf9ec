"""The review of a folder in a QThread: the GUI thread never waits for a file to be read.

Each unit is handed over as soon as it is read (unitRead), with the count (progressed); the
finished pass (last year, copies across units, roster) arrives as reviewed(ReviewResult,
its roll-ups).
cancel() is honoured between two files.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from ...review import Progress, ReviewFolderError, ReviewWorkspace


class ReviewWorker(QThread):
    unitRead = Signal(object)        # review.Unit
    progressed = Signal(int, int)    # done, total
    reviewed = Signal(object, object)  # review.ReviewResult, its roll-ups (list of review.Rollup)
    failed = Signal(str)             # Chinese message

    def __init__(self, workspace: ReviewWorkspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, event: Progress) -> None:
        self.unitRead.emit(event.unit)
        self.progressed.emit(event.done, event.total)

    def run(self) -> None:
        try:
            result = self.workspace.refresh(progress=self._progress, cancelled=self._cancel.is_set)
        except ReviewFolderError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # never let a worker die silently: the window says what happened
            self.failed.emit(f"审核时出错：{error}")
            return
        # The sums too are worked out here: over 200 units they take longer than a frame.
        self.reviewed.emit(result, result.rollups())
