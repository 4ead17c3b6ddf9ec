"""One printed cell → a value of its column, and what had to be assumed to get it.

Published tables write zero as `0`, `/`, `—` or nothing, pad numbers with U+2002, add units
(`160.5964万元`, `73802895.90元`, `3件`).  A value is parsed by core.values exactly like a typed
one; everything beyond that (a blank or dash read as 0, 元 converted to the column's 万元) is
returned as an assumption for the import report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...core.formats import Column, ValueType
from ...core.limits import NUMBER_DIGITS, quote
# Marks that published tables use for "none": the same set, and the same decision (0, named in
# the result), as a paste in the table editor.
from ...core.values import DECIMAL_PLACES, ZERO_MARKS, CellValueError, normalize_number_text, parse_cell_text

# Units a cell may carry, and their size in 万元 (money) or 1 (counted things).
MONEY_UNITS = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
COUNT_UNITS = ("件", "项", "个", "条", "次", "人次", "家", "宗", "例")
_UNIT = re.compile(r"^(?P<number>.*?\d)\s*(?P<unit>万元|亿元|元|人次|[件项个条次家宗例])$")
_NUMBER_LIKE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_SPACES = re.compile(r"[\s\u2000-\u200b\u3000]+")


def compact(text: str) -> str:
    return _SPACES.sub("", text)


def is_value_text(text: str, structured: bool) -> bool:
    """Whether a token is a table value (number, zero mark or – in a real table – an empty cell)
    rather than a label."""
    text = compact(text)
    if not text:
        return structured
    if text in ZERO_MARKS:
        return True
    match = _UNIT.match(text)
    if match:
        text = match.group("number")
    return bool(_NUMBER_LIKE.match(normalize_number_text(text)))


@dataclass(frozen=True)
class Reading:
    value: int | float | None = None  # None: the cell was blank (only for totals) or unreadable
    assumption: str | None = None  # what was assumed to get `value`
    error: str | None = None  # why no value could be read
    blank: bool = False


def _column_unit(column: Column) -> str | None:
    return column.unit if column.type is ValueType.DECIMAL else None


def read_value(text: str, column: Column, *, source_unit: str | None = None) -> Reading:
    """Parse a printed cell for `column`.  `source_unit` is a unit stated in the column header
    of the copy (e.g. 采购总金额（元）) that applies to bare numbers."""
    raw = text.strip()
    cleaned = compact(raw)
    if not cleaned:
        return Reading(0, "原文为空白，按0读取", blank=True)
    if cleaned in ZERO_MARKS:
        return Reading(0, f"原文为“{quote(cleaned)}”，按0读取")
    unit = None
    match = _UNIT.match(cleaned)
    if match:
        cleaned, unit = match.group("number"), match.group("unit")
    target = _column_unit(column)
    unit = unit or (source_unit if target else None)
    if unit in MONEY_UNITS:
        if target not in MONEY_UNITS:
            return Reading(error=f"原文“{quote(raw)}”带有金额单位，而该列是数量")
        return _money(raw, cleaned, MONEY_UNITS[unit] / MONEY_UNITS[target], unit, target, column)
    try:
        return Reading(parse_cell_text(cleaned, column.type))
    except CellValueError as error:
        return Reading(error=f"原文“{quote(raw)}”无法读取：{error}")


def _money(raw: str, number: str, factor: Decimal, unit: str, target: str, column: Column) -> Reading:
    normalized = normalize_number_text(number)
    try:
        amount = Decimal(normalized)
    except InvalidOperation:
        return Reading(error=f"原文“{quote(raw)}”不是金额")
    if factor == 1:
        try:
            return Reading(parse_cell_text(normalized, column.type))
        except CellValueError as error:
            return Reading(error=f"原文“{quote(raw)}”无法读取：{error}")
    if amount.adjusted() >= NUMBER_DIGITS + 8:  # far beyond any cell even in 亿元; Decimal's 28 digits overflow
        return Reading(error=f"原文“{quote(raw)}”数值过大（超过{NUMBER_DIGITS}位数字），请核对")
    converted = (amount * factor).normalize()
    if converted != converted.quantize(Decimal(1).scaleb(-DECIMAL_PLACES)):
        converted = converted.quantize(Decimal(1).scaleb(-DECIMAL_PLACES))
        note = "（按6位小数四舍五入）"
    else:
        note = ""
    text = format(converted, "f")
    try:
        value = parse_cell_text(text, column.type)
    except CellValueError as error:
        return Reading(error=f"原文“{quote(raw)}”换算为{target}后无法读取：{error}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Reading(value, f"原文为“{quote(raw.strip())}”{'' if unit in raw else f'（表头单位为{unit}）'}，"
                         f"已由{unit}换算为{text}{target}{note}")
