"""Computed cells (rules C2, C3, C4): totals derived from the input cells, never stored.

A total over parts that are all blank is blank; otherwise blanks count as 0, so a total grows
as the user fills its row.
"""

from __future__ import annotations

from typing import Mapping

from .formats import Table

TableValues = Mapping[str, Mapping[str, object]]  # row → column → value


def _sum(values: list) -> int | float | None:
    present = [value for value in values if value is not None]  # the model admits only numbers
    if not present:
        return None
    total = sum(present)
    return round(total, 6) if type(total) is float else total


def computed_values(table: Table, inputs: TableValues) -> dict[tuple[str, str], int | float | None]:
    """Every computed cell of `table` from its input values, keyed by (row id, column id)."""
    values = full_table(table, inputs)
    return {(row_id, column_id): values[row_id][column_id] for (row_id, column_id), _parts in table.computation_plan}


def full_table(table: Table, inputs: TableValues) -> dict[str, dict[str, object]]:
    """Input and computed values together: row → column → value, for display and export.

    Worked out on every keystroke for the table being typed in: the rows start as copies of
    a blank row, and each total is summed from the values already in place (the plan puts
    parts before their totals)."""
    blank = dict.fromkeys(column.id for column in table.columns)
    empty: dict = {}
    values = {row.id: {**blank, **inputs.get(row.id, empty)} for row in table.data_rows}
    for (row_id, column_id), parts in table.computation_plan:
        values[row_id][column_id] = _sum([values[part_row][part_column] for part_row, part_column in parts])
    return values


def computed_rule(table: Table, row_id: str, column_id: str) -> str:
    """The rule id (C2/C3/C4) that defines the computed cell (row_id, column_id)."""
    for definition in table.computed:
        if definition.target_row == row_id or definition.target_column == column_id:
            return definition.rule
    raise KeyError((row_id, column_id))
