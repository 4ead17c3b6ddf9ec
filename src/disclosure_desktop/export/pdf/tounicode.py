"""Repair the text layer of Qt's PDFs so copying, searching and reading aloud give the real characters.

Qt writes each embedded font's ToUnicode map by asking, for every glyph, which code point the
font maps to it, taking the LOWEST.  CJK fonts draw a radical and the ideograph it looks like
with one glyph, so 人 comes out as the Kangxi radical ⼈ (U+2F08), 民 as ⺠ (U+2EA0), 一 as the
stroke ㇐, and the space as a tab: a published report whose text cannot be searched for 人民.

`fix_tounicode(pdf, fonts)` rewrites those maps, choosing the unified ideograph that shares the
glyph (in the fonts the document used) or the compatibility decomposition, and rebuilds the
cross-reference table for the changed lengths.  Anything it does not recognise is left as it
was: the PDF is valid either way, only its text layer differs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Iterable

from PySide6.QtGui import QFont, QRawFont



# Blocks of look-alike characters that share glyphs with ideographs in CJK fonts.
_LOOKALIKE_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0x3100, 0x312F), (0x3190, 0x319F),
                     (0x31C0, 0x31EF), (0x3000, 0x303F))
_UNIFIED = (0x4E00, 0x9FFF)
_CMAP_MARK = b"/CIDInit /ProcSet findresource"
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _is_lookalike(code: int) -> bool:
    return any(low <= code <= high for low, high in _LOOKALIKE_BLOCKS)


@cache
def _glyph_to_ideograph(family: str) -> dict[int, int]:
    """glyph index → the first unified ideograph drawn with it, in this family."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    characters = "".join(chr(c) for c in range(_UNIFIED[0], _UNIFIED[1] + 1))
    mapping: dict[int, int] = {}
    for offset, glyph in enumerate(raw.glyphIndexesForString(characters)):
        if glyph:
            mapping.setdefault(glyph, _UNIFIED[0] + offset)
    return mapping


@cache
def _glyph_of(family: str, code: int) -> int:
    raw = QRawFont.fromFont(QFont(family))
    glyphs = raw.glyphIndexesForString(chr(code)) if raw.isValid() else []
    return glyphs[0] if glyphs else 0


class _Replacer:
    def __init__(self, families: Iterable[str]):
        self.families = tuple(families)
        self.cache: dict[int, int] = {}

    def __call__(self, code: int) -> int:
        if code == 0x0009:
            return 0x0020  # the space glyph, listed under the tab
        if not _is_lookalike(code):
            return code
        if code not in self.cache:
            self.cache[code] = self._resolve(code)
        return self.cache[code]

    def _resolve(self, code: int) -> int:
        for family in self.families:
            glyph = _glyph_of(family, code)
            if glyph:
                ideograph = _glyph_to_ideograph(family).get(glyph)
                if ideograph is not None:
                    return ideograph
        decomposed = unicodedata.normalize("NFKC", chr(code))
        if len(decomposed) == 1 and _UNIFIED[0] <= ord(decomposed) <= _UNIFIED[1]:
            return ord(decomposed)
        return code


def _fix_cmap(cmap: bytes, replace: _Replacer) -> bytes:
    """Rewrite the destinations of bfchar and bfrange entries; sources (glyph ids) stay."""
    out = []
    section = None
    for line in cmap.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith(b"beginbfrange"):
            section = "range"
        elif stripped.endswith(b"beginbfchar"):
            section = "char"
        elif stripped in (b"endbfrange", b"endbfchar"):
            section = None
        elif section and stripped.startswith(b"<"):
            line = _fix_entry(line, section, replace)
        out.append(line)
    return b"\n".join(out)


