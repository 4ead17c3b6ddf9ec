"""Unhandled exceptions in the running editor: logged, the work kept, the user told.

An exception that escapes a slot, an event handler or a thread reaches sys.excepthook (or
threading.excepthook).  Instead of a traceback on a console nobody sees, the handler:
1. writes the traceback to the log file;
2. writes the open report's unsaved state to its recovery file at once (the autosave slot of
   recovery.py, never the user's own file), so the work survives even if the program cannot
   go on: the next start offers it;
3. tells the user in Chinese what happened, whether and where the work was saved, and where
   the log is, with a button that opens the log folder (through the window's prompter, so
   tests answer it).
The program then carries on.  The same error raised again (a failing paint handler repeats
every frame) is logged and mentioned in the status bar, not shown in a dialog again; an error
while the dialog is open is only logged.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from . import prompts
from .logging_setup import LogSetup

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashHandler", text)


def _open_folder(folder: Path) -> None:
    # Imported here: QUrl's Python class (with its many enums) would cost startup time.
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _signature(exc_type, tb) -> tuple:
    """What makes two errors 'the same': the type and the innermost line that raised it."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    last = frames[-1] if frames else None
    return exc_type.__name__, last.filename if last else "", last.lineno if last else 0


class CrashHandler(QObject):
    """Install with install(); `window` gives the main window (or None before there is one)."""

    _fromThread = Signal(object, object, object)  # delivered in the GUI thread (queued)

    def __init__(self, log_setup: LogSetup, window: Callable[[], object], *,
                 open_folder: Callable[[Path], None] = _open_folder, parent: QObject | None = None):
        super().__init__(parent)
        self.log_setup = log_setup
        self._window = window
        self._open_folder = open_folder
        self._shown: set[tuple] = set()
        self._reporting = False
        self._previous_hooks = None
        self._fromThread.connect(self._report)

    # --- hooks ----------------------------------------------------------------------------------
    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def handle_exception(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: the usual way out
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("未处理的异常", exc_info=(exc_type, exc, tb))
        if threading.current_thread() is not threading.main_thread():  # Qt's GUI thread is Python's main thread
            self._fromThread.emit(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb)

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    # --- telling the user ---------------------------------------------------------------------
    def _report(self, exc_type, exc, tb) -> None:
        if self._reporting:
            return  # raised while the dialog is open: logged above, one dialog is enough
        self._reporting = True
        try:
            window = self._window()
            saved = self._save_work(window)
            signature = _signature(exc_type, tb)
            if signature in self._shown:
                if window is not None:
                    window.statusBar().showMessage(tr("又发生了同样的内部错误，详情已写入日志。"), 10000)
                return
            self._shown.add(signature)
            prompter = getattr(window, "prompter", None) or prompts.Prompter()
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            answer = prompter.crash(window, tr("程序出错"), self.message(exc_type, exc, saved), details)
            if answer == prompts.OPEN_LOG_FOLDER and self.log_setup.folder is not None:
                self._open_folder(self.log_setup.folder)
        except Exception:  # noqa: BLE001 - the handler itself must never raise
            log.exception("报告未处理的异常时出错")
        finally:
            self._reporting = False

    def _save_work(self, window) -> tuple[str, str]:
        """("saved", recovery path) | ("nothing", "") | ("failed", reason)."""
        document = getattr(window, "document", None)
        if document is None:
            return "nothing", ""
        try:
            path = document.save_recovery_now()
        except Exception as error:  # noqa: BLE001 - whatever went wrong, the dialog must still come
            log.exception("出错后写恢复文件失败")
            return "failed", str(error)
        if path is None:
            return "nothing", ""
        log.info("出错后已把未保存的内容写入恢复文件 %s", path)
        return "saved", str(path)

    def message(self, exc_type, exc, saved: tuple[str, str]) -> str:
        what = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        parts = [tr("程序内部发生了意外错误（{what}）。").format(what=what)]
        state, detail = saved
        if state == "saved":
            parts.append(tr("尚未保存的内容已写入恢复文件：\n{path}\n如果程序无法继续使用，下次启动时会提示恢复这些内容。"
                            "您自己的文件没有被改动。").format(path=detail))
        elif state == "failed":
            parts.append(tr("尚未保存的内容未能写入恢复文件（{reason}）。请尽快用“另存为”保存到其他位置。").format(reason=detail))
        else:
            parts.append(tr("目前没有尚未保存的更改，您的文件不受影响。"))
        parts.append(self.log_setup.describe() + "\n" + tr("需要技术支持时，请提供这个日志文件。"))
        parts.append(tr("您可以继续使用程序，建议先保存。"))
        return "\n\n".join(parts)
