"""A plain-text copy of a page (select all, copy, paste into Notepad) → lines."""

from __future__ import annotations

from .blocks import Block, Line


def read_text(text: str) -> list[Block]:
    """One line per line; blank lines separate cells in such copies and carry no meaning."""
    return [Line(line) for line in text.split("\n")]