def _fix_entry(line: bytes, section: str, replace: _Replacer) -> bytes:
    codes = _HEX.findall(line)
    sources = 2 if section == "range" else 1
    if len(codes) <= sources:
        return line
    values = [int(c, 16) for c in codes]
    if section == "range" and b"[" not in line:
        # <first> <last> <dest>: consecutive glyphs to consecutive code points; spell it out when
        # any of them needs a replacement.
        first, last, dest = values
        targets = [dest + i for i in range(last - first + 1)]
        fixed = [replace(t) for t in targets]
        if fixed == targets:
            return line
        return b"<%04X> <%04X> [%s]" % (first, last, b" ".join(b"<%04X>" % f for f in fixed))
    head = values[:sources]
    dests = [replace(v) for v in values[sources:]]
    if dests == values[sources:]:
        return line
    if section == "range":
        return b"<%04X> <%04X> [%s ]" % (head[0], head[1], b" ".join(b"<%04X>" % d for d in dests))
    return b"<%04X> <%04X>" % (head[0], dests[0])


_OBJ = re.compile(rb"(\d+) (\d+) obj\b")
_LENGTH = re.compile(rb"/Length (\d+)\b")


def fix_tounicode(pdf: bytes, families: Iterable[str]) -> bytes:
    """The PDF with corrected ToUnicode maps (or unchanged when its structure is not Qt's simple one)."""
    try:
        return _rewrite(pdf, _Replacer(families))
    except (ValueError, IndexError):
        return pdf


def _rewrite(pdf: bytes, replace: _Replacer) -> bytes:
    start_marker = pdf.rindex(b"startxref")
    xref_offset = int(pdf[start_marker + len(b"startxref"):].split()[0])
    trailer_at = pdf.index(b"trailer", xref_offset)
    xref_lines = pdf[xref_offset:trailer_at].split(b"\n")
    if xref_lines[0].strip() != b"xref":
        raise ValueError("no classic xref table")
    first, count = (int(v) for v in xref_lines[1].split())
    entries = [line for line in xref_lines[2:2 + count]]
    offsets: dict[int, int] = {}
    for number, entry in enumerate(entries, start=first):
        fields = entry.split()
        if len(fields) == 3 and fields[2] == b"n":
            offsets[number] = int(fields[0])
    order = sorted(offsets.items(), key=lambda item: item[1])
    if not order:
        raise ValueError("empty xref")

    pieces = [pdf[:order[0][1]]]
    new_offsets: dict[int, int] = {}
    position = len(pieces[0])
    changed = False
    for index, (number, offset) in enumerate(order):
        end = order[index + 1][1] if index + 1 < len(order) else xref_offset
        chunk = pdf[offset:end]
        match = _OBJ.match(chunk)
        if not match or int(match.group(1)) != number:
            raise ValueError(f"object {number} not at its offset")
        if _CMAP_MARK in chunk:
            fixed = _fix_object(chunk, replace)
            changed = changed or fixed != chunk
            chunk = fixed
        new_offsets[number] = position
        pieces.append(chunk)
        position += len(chunk)
    if not changed:
        return pdf

    xref = [b"xref", b"%d %d" % (first, count)]
    for number in range(first, first + count):
        if number in new_offsets:
            xref.append(b"%010d 00000 n " % new_offsets[number])
        else:
            xref.append(entries[number - first].rstrip(b"\r\n"))
    tail = pdf[trailer_at:start_marker]
    return b"".join(pieces) + b"\n".join(xref) + b"\n" + tail + b"startxref\n%d\n%%%%EOF\n" % position


def _fix_object(chunk: bytes, replace: _Replacer) -> bytes:
    """An uncompressed ToUnicode stream object with its /Length updated."""
    dict_end = chunk.index(b"stream", )
    head = chunk[:dict_end]
    if b"/Filter" in head:
        return chunk  # compressed: Qt does not do that today; leave it alone
    length_match = _LENGTH.search(head)
    if not length_match:
        return chunk
    data_start = dict_end + len(b"stream")
    if chunk[data_start:data_start + 2] == b"\r\n":
        data_start += 2
    elif chunk[data_start:data_start + 1] == b"\n":
        data_start += 1
    length = int(length_match.group(1))
    data = chunk[data_start:data_start + length]
    fixed = _fix_cmap(data, replace)
    if fixed == data:
        return chunk
    head = head[:length_match.start(1)] + str(len(fixed)).encode() + head[length_match.end(1):]
    return head + chunk[dict_end:data_start] + fixed + chunk[data_start + length:]
