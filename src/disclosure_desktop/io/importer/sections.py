"""Splitting a copy into the six sections by their exact official titles.

Only a token that is exactly a section title (punctuation and spaces aside) starts a section:
table 三's last row `四、结转下年度继续办理` looks like a heading but is not the title
`四、政府信息公开行政复议、行政诉讼情况`, so it stays inside table 三.  Titles are searched in
order, each after the previous one, so a title quoted earlier in the text cannot start a
section out of order; a table of contents (titles one after the other, with page numbers at
most between them) is skipped.

Published headings are not always the official ones: 「四、政府信息公开行政复议与行政诉讼情况」, a
suffix 「（有关情况附表）」, a typo, 「五、存在的主要问题及改进措施」.  When a section's exact title is
not found, a line that is its heading by number and wording (core.checks.section_heading_likeness,
the same judgement C19 makes) starts it, and the span says so, so that the import reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...core.checks import section_heading_likeness
from ...core.formats import Section, format_ids, get_format
from .blocks import Block, Line, Token
from .cell_values import is_value_text
from .labels import is_title


@dataclass(frozen=True)
class SectionSpan:
    id: str
    title_index: int  # token index of the title
    start: int  # first token of the section's content
    end: int  # one past its last token (the next section's title, or the end of the document)
    heading: str = ""  # the heading as published
    exact: bool = True  # False: found by number and wording, not by its official title


def section_titles() -> list[tuple[str, str]]:
    """(id, title) of the sections in order; both formats share them, and if a format ever
    differs, a title of either is accepted."""
    titles: dict[str, list[str]] = {}
    for format_id in format_ids():
        for section in get_format(format_id).sections:
            titles.setdefault(section.id, [])
            if section.title not in titles[section.id]:
                titles[section.id].append(section.title)
    return [(section_id, title) for section_id, options in titles.items() for title in options]


TOC_MIN_TITLES = 3  # this many titles with nothing but page numbers between them: a table of contents
_PAGE_REFERENCE = re.compile(r"^[.…·\s-]*\d{0,3}$")


def _after_table_of_contents(tokens: list[Token], titles: list[tuple[str, str]]) -> int:
    """Where the text starts when the copy opens with a table of contents listing the titles:
    after the first run of distinct titles with nothing but page numbers between them."""
    run: list[tuple[str, int]] = []  # (section id, token index) of the current run
    for index, token in enumerate(tokens):
        section_id = next((s for s, title in titles if is_title(token.text, title)), None)
        if section_id is None:
            if run and not _PAGE_REFERENCE.match(token.text):
                if len(run) >= TOC_MIN_TITLES:
                    return run[-1][1] + 1
                run = []
            continue
        if any(section_id == s for s, _ in run):  # a title again: the text itself begins
            return run[-1][1] + 1 if len(run) >= TOC_MIN_TITLES else 0
        run.append((section_id, index))
    return run[-1][1] + 1 if len(run) >= TOC_MIN_TITLES else 0


_BRACKETED = re.compile(r"^[(（][^()（）]*[)）]$")


def split_heading_lines(blocks: list[Block]) -> list[Block]:
    """A paragraph that starts with an official section title and goes on with text
    (`<p><b>一、总体情况</b>2025年，…</p>`) becomes the title and the text, so the heading is found
    and the narrative does not start with it."""
    titles = [title for _, title in section_titles()]
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Line):
            text = block.text.strip()
            title = next((t for t in titles if text.startswith(t) and len(text) > len(t)), None)
            if title is not None:
                rest = text[len(title):].lstrip(" \u3000。．.:：")
                if not _BRACKETED.match(rest):  # 「（有关情况附表）」 belongs to the heading
                    result += [Line(title)] + ([Line(rest)] if rest else [])
                    continue
        result.append(block)
    return result


def _sections_by_id() -> dict[str, list[Section]]:
    """section id → the section in each format (for its titles and listed variants)."""
    sections: dict[str, list[Section]] = {}
    for format_id in format_ids():
        for section in get_format(format_id).sections:
            sections.setdefault(section.id, []).append(section)
    return sections


def _variant_heading(tokens: list[Token], position: int, sections: list[Section],
                     later_titles: list[str]) -> int | None:
    """The first token from `position` that is a variant heading of the section, before any
    later section's exact title."""
    for index in range(position, len(tokens)):
        text = tokens[index].text
        if any(is_title(text, title) for title in later_titles):
            return None
        if is_value_text(text, False):
            continue
        if any(section_heading_likeness(text, section) for section in sections):
            return index
    return None


def find_sections(tokens: list[Token]) -> dict[str, SectionSpan]:
    found: list[tuple[str, int, bool]] = []
    titles = section_titles()
    by_id = _sections_by_id()
    position = _after_table_of_contents(tokens, titles)
    order = list(dict.fromkeys(section_id for section_id, _ in titles))
    for number, section_id in enumerate(order):
        own = [title for s, title in titles if s == section_id]
        index = next((i for i in range(position, len(tokens)) if any(is_title(tokens[i].text, t) for t in own)), None)
        exact = index is not None
        if index is None:
            later = [title for s, title in titles if s in order[number + 1:]]
            index = _variant_heading(tokens, position, by_id[section_id], later)
        if index is not None:
            found.append((section_id, index, exact))
            position = index + 1
    spans: dict[str, SectionSpan] = {}
    for number, (section_id, index, exact) in enumerate(found):
        end = found[number + 1][1] if number + 1 < len(found) else len(tokens)
        spans[section_id] = SectionSpan(section_id, index, index + 1, end, tokens[index].text.strip(), exact)
    return spans
