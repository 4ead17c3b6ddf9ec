"""A plain-text copy of a page (select all, copy, paste into Notepad) → lines.

Most copies keep one cell or paragraph per line.  Some lose every line break (a page's text
taken out of its markup, a copy from a reader view): the whole report is one line, its
headings inside it and its table cells run together (`规章000行政规范性文件5845546`).  Such a
line is cut before each official section title, and inside the table sections before each text
the formats print there (captions, row and column labels), so that headings and narrative are
found and each label stands alone.  Numbers that ran together stay one token: a row of them no
longer has its column count and is listed as unread, never split by guesswork.
"""

from __future__ import annotations

import re
from functools import cache

from ...core.formats import format_ids, get_format
from .blocks import Block, Line

RUN_ON_CHARS = 300  # a line this long holding several section titles has lost its line breaks
RUN_ON_TITLES = 3


@cache
def _section_titles() -> tuple[tuple[str, bool], ...]:
    """(title, whether the section holds tables) of both formats."""
    return tuple(dict.fromkeys((s.title, s.kind == "tables") for f in format_ids() for s in get_format(f).sections))


@cache
def _table_texts() -> re.Pattern:
    """Every text the formats print in their tables, longest first (so 行政规范性文件 wins over 规范性文件)."""
    texts = set()
    for format_id in format_ids():
        for table in get_format(format_id).tables:
            texts.update(t for t in (table.caption, table.row_header) if t)
            texts.update(c.label for c in table.columns)
            texts.update(r.label for r in table.rows)
            texts.update(h.text for row in table.print.header_rows for h in row if h.text)
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)))


def _cut(text: str, pattern: re.Pattern) -> list[str]:
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts += [text[position:match.start()], match.group(0)]
        position = match.end()
    parts.append(text[position:])
    return [part.strip() for part in parts if part.strip()]


def split_run_on(line: str) -> list[str]:
    """The pieces of a line that holds a whole report (see the module text); other lines whole."""
    if len(line) < RUN_ON_CHARS:
        return [line]
    found = [(line.find(title), title, tables) for title, tables in _section_titles() if title in line]
    found = sorted(item for item in found if item[0] >= 0)
    if len(found) < RUN_ON_TITLES:
        return [line]
    pieces = [line[:found[0][0]]]
    for number, (start, title, tables) in enumerate(found):
        end = found[number + 1][0] if number + 1 < len(found) else len(line)
        body = line[start + len(title):end]
        pieces.append(title)
        pieces += _cut(body, _table_texts()) if tables else [body]
    return [piece.strip() for piece in pieces if piece.strip()]


def read_text(text: str) -> list[Block]:
    """One line per line; blank lines separate cells in such copies and carry no meaning."""
    return [Line(piece) for line in text.split("\n") for piece in split_run_on(line)]
