"""What a cell accepts: typed and pasted text → value, or a Chinese refusal."""

import pytest

from disclosure_desktop.core.formats import ValueType
from disclosure_desktop.core.values import CellValueError, format_value, parse_cell_text, value_problem

COUNT, SIGNED, DECIMAL = ValueType.COUNT, ValueType.SIGNED_COUNT, ValueType.DECIMAL


@pytest.mark.parametrize("text,value_type,expected", [
    ("12", COUNT, 12), ("１２", COUNT, 12), ("\u2002 0", COUNT, 0), ("0\u2002", COUNT, 0), ("1,234", COUNT, 1234),
    ("", COUNT, None), ("  ", COUNT, None), ("-3", SIGNED, -3), ("+2", SIGNED, 2), ("－５", SIGNED, -5),
    ("32.2", DECIMAL, 32.2), ("7539.443252", DECIMAL, 7539.443252), ("25", DECIMAL, 25), ("３２．５", DECIMAL, 32.5),
    ("999999999", COUNT, 999999999),
])
def test_accepted(text, value_type, expected):
    value = parse_cell_text(text, value_type)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text,value_type,reason", [
    ("abc", COUNT, "不是数字"), ("/", COUNT, "不是数字"), ("—", COUNT, "不是数字"), ("-1", COUNT, "不能为负数"),
    ("1.5", COUNT, "只能填写整数"), ("1.5", SIGNED, "只能填写整数"), ("-0.1", DECIMAL, "不能为负数"),
    ("1000000000", COUNT, "超过9位"), ("1.1234567", DECIMAL, "最多保留6位"), ("12元", DECIMAL, "不是数字"),
])
def test_refused_with_a_reason(text, value_type, reason):
    with pytest.raises(CellValueError, match=reason):
        parse_cell_text(text, value_type)


def test_value_problems():
    assert value_problem(3, COUNT) is None and value_problem(None, COUNT) is None
    assert value_problem(-1, COUNT) == "数量不能为负数"
    assert value_problem(2.5, SIGNED) == "应为整数"
    assert value_problem(-2, SIGNED) is None
    assert value_problem(float("nan"), DECIMAL) == "不是数字"
    assert value_problem(True, COUNT) == "不是数字"


@pytest.mark.parametrize("value,text", [(None, ""), (0, "0"), (32.2, "32.2"), (25.0, "25"), (7539.443252, "7539.443252"), (-3, "-3")])
def test_format_value(value, text):
    assert format_value(value) == text
