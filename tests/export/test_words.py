"""Words of the printed report: the official format's full name, and a 六 whose fee sentence
never contradicts 「无其他需要报告的事项」."""

from __future__ import annotations

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import Heading, Paragraph, ParagraphRole

from .conftest import filled_2021, load_sample

FULL_NAMES = {
    "gov-2019": "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
    "gov-2021": "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
}


@pytest.mark.parametrize("make", [load_sample, filled_2021], ids=["gov-2019", "gov-2021"])
def test_opening_names_the_format_in_full(make):
    report = make()
    document = build_document(report, check_report(report), draft=False)
    opening = next(b for b in document.blocks if isinstance(b, Paragraph) and b.role is ParagraphRole.OPENING)
    assert FULL_NAMES[report.format] in opening.text


def _section_paragraphs(document, title: str) -> list[str]:
    texts, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text == title
        elif inside and isinstance(block, Paragraph) and block.role is ParagraphRole.BODY:
            texts.append(block.text)
    return texts


@pytest.mark.parametrize("s6", [
    "本年度无其他需要报告的事项。",
    "（一）政务公开工作要点落实情况\n已全部落实。\n（二）其他\n本机关无其他需要报告的事项。",
    "本年度政务公开工作创新情况：开设解读专栏。",
])
def test_fee_sentence_comes_before_nothing_else(s6):
    report = filled_2021()
    report.narrative["s6"] = s6
    document = build_document(report, check_report(report), draft=False)
    title = report.spec.section("s6").title
    printed = _section_paragraphs(document, title)
    fee = next(i for i, text in enumerate(printed) if "收费通知" in text)
    nothing = [i for i, text in enumerate(printed) if "无其他需要报告的事项" in text]
    assert all(fee < i for i in nothing)
    if not nothing:
        assert fee == len(printed) - 1  # no such sentence: the fees close the section
    # What is printed passes the check that flags the contradiction in typed text.
    report.narrative["s6"] = "\n".join(printed)
    assert [f for f in check_report(report) if f.rule == "A3"] == []
