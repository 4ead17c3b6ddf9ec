"""Assertions shared by the import tests."""

from __future__ import annotations

from disclosure_desktop.core.computed import full_table
from disclosure_desktop.core.model import Report
from disclosure_desktop.io.importer import ImportResult


def cell_differences(imported: Report, expected: Report) -> list[tuple]:
    """(table, row, column, imported, expected) for every cell — totals included — that differs
    in value or in type (32 vs 32.0 would print differently)."""
    differences = []
    assert imported.format == expected.format
    for table in expected.spec.tables:
        got = full_table(table, imported.tables.get(table.id, {}))
        want = full_table(table, expected.tables.get(table.id, {}))
        for row_id, columns in want.items():
            for column_id, value in columns.items():
                found = got[row_id][column_id]
                if found != value or type(found) is not type(value):
                    differences.append((table.id, row_id, column_id, found, value))
    return differences


def assert_same_report(result: ImportResult, expected: Report, *, narrative: bool = True) -> None:
    assert result.report.year == expected.year
    assert result.report.agency == expected.agency
    assert cell_differences(result.report, expected) == []
    assert result.report.tables == expected.tables  # inputs only: the totals are computed, not stored
    if narrative:
        for section in expected.spec.narrative_sections:
            assert result.report.narrative.get(section.id) == expected.narrative.get(section.id), section.id


def assert_every_cell_accounted(result: ImportResult) -> None:
    """Each cell of the format is read or listed as unread — never both, never neither."""
    fmt = result.report.spec
    every = {(t.id, r.id, c.id) for t in fmt.tables for r, c in t.cells()}
    unread = {(u.table, u.row, u.column) for u in result.unread if u.table}
    assert len(every) == result.cell_count
    assert result.read_cells | unread == every
    assert not result.read_cells & unread
    assert len(unread) == len([u for u in result.unread if u.table])  # each listed once
    # What was not read is blank in the project, never a silent 0.
    for table_id, row_id, column_id in unread:
        if not fmt.table(table_id).is_computed(row_id, column_id):
            assert result.report.value(table_id, row_id, column_id) is None
