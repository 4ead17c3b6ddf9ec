"""汇总: the sum of every input cell over the units of one year and format.

The sums are held in a Report (agency 「N个单位汇总」), so the totals are computed by
core.computed like any report's and the official table layout comes from the same builder.
Units of another year or format, duplicates and unreadable files are listed with the reason
and never summed in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from typing import Iterable

from ..core.model import FeeReport, Report, new_report
from .units import Unit


# The title every exported 汇总 carries, and how a review recognises one that was saved into the
# folder it reads (it is no unit's report, whatever its file is called).
ROLLUP_TITLE = "{year}年政府信息公开工作年度报告汇总（{units}个单位）"
ROLLUP_TITLE_PATTERN = re.compile(r"\d{4}年政府信息公开工作年度报告汇总（\d+个单位）")


@dataclass(frozen=True)
class Excluded:
    unit: Unit
    reason: str


@dataclass
class Rollup:
    year: int
    format: str
    units: list[Unit]                                  # summed, in board order
    report: Report                                     # the sums (input cells only)
    excluded: list[Excluded] = field(default_factory=list)

    @property
    def tables(self) -> dict[str, dict[str, dict[str, object]]]:
        return self.report.tables

    @property
    def title(self) -> str:
        return ROLLUP_TITLE.format(year=self.year, units=len(self.units))


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    total = a + b
    # Decimal amounts (万元) are added as floats; 6 places is what core.computed keeps too.
    return round(total, 6) if isinstance(total, float) else total


def _sum(values: Iterable) -> object:
    """The sum of `values`, blanks passed over; None when all are blank."""
    return reduce(_add, values, None)


def sum_reports(reports: list[Report], year: int, format_id: str) -> Report:
    """A report holding, in each input cell, the sum of that cell over `reports` (blank where all are blank)."""
    total = new_report(year, f"{len(reports)}个单位汇总", format_id=format_id)
    for table in total.spec.tables:
        for row, column in table.input_cells():
            value = _sum(report.value(table.id, row.id, column.id) for report in reports)
            if value is not None:
                total.set_value(table.id, row.id, column.id, value)
    if total.spec.capabilities.fee_form is not None:  # 信息处理费 (section 六 of gov-2021)
        for name in FeeReport.model_fields:
            setattr(total.fees, name, _sum(getattr(report.fees, name) for report in reports))
    return total


def rollup_for(units: list[Unit], year: int, format_id: str) -> Rollup:
    summed: list[Unit] = []
    excluded: list[Excluded] = []
    for unit in units:
        if unit.missing:
            continue
        if not unit.readable:
            excluded.append(Excluded(unit, "无法读取"))
        elif unit.duplicate_of is not None:
            excluded.append(Excluded(unit, f"与“{unit.duplicate_of}”重复"))
        elif unit.year != year:
            excluded.append(Excluded(unit, f"年度不同（{unit.year}年）"))
        elif unit.format != format_id:
            excluded.append(Excluded(unit, f"格式不同（{unit.report.spec.name}）"))
        else:
            summed.append(unit)
    report = sum_reports([u.report for u in summed], year, format_id)
    return Rollup(year, format_id, summed, report, excluded)


def rollup_groups(units: list[Unit]) -> list[tuple[int, str]]:
    """(year, format) of every group of summable units, the largest first, then the latest year."""
    counts = Counter((u.year, u.format) for u in units if u.readable and u.duplicate_of is None)
    return sorted(counts, key=lambda key: (-counts[key], -key[0], key[1]))


def rollups(result) -> list[Rollup]:
    """One roll-up per year and format among the units of a ReviewResult's board; every other
    file of the folder (another year included) is listed with it as not summed in."""
    return [rollup_for(result.all_units, year, format_id) for year, format_id in rollup_groups(result.units)]
