"""Chinese line breaking with the kinsoku rules of GB/T 15834 (避头尾), independent of any toolkit.

A Chinese line may break between any two characters except: before closing punctuation
(no line starts with ，。、；：？！）」 …), after opening punctuation (no line ends with （「《“ …),
inside a run of Latin letters and digits (2019, 3.5, www.gov.cn), and between the two halves of
—— or …….  The breaker works on "atoms" — the smallest pieces that must stay on one line —
and fills lines greedily; a line that must break early is justified by the caller, which is
how Word and WPS set Chinese text.

`measure(text) -> width` is supplied by the caller (Qt font metrics when printing, a fixed
width per character in tests), so this module stays pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

# No line may start with these (行首禁则).
NO_LINE_START = frozenset(
    "，。、；：？！）」』】〕〗〉》”’…—·％‰℃°．～〃々〞﹚﹜！＂％＇），．：；？］｝"
    ",.;:?!)]}%"
)
# No line may end with these (行尾禁则).
NO_LINE_END = frozenset("（「『【〔〖〈《“‘﹙﹛（［｛＄￥([{$£¥")
# Doubled marks that must never be torn apart (破折号 ——, 省略号 ……).
UNSPLITTABLE_PAIRS = frozenset("—…")
SPACES = frozenset(" \u3000\u2002\u2003\u00a0\t")

Measure = Callable[[str], float]
Spacing = Callable[[int], float]  # extra space before the character at an index (0: none)


def _ideograph(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def autospace_points(text: str) -> frozenset[int]:
    """Indices i where a little space goes between text[i-1] and text[i]: an ideograph next to a
    Latin letter or digit (2025年, 共154件).  Word and LibreOffice add it by default (Word's
    autoSpaceDE/DN; LibreOffice always, it ignores those settings in a .docx), so the PDF does
    too — otherwise the two break the same paragraph at different places.  Not next to
    punctuation: 〔2021〕 and 3.发布 stay tight."""
    points = set()
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (_ideograph(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and _ideograph(b)):
            points.add(i)
    return frozenset(points)


@dataclass(frozen=True)
class Line:
    text: str        # the characters printed on this line (no leading/trailing spaces)
    start: int       # index of the first character in the paragraph text
    end: int         # index after the last character (spaces at the break are skipped)
    width: float     # natural width of `text`
    last: bool       # the paragraph's last line (not justified)

    @property
    def gaps(self) -> int:
        """Places where justification may add space: between every two characters."""
        return max(len(self.text) - 1, 0)


def units(text: str) -> list[tuple[int, int]]:
    """(start, end) of every indivisible piece: one CJK character, one Latin word, one space."""
    if len(text) == 1:
        return [(0, 1)]
    pieces: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = index + 1
        if char.isascii() and char.isalnum():
            # A Latin word or number with its inner punctuation: 3.5 · 2019-2020 · www.gov.cn/a?b=1
            while end < len(text) and text[end].isascii() and not text[end].isspace() and (
                    text[end].isalnum() or (text[end] in ".,:/-_@%+#&=?~" and end + 1 < len(text)
                                            and text[end + 1].isascii() and text[end + 1].isalnum())
                    or text[end] == "%"):
                end += 1
        pieces.append((index, end))
        index = end
    return pieces


def _glued(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """True when no line break is allowed between two neighbouring units."""
    before, after = text[left[1] - 1], text[right[0]]
    if before in SPACES or after in SPACES:
        return False
    if after in NO_LINE_START or before in NO_LINE_END:
        return True
    return before == after and before in UNSPLITTABLE_PAIRS


def atoms(text: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces that must stay on one line."""
    result: list[tuple[int, int]] = []
    for unit in units(text):
        if result and _glued(text, result[-1], unit):
            result[-1] = (result[-1][0], unit[1])
        else:
            result.append(unit)
    return result


def break_lines(text: str, width: float, measure: Measure, *, first_line_indent: float = 0.0,
                spacing: Spacing | None = None) -> list[Line]:
    """Greedy line filling: as many atoms per line as fit; a space at a break is dropped; the last
    line never holds a lone character (with its punctuation) when the line before can give one.
    `spacing(i)` is extra space before character i (autospace), dropped where a line starts."""
    if not text:
        return [Line("", 0, 0, 0.0, True)]
    measure = lru_cache(maxsize=None)(measure)
    space_before = spacing or (lambda index: 0.0)

    def inner(start: int, end: int) -> float:
        return sum(space_before(i) for i in range(start + 1, end))

    def atom_width(start: int, end: int) -> float:
        if end - start == 1:
            return measure(text[start])
        piece = text[start:end]
        return sum(measure(piece[a:b]) for a, b in units(piece)) + inner(start, end)

    rows: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    used = 0.0
    capacity = width - first_line_indent

    def finish() -> None:
        nonlocal current, used, capacity
        while current and text[current[-1][0]] in SPACES:
            current.pop()
        if current:
            rows.append(current)
        current, used, capacity = [], 0.0, width

    for start, end in atoms(text):
        is_space = text[start] in SPACES
        if not current and is_space:
            continue  # a space at the start of a line (after a break) is not printed
        piece_width = atom_width(start, end) + (space_before(start) if current else 0.0)
        if current and used + piece_width > capacity + _EPSILON:
            finish()
            if is_space:
                continue
            piece_width = atom_width(start, end)
        if piece_width > capacity + _EPSILON:
            # An atom longer than a whole line (a long URL): break it between characters.
            for index in range(start, end):
                char_width = measure(text[index])
                if current and used + char_width > capacity + _EPSILON:
                    finish()
                current.append((index, index + 1))
                used += char_width
            continue
        current.append((start, end))
        used += piece_width
    finish()
    if not rows:
        return [Line("", 0, 0, 0.0, True)]
    _avoid_lone_last_character(text, rows, width, atom_width)

    lines = []
    for number, row in enumerate(rows):
        start, end = row[0][0], row[-1][1]
        printed = text[start:end]
        lines.append(Line(printed, start, end, measure(printed) + inner(start, end), number == len(rows) - 1))
    return lines


_EPSILON = 1e-6


def _avoid_lone_last_character(text: str, rows: list[list[tuple[int, int]]], width: float, atom_width) -> None:
    """孤字: move the last atom of the next-to-last line down when the last line holds one character."""
    if len(rows) < 2:
        return
    last, previous = rows[-1], rows[-2]
    core = "".join(text[a:b] for a, b in last).rstrip("".join(NO_LINE_START))
    if len(last) != 1 or len(core) != 1 or len(previous) < 3:
        return
    moved = previous[-1]
    if atom_width(*moved) + atom_width(*last[0]) > width + _EPSILON:
        return
    previous.pop()
    while previous and text[previous[-1][0]] in SPACES:
        previous.pop()
    rows[-1] = [moved, *last]
