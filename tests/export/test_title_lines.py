"""Title lines broken by meaning, in a 梯形 or 菱形 outline (GB/T 9704-2012 7.3.3)."""

from __future__ import annotations

import pytest

from disclosure_desktop.export.title_lines import (SHAPE_TOLERANCE, TITLE_LINE_CHARS, break_points, em_width,
                                                   title_lines)

from .conftest import LONG_AGENCY

CASES = {
    "重庆市开州区教育委员会": ("重庆市开州区教育委员会", "2025年政府信息公开工作年度报告"),
    "平潭综合实验区": ("平潭综合实验区", "2025年政府信息公开工作年度报告"),
    # the case: never 「…生态环境局和海洋 / 渔业执法支队」
    "福建省平潭综合实验区管理委员会生态环境局和海洋渔业执法支队": (
        "福建省平潭综合实验区管理委员会", "生态环境局和海洋渔业执法支队", "2025年政府信息公开工作年度报告"),
    "某市生态环境局和海洋渔业执法支队": ("某市生态环境局和海洋渔业执法支队", "2025年政府信息公开工作年度报告"),
    "某市某区市场监督管理局": ("某市某区市场监督管理局", "2025年政府信息公开工作年度报告"),  # not 某市 / 场…
    "某某市城乡建设和交通运输委员会办公室": ("某某市城乡建设和交通运输委员会办公室", "2025年政府信息公开工作年度报告"),
    "某局": ("某局2025年政府信息公开工作年度报告",),
}


@pytest.mark.parametrize("agency", sorted(CASES))
def test_breaks_fall_between_whole_parts(agency):
    title = f"{agency}2025年政府信息公开工作年度报告"
    assert title_lines(title, agency) == CASES[agency]


@pytest.mark.parametrize("agency", [*CASES, LONG_AGENCY, "中华人民共和国生态环境部", "某某自治州人民政府办公室",
                                    "某某省某某市某某县某某镇人民政府"])
@pytest.mark.parametrize("year", [2019, 2025])
def test_every_break_is_a_boundary_and_every_line_fits(agency, year):
    title = f"{agency}{year}年政府信息公开工作年度报告"
    lines = title_lines(title, agency)
    assert "".join(lines) == title
    assert all(em_width(line) <= TITLE_LINE_CHARS for line in lines)
    points = break_points(title, agency)
    position = 0
    for line in lines[:-1]:
        position += len(line)
        assert position in points, (line, title)
    # never inside a name's ending (管理委 / 员会) or before the body's own office; the year and
    # 政府信息公开工作年度报告 share the last line (the line a title is recognised by)
    for line in lines[1:]:
        assert not line.startswith(("员会", "公室", "办公室", "会")), lines
    assert lines[-1].endswith(f"{year}年政府信息公开工作年度报告")


def test_shape_is_a_trapezoid_or_diamond_when_one_exists():
    for agency in CASES:
        title = f"{agency}2025年政府信息公开工作年度报告"
        widths = [em_width(line) for line in title_lines(title, agency)]
        top = widths.index(max(widths))
        t = SHAPE_TOLERANCE  # lines within a character of each other count as equal
        assert all(a <= b + t for a, b in zip(widths[:top], widths[1:top + 1])), widths
        assert all(a + t >= b for a, b in zip(widths[top:], widths[top + 1:])), widths


def test_a_word_longer_than_a_line_is_still_cut_to_fit():
    agency = "甲" * 45
    lines = title_lines(f"{agency}2025年政府信息公开工作年度报告", agency)
    assert all(em_width(line) <= TITLE_LINE_CHARS for line in lines) and len(lines) >= 3
