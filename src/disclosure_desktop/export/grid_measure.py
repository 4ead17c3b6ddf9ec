"""Measuring on fixed character widths, without Qt: how the DOCX export knows where pages break.

The page layout (page_layout.py) takes any measurer with `size(role)` and `width(role, text)`.
The PDF measures the real fonts through Qt; the DOCX export lays the same document out with this
one to find where a table continues on a new page, so that it can start the table's merged group
labels again there (table 三's （五）不予处理 …), as the PDF prints them.  Chinese characters and
full-width punctuation are one em in every CJK face, so the rows — and the page breaks between
them — come out as in the PDF; Latin letters and digits are set at half an em, as Times New Roman
(which the DOCX names for them) sets digits.
"""

from __future__ import annotations

import unicodedata

from . import docx_style as S

# Point sizes of the layout's roles, from the DOCX typography (the PDF's fonts.ROLES agree).
SIZES = {
    "title": S.TITLE_FONT.size_pt, "body": S.BODY_FONT.size_pt,
    "heading1": S.HEADING_FONTS[1].size_pt, "heading2": S.HEADING_FONTS[2].size_pt,
    "heading3": S.HEADING_FONTS[3].size_pt, "page_number": S.PAGE_NUMBER_FONT.size_pt,
    "table": S.TABLE_FONT.size_pt, "note": S.NOTE_FONT.size_pt, "draft_mark": S.SIZE_4HAO,
}
LATIN_EM = 0.5


def char_em(char: str) -> float:
    if char.isascii():
        return LATIN_EM if char.isprintable() else 0.0
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else LATIN_EM


class GridMeasurer:
    """Widths in points on fixed character widths (em = the role's type size)."""

    def __init__(self):
        self._ems: dict[str, float] = {}

    def size(self, role: str) -> float:
        return SIZES[role]

    def width(self, role: str, text: str, size: float | None = None) -> float:
        ems = self._ems.get(text)
        if ems is None:
            ems = self._ems[text] = sum(char_em(ch) for ch in text)
        return (size or SIZES[role]) * ems

    def measure(self, role: str):
        return lambda text: self.width(role, text)
