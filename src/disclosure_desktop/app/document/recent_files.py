"""The list of recently opened project files, kept in QSettings, newest first."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal


class RecentFiles(QObject):
    changed = Signal()

    KEY = "recent_files"
    LIMIT = 10

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings

    def paths(self) -> list[Path]:
        size = self._settings.beginReadArray(self.KEY)
        paths = []
        for index in range(size):
            self._settings.setArrayIndex(index)
            value = self._settings.value("path", "")
            if isinstance(value, str) and value:
                paths.append(Path(value))
        self._settings.endArray()
        return paths

    def add(self, path: str | Path) -> None:
        path = Path(os.path.abspath(path))
        self._store([path] + [p for p in self.paths() if not _same(p, path)])

    def remove(self, path: str | Path) -> None:
        self._store([p for p in self.paths() if not _same(p, Path(path))])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self._settings.remove(self.KEY)
        self._settings.beginWriteArray(self.KEY, min(len(paths), self.LIMIT))
        for index, path in enumerate(paths[: self.LIMIT]):
            self._settings.setArrayIndex(index)
            self._settings.setValue("path", str(path))
        self._settings.endArray()
        self.changed.emit()  # written to disk by QSettings itself (on the event loop and at exit)


def _same(a: Path, b: Path) -> bool:
    # Windows paths differ only in case for the same file.
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))
