"""Reports to check: complete, balanced reports of both formats, built through the public API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from disclosure_desktop.core.formats import get_format
from disclosure_desktop.core.model import Report, new_report
from disclosure_desktop.io.project_file import load_project

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "kaizhou-edu-2019.gknb"

NARRATIVE = {
    "s1": "（一）主动公开\n本年度主动公开政府信息，按规定及时准确公开。\n（二）依申请公开\n依法办理政府信息公开申请。\n"
          "（三）政府信息管理\n加强政府信息管理。\n（四）政府信息公开平台建设\n做好门户网站建设。\n（五）监督保障\n加强考核。",
    "s5": "（一）上年度问题整改情况\n已整改。\n（二）存在的主要问题及改进措施\n信息公开的及时性有待提高，下一步将加强培训。",
    "s6": "本年度未收取信息处理费。",
}


def complete_report(year: int = 2022, agency: str = "某市某区市场监督管理局") -> Report:
    """A report whose every input cell is filled, balanced, with all sections written."""
    report = new_report(year, agency)
    for table in report.spec.tables:
        for row, column in table.input_cells():
            report.set_value(table.id, row.id, column.id, 0)
    # Some applications that balance: 5 new + 1 carried in = 4 results + 2 carried out (自然人).
    report.set_value("s3", "new", "natural", 5)
    report.set_value("s3", "carried_in", "natural", 1)
    report.set_value("s3", "public", "natural", 3)
    report.set_value("s3", "partial", "natural", 1)
    report.set_value("s3", "carried_out", "natural", 2)
    report.narrative = dict(NARRATIVE)
    if report.spec.capabilities.fee_form is not None:  # 信息处理费: none, reported as 0
        report.fees.notices, report.fees.amount_yuan, report.fees.collected_yuan = 0, 0, 0
    report.front.published_on = dt.date(year + 1, 1, 20)
    return report


@pytest.fixture
def report_2021() -> Report:
    return complete_report(2022)


@pytest.fixture
def report_2019() -> Report:
    return complete_report(2020)


@pytest.fixture
def sample() -> Report:
    return load_project(SAMPLE).report


def table_ids(format_id: str) -> list[str]:
    return [t.id for t in get_format(format_id).tables]
