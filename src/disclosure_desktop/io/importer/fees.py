"""信息处理费 figures stated in section 六 (gov-2021): 发出收费通知N件, 总金额X元, 实际收取X元.

Only read, never removed from the text: the narrative stays as published, and the figures go to
report.fees so that rule C15 and next year's report have them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...core.limits import NUMBER_DIGITS
from ...core.model import FeeReport

_NUMBER = r"(?P<n>\d[\d,，]*(?:\.\d+)?)"
_NOTICES = re.compile(rf"(?:发出|出具|送达)?收费通知(?:书)?(?:共|为)?\s*{_NUMBER}\s*(?:件|份|次)")
_AMOUNT = re.compile(rf"(?:收费通知)?(?:的)?总金额(?:共|为)?\s*{_NUMBER}\s*(?P<unit>万元|元)")
# "无收取信息处理费情况", "未发出收费通知", "没有收取信息处理费": none, i.e. 0 notices, 0 元.
_NONE = re.compile(r"(?:无|未|没有|不存在)(?:发出|发生)?(?:收取|收费)?(?:的)?(?:信息处理费|收费通知)")
_COLLECTED = re.compile(rf"实际收取(?:的)?(?:总金额|金额|费用|信息处理费)?(?:共|为)?\s*{_NUMBER}\s*(?P<unit>万元|元)")


def _amount(match: re.Match) -> int | float | None:
    try:
        value = Decimal(match.group("n").replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    if match.group("unit") == "万元":
        value *= 10000
    return int(value) if value == value.to_integral_value() else float(value)


def read_fees(text: str) -> FeeReport | None:
    """The fee figures of a section's text (all 0 where it says none were charged), or None
    when it says nothing of them."""
    notices = _NOTICES.search(text)
    amount = _AMOUNT.search(text)
    collected = _COLLECTED.search(text)
    if not (notices or amount or collected):
        return FeeReport(notices=0, amount_yuan=0, collected_yuan=0) if _NONE.search(text) else None
    count = None
    if notices:
        digits = notices.group("n").replace(",", "").replace("，", "")
        count = int(digits) if digits.isdigit() and len(digits) <= NUMBER_DIGITS else None  # no 4300-digit int()
    return FeeReport(notices=count, amount_yuan=_amount(amount) if amount else None,
                     collected_yuan=_amount(collected) if collected else None)
