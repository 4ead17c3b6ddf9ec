"""Which files changed since the last pass: (mtime, size) first, the content hash when they moved.

A folder on a network share or copied from a USB stick often gets new modification times with
the same bytes; the hash keeps such a file from being imported again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .reading import ReadFile

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Signature:
    mtime_ns: int
    size: int


def signature(path: Path) -> Signature | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return Signature(stat.st_mtime_ns, stat.st_size)


def content_hash(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


@dataclass
class _Entry:
    signature: Signature
    digest: str | None
    result: ReadFile


class ReadCache:
    """path → the last ReadFile, valid while the file's signature (or its content) is unchanged."""

    def __init__(self) -> None:
        self._entries: dict[Path, _Entry] = {}
        self.reads = 0  # files actually read since creation (tests and the board's status line)

    def get(self, path: Path) -> ReadFile | None:
        entry = self._entries.get(path)
        if entry is None:
            return None
        now = signature(path)
        if now is None:
            return None
        if now == entry.signature:
            return entry.result
        if entry.digest is not None and now.size == entry.signature.size and content_hash(path) == entry.digest:
            entry.signature = now  # touched, not changed
            return entry.result
        return None

    def put(self, path: Path, before: Signature | None, result: ReadFile) -> None:
        """Remember `result`, read from the file as it was at `before` (taken before reading, so a
        file written while it was read is read again next time)."""
        self.reads += 1
        if before is None:
            self._entries.pop(path, None)
            return
        self._entries[path] = _Entry(before, content_hash(path), result)

    def forget_missing(self, present: set[Path]) -> None:
        for path in [p for p in self._entries if p not in present]:
            del self._entries[path]
