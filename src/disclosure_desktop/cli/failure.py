"""An unexpected error in a command: exit code 3, one Chinese line naming the log file.

The traceback goes to a log file of the command line (beside the app's log), not to the
terminal; `--debug` shows it on the terminal instead.  Exit codes of every command: 0 ok,
1 refused or has errors, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import traceback
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
LOG_NAME = "disclosure-desktop-cli.log"
LOG_MAX_BYTES = 1_000_000  # then the log starts over, keeping the previous one as .1


def log_folders() -> list[Path]:
    """The per-user log folder (the app's), then the temporary folder."""
    try:
        import platformdirs

        folders = [Path(platformdirs.user_log_dir("disclosure-desktop", appauthor=False))]
    except Exception:  # noqa: BLE001 - no log folder is no reason to fail the report of a failure
        folders = []
    return folders + [Path(tempfile.gettempdir()) / "disclosure-desktop-log"]


def write_log(error: BaseException, argv: list[str]) -> Path | None:
    """Append the traceback to the log; the path written, or None when no folder took it."""
    entry = (f"{dt.datetime.now().isoformat(timespec='seconds')} 内部错误，命令：{' '.join(argv)[:500]}\n"
             + "".join(traceback.format_exception(type(error), error, error.__traceback__)) + "\n")
    for folder in log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            if path.exists() and path.stat().st_size > LOG_MAX_BYTES:
                path.replace(path.with_name(LOG_NAME + ".1"))
            with path.open("a", encoding="utf-8", errors="replace") as handle:
                handle.write(entry)
            return path
        except OSError:
            continue
    return None


def internal_error_message(error: BaseException, log: Path | None) -> str:
    from ..io.errors import describe_error

    where = f"详细信息已写入日志文件：{log}" if log else "日志文件也无法写入"
    return f"程序内部错误：{describe_error(error)}{where}（加 --debug 可在终端显示详细信息）。"
