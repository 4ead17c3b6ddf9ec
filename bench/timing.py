"""Timing shared by the bench scripts (run as `python bench/<name>.py`, so this imports as `timing`)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"


def timed(action, repeat: int, warm_up: bool = True) -> float:
    """Median seconds of `repeat` calls of `action` (after one warm-up call unless told otherwise)."""
    if warm_up:
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
