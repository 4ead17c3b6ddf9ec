"""The report title broken into lines by meaning (GB/T 9704-2012 7.3.3: 回行时要做到词意完整,
排列对称, 长短适宜, 间距恰当; 标题排列应当使用梯形或菱形).

A title is 机关全称 + YYYY年 + 政府信息公开工作年度报告.  It may break only between parts that
read whole: after an organisation's name (…局, …委员会, …办公室, …支队), before or after the 和 that
joins two of them, after a place (…省, …市, …县, …区 when no word runs on: not 市|场), and before the
year: 「YYYY年政府信息公开工作年度报告」 stays one line.  Of the breaks that keep every line within the
2号 line, the fewest lines win; among those, breaks after whole organisations rather than places,
then a 梯形 (lines growing or shrinking) or 菱形 (longest in the middle) outline, then lines of
even length.  A part longer than a line (no break inside it reads whole) is cut as evenly as it
must be, which only a 21-character single word would need.
"""

from __future__ import annotations

import itertools
import re

# A 2号 (22 pt) title line in the 156 mm text block holds 20 characters.
TITLE_LINE_CHARS = 20
REPORT_NAME = "政府信息公开工作年度报告"

# Ends of an organisation's name: a break after them leaves both lines whole.  Longest first.
ORGANISATION_ENDS = ("管理委员会", "委员会", "管委会", "人民政府", "办公厅", "办公室", "管理局", "领导小组",
                     "总队", "支队", "大队", "中心", "政府", "局", "厅", "委", "署", "院", "所", "站", "办", "处")
# Ends of a place name; weaker breaks (…省 / …市 may also start a compound: 市场, 区域, 省级).
# (乡 is left out: 城乡建设局 must not break after 城乡.)
PLACE_ENDS = ("自治区", "自治州", "自治县", "街道", "新区", "开发区", "实验区", "省", "市", "州", "盟", "县",
              "区", "旗", "镇")
# After a place name, these start a compound rather than a new name (市场, 区域, 省级, 市直, 县委, 市政).
RUNS_ON = re.compile(r"^(?:场|域|级|属|直|委|政|内|外|民|情)")
# A body's own office stays with it: …委员会办公室, …领导小组办公室 never break before 办公室.
OWN_OFFICE = ("办公室", "办公厅")
ALL_ENDS = ORGANISATION_ENDS + PLACE_ENDS

STRONG, WEAK = 0, 1


def em_width(text: str) -> float:
    """Printed width in characters: ASCII (the year's digits) is half a Chinese character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _ends(text: str, position: int, ends: tuple[str, ...]) -> bool:
    return any(text.endswith(end, 0, position) for end in ends)


def _inside_an_end(text: str, position: int) -> bool:
    """The position cuts a longer name ending in two: 管理委 / 员会, 办 / 公室."""
    return any(text.startswith(end, start) for end in ALL_ENDS
               for start in range(max(position - len(end) + 1, 0), position) if start + len(end) > position)


def break_points(title: str, agency: str) -> dict[int, int]:
    """Positions a line may break at (index into `title`) → STRONG or WEAK."""
    points: dict[int, int] = {}
    name_end = len(agency) if title.startswith(agency) else 0
    for position in range(1, name_end):
        rest = title[position:name_end]
        if _inside_an_end(title, position) or rest.startswith(OWN_OFFICE):
            continue
        if _ends(title, position, ORGANISATION_ENDS):
            points[position] = STRONG
            if rest.startswith(("和", "与", "及")) and len(rest) > 1:
                points[position + 1] = STRONG  # …局和 / 海洋渔业执法支队 reads too
        elif _ends(title, position, PLACE_ENDS) and not RUNS_ON.match(rest):
            points.setdefault(position, WEAK)
    if name_end:
        points[name_end] = STRONG
    # 「2025年政府信息公开工作年度报告」 (15 characters) always fits a line and stays whole: it is
    # the line readers (and the importer, io/importer/front.py) recognise a report title by.
    report = title.rfind(REPORT_NAME)
    if report > 0:
        year = re.search(r"\d{4}年度?$", title[:report])
        if year and year.start() > 0:
            points[year.start()] = STRONG
        for inside in range(year.start() + 1 if year else report, len(title)):
            points.pop(inside, None)
    return {p: kind for p, kind in points.items() if 0 < p < len(title)}


# Lines within one character of each other count as equal: an outline is judged by eye.
SHAPE_TOLERANCE = 1.0


def _shape_penalty(widths: list[float]) -> int:
    """0 for a 梯形 (monotone) or 菱形 (rising then falling) outline, 1 for anything else (沙漏 …)."""
    if len(widths) <= 2:
        return 0
    t = SHAPE_TOLERANCE
    rising = all(a <= b + t for a, b in zip(widths, widths[1:]))
    falling = all(a + t >= b for a, b in zip(widths, widths[1:]))
    top = widths.index(max(widths))
    diamond = all(a <= b + t for a, b in zip(widths[:top + 1], widths[1:top + 1])) and \
        all(a + t >= b for a, b in zip(widths[top:], widths[top + 1:]))
    return 0 if rising or falling or diamond else 1


def title_lines(title: str, agency: str, max_chars: float = TITLE_LINE_CHARS) -> tuple[str, ...]:
    """The title's printed lines (one line when it fits)."""
    if em_width(title) <= max_chars:
        return (title,)
    points = break_points(title, agency)
    positions = sorted(points)
    best: tuple | None = None
    # Titles have a handful of break points; every combination is cheap to try (2^n, n ≲ 14).
    for count in range(1, len(positions) + 1):
        for chosen in itertools.combinations(positions, count):
            cuts = (0, *chosen, len(title))
            lines = [title[a:b] for a, b in zip(cuts, cuts[1:])]
            widths = [em_width(line) for line in lines]
            if max(widths) > max_chars:
                continue
            weak = sum(points[p] for p in chosen)
            spread = max(widths) - min(widths)
            # meaning first (whole organisations over places), then the outline, then evenness
            cost = (len(lines), weak, _shape_penalty(widths), spread)
            if best is None or cost < best[0]:
                best = (cost, tuple(lines))
        if best is not None:
            return best[1]
    return _cut_evenly(title, max_chars)


def _cut_evenly(title: str, max_chars: float) -> tuple[str, ...]:
    """No break reads whole within the line: cut into lines as even as the width allows."""
    count = int(-(-em_width(title) // max_chars))
    while True:
        target = em_width(title) / count
        lines, line = [], ""
        for ch in title:
            if line and em_width(line + ch) > target + 0.5:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
        if all(em_width(line) <= max_chars for line in lines):
            return tuple(lines)
        count += 1
