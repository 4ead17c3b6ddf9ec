"""Which official format a copy's tables are in, from the tables themselves.

Each format has labels the other lacks (gov-2021: 本年制发件数, the sub-rows of （六）其他处理;
gov-2019: 本年新制作数量, 第二十条第（九）项 …).  They are computed from the format data, and a copy
is in the format more of whose own labels it contains.  The year decides only when the tables
say nothing; when they disagree with the year, the tables win (the report *was* written that
way) and the import says so, and C18 reports it as for any report.
"""

from __future__ import annotations

from functools import cache

from ...core.formats import Format, format_id_for_year, format_ids, get_format
from .labels import label_key


def _labels(fmt: Format) -> set[str]:
    keys = set()
    for table in fmt.tables:
        keys.update(label_key(text) for text in (table.caption, table.row_header) if text)
        keys.update(label_key(column.label) for column in table.columns)
        keys.update(label_key(row.label) for row in table.rows)
    return keys


@cache
def distinctive_labels() -> dict[str, frozenset[str]]:
    """format id → label keys found in no other format."""
    labels = {format_id: _labels(get_format(format_id)) for format_id in format_ids()}
    return {format_id: frozenset(keys - set().union(*(v for k, v in labels.items() if k != format_id)))
            for format_id, keys in labels.items()}


def structure_scores(texts: list[str]) -> dict[str, int]:
    """format id → how many of its distinctive labels the texts contain (cut-short ones too)."""
    keys = {label_key(text) for text in texts}
    keys.discard("")
    scores = {}
    for format_id, wanted in distinctive_labels().items():
        scores[format_id] = sum(1 for label in wanted
                                if label in keys or any(len(k) >= 4 and len(k) * 2 >= len(label) and label.startswith(k)
                                                        for k in keys))
    return scores


def decide_format(texts: list[str], year: int) -> tuple[str, str]:
    """(format id, a Chinese sentence saying how it was decided)."""
    by_year = format_id_for_year(year)
    scores = structure_scores(texts)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, best_score = ranked[0]
    tie = len(ranked) > 1 and ranked[1][1] == best_score
    if best_score == 0 or tie:
        fmt = get_format(by_year)
        return by_year, f"未能从表格结构判断格式，按{year}年度采用{fmt.name}（{by_year}）。"
    fmt = get_format(best)
    if best == by_year:
        return best, f"表格结构为{fmt.name}（{best}），与{year}年度相符。"
    required = get_format(by_year)
    return best, (f"注意：表格结构为{fmt.name}（{best}），而{year}年度报告应使用{required.name}（{by_year}）；"
                  f"已按原文的表格结构导入，检查结果中的C18会提示此问题。")
