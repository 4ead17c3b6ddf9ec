"""What an export returns and raises, and the one way exporters write their output.

Every exporter ends with `write_bytes(path, data)`: the bytes go to a temporary file in the target
folder which then replaces the target, so a locked or read-only target, a missing folder or a
full disk leaves no half-written file and raises ExportError with a Chinese message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..io.project_file import ProjectSaveError, atomic_write


class ExportError(Exception):
    """An export that could not be written; str() is the Chinese message for the user."""


class ExportRefused(ExportError):
    """A final export asked for while error-level findings stand; `findings` lists them."""

    def __init__(self, message: str, findings: list):
        super().__init__(message)
        self.findings = findings


@dataclass
class ExportResult:
    path: Path
    format: str                     # "docx" | "pdf" | "html" | "xlsx"
    pages: int | None = None        # known for PDF; None where the format has no fixed pages
    substituted_fonts: list[str] = field(default_factory=list)  # e.g. "仿宋_GB2312 → Noto Serif CJK SC"
    draft: bool = False
    draft_reasons: list[str] = field(default_factory=list)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Atomically replace `path` with `data`; raises ExportError (Chinese) and leaves nothing behind."""
    path = Path(path)
    if _is_folder(path):
        raise ExportError(f"无法导出“{path.name}”：这是一个文件夹，请换一个文件名。")
    try:
        atomic_write(path, data)
    except ProjectSaveError as error:
        raise ExportError(str(error).replace("无法保存", "无法导出", 1)) from error


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False  # e.g. a folder we may not look into: atomic_write explains the failure
