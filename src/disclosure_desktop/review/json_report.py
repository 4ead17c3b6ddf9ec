"""The review as JSON (the command line's --json): units with their findings, roll-ups, missing units."""

from __future__ import annotations

from ..core.checks import Finding
from .rollup import Rollup
from .units import Unit
from .workspace import ReviewResult


def finding_json(finding: Finding) -> dict:
    return {"rule": finding.rule, "severity": finding.severity, "table": finding.table, "row": finding.row,
            "column": finding.column, "message": finding.message}


def unit_json(unit: Unit) -> dict:
    return {"agency": unit.agency, "year": unit.year, "format": unit.format, "source": unit.source or None,
            "status": unit.status.value, "errors": unit.errors, "warnings": unit.warnings,
            "findings": [finding_json(f) for f in unit.open_findings]}


def rollup_json(rollup: Rollup) -> dict:
    """Input cells only (totals are derived); a blank cell of every unit stays out."""
    return {"year": rollup.year, "format": rollup.format, "units": [u.agency for u in rollup.units],
            "tables": {table_id: {row_id: dict(columns) for row_id, columns in rows.items() if columns}
                       for table_id, rows in rollup.tables.items()}}


def as_json(result: ReviewResult, rollups: list[Rollup] | None = None) -> dict:
    rollups = result.rollups() if rollups is None else rollups
    return {"units": [unit_json(u) for u in result.units], "rollups": [rollup_json(r) for r in rollups],
            "missing": result.missing}
