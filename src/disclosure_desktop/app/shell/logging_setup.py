"""The application's log: one rotating UTF-8 file in the per-user log folder.

What goes in: the start (version, Python, Qt, system, startup time), every file opened,
saved, exported or imported and every failure to do so, autosave failures, and unhandled
exceptions with their traceback (crash_handler.py).  Paths and messages only: never the
report's contents.  The file is what a support person asks for, so its place is shown in the
crash dialog and in 关于.

The folder is platformdirs' user log folder (Linux: ~/.local/state/disclosure-desktop/log;
Windows: %LOCALAPPDATA%\\disclosure-desktop\\Logs).  When it cannot be created or written
(a locked-down profile, a full disk) the log goes to the temporary folder instead, and the
log, stderr and the crash dialog say so; when even that fails the program runs without a log
file rather than not at all.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .settings import APPLICATION

LOGGER_NAME = "disclosure_desktop"  # the package's loggers (logging.getLogger(__name__)) are below it
LOG_FILE_NAME = f"{APPLICATION}.log"
MAX_BYTES = 1_000_000  # per file; with the backups at most about 6 MB on disk
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LogSetup:
    """Where the log is written, and why not in the usual folder when it is not."""

    path: Path | None  # None: no file could be written at all
    fallback_reason: str = ""  # set when the usual folder could not be used

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None

    def describe(self) -> str:
        """For the user (crash dialog, 关于): where the log is, in Chinese."""
        if self.path is None:
            return f"无法写入日志文件（{self.fallback_reason}）。"
        text = f"日志文件：{self.path}"
        if self.fallback_reason:
            text += f"\n（常用的日志文件夹无法使用：{self.fallback_reason}；已改用临时文件夹。）"
        return text


def default_log_folder() -> Path:
    """The per-user log folder (looked up on every call, so tests can redirect it)."""
    return Path(platformdirs.user_log_dir(APPLICATION, appauthor=False))


def fallback_log_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"{APPLICATION}-log"


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so configuring again replaces it."""


def _open_handler(folder: Path) -> _AppLogHandler:
    folder.mkdir(parents=True, exist_ok=True)
    handler = _AppLogHandler(folder / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                             encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def _reason(error: OSError) -> str:
    return f"{error.strerror or error}：{error.filename}" if error.filename else str(error.strerror or error)


def configure_logging(folder: Path | str | None = None) -> LogSetup:
    """Attach the rotating log file to the root logger and return where it is.

    The package logs from INFO up; other libraries only their warnings and errors.  Calling
    it again (a test, a second window) replaces the handler instead of adding one.
    """
    shutdown_logging()
    primary = Path(folder) if folder is not None else default_log_folder()
    reason = ""
    try:
        handler = _open_handler(primary)
    except OSError as error:
        reason = _reason(error)
        try:
            handler = _open_handler(fallback_log_folder())
        except OSError as second:
            print(f"无法写入日志文件：{reason}；临时文件夹也不可用：{_reason(second)}", file=sys.stderr)
            return LogSetup(None, reason)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logging.getLogger(LOGGER_NAME).setLevel(logging.INFO)
    logging.captureWarnings(True)  # Python warnings go to the log, not to a console nobody sees
    setup = LogSetup(Path(handler.baseFilename), reason)
    if reason:
        log.warning("常用的日志文件夹 %s 无法使用（%s），日志改写到 %s", primary, reason, setup.path)
        print(f"日志文件夹 {primary} 无法使用（{reason}），日志改写到 {setup.path}", file=sys.stderr)
    return setup


def shutdown_logging() -> None:
    """Detach and close the log file this module attached (if any)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _AppLogHandler):
            root.removeHandler(handler)
            handler.close()
            logging.captureWarnings(False)


def program_version() -> str:
    """The installed version of the program (未知 in a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("disclosure-desktop")
    except PackageNotFoundError:
        return "未知"


def system_summary() -> str:
    """Version of the program, Python, Qt and the system, for the first lines of a log."""
    import platform

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return (f"版本 {program_version()}；Python {platform.python_version()}；Qt {qVersion()}（PySide6 {pyside_version}）；"
            f"系统 {platform.platform()}")
