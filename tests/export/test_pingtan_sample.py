"""The second bundled sample (gov-2021): 平潭综合实验区2025年年报, rebuilt from its vendored sources."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from disclosure_desktop.core.checks import blocking_findings, check_report
from disclosure_desktop.core.computed import full_table
from disclosure_desktop.io.project_file import dumps_project, load_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pingtan-2025.gknb"
SOURCES = ROOT / "resources" / "samples" / "sources"


def _builder():
    spec = importlib.util.spec_from_file_location("build_pingtan_sample", ROOT / "scripts" / "build_pingtan_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def loaded():
    return load_project(SAMPLE)


def test_committed_sample_is_what_the_script_builds():
    assert SAMPLE.read_text(encoding="utf-8") == dumps_project(_builder().build())


def test_loads_without_notices_in_the_current_format(loaded):
    assert loaded.notices == [] and loaded.stated_totals == {}
    report = loaded.report
    assert report.format == report.spec.id and report.spec.first_year <= report.year
    assert report.agency == "平潭综合实验区" and report.year == 2025


def test_every_cell_equals_the_printed_tables(loaded):
    printed = json.loads((SOURCES / "pingtan-2025.tables.json").read_text(encoding="utf-8"))["tables_as_printed"]
    report = loaded.report
    compared = 0
    for table in report.spec.tables:
        values = full_table(table, report.tables.get(table.id, {}))
        # Every input cell of the format is filled from the source: none left blank or invented.
        for row, column in table.input_cells():
            assert printed[table.id][row.id][column.id] == values[row.id][column.id], (table.id, row.id, column.id)
            compared += 1
        for row_id, cells in printed[table.id].items():
            for column_id, value in cells.items():
                assert values[row_id][column_id] == value, (table.id, row_id, column_id)
    assert compared == sum(len(list(t.input_cells())) for t in report.spec.tables)


def test_totals_agree_with_the_published_text(loaded):
    """The page prints totals the JSON leaves out: 154 received, 148 handled, 6 carried over, 36 reviews."""
    report = loaded.report
    s3 = full_table(report.spec.table("s3"), report.tables["s3"])
    s4 = full_table(report.spec.table("s4"), report.tables["s4"])
    text = (SOURCES / "pingtan-2025.txt").read_text(encoding="utf-8")
    assert "共收到政府信息公开申请154件，共办结148件，结转至2026年6件" in text
    assert (s3["new"]["total"], s3["results_total"]["total"], s3["carried_out"]["total"]) == (154, 148, 6)
    assert "行政复议36起，行政诉讼9起" in text
    assert s4["review"]["total"] == 36 and s4["suit_direct"]["total"] + s4["suit_after_review"]["total"] == 9


def test_narrative_keeps_every_published_word(loaded):
    body = "".join((SOURCES / "pingtan-2025.txt").read_text(encoding="utf-8").split("\n\n", 1)[1].splitlines())
    report = loaded.report
    for section in report.spec.sections:
        if section.kind != "narrative":
            continue
        text = report.narrative[section.id]
        assert text.replace("\n", "") in body, section.id
        for paragraph in text.split("\n"):
            assert paragraph == paragraph.strip() and paragraph
    # Sub-headings （一）…（五） of 一 each start a paragraph.
    starts = [p[:3] for p in report.narrative["s1"].split("\n")]
    assert starts[1:] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    # No section runs into the next one's title.
    for section in report.spec.sections:
        assert not any(s.title in report.narrative.get(section.id, "") for s in report.spec.sections)


def test_checks_clean_apart_from_explained_findings(loaded):
    findings = check_report(loaded.report)
    assert not blocking_findings(findings)
    assert all(f.acknowledged for f in findings), [f.message for f in findings if not f.acknowledged]
    for key, explanation in loaded.report.explanations.items():
        assert any(f.key == key for f in findings), f"{key}: an explanation for a finding that is not there"
        assert re.match("示例说明：", explanation)


@pytest.mark.parametrize("extension", ["docx", "pdf", "html", "xlsx"])
def test_exports_as_final(loaded, tmp_path, extension):
    from disclosure_desktop.export import export_report

    result = export_report(loaded.report, tmp_path / f"年报.{extension}")
    assert not result.draft and result.path.stat().st_size > 1000
