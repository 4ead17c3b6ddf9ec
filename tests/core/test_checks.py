"""Every rule of the spec: a report that passes it and one that fails it."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_desktop.core.carry_forward import carry_forward, summarize_as_previous
from disclosure_desktop.core.checks import blocking_findings, check_report
from disclosure_desktop.core.formats import get_format

from .conftest import complete_report


def rules_found(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_complete_reports_are_clean(report_2019, report_2021):
    assert check_report(report_2019) == []
    assert check_report(report_2021) == []


def test_sample_checks_clean(sample):
    findings = check_report(sample)
    assert blocking_findings(findings) == []
    assert all(f.acknowledged for f in findings)  # only C20, explained in the sample


# C1 -------------------------------------------------------------------------------------------
def test_c1_unbalanced_column_reports_both_sums(report_2021):
    report_2021.set_value("s3", "public", "natural", 9)  # results now 10 + 2 carried out vs 6
    findings = rules_found(check_report(report_2021), "C1")
    assert [(f.column, f.expected, f.actual) for f in findings] == [("natural", 6, 12), ("total", 6, 12)]
    assert findings[0].message == "三、收到和处理申请情况「自然人」列：第一项+第二项=6，第三项总计+第四项=12，相差6"
    assert findings[0].severity == "error" and findings[0].blocking


def test_c1_balanced_passes(report_2021):
    report_2021.set_value("s3", "new", "commercial", 2)
    report_2021.set_value("s3", "withheld_4", "commercial", 2)
    assert rules_found(check_report(report_2021), "C1") == []


# C2–C4 (stated totals) ---------------------------------------------------------------------------
def test_c2_c3_c4_stated_totals(report_2021):
    correct = {"s3": {"results_total": {"natural": 4}, "new": {"total": 5}}, "s4": {"review": {"total": 0}}}
    assert check_report(report_2021, stated_totals=correct) == []
    wrong = {"s3": {"results_total": {"natural": 7}, "new": {"total": None}}, "s4": {"review": {"total": 3}}}
    findings = check_report(report_2021, stated_totals=wrong)
    by_rule = {f.rule: f for f in findings}
    assert set(by_rule) == {"C2", "C3", "C4"}
    assert (by_rule["C2"].expected, by_rule["C2"].actual) == (4, 7)
    assert "原文总计为7" in by_rule["C2"].message and "应为4" in by_rule["C2"].message
    assert by_rule["C3"].actual is None and "原文总计为空" in by_rule["C3"].message
    assert (by_rule["C4"].table, by_rule["C4"].row, by_rule["C4"].expected, by_rule["C4"].actual) == ("s4", "review", 0, 3)


# C5 / C6 -----------------------------------------------------------------------------------------
def test_c5_blank_negative_and_fractional_counts(report_2021):
    report_2021.set_value("s3", "public", "research", None)
    report_2021.set_value("s4", "review", "upheld", -1)
    report_2021.set_value("s2_item1", "normative_docs", "issued", 1.5)
    findings = rules_found(check_report(report_2021), "C5")
    assert {(f.table, f.row, f.column) for f in findings} == {
        ("s3", "public", "research"), ("s4", "review", "upheld"), ("s2_item1", "normative_docs", "issued")}
    messages = " ".join(f.message for f in findings)
    assert "未填写" in messages and "不能为负数" in messages and "应为整数" in messages


def test_c6_signed_change_and_decimal_amounts(report_2019):
    report_2019.set_value("s2_item5", "licensing", "change", -3)  # a decrease is fine
    report_2019.set_value("s2_item9", "central_procurement", "amount", 32.2)
    assert rules_found(check_report(report_2019), "C6") == []
    report_2019.set_value("s2_item5", "licensing", "change", 2.5)
    report_2019.set_value("s2_item9", "central_procurement", "amount", -1.0)
    findings = rules_found(check_report(report_2019), "C6")
    assert {(f.row, f.column) for f in findings} == {("licensing", "change"), ("central_procurement", "amount")}
    # 本年增/减 may be negative without C5 complaining
    assert rules_found(check_report(report_2019), "C5") == []


def test_c6_amount_wan_negative(report_2021):
    report_2021.set_value("s2_item8", "fees", "amount_wan", -0.5)
    assert [f.column for f in rules_found(check_report(report_2021), "C6")] == ["amount_wan"]


# C9 ----------------------------------------------------------------------------------------------
def test_c9_results_without_applications(report_2021):
    report_2021.set_value("s3", "unable_1", "legal_service", 2)
    findings = check_report(report_2021)
    c9 = rules_found(findings, "C9")
    assert [(f.column, f.row, f.actual) for f in c9] == [("legal_service", "unable_1", 2)]
    assert "本年新收和上年结转的申请都为0" in c9[0].message


def test_c9_passes_with_applications(report_2021):
    assert rules_found(check_report(report_2021), "C9") == []


# C10 ---------------------------------------------------------------------------------------------
def test_c10_pass_and_fail():
    last = complete_report(2021)  # carried_out natural = 2
    this = complete_report(2022)  # carried_in natural = 1
    findings = rules_found(check_report(this, last), "C10")
    assert [(f.column, f.expected, f.actual) for f in findings] == [("natural", 2, 1)]
    this.set_value("s3", "carried_in", "natural", 2)
    this.set_value("s3", "public", "natural", 4)  # keep C1 balanced
    assert rules_found(check_report(this, last), "C10") == []
    # Not last year's report: no comparison
    assert rules_found(check_report(complete_report(2024), last), "C10") == []


# C11 / C12 -----------------------------------------------------------------------------------------
def test_c11_in_force_continuity():
    last = complete_report(2021)
    last.set_value("s2_item1", "normative_docs", "in_force", 20)
    this = complete_report(2022)
    this.set_value("s2_item1", "normative_docs", "issued", 3)
    this.set_value("s2_item1", "normative_docs", "repealed", 1)
    this.set_value("s2_item1", "normative_docs", "in_force", 22)
    assert rules_found(check_report(this, last), "C11") == []
    this.set_value("s2_item1", "normative_docs", "in_force", 25)
    findings = rules_found(check_report(this, last), "C11")
    assert [(f.row, f.expected, f.actual) for f in findings] == [("normative_docs", 22, 25)]
    # Against a gov-2019 year the rule does not apply
    assert rules_found(check_report(this, complete_report(2020)), "C11") == []


def test_c12_project_count_continuity():
    last = complete_report(2019)
    last.set_value("s2_item5", "licensing", "prev_count", 14)
    last.set_value("s2_item5", "licensing", "change", -2)
    this = complete_report(2020)
    this.set_value("s2_item5", "licensing", "prev_count", 12)
    assert rules_found(check_report(this, last), "C12") == []
    this.set_value("s2_item5", "licensing", "prev_count", 14)
    findings = rules_found(check_report(this, last), "C12")
    assert [(f.table, f.row, f.expected, f.actual) for f in findings] == [("s2_item5", "licensing", 12, 14)]


# C13 / C14 -----------------------------------------------------------------------------------------
def test_c13_total_published_not_less_than_new(report_2019):
    report_2019.set_value("s2_item1", "normative_docs", "new_published", 6)
    report_2019.set_value("s2_item1", "normative_docs", "total_published", 25)
    assert rules_found(check_report(report_2019), "C13") == []
    report_2019.set_value("s2_item1", "normative_docs", "total_published", 5)
    assert [f.row for f in rules_found(check_report(report_2019), "C13")] == ["normative_docs"]


def test_c14_regulations_need_rulemaking_power(report_2021):
    report_2021.set_value("s2_item1", "regulations", "issued", 2)
    findings = rules_found(check_report(report_2021), "C14")
    assert len(findings) == 1 and findings[0].severity == "warning"
    report_2021.front.has_rulemaking_power = True
    assert rules_found(check_report(report_2021), "C14") == []


# C15 -------------------------------------------------------------------------------------------
def test_c15_unpaid_fee_applications_need_fee_report(report_2021):
    report_2021.set_value("s3", "other_2", "natural", 1)
    report_2021.set_value("s3", "public", "natural", 2)  # keep C1 balanced
    assert [f.section for f in rules_found(check_report(report_2021), "C15")] == ["s6"]
    report_2021.narrative["s6"] = "本年度共发出收费通知2件，总金额300元，实际收取0元。"
    assert rules_found(check_report(report_2021), "C15") == []
    report_2021.narrative["s6"] = "无。"
    report_2021.fees.notices = 2
    assert rules_found(check_report(report_2021), "C15") == []


# C16 -------------------------------------------------------------------------------------------
def test_c16_figures_in_the_text_match_the_tables(report_2021):
    report_2021.narrative["s1"] += "\n本年度共收到政府信息公开申请5件，行政复议0件。"
    assert rules_found(check_report(report_2021), "C16") == []
    report_2021.narrative["s1"] += "\n全年收到政府信息公开申请7件。"
    findings = rules_found(check_report(report_2021), "C16")
    assert [(f.section, f.expected, f.actual) for f in findings] == [("s1", 5, 7)]
    assert "收到政府信息公开申请7件" in findings[0].message


def test_c16_no_applications_stated_but_table_has_some(report_2021):
    report_2021.narrative["s1"] += "\n本年度没有收到政府信息公开申请。"
    findings = rules_found(check_report(report_2021), "C16")
    assert [(f.expected, f.actual) for f in findings] == [(5, 0)]


def test_c16_no_applications_stated_and_table_has_none(report_2021):
    """The positive twin of the test above: the same sentence passes when the table agrees."""
    for column in report_2021.spec.table("s3").columns:
        if not column.computed:
            report_2021.set_value("s3", "new", column.id, 0)
    report_2021.narrative["s1"] += "\n本年度没有收到政府信息公开申请。"
    assert rules_found(check_report(report_2021), "C16") == []
    report_2021.set_value("s3", "new", "natural", 1)
    assert [(f.expected, f.actual) for f in rules_found(check_report(report_2021), "C16")] == [(1, 0)]


def test_c16_sample_says_no_applications_and_has_none(sample):
    assert "没有收到政府信息公开申请" in sample.narrative["s1"]
    assert rules_found(check_report(sample), "C16") == []


@pytest.mark.parametrize("wording", [
    "本年收到申请34件。", "共收到政府信息公开申请共计34件。", "全年收到各类政府信息公开申请34件。",
    "新收政府信息公开申请34件。", "共收到政府信息公开申请３４件。", "共收到政府信息公开申请三十四件。",
    "共收到政府信息公开申请34 件。",
])
def test_c16_a_different_number_in_real_wording_is_caught(report_2021, wording):
    report_2021.set_value("s3", "new", "natural", 32)  # 新收 total 32 + the fixture's other columns
    in_table = report_2021.value("s3", "new", "natural") + sum(
        report_2021.value("s3", "new", c.id) or 0 for c in report_2021.spec.table("s3").columns[1:6])
    assert in_table != 34
    report_2021.narrative["s1"] += "\n" + wording
    findings = rules_found(check_report(report_2021), "C16")
    assert [(f.expected, f.actual) for f in findings] == [(in_table, 34)]
    assert findings[0].severity == "warning"
    quoted = findings[0].message.split("写的是“")[1].split("”")[0]
    assert quoted and quoted in wording  # as written, not as reworded


def test_c16_the_same_number_in_real_wording_passes(report_2021):
    in_table = sum(report_2021.value("s3", "new", c.id) or 0 for c in report_2021.spec.table("s3").columns[:6])
    report_2021.narrative["s1"] += f"\n全年共收到各类政府信息公开申请共计{in_table}件，办结率100%。"
    assert rules_found(check_report(report_2021), "C16") == []


# C17 -------------------------------------------------------------------------------------------
def test_c17_amount_looks_like_yuan(report_2021):
    report_2021.set_value("s2_item8", "fees", "amount_wan", 25.1)
    assert rules_found(check_report(report_2021), "C17") == []
    report_2021.set_value("s2_item8", "fees", "amount_wan", 251000)
    findings = rules_found(check_report(report_2021), "C17")
    assert len(findings) == 1 and "25.1" in findings[0].message


@pytest.mark.parametrize("agency,amount,suspicious", [
    ("平潭综合实验区", 18651.064104, False),  # a real, correct figure of a county-level zone
    ("某市某区市场监督管理局", 18651.064104, False),
    ("某某县住房和城乡建设局", 4166.241619, False),
    ("某某县住房和城乡建设局", 186510641.04, True),  # the same amount typed in 元
    ("某某市财政局", 500000, False), ("某某市财政局", 5000000, True),
    ("广东省财政厅", 5000000, False), ("广东省财政厅", 50000000, True),
])
def test_c17_decides_by_magnitude_for_the_agency_level(report_2021, agency, amount, suspicious):
    report_2021.agency = agency
    report_2021.set_value("s2_item8", "fees", "amount_wan", amount)
    findings = rules_found(check_report(report_2021), "C17")
    assert bool(findings) is suspicious


# C18 -------------------------------------------------------------------------------------------
def test_c18_format_must_match_year(report_2021):
    assert rules_found(check_report(report_2021), "C18") == []
    report_2021.format = "gov-2019"
    for table in get_format("gov-2019").tables:  # make the old-format tables complete
        for row, column in table.input_cells():
            if report_2021.value(table.id, row.id, column.id) is None:
                report_2021.set_value(table.id, row.id, column.id, 0)
    findings = rules_found(check_report(report_2021), "C18")
    assert len(findings) == 1 and findings[0].blocking
    assert "国办公开办函〔2021〕30号" in findings[0].message
    report_2021.explanations[findings[0].key] = "上级要求沿用旧格式"
    assert blocking_findings(check_report(report_2021)) == []


# C19 -------------------------------------------------------------------------------------------
def test_c19_every_section_present(report_2021):
    report_2021.narrative["s5"] = "  \n "
    report_2021.tables["s4"] = {}
    findings = rules_found(check_report(report_2021), "C19")
    assert [f.section for f in findings] == ["s4", "s5"]


def test_c19_renamed_heading_inside_another_section_is_a_warning_with_the_official_title(report_2021):
    body = "（一）上年度问题整改情况\n已整改。"
    report_2021.narrative["s5"] = ""
    report_2021.narrative["s1"] += "\n五、存在的主要问题及改进措施\n" + body
    findings = rules_found(check_report(report_2021), "C19")
    assert [(f.section, f.severity) for f in findings] == [("s5", "warning")]
    assert "五、存在的主要问题及改进情况" in findings[0].message and "还没有内容" not in findings[0].message
    assert not findings[0].blocking


@pytest.mark.parametrize("heading", ["六、其他需报告的事项", "五、其他需要报告的事项", "六、其他需要报告的事项（无）"])
def test_c19_renumbered_or_reworded_sixth_section(report_2021, heading):
    report_2021.narrative["s6"] = ""
    report_2021.narrative["s5"] += f"\n{heading}\n本机关无其他需要报告的事项。"
    findings = rules_found(check_report(report_2021), "C19")
    assert [(f.section, f.severity) for f in findings] == [("s6", "warning")]


def test_c19_an_empty_section_without_its_heading_anywhere_is_still_an_error(report_2021):
    report_2021.narrative["s6"] = ""
    report_2021.narrative["s5"] += "\n三、收到和处理申请情况\n见上表。"  # another section's heading
    findings = rules_found(check_report(report_2021), "C19")
    assert [(f.section, f.severity) for f in findings] == [("s6", "error")]


# C20 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind,day,late", [
    ("department", dt.date(2023, 1, 31), False), ("department", dt.date(2023, 2, 1), True),
    ("government", dt.date(2023, 3, 31), False), ("government", dt.date(2023, 4, 1), True),
])
def test_c20_publication_deadline(report_2021, kind, day, late):
    report_2021.front.agency_kind = kind
    report_2021.front.published_on = day
    findings = rules_found(check_report(report_2021), "C20")
    assert bool(findings) is late
    if late:
        assert not findings[0].blocking and "第四十九条" in findings[0].message


# C21 -------------------------------------------------------------------------------------------
def test_c21_copied_narrative_warns_until_rewritten():
    last = complete_report(2021)
    last.narrative["s5"] = "信息公开工作还存在一些不足，主要是公开内容不够全面，解读回应不够及时，" * 2
    this = carry_forward(last)
    assert {f.section for f in rules_found(check_report(this), "C21")} == {"s1", "s5"}  # s6 too short to judge
    this.narrative["s5"] = "本年度重点整改了公开不及时的问题，新建了政策解读审核流程，培训信息员三次，群众满意度提高。"
    assert {f.section for f in rules_found(check_report(this), "C21")} == {"s1"}


# A1 / A2 (the product's own rules) ----------------------------------------------------------------
def test_a1_placeholder_left_by_a_draft_is_an_error(report_2021):
    from disclosure_desktop.core.narrative_templates import drafts_for
    from disclosure_desktop.core.computed import full_table

    assert rules_found(check_report(report_2021), "A1") == []
    for column in report_2021.spec.table("s3").columns:  # a blank row the draft names
        if not column.computed:
            report_2021.set_value("s3", "carried_out", column.id, None)
    values = lambda t: full_table(report_2021.spec.table(t), report_2021.tables.get(t, {}))  # noqa: E731
    draft = drafts_for(report_2021, values, "s1")[0]
    assert "（未填）" in draft.text
    report_2021.narrative["s1"] += "\n" + draft.text
    findings = rules_found(check_report(report_2021), "A1")
    assert [(f.section, f.severity, f.actual) for f in findings] == [("s1", "error", 1)]
    assert findings[0] in blocking_findings(check_report(report_2021))
    assert "“（未填）”" in findings[0].message and "结转下年度继续办理" in findings[0].message


def test_a2_blank_fee_fields_are_findings_not_zero(report_2021):
    assert rules_found(check_report(report_2021), "A2") == []
    report_2021.fees.amount_yuan = None
    findings = rules_found(check_report(report_2021), "A2")
    assert [(f.section, f.column, f.actual) for f in findings] == [("s6", "amount_yuan", None)]
    assert "收费通知总金额（元）" in findings[0].message and findings[0].blocking


def test_a3_fee_sentence_after_nothing_else_is_a_warning(report_2021):
    report_2021.narrative["s6"] = "本年度无其他需要报告的事项。本年度发出收费通知2件，收费通知总金额300元。"
    findings = rules_found(check_report(report_2021), "A3")
    assert [(f.severity, f.section) for f in findings] == [("warning", "s6")]
    report_2021.narrative["s6"] = "本年度发出收费通知2件，收费通知总金额300元。本年度无其他需要报告的事项。"
    assert rules_found(check_report(report_2021), "A3") == []  # more cases: test_check_fee_statement.py


# every rule ------------------------------------------------------------------------------------
ALL_RULES = sorted({(f, r.id) for f in ("gov-2019", "gov-2021") for r in get_format(f).rules})


@pytest.mark.parametrize("format_id, rule_id", ALL_RULES)
def test_every_rule_has_a_passing_and_a_failing_case(format_id, rule_id, report_2019, report_2021):
    """Passing: the complete report of the format has no finding of the rule.  Failing: this
    module has a test named after the rule (test_c16_…) that provokes it."""
    complete = {"gov-2019": report_2019, "gov-2021": report_2021}[format_id]
    assert rules_found(check_report(complete), rule_id) == []
    prefix = "test_c2_c3_c4_" if rule_id in ("C2", "C3", "C4") else f"test_{rule_id.lower()}_"
    named = [name for name in globals() if name.startswith(prefix)]
    assert named, f"no test provokes {rule_id}"


# acknowledgement -------------------------------------------------------------------------------
def test_explanation_acknowledges_warnings_but_not_errors(report_2021):
    report_2021.set_value("s2_item1", "regulations", "issued", 2)  # C14 warning
    report_2021.set_value("s3", "public", "natural", 9)  # C1 error
    findings = check_report(report_2021)
    c14 = rules_found(findings, "C14")[0]
    c1 = rules_found(findings, "C1")[0]
    report_2021.explanations[c14.key] = "本机关为设区的市政府，有规章制定权"
    report_2021.explanations[c1.key] = "试图说明一个错误"
    findings = check_report(report_2021)
    assert rules_found(findings, "C14")[0].acknowledged
    assert not rules_found(findings, "C1")[0].acknowledged
    assert rules_found(findings, "C1")[0] in blocking_findings(findings)


def test_summary_of_previous_year_is_enough(report_2021):
    last = complete_report(2021)
    with_file = check_report(report_2021, last)
    with_summary = check_report(report_2021, summarize_as_previous(last))
    assert with_file == with_summary and with_file


@pytest.mark.parametrize("line,title,same", [
    ("四、政府信息公开行政复议与行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况", True),
    ("二 主动公开政府信息情况（有关情况附表）", "二、主动公开政府信息情况", True),
    ("四、政府信息公开行政法复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况", False),
    ("四、结转下年度继续办理", "四、政府信息公开行政复议、行政诉讼情况", None),  # table 三's last row
    ("三、本年度办理结果", "三、收到和处理政府信息公开申请情况", None),
    ("二、依申请公开情况", "二、主动公开政府信息情况", None),  # a sub-heading of 一
    ("一是加强培训", "一、总体情况", None),
])
def test_c19_heading_likeness(line, title, same):
    from disclosure_desktop.core.checks import heading_likeness

    likeness = heading_likeness(line, title)
    assert (likeness == 1.0) if same else (0 < likeness < 1) if same is False else likeness == 0
