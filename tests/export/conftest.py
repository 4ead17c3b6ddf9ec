"""Reports to export: the bundled sample (gov-2019) and a gov-2021 report whose every input cell
holds a different number, so a value printed in the wrong cell cannot go unnoticed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from disclosure_desktop.core.checks import blocking_findings, check_report
from disclosure_desktop.core.model import Report, new_report
from disclosure_desktop.io.project_file import load_project

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "kaizhou-edu-2019.gknb"

NARRATIVE_2021 = {
    "s1": "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开\n全年主动公开政府信息。\n"
          "（二）依申请公开\n依法办理政府信息公开申请。\n（三）政府信息管理\n加强政府信息管理。\n"
          "（四）政府信息公开平台建设\n做好门户网站建设。\n（五）监督保障\n1.加强考核\n将政务公开纳入年度考核。",
    "s5": "（一）上年度问题整改情况\n已全部整改。\n（二）存在的主要问题及改进措施\n公开的及时性有待提高，下一步将加强培训。",
    "s6": "本年度无其他需要报告的事项。",
}


def load_sample() -> Report:
    return load_project(SAMPLE).report


def filled_2021(year: int = 2023, agency: str = "某市某区市场监督管理局") -> Report:
    """A complete gov-2021 report that exports as final, with pairwise different input values."""
    report = new_report(year, agency)
    counter = iter(range(101, 10_000))
    for table in report.spec.tables:
        for row, column in table.input_cells():
            if table.id == "s3" and row.id == "carried_out":
                continue  # set below so that every column balances (C1)
            report.set_value(table.id, row.id, column.id, next(counter))
    report.set_value("s2_item8", "fees", "amount_wan", 12.75)
    s3 = report.spec.table("s3")
    leaves = [r.id for r in s3.data_rows if r.level >= 1 and r.id != "results_total"]
    for column in s3.columns:
        if column.computed:
            continue
        new = report.value("s3", "new", column.id) + 50_000 + 1000 * s3.columns.index(column)
        report.set_value("s3", "new", column.id, new)
        results = sum(report.value("s3", r, column.id) for r in leaves)
        report.set_value("s3", "carried_out", column.id, new + report.value("s3", "carried_in", column.id) - results)
    report.front.has_rulemaking_power = True
    report.front.published_on = dt.date(year + 1, 1, 20)
    report.front.published_at = "某市某区人民政府门户网站（www.example.gov.cn）"
    report.front.contact = "某市某区市场监督管理局办公室（地址：某市某区某路1号；邮编：100000；电话：010-12345678）"
    report.narrative = dict(NARRATIVE_2021)
    report.fees.notices, report.fees.amount_yuan, report.fees.collected_yuan = 3, 1200, 800.5
    inputs = [v for t in report.tables.values() for row in t.values() for v in row.values()]
    assert not check_report(report), "test report must be clean"
    assert len(inputs) == len(set(inputs)), "test data must be pairwise different"
    assert not blocking_findings(check_report(report)), "test report must export as final"
    return report


@pytest.fixture
def sample() -> Report:
    return load_sample()


@pytest.fixture
def report_2021() -> Report:
    return filled_2021()


# A 60-character agency name made of the parts titles are broken at (…委员会 / …局 / 和 / …支队 / …办公室).
LONG_AGENCY = "某某省某某市某某经济技术开发区管理委员会生态环境和城乡建设局海洋与渔业综合行政执法支队政务公开与信息化工作领导小组办公室"
WIDE_AMOUNT = 18651.064104  # 万元, a real figure's shape: five digits and six decimals


def big_figures_2021(agency: str = LONG_AGENCY) -> Report:
    """A balanced gov-2021 report with six-digit figures (pairwise different) in every table —
    table 三's received, carried-over and total figures; its 20 result rows hold four digits,
    which add up to six — and a fee amount of eleven digits: what narrow cells must hold.  Table
    四 prints fifteen figures side by side in 29 pt columns: three digits each (totals four),
    the most such a column holds at 五号."""
    report = filled_2021(agency=agency)
    counter = iter(range(100_001, 999_999, 37))
    small = iter(range(1_001, 9_999, 37))
    tiny = iter(range(101, 999, 7))
    s3 = report.spec.table("s3")
    for table in report.spec.tables:
        for row, column in table.input_cells():
            if table.id == "s3" and row.id in ("new", "carried_out"):
                continue
            if column.type.value == "decimal":
                report.set_value(table.id, row.id, column.id, WIDE_AMOUNT)
            else:
                report.set_value(table.id, row.id, column.id, next({"s3": small, "s4": tiny}.get(table.id, counter)))
    leaves = [r.id for r in s3.data_rows if r.level >= 1 and r.id != "results_total"]
    for column in s3.columns:
        if column.computed:
            continue
        carried_out = next(counter)
        results = sum(report.value("s3", r, column.id) for r in leaves)
        report.set_value("s3", "carried_out", column.id, carried_out)
        report.set_value("s3", "new", column.id, results + carried_out - report.value("s3", "carried_in", column.id))
    assert not blocking_findings(check_report(report)), "must export as final"
    return report
