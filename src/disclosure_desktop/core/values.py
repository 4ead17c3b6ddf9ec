"""Cell values: what each value type accepts, how typed text becomes a value, how a value prints.

Used by the table editor (every keystroke), the paste handler and the importer, so that a
cell accepts exactly the same text wherever it comes from.
"""

from __future__ import annotations

import math
import re

from .formats import ValueType
from .limits import DECIMAL_PLACES, NUMBER_DIGITS, quote

CellValue = int | float | None

MAX_DIGITS = NUMBER_DIGITS  # more than 999 999 999 of anything in a yearly report is a typing error

# Full-width digits and signs (as typed with a Chinese input method) become ASCII.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


class CellValueError(ValueError):
    """Text that the cell's type does not allow; the message is shown to the user as is."""


def normalize_number_text(text: str) -> str:
    """Full-width to ASCII, drop spaces (incl. U+2002 padding) and thousands separators."""
    text = text.translate(_FULLWIDTH)
    text = re.sub(r"[\s\u2000-\u200b\u3000]+", "", text)
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    return text


def parse_cell_text(text: str, value_type: ValueType) -> CellValue:
    """Turn what a user typed or pasted into a cell value; '' means blank (None).

    Raises CellValueError with a Chinese explanation for anything else.
    """
    cleaned = normalize_number_text(text)
    if cleaned == "":
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise CellValueError(f"“{quote(text.strip())}”不是数字。{_ALLOWED[value_type]}")
    negative = cleaned.startswith("-")
    integer_part = cleaned.lstrip("+-").split(".")[0].lstrip("0")
    if len(integer_part) > MAX_DIGITS:
        raise CellValueError(f"数值过大（超过{MAX_DIGITS}位），请检查是否多输了数字。")
    if value_type is ValueType.DECIMAL:
        if negative:
            raise CellValueError(f"金额不能为负数。{_ALLOWED[value_type]}")
        if "." in cleaned and len(cleaned.split(".")[1]) > DECIMAL_PLACES:
            raise CellValueError(f"小数最多保留{DECIMAL_PLACES}位。")
        fraction = cleaned.split(".")[1] if "." in cleaned else ""
        value = float(f"{integer_part or '0'}.{fraction}" if fraction else (integer_part or "0"))
        return int(value) if value.is_integer() and "." not in cleaned else value
    if "." in cleaned:
        raise CellValueError(f"这里只能填写整数。{_ALLOWED[value_type]}")
    if negative and value_type is ValueType.COUNT:
        raise CellValueError(f"数量不能为负数。{_ALLOWED[value_type]}")
    # Leading zeros are dropped first: Python refuses to convert text of over 4300 digits.
    return int(("-" if negative else "") + (integer_part or "0"))


_ALLOWED = {
    ValueType.COUNT: "请填写0或正整数，没有的填0。",
    ValueType.SIGNED_COUNT: "请填写整数，减少时在前面加负号，例如 -3。",
    ValueType.DECIMAL: "请填写非负数，可带小数，单位为万元，例如 32.2。",
}


def allowed_text_hint(value_type: ValueType) -> str:
    return _ALLOWED[value_type]


_INPUT_RULE = {
    ValueType.COUNT: "此处只能填写不小于0的整数",
    ValueType.SIGNED_COUNT: "此处只能填写整数（减少时填负数，如 -3）",
    ValueType.DECIMAL: f"此处只能填写不小于0的数（最多{DECIMAL_PLACES}位小数）",
}


def input_rule(value_type: ValueType) -> str:
    """What a cell of this type takes, in one line: said whenever typed text is refused."""
    return _INPUT_RULE[value_type]


# What published tables and spreadsheets write for "none".  Paste and import decide the same:
# such a cell is read as 0 and named to the user, never taken silently.
ZERO_MARKS = frozenset({"/", "／", "\\", "-", "－", "–", "—", "——", "－－", "--", "——/", "无", "/无", "—/—"})


def is_zero_mark(text: str) -> bool:
    return text.strip() in ZERO_MARKS


def value_problem(value: object, value_type: ValueType) -> str | None:
    """Why a stored value is not valid for its type (None when it is). Blank is not a problem here."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and not math.isfinite(value)):
        return "不是数字"
    if value_type is ValueType.DECIMAL:
        return "金额不能为负数" if value < 0 else None
    if isinstance(value, float) and not value.is_integer():
        return "应为整数"
    if value_type is ValueType.COUNT and value < 0:
        return "数量不能为负数"
    return None


def format_value(value: CellValue) -> str:
    """How a value is shown and printed: integers plainly, decimals without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.{DECIMAL_PLACES}f}".rstrip("0").rstrip(".")
    return str(value)
