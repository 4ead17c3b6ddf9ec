"""Chinese line breaking of the PDF renderer (export/line_breaking.py): kinsoku, Latin words, widths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desktop.export.line_breaking import NO_LINE_END, NO_LINE_START, SPACES, atoms, break_lines

EM = 16.0


def fixed_width(text: str) -> float:
    """A Chinese character is 1 em, an ASCII character half of it (as in the 仿宋 fonts)."""
    return sum(EM / 2 if c.isascii() else EM for c in text)


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def test_no_line_starts_with_closing_punctuation():
    # 27 characters fit; the 28th is a comma, which must not begin the next line.
    text = "一" * 27 + "，二三四。"
    lines = break_lines(text, 27 * EM, fixed_width)
    assert texts(lines) == ["一" * 26, "一，二三四。"]


def test_no_line_ends_with_opening_punctuation():
    text = "一" * 26 + "《条例》规定"
    lines = break_lines(text, 27 * EM, fixed_width)
    assert lines[0].text == "一" * 26 and lines[1].text.startswith("《条例》")


def test_latin_words_and_numbers_stay_whole():
    text = "一" * 25 + "2019年共3294条，网址www.example.gov.cn/a。"
    lines = break_lines(text, 27 * EM, fixed_width)
    joined = "\n".join(texts(lines))
    for word in ("2019", "3294", "www.example.gov.cn/a"):
        assert word in joined


def test_dashes_and_ellipses_are_never_torn_apart():
    for mark in ("——", "……"):
        text = "一" * 26 + mark + "二"
        lines = break_lines(text, 27 * EM, fixed_width)
        assert all(not line.text.startswith(mark[0]) for line in lines)
        assert mark in "\n".join(texts(lines))


def test_first_line_indent_shortens_the_first_line_only():
    text = "一" * 60
    lines = break_lines(text, 28 * EM, fixed_width, first_line_indent=2 * EM)
    assert [len(t) for t in texts(lines)] == [26, 28, 6]


def test_a_last_line_of_one_character_takes_one_more():
    text = "一" * 27 + "平。"
    lines = break_lines(text, 27 * EM, fixed_width)
    assert texts(lines) == ["一" * 26, "一平。"]


def test_spaces_at_a_break_are_dropped():
    lines = break_lines("ab cd ef", 2 * EM, fixed_width)
    assert texts(lines) == ["ab", "cd", "ef"]


def test_an_atom_longer_than_the_line_is_broken_between_characters():
    url = "https://www.example.gov.cn/" + "a" * 80
    lines = break_lines(url, 10 * EM, fixed_width)
    assert "".join(texts(lines)) == url
    assert all(line.width <= 10 * EM for line in lines)


def test_empty_text_is_one_empty_last_line():
    (line,) = break_lines("", 100, fixed_width)
    assert line.text == "" and line.last


CHINESE = st.sampled_from(list("政府信息公开工作年度报告本机关依申请办理结果") + list("，。、；：？！）」（《“”》")
                          + ["2019", "A", " ", "——", "……"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHINESE, min_size=1, max_size=120), st.integers(min_value=3, max_value=30))
def test_breaking_keeps_every_character_and_the_rules(pieces, chars_per_line):
    text = "".join(pieces).strip()
    width = chars_per_line * EM
    lines = break_lines(text, width, fixed_width, first_line_indent=2 * EM)
    # Nothing is lost or reordered: only spaces at the breaks disappear.
    assert "".join(texts(lines)).replace(" ", "") == text.replace(" ", "")
    assert lines[-1].last and not any(line.last for line in lines[:-1])
    longest_atom = max((fixed_width(text[a:b]) for a, b in atoms(text)), default=0)
    forced = longest_atom > width - 2 * EM  # some atom is wider than the first line: broken by force
    for number, line in enumerate(lines):
        capacity = width - (2 * EM if number == 0 else 0)
        if not forced:
            assert line.width <= capacity + 1e-6
        if forced or not line.text:
            continue
        if number > 0:
            # A closing mark may begin a line only after a space (it has nothing to hold on to).
            assert line.text[0] not in NO_LINE_START or text[line.start - 1] in SPACES
        if number < len(lines) - 1:
            assert line.text[-1] not in NO_LINE_END or text[line.end] in SPACES
