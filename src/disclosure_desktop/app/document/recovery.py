"""Autosave to recovery files, and finding the ones a crashed session left behind.

Each open report autosaves into a file of its own under the per-user data folder, never over
the user's project.  The file is guarded by a QLockFile held while the session runs: a
recovery file whose lock can be taken belongs to a process that is gone (crashed or killed),
which is exactly when a recovery is offered.  A clean save or close removes the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from ...core.model import Report
from ...io.project_file import LoadResult, ProjectFileError, atomic_write, parse_project

RECOVERY_KIND = "disclosure-desktop-recovery"
RECOVERY_SUFFIX = ".recovery.json"


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
    return lock


class AutosaveSlot:
    """The recovery file of one open report; holds its lock until released."""

    def __init__(self, path: Path, lock: QLockFile):
        self.path = path
        self._lock = lock

    def write(self, report: Report, original_path: Path | None) -> None:
        """Store the report's current state (raises ProjectSaveError when the disk refuses)."""
        document = {
            "kind": RECOVERY_KIND,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "original_path": str(original_path) if original_path else None,
            "title": report.title,
            "project": report.model_dump(mode="json"),
        }
        atomic_write(self.path, json.dumps(document, ensure_ascii=False).encode("utf-8"))

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def discard(self) -> None:
        """Remove the recovery file (after a clean save or close); the slot stays usable."""
        try:
            self.path.unlink()
        except OSError:
            pass  # gone already, or its folder is: closing or saving a report must not fail on it

    def release(self) -> None:
        """Give up the slot: the file is removed and the lock released."""
        self.discard()
        self._lock.unlock()


@dataclass
class RecoveryEntry:
    """A recovery file left by a session that ended without saving or closing cleanly."""

    path: Path
    saved_at: str
    original_path: Path | None
    title: str
    lock: QLockFile

    def load(self) -> LoadResult:
        """The autosaved report; raises ProjectFileError when the recovery file is damaged."""
        try:
            document = json.loads(self.path.read_bytes().decode("utf-8"))
            project = document["project"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ProjectFileError(self.path, f"恢复文件已损坏（{error}）") from None
        return parse_project(json.dumps(project, ensure_ascii=False).encode("utf-8"), self.path)

    def adopt(self) -> AutosaveSlot:
        """Continue autosaving the recovered report into this same file."""
        return AutosaveSlot(self.path, self.lock)

    def discard(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        self.lock.unlock()

    def keep_for_later(self) -> None:
        self.lock.unlock()


class RecoveryStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def new_slot(self) -> AutosaveSlot:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:8]}{RECOVERY_SUFFIX}"
        lock = _lock_for(path)
        lock.tryLock(0)  # a fresh unique name: nobody else holds it
        return AutosaveSlot(path, lock)

    def pending(self) -> list[RecoveryEntry]:
        """Recovery files whose session is gone, newest first; each returned entry holds its lock."""
        if not self.folder.is_dir():
            return []
        entries = []
        for path in sorted(self.folder.glob(f"*{RECOVERY_SUFFIX}"), reverse=True):
            lock = _lock_for(path)
            if not lock.tryLock(0):
                continue  # a running session (this process or another) owns it
            try:
                document = json.loads(path.read_bytes().decode("utf-8"))
                meta = document if isinstance(document, dict) and document.get("kind") == RECOVERY_KIND else {}
            except (OSError, ValueError):
                meta = {}
            original = meta.get("original_path")
            entries.append(RecoveryEntry(path=path, saved_at=str(meta.get("saved_at", "")),
                                         original_path=Path(original) if original else None,
                                         title=str(meta.get("title", path.name)), lock=lock))
        return entries
