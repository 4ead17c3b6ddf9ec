"""Comparing the labels of a copy with the labels of the format.

Copies differ from the official text in ways that carry no meaning: ASCII instead of full-width
punctuation, `，` for `、`, spaces and line wraps inside labels (`商业 企业`), labels cut short by
a narrow column (`本年增/`), numbering written `1、` or `(1)` or left out.  A label's *key* keeps
only letters, digits and Chinese characters, so all of those compare equal; the weaker tiers of
`match_quality` cover numbering and truncation, and callers only use them where the expected
order of rows keeps a weak match from landing on the wrong label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

EXACT, WITHOUT_NUMBERING, TRUNCATED = 3, 2, 1
MIN_TRUNCATED_CHARS = 4

_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.,，．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.,，．])")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """Letters, digits and Chinese characters only (NFKC: full-width forms become ASCII)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum()).lower()


@lru_cache(maxsize=8192)
def key_without_numbering(text: str) -> str:
    """The key of a label after its leading 一、 /（一）/ 1. numbering."""
    return label_key(_NUMBERING.sub("", unicodedata.normalize("NFKC", text), count=1))


def match_quality(found: str, label: str) -> int:
    """How well a text of the source stands for an official label (0: not at all)."""
    key, wanted = label_key(found), label_key(label)
    if not key:
        return 0
    if key == wanted:
        return EXACT
    bare_found, bare_wanted = key_without_numbering(found), key_without_numbering(label)
    if bare_found and bare_found == bare_wanted:
        return WITHOUT_NUMBERING
    if len(key) >= MIN_TRUNCATED_CHARS and len(key) * 2 >= len(wanted) and wanted.startswith(key):
        return TRUNCATED
    if (len(bare_found) >= MIN_TRUNCATED_CHARS and len(bare_found) * 2 >= len(bare_wanted)
            and bare_wanted.startswith(bare_found)):
        return TRUNCATED
    return 0


def is_title(found: str, title: str) -> bool:
    """An exact official title (section heading, table caption), punctuation aside."""
    return label_key(found) == label_key(title)
