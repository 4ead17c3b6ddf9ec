"""The review of a folder off the GUI thread: the GUI never waits for a file to be read.

The reading runs in a Python thread; what it produces goes into a queue that a QTimer of the
GUI thread drains every POLL_MS.  So the window is only ever touched from its own thread,
units arrive in batches (unitsRead) instead of one repaint per file, and nothing depends on
Qt delivering signals across threads (which stops once a QApplication has been quit, as the
in-process startup test does, and which a QThread subclass then never reaches: its run()
is not entered).  The finished pass (last year, copies across units, roster, roll-ups)
arrives as reviewed(ReviewResult, rollups); cancel() is honoured between two files.
"""

from __future__ import annotations

import gc
import queue
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ...review import Progress, ReviewFolderError, ReviewWorkspace

POLL_MS = 40

_UNIT, _DONE, _FAILED, _END = "unit", "done", "failed", "end"


class ReviewWorker(QObject):
    unitsRead = Signal(object)         # list of review.Unit, as read and checked on their own
    progressed = Signal(int, int)      # done, total
    reviewed = Signal(object, object)  # review.ReviewResult, its roll-ups (list of review.Rollup)
    failed = Signal(str)               # Chinese message
    finished = Signal()

    def __init__(self, workspace: ReviewWorkspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._cancel = threading.Event()
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="review", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.drain)

    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the reading thread ends (closing the window); True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # --- the reading thread ------------------------------------------------------------------
    def _run(self) -> None:
        # Reading a folder allocates a great deal; the cycle collector, run by whichever thread
        # allocates, stopped the whole program for 110–280 ms at a time while 200 files were read.
        # Reference counting frees nearly everything: the collector pauses until the pass is done.
        collecting = gc.isenabled()
        gc.disable()
        try:
            result = self.workspace.refresh(progress=lambda event: self._queue.put((_UNIT, event)),
                                            cancelled=self._cancel.is_set)
            # The sums too are worked out here: over 200 units they take longer than a frame.
            self._queue.put((_DONE, (result, result.rollups())))
        except ReviewFolderError as error:
            self._queue.put((_FAILED, str(error)))
        except Exception as error:  # never let the reading die silently: the window says what happened
            self._queue.put((_FAILED, f"审核时出错：{error}"))
        finally:
            if collecting:
                gc.enable()
            self._queue.put((_END, None))

    # --- the GUI thread ----------------------------------------------------------------------
    def drain(self) -> None:
        units, last = [], None
        while True:
            try:
                kind, payload = self._queue.get_nowait()
            except queue.Empty:
                break
            if kind == _UNIT:
                event: Progress = payload
                units.append(event.unit)
                last = event
                continue
            if units:  # what was read before this message goes first
                self.unitsRead.emit(units)
                units = []
            if kind == _DONE:
                self.reviewed.emit(*payload)
            elif kind == _FAILED:
                self.failed.emit(payload)
            elif kind == _END:
                self._timer.stop()
                self.finished.emit()
                return
        if units:
            self.unitsRead.emit(units)
        if last is not None:
            self.progressed.emit(last.done, last.total)
