"""Chinese text conventions shared by checks, exporters and the importer."""

from __future__ import annotations

import datetime as dt
import re

# ASCII punctuation that web copies fold Chinese text to, and what it was.
_ASCII_TO_FULLWIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff]")


def chinese_date(day: dt.date) -> str:
    """2020年6月11日 (no zero padding, as official documents write dates)."""
    return f"{day.year}年{day.month}月{day.day}日"


def restore_fullwidth_punctuation(text: str) -> str:
    """Undo the ASCII folding of web copies: `(一)` → `（一）`, `,` → `，`.

    A comma or colon between two digits (3,294 or 8:30) and a full stop are left alone.
    """
    def replace(match: re.Match) -> str:
        char, start = match.group(0), match.start()
        before = text[start - 1] if start else ""
        after = text[start + 1] if start + 1 < len(text) else ""
        if char in ",:" and before.isdigit() and after.isdigit():
            return char
        if char in "()" and before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            return char
        return _ASCII_TO_FULLWIDTH[char]

    return re.sub(r"[,:;()?!]", replace, text)


def strip_control_characters(text: str) -> str:
    """Remove characters that cannot stand in a document (pasted from Word: \\x0b, \\x0c, BOM …)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of a narrative section (one per line)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


HEADING_PATTERNS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、")),
    (2, re.compile(r"^（[一二三四五六七八九十]+）")),
    (3, re.compile(r"^\d+[.．、]")),
    (4, re.compile(r"^（\d+）")),
)


def heading_level(paragraph: str, max_chars: int = 40) -> int | None:
    """1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）` when the paragraph is a short
    sub-heading line; None for body text (a long paragraph starting `1.` is a numbered paragraph).
    """
    if len(paragraph) > max_chars or paragraph.endswith(("。", "；")):
        return None
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(paragraph):
            return level
    return None
