"""The incremental checker equals a full check_report after every one of many random edits."""

from __future__ import annotations

import random

import pytest

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.core.computed import full_table
from disclosure_desktop.core.live_checks import LiveChecker
from disclosure_desktop.io.project_file import load_project

from .conftest import SAMPLE, complete_report

STEPS = 600
VALUES = (None, 0, 0, 1, 2, 3, 5, 7, 12, -4, 2.5, 60000, 123456789)


def _previous_of(report):
    previous = report.model_copy(deep=True)
    previous.year = report.year - 1
    return previous


def _stated_totals(report, rng):
    """Totals as a source printed them: the computed ones, some of them wrong."""
    stated = {}
    for table in report.spec.tables:
        values = full_table(table, report.tables.get(table.id, {}))
        for row_id, column_id in table.computed_cells:
            value = values[row_id][column_id]
            stated.setdefault(table.id, {}).setdefault(row_id, {})[column_id] = (
                value if rng.random() < 0.7 else rng.choice(VALUES))
    return stated


@pytest.mark.parametrize("base, seed", [("sample", 1), ("complete", 2), ("complete", 3)])
def test_live_findings_equal_a_full_check_after_random_edits(base, seed):
    rng = random.Random(seed)
    report = load_project(SAMPLE).report if base == "sample" else complete_report(2022)
    previous = _previous_of(report) if seed != 3 else None
    stated = _stated_totals(report, rng) if seed != 2 else None
    preview: dict = {}

    def inputs(table_id):
        stored = report.tables.get(table_id, {})
        if preview.get("table") != table_id:
            return stored
        return {**stored, preview["row"]: {**stored.get(preview["row"], {}), preview["column"]: preview["value"]}}

    live = LiveChecker(report, previous, stated, inputs=inputs)
    sections = [s.id for s in report.spec.narrative_sections]
    texts = [report.narrative.get(s, "") for s in sections] + [
        "本年度共收到政府信息公开申请12件，行政复议3件，行政诉讼1件。", "收到申请5件", ""]
    kinds = ("cell", "cell", "cell", "preview", "preview", "narrative", "meta")
    for step in range(STEPS):
        kind = rng.choice(kinds)
        if kind in ("cell", "preview"):
            table = rng.choice(report.spec.tables)
            row, column = rng.choice(table.input_cells())
            old_preview = preview.get("table")  # the value typed before is gone from that table
            if kind == "preview":
                preview.update(table=table.id, row=row.id, column=column.id, value=rng.choice(VALUES))
            else:
                preview.clear()
                report.set_value(table.id, row.id, column.id, rng.choice(VALUES))
            found = live.update(tables={table.id, old_preview} - {None})
        elif kind == "narrative":
            section = rng.choice(sections)
            text = rng.choice(texts).replace("5", str(rng.randint(0, 20)))
            report.narrative[section] = text
            found = live.update(narrative=[section])
        else:
            change = rng.randrange(4)
            if change == 0:
                report.front.has_rulemaking_power = not report.front.has_rulemaking_power
            elif change == 1:
                report.fees.notices = rng.choice((None, 0, 2))
            elif change == 2 and live.findings:
                key = rng.choice(live.findings).key
                report.explanations[key] = rng.choice(("", "情况属实"))
            else:
                report.year = rng.choice((report.year, report.year + 1, 2020, 2025))
            found = live.run_all()
        with_preview = report.model_copy(update={"tables": {t.id: inputs(t.id) for t in report.spec.tables}})
        expected = check_report(with_preview, previous, stated)
        assert found == expected, f"step {step} ({kind})"
        assert live.findings is found


def test_an_edit_re_runs_only_the_rules_that_read_what_changed(sample):
    live = LiveChecker(sample)
    runs = []
    original = live._run
    live._run = lambda context, reads, rule: runs.append(rule.id) or original(context, reads, rule)
    live.update(tables=["s3"])
    table_rules = set(runs)
    runs.clear()
    live.update(narrative=["s1"])
    narrative_rules = set(runs)
    runs.clear()
    live.update()
    everything = {rule.id for rule in sample.spec.rules}
    assert table_rules and table_rules < everything
    assert narrative_rules and narrative_rules < everything
    assert runs == []  # nothing changed, nothing re-run
