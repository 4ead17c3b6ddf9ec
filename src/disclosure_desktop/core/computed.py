"""Computed cells (rules C2, C3, C4): totals derived from the input cells, never stored.

A total over parts that are all blank is blank; otherwise blanks count as 0, so a total grows
as the user fills its row.
"""

from __future__ import annotations

from typing import Mapping

from .formats import Table

TableValues = Mapping[str, Mapping[str, object]]  # row → column → value


def _sum(values) -> int | float | None:
    present = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not present:
        return None
    total = sum(present)
    return round(total, 6) if isinstance(total, float) else total


def computed_values(table: Table, inputs: TableValues) -> dict[tuple[str, str], int | float | None]:
    """Every computed cell of `table` from its input values, keyed by (row id, column id)."""
    result: dict[tuple[str, str], int | float | None] = {}

    def value(row_id: str, column_id: str):
        key = (row_id, column_id)
        if key in result:
            return result[key]
        if key not in table.computed_cells:
            return inputs.get(row_id, {}).get(column_id)
        for definition in table.computed:
            if definition.target_row == row_id:
                result[key] = _sum(value(r, column_id) for r in definition.sum_of_rows)
                return result[key]
            if definition.target_column == column_id:
                result[key] = _sum(value(row_id, c) for c in definition.sum_of_columns)
                return result[key]
        raise AssertionError(f"no definition computes {key}")  # pragma: no cover - format data error

    for row_id, column_id in table.computed_cells:
        value(row_id, column_id)
    return result


def full_table(table: Table, inputs: TableValues) -> dict[str, dict[str, object]]:
    """Input and computed values together: row → column → value, for display and export."""
    computed = computed_values(table, inputs)
    return {
        row.id: {
            column.id: computed[(row.id, column.id)] if (row.id, column.id) in computed
            else inputs.get(row.id, {}).get(column.id)
            for column in table.columns
        }
        for row in table.data_rows
    }


def computed_rule(table: Table, row_id: str, column_id: str) -> str:
    """The rule id (C2/C3/C4) that defines the computed cell (row_id, column_id)."""
    for definition in table.computed:
        if definition.target_row == row_id or definition.target_column == column_id:
            return definition.rule
    raise KeyError((row_id, column_id))
