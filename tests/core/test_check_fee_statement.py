"""A3: in 六, nothing is reported after 「无其他需要报告的事项」 (it would then be untrue)."""

from __future__ import annotations

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.model import new_report

FEE = "本年度发出收费通知2件，收费通知总金额300元，实际收取总金额300元。"


def a3(report):
    return [f for f in check_report(report) if f.rule == "A3"]


@pytest.fixture(params=[2020, 2024], ids=["gov-2019", "gov-2021"])
def report(request):
    return new_report(request.param, "某县某局")


@pytest.mark.parametrize("text", [
    "本年度无其他需要报告的事项。" + FEE,
    "本机关没有其他需要报告的事项。\n" + FEE,
    "无其他需要报告的事项；本年度收取信息处理费0元。",
])
def test_fees_after_nothing_else_is_flagged(report, text):
    report.narrative["s6"] = text
    findings = a3(report)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning" and finding.section == "s6" and finding.key == "A3:s6"
    assert "前后矛盾" in finding.message and ("收费通知" in finding.actual or "信息处理费" in finding.actual)


@pytest.mark.parametrize("text", [
    FEE + "本年度无其他需要报告的事项。",                 # the fees, then nothing else: true
    "除信息处理费外，无其他需要报告的事项。",            # the fee mention comes before
    "本年度无其他需要报告的事项。",
    "2025年，无收取信息处理费情况。",                    # no "nothing else" sentence at all
    "",
])
def test_fees_before_or_without_nothing_else_pass(report, text):
    report.narrative["s6"] = text
    assert a3(report) == []


def test_explained_like_any_warning(report):
    report.narrative["s6"] = "无其他需要报告的事项。" + FEE
    report.explanations["A3:s6"] = "原文如此。"
    assert [f.acknowledged for f in a3(report)] == [True]
