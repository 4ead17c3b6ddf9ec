"""Next year's report from this year's."""

from disclosure_desktop.core.carry_forward import carry_forward
from disclosure_desktop.core.checks import check_report

from .conftest import complete_report


def test_carry_forward_copies_front_matter_and_carried_out():
    last = complete_report(2021)
    last.front.contact = "联系电话：023-12345678"
    last.front.agency_kind = "government"
    last.set_value("s3", "carried_out", "research", 0)
    this = carry_forward(last)
    assert (this.year, this.format, this.agency) == (2022, "gov-2021", last.agency)
    assert this.front.contact == last.front.contact and this.front.agency_kind == "government"
    assert this.front.published_on is None  # a new year gets a new date
    assert this.value("s3", "carried_in", "natural") == 2
    assert this.value("s3", "carried_in", "research") == 0
    assert this.value("s3", "new", "natural") is None  # only the carried-over row is filled
    assert this.previous.year == 2021 and this.previous.carried_out["natural"] == 2


def test_carry_forward_keeps_the_base_of_c11():
    last = complete_report(2021)
    last.set_value("s2_item1", "normative_docs", "in_force", 30)
    this = carry_forward(last)
    assert this.previous.in_force["normative_docs"] == 30
    this.set_value("s2_item1", "normative_docs", "issued", 2)
    this.set_value("s2_item1", "normative_docs", "repealed", 0)
    this.set_value("s2_item1", "normative_docs", "in_force", 31)
    c11 = [f for f in check_report(this) if f.rule == "C11"]
    assert [(f.expected, f.actual) for f in c11] == [(32, 31)]


def test_carry_forward_between_gov_2019_years_prefills_project_counts(sample):
    this = carry_forward(sample)
    assert this.format == "gov-2019" and this.year == 2020
    # 2019: 行政许可 14 items, change 0 → 2020 starts from 14
    assert this.value("s2_item5", "licensing", "prev_count") == 14
    assert this.previous.prev_count["s2_item5"]["licensing"] == 14


def test_carry_forward_into_the_new_format():
    last = complete_report(2020)  # gov-2019
    this = carry_forward(last)
    assert this.format == "gov-2021"
    assert this.value("s3", "carried_in", "natural") == 2
    assert not [f for f in check_report(this) if f.rule in ("C11", "C12")]


def test_copied_narrative_is_a_draft_flagged_until_rewritten(sample):
    this = carry_forward(sample)
    assert this.narrative == sample.narrative
    assert {f.section for f in check_report(this) if f.rule == "C21"} == {"s1", "s5"}


def test_the_note_says_what_the_format_carries_forward():
    from disclosure_desktop.core.carry_forward import carry_forward_note
    from disclosure_desktop.core.model import new_report

    within_2019 = carry_forward_note(new_report(2019, "某局"))
    assert within_2019.startswith("将从2019年度报告带入") and "“上一年项目数量”" in within_2019
    into_2021 = carry_forward_note(new_report(2020, "某局"))  # gov-2021 counts no projects
    assert "上一年项目数量" not in into_2021 and "“上年结转政府信息公开申请数量”各列" in into_2021
