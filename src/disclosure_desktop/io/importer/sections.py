"""Splitting a copy into the six sections by their exact official titles.

Only a token that is exactly a section title (punctuation and spaces aside) starts a section:
table 三's last row `四、结转下年度继续办理` looks like a heading but is not the title
`四、政府信息公开行政复议、行政诉讼情况`, so it stays inside table 三.  Titles are searched in
order, each after the previous one, so a title quoted earlier in the text cannot start a
section out of order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.formats import FORMAT_IDS, get_format
from .blocks import Token
from .labels import is_title


@dataclass(frozen=True)
class SectionSpan:
    id: str
    title_index: int  # token index of the title
    start: int  # first token of the section's content
    end: int  # one past its last token (the next section's title, or the end of the document)


def section_titles() -> list[tuple[str, str]]:
    """(id, title) of the sections in order; both formats share them, and if a format ever
    differs, a title of either is accepted."""
    titles: dict[str, list[str]] = {}
    for format_id in FORMAT_IDS:
        for section in get_format(format_id).sections:
            titles.setdefault(section.id, [])
            if section.title not in titles[section.id]:
                titles[section.id].append(section.title)
    return [(section_id, title) for section_id, options in titles.items() for title in options]


def find_sections(tokens: list[Token]) -> dict[str, SectionSpan]:
    found: list[tuple[str, int]] = []
    position = 0
    for section_id, title in section_titles():
        if any(section_id == s for s, _ in found):
            continue
        for index in range(position, len(tokens)):
            if is_title(tokens[index].text, title):
                found.append((section_id, index))
                position = index + 1
                break
    spans: dict[str, SectionSpan] = {}
    for number, (section_id, index) in enumerate(found):
        end = found[number + 1][1] if number + 1 < len(found) else len(tokens)
        spans[section_id] = SectionSpan(section_id, index, index + 1, end)
    return spans
