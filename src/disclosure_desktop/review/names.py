"""Agency names as a reviewer compares them: 「某县 教育局」, 「某县教育局（盖章）」 and the full-width
variants are one unit; a name that differs by a character or two is a near match to confirm."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# Spaces, punctuation and what clerks add around a name in a list or a title.
_NOISE = re.compile(r"[\s\u3000·•.,，、。:：;；'\"“”‘’()（）\[\]【】<>《》_\-—]+")
_ANNOTATIONS = re.compile(r"[（(](盖章|章|公章|签章)[)）]")
NEAR_MATCH_RATIO = 0.8  # SequenceMatcher ratio from which two names are offered as the same unit


def normalize_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    text = _ANNOTATIONS.sub("", text)
    return _NOISE.sub("", text)


def name_similarity(a: str, b: str) -> float:
    """0…1 between two normalised names."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def is_near(a: str, b: str) -> bool:
    """Two different normalised names that are probably the same unit (a typo, a dropped 县/区 prefix)."""
    if a == b:
        return False
    if len(min(a, b, key=len)) >= 4 and (a.endswith(b) or b.endswith(a)):
        return True
    return name_similarity(a, b) >= NEAR_MATCH_RATIO
