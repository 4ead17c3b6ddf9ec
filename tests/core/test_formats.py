"""The format data against the spec: every id and label, verbatim, and the cell counts.

The expected values are parsed out of the spec's markdown (docs/spec/report-formats.md,
vendored as docs/spec/report-formats.md), not typed again here, so a label that drifts from the
spec fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_desktop.core.formats import ValueType, format_id_for_year, format_ids, get_format

ROOT = Path(__file__).resolve().parents[2]
VENDORED_SPEC = ROOT / "docs" / "spec" / "report-formats.md"
SPEC = VENDORED_SPEC.read_text("utf-8")
TICK = re.compile(r"`([^`]+)`")


def _section(title_start: str, next_start: str) -> str:
    start = SPEC.index(title_start)
    return SPEC[start:SPEC.index(next_start, start + 1)]


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not set(line) <= set("|- "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def _pairs(cell: str) -> list[tuple[str, str]]:
    """`id`: `label` · `id`: `label` → [(id, label), …]."""
    return re.findall(r"`([^`]+)`: `([^`]+)`", cell)


def test_section_titles():
    expected = [(TICK.findall(r[0])[0], TICK.findall(r[1])[0]) for r in _table_rows(_section("## Sections", "What the narrative"))]
    assert len(expected) == 6
    for format_id in format_ids():
        assert [(s.id, s.title) for s in get_format(format_id).sections] == expected


@pytest.mark.parametrize("format_id,heading,next_heading", [
    ("gov-2019", "### gov-2019", "### gov-2021"),
    ("gov-2021", "### gov-2021", "## Section 三"),
])
def test_section_two_tables(format_id, heading, next_heading):
    fmt = get_format(format_id)
    rows = _table_rows(_section(heading, next_heading))
    previous_columns = {}
    expected_ids = []
    for table_cell, caption_cell, columns_cell, rows_cell in rows:
        table_id = TICK.findall(table_cell)[0]
        expected_ids.append(table_id)
        columns = _pairs(columns_cell)
        if not columns:  # "same three as `s2_item5`"
            columns = previous_columns[TICK.findall(columns_cell)[0]]
        previous_columns[table_id] = columns
        table = fmt.table(table_id)
        assert table.caption == TICK.findall(caption_cell)[0]
        assert table.row_header == "信息内容"
        assert [(c.id, c.label) for c in table.columns] == columns
        assert [(r.id, r.label) for r in table.rows] == _pairs(rows_cell)
    assert [t.id for t in fmt.tables if t.section == "s2"] == expected_ids
    assert list(fmt.section("s2").tables) == expected_ids


def _s3_expected_rows(format_id: str) -> list[tuple[str | None, str]]:
    rows = []
    for id_cell, label_cell in _table_rows(_section("Rows (a line without an id", "gov-2019: 23 data rows")):
        only = re.search(r"\((gov-\d{4}) only\)|\((gov-\d{4})\)", id_cell + label_cell)
        if only and format_id not in only.groups():
            continue
        labels = TICK.findall(label_cell)
        if id_cell.startswith("—"):
            rows.append((None, labels[0]))
            continue
        ids = TICK.findall(id_cell)
        if "…" in id_cell:  # `withheld_1` … `withheld_8`
            stem, first = ids[0].rsplit("_", 1)
            last = ids[1].rsplit("_", 1)[1]
            ids = [f"{stem}_{n}" for n in range(int(first), int(last) + 1)]
        rows.extend(zip(ids, labels[:len(ids)]))
    return rows


@pytest.mark.parametrize("format_id", format_ids())
def test_table_three(format_id):
    table = get_format(format_id).table("s3")
    assert [(r.id, r.label) for r in table.rows] == _s3_expected_rows(format_id)
    columns = re.findall(r"`(\w+)` (\S+?)[,.]", _section("Column ids in value order", "There is no subtotal"))
    assert [(c.id, c.label) for c in table.columns] == columns
    assert all(c.type is ValueType.COUNT for c in table.columns)
    note = TICK.findall(_section("Header (both formats)", "```"))[0]
    header = table.print.header_rows
    assert header[0][0].text == note and header[0][0].rowspan == 3 and header[0][0].colspan == 3
    header_text = _section("Header (both formats)", "Column ids")
    for row in header:
        for cell in row[1:] if row is header[0] else row:
            assert cell.text in header_text


@pytest.mark.parametrize("format_id", format_ids())
def test_table_four(format_id):
    table = get_format(format_id).table("s4")
    text = _section("## Section 四", "Totals: gov-2019")
    groups = TICK.findall(text.split("Groups", 1)[1].split(";", 1)[0])
    columns = re.findall(r"`(\w+)`\s+([^\s,(`]+)", text.split("columns", 1)[1])
    assert [r.id for r in table.data_rows] == groups
    assert [(c.id, c.label) for c in table.columns] == columns
    printed = [cell.text for row in table.print.header_rows for cell in row]
    for label in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"):
        assert label in printed
    assert sum(cell.colspan for cell in table.print.header_rows[0]) == 15


def test_cell_counts_match_the_spec():
    totals = re.search(r"Totals: gov-2019 (\d+) \+ (\d+) \+ (\d+) = (\d+) cells; gov-2021 (\d+) \+ (\d+) \+ (\d+) = (\d+)", SPEC)
    expected = {"gov-2019": [int(x) for x in totals.groups()[:4]], "gov-2021": [int(x) for x in totals.groups()[4:]]}
    for format_id, (s2, s3, s4, total) in expected.items():
        fmt = get_format(format_id)
        per_section = {}
        for table in fmt.tables:
            per_section[table.section] = per_section.get(table.section, 0) + sum(1 for _ in table.cells())
        assert per_section == {"s2": s2, "s3": s3, "s4": s4}
        assert fmt.cell_count() == total
    assert get_format("gov-2019").cell_count() == 198
    assert get_format("gov-2021").cell_count() == 200


def test_value_types_follow_the_spec():
    f19, f21 = get_format("gov-2019"), get_format("gov-2021")
    assert f19.table("s2_item5").column("change").type is ValueType.SIGNED_COUNT
    assert f19.table("s2_item9").column("amount").type is ValueType.DECIMAL
    assert f19.table("s2_item9").column("amount").unit == "万元"
    assert f21.table("s2_item8").column("amount_wan").type is ValueType.DECIMAL
    signed_or_decimal = {(t.id, c.id) for f in (f19, f21) for t in f.tables for c in t.columns
                         if c.type is not ValueType.COUNT}
    assert signed_or_decimal == {("s2_item5", "change"), ("s2_item6", "change"), ("s2_item8", "change"),
                                 ("s2_item9", "amount"), ("s2_item8", "amount_wan")}


def test_computed_cells():
    for format_id in format_ids():
        fmt = get_format(format_id)
        s3, s4 = fmt.table("s3"), fmt.table("s4")
        assert {(r, c) for r, c in s3.computed_cells} == (
            {(r.id, "total") for r in s3.data_rows} | {("results_total", c.id) for c in s3.columns})
        assert s4.computed_cells == {(g, "total") for g in ("review", "suit_direct", "suit_after_review")}
        leaves = next(d for d in s3.computed if d.target_row).sum_of_rows
        data_ids = [r.id for r in s3.data_rows]
        assert list(leaves) == data_ids[2:data_ids.index("results_total")]
        for table in fmt.tables:
            if table.section == "s2":
                assert not table.computed_cells


# Rules the project adds beyond the vendored spec (which is read-only here), with their severity.

def test_rules_ids_and_severities_match_the_spec():
    spec_rules = {TICK.sub(r"\1", r[0]): r for r in _table_rows(_section("| id | rule |", "C2–C4 are best made"))}
    for format_id in format_ids():
        fmt = get_format(format_id)
        spec_ids = {r.id for r in fmt.rules if r.id in spec_rules}
        for rule in fmt.rules:
            if rule.id not in spec_rules:
                # the product's own rules (A…) never take an id the spec numbers (C…)
                assert rule.id.startswith("A") and rule.severity in ("error", "warning"), rule.id
                continue
            row = spec_rules[rule.id]
            assert row[-1].split()[0] in (rule.severity, "computed"), rule.id
        only = {"C11": "gov-2021", "C15": "gov-2021", "C17": "gov-2021", "C12": "gov-2019", "C13": "gov-2019"}
        expected = {rid for rid in spec_rules if only.get(rid, format_id) == format_id}
        assert spec_ids == expected


def test_format_chosen_by_year():
    assert format_id_for_year(2019) == format_id_for_year(2020) == "gov-2019"
    assert format_id_for_year(2021) == format_id_for_year(2026) == "gov-2021"
