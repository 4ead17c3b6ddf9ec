"""What is not filled yet is 未填, not a mistake, until the full check; badges count it exactly."""

from __future__ import annotations

import pytest

from disclosure_desktop.core.checks import ERROR, check_report
from disclosure_desktop.core.formats import format_ids, get_format
from disclosure_desktop.core.model import new_report
from disclosure_desktop.core.section_state import (BLANKS, CELL, CHECK, EMPTY, ERRORS, FIELD, SECTION, is_unfilled,
                                                   page_of_finding, page_states, split_findings, unfilled_kind)


def first_year(format_id: str) -> int:
    return get_format(format_id).first_year


@pytest.mark.parametrize("format_id", format_ids())
def test_unfilled_rules_are_rules_of_the_format(format_id):
    spec = get_format(format_id)
    assert spec.capabilities.unfilled_rules
    for rule_id in spec.capabilities.unfilled_rules:
        assert spec.has_rule(rule_id)


@pytest.mark.parametrize("format_id", format_ids())
def test_a_new_report_has_only_things_to_fill(format_id):
    report = new_report(first_year(format_id) + 1, "某某局")
    findings = check_report(report)
    split = split_findings(report.spec, findings, full_check=False)
    assert findings and not [f for f in split.problems if f.severity == ERROR]
    assert set(split.to_fill) == set(findings)
    cells = sum(1 for t in report.spec.tables for _ in t.input_cells())
    assert split.count(CELL) == cells
    assert split.count(SECTION) == len(report.spec.sections)
    assert split.to_fill_summary().startswith(f"还有 {cells} 个单元格、{len(report.spec.sections)} 个部分")
    # The full check (检查) shows every one of them as what the rule says: an error.
    checked = split_findings(report.spec, findings, full_check=True)
    assert checked.to_fill == () and checked.problems == tuple(findings)
    assert checked.to_fill_summary() == ""


def test_blank_fee_fields_are_fields_to_fill():
    report = new_report(2025, "某某局")
    fee_form = report.spec.capabilities.fee_form
    assert fee_form is not None
    split = split_findings(report.spec, check_report(report), full_check=False)
    fields = [f for f in split.to_fill if unfilled_kind(f) == FIELD]
    assert fields and all(f.section == fee_form.section for f in fields)
    assert split.to_fill_summary().endswith(f"{len(fields)} 个填写项未填")


def test_what_the_user_entered_is_a_problem_at_once():
    report = new_report(2025, "某某局")
    report.set_value("s3", "new", "natural", -3)  # a negative count: C5 with a value
    report.set_value("s3", "public", "commercial", 2)  # results without applications: unbalanced
    findings = check_report(report)
    split = split_findings(report.spec, findings, full_check=False)
    negative = [f for f in split.problems if f.row == "new" and f.column == "natural"]
    assert negative and negative[0].severity == ERROR and negative[0].actual == -3
    assert not is_unfilled(report.spec, negative[0])
    unbalanced = [f for f in split.problems if f.table == "s3" and f.column == "commercial" and f.row is None]
    assert unbalanced and unbalanced[0].severity == ERROR
    assert not [f for f in split.to_fill if f.actual is not None]


def test_badges_count_what_is_split():
    report = new_report(2025, "某某局")
    report.set_value("s3", "new", "natural", 2)
    report.set_value("s3", "public", "natural", 1)  # unbalanced: a problem
    findings = check_report(report)
    for full_check in (False, True):
        split = split_findings(report.spec, findings, full_check)
        states = page_states(report, findings, full_check)
        for page_id, state in states.items():
            mine = [f for f in split.problems if page_id in (CHECK, page_of_finding(report.spec, f))]
            errors = [f for f in mine if f.severity == ERROR and not f.acknowledged]
            blanks = [f for f in split.to_fill if page_id in (CHECK, page_of_finding(report.spec, f))]
            if state.status == ERRORS:
                assert state.count == len(errors)
            elif state.status == BLANKS:
                assert not errors and state.count == len(blanks)
            elif state.status == EMPTY:
                assert not errors and any(unfilled_kind(f) == SECTION for f in blanks)
        assert states["s3"].status == ERRORS
        assert (states["s1"].status == EMPTY) is (not full_check)
    assert page_states(report, findings, False)[CHECK].count < page_states(report, findings, True)[CHECK].count
