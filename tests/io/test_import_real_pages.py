"""Real published pages (vendored in resources/samples/sources): what the import makes of them (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desktop.io.importer import import_report
from disclosure_desktop.io.importer.text_reader import split_run_on
from tests.io.import_fixtures.expect import assert_every_cell_accounted

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sources"
PINGTAN = SAMPLES / "pingtan-2025.txt"


@pytest.fixture(scope="module")
def pingtan():
    return import_report(PINGTAN), json.loads((SAMPLES / "pingtan-2025.tables.json").read_text("utf-8"))


def test_a_page_copied_without_line_breaks_is_read_not_refused(pingtan):
    """平潭综合实验区2025: the whole report on one line, table cells run together."""
    result, printed = pingtan
    assert (result.report.agency, result.report.year, result.report.format) == ("平潭综合实验区", 2025, "gov-2021")
    assert_every_cell_accounted(result)
    # Every cell read is the published figure; the rows whose numbers ran together are unread.
    tables = printed["tables_as_printed"]
    for table_id, row_id, column_id in result.read_cells:
        assert result.report.value(table_id, row_id, column_id) == tables[table_id][row_id][column_id]
    assert {(t, r) for t, r, _ in result.read_cells} == {
        ("s2_item5", "licensing"), ("s2_item6", "penalty"), ("s2_item6", "coercion"), ("s2_item8", "fees")}
    assert result.report.narrative["s5"].startswith("2025年，我区政府信息公开工作取得了一定成绩")
    assert result.report.narrative["s6"] == "2025年，无收取信息处理费情况。"


def test_no_false_alarms_on_the_real_page(pingtan):
    result, _ = pingtan
    # A 管委会-run zone reports as a government (due 3月31日; published 3月10日); the table
    # sections are there, only unread, so C19 does not call them missing; 18651-style 万元 is fine.
    assert result.report.front.agency_kind == "government"
    assert [f.rule for f in result.findings if f.rule not in ("C5",)] == []


def test_ordinary_lines_are_not_cut():
    line = "一、总体情况" + "本机关认真贯彻落实《条例》，二、主动公开政府信息情况" * 3
    assert split_run_on(line) == [line]
    assert split_run_on("行政许可2418") == ["行政许可2418"]
