"""Comparing the labels of a copy with the labels of the format.

Copies differ from the official text in ways that carry no meaning: ASCII instead of full-width
punctuation, `，` for `、`, spaces and line wraps inside labels (`商业 企业`), labels cut short by
a narrow column (`本年增/`), numbering written `1、` or `(1)` or left out.  A label's *key* keeps
only letters, digits and Chinese characters, so all of those compare equal; the weaker tiers of
`match_quality` cover numbering and truncation, and callers only use them where the expected
order of rows keeps a weak match from landing on the wrong label.

Real offices also reword: `和`/`与`/`及` for `、` (「其他法律和行政法规禁止公开」), `受理` added or
dropped.  The *meaning key* drops those words as well; a label that only matches that way, or
only one of the variants the format data lists for the row (`aliases`), is a weaker tier still,
and every match below EXACT is reported by the importer as an assumption.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

EXACT, WITHOUT_NUMBERING, NORMALISED, ALIAS, TRUNCATED = 5, 4, 3, 2, 1
# How each tier is described in the import report's assumption (EXACT is no assumption).
TIER_NAMES = {WITHOUT_NUMBERING: "编号不同", NORMALISED: "措辞略有不同", ALIAS: "常见的另一种写法",
              TRUNCATED: "原文被截断"}
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


def has_numbering(text: str) -> bool:
    """Whether a label starts with 一、 /（一）/ 1. numbering."""
    return _NUMBERING.match(unicodedata.normalize("NFKC", text)) is not None


# Words whose presence or absence changes nothing in a label of these forms: connectors that
# stand for 、 and the 受理 some offices add (本年新收受理…).
_FILLER = re.compile(r"和|与|及|以及|受理")


@lru_cache(maxsize=8192)
def meaning_key(text: str) -> str:
    """The key without numbering and without connector words."""
    return _FILLER.sub("", key_without_numbering(text))


def match_quality(found: str, label: str, aliases: tuple[str, ...] = ()) -> int:
    """How well a text of the source stands for an official label (0: not at all)."""
    key, wanted = label_key(found), label_key(label)
    if not key:
        return 0
    if key == wanted:
        return EXACT
    bare_found, bare_wanted = key_without_numbering(found), key_without_numbering(label)
    if bare_found and bare_found == bare_wanted:
        return WITHOUT_NUMBERING
    meaning = meaning_key(found)
    if meaning and meaning == meaning_key(label):
        return NORMALISED
    if meaning and any(meaning == meaning_key(alias) for alias in aliases):
        return ALIAS
    if len(key) >= MIN_TRUNCATED_CHARS and len(key) * 2 >= len(wanted) and wanted.startswith(key):
        return TRUNCATED
    if (len(bare_found) >= MIN_TRUNCATED_CHARS and len(bare_found) * 2 >= len(bare_wanted)
            and bare_wanted.startswith(bare_found)):
        return TRUNCATED
    return 0


def is_title(found: str, title: str) -> bool:
    """An exact official title (section heading, table caption), punctuation aside."""
    return label_key(found) == label_key(title)
