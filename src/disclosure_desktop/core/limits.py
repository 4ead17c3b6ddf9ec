"""What input the program admits: sizes, lengths, digits and characters, as one table of data.

Every door (opening a project file, saving one, importing a published page, the command line)
checks against these figures, so whatever gets past them exports and imports in seconds and in
bounded memory (bench/limits_bench.py measures the largest admitted project and page).  The
figures are generous: a real report is a few dozen KB with sections of a few thousand characters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from itertools import accumulate

PROJECT_FILE_BYTES = 8 * 1024 * 1024   # a real project file is 20–60 KB
JSON_DEPTH = 16                         # a project file nests 5 deep (previous.prev_count.<t>.<r>)
OBJECT_ENTRIES = 2000                   # keys of any one object (explanations are the most: ~200)
KEY_CHARS = 100                         # any key; the longest real one is an explanation key of ~40
NUMBER_DIGITS = 9                       # digits before the point of any number (counts, 万元, 元)
NUMBER_TEXT_CHARS = 40                  # longer number text in a JSON file is not parsed at all
DECIMAL_PLACES = 6                      # 元 → 万元 keeps every digit: 75394432.52元 → 7539.443252
IMPORT_PAGE_BYTES = 8 * 1024 * 1024     # a published page is 0.05–2 MB; larger is not a report
# Import time grows with the pieces parsed (~25 µs a tag or line), not with bytes: a page saved
# with its whole site around it has ~30,000 tags, a text copy ~3,000 lines.
IMPORT_PAGE_TAGS = 100_000
IMPORT_TEXT_LINES = 100_000
IMPORT_DOCX_TAGS = 300_000  # Word writes 5–10 tags a run of text: a real report has 4,000–11,000
YEARS = (2008, 2100)                    # report years the model admits (core.model Report.year)
QUOTE_CHARS = 40                        # input repeated in a message is cut to this


@dataclass(frozen=True)
class TextLimit:
    pattern: str   # dotted path in the project file; * is any one key
    chars: int
    label: str     # what it is, for the message
    lines: int | None = None  # lines (paragraphs and sub-headings) of exported text


# Longest admitted text per field.  The longest real agency name seen is 38 characters; the
# sample's longest section has 1,500 characters in 14 lines.  Three sections at the limit export
# as a PDF of ~600 pages in about 8 s (bench/limits_bench.py).  The PDF layout keeps a run of
# sub-heading lines together by recursion, one level a line, so a section of more lines than
# this could overflow Python's recursion limit of 1,000 across sections 五 and 六.
NARRATIVE_LINES = 300
TEXT_LIMITS = (
    TextLimit("agency", 100, "机关全称", lines=1),
    TextLimit("front.signatory", 100, "落款机关", lines=1),
    TextLimit("front.published_at", 500, "公开网站或平台", lines=5),
    TextLimit("front.contact", 2000, "联系方式", lines=20),
    TextLimit("narrative.*", 100_000, "正文", lines=NARRATIVE_LINES),
    TextLimit("previous.narrative.*", 100_000, "上年正文"),
    TextLimit("explanations.*", 5000, "出错说明"),
)
OTHER_TEXT_CHARS = 200  # any other string (format, dates, kinds): pydantic says what it should be

# Characters that cannot stand in a document or in UTF-8: C0 controls but tab and line breaks,
# DEL, byte-order marks and non-characters, and lone surrogates (from "\ud800" in JSON).
_UNFIT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff\ud800-\udfff]")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def quote(text: object, limit: int = QUOTE_CHARS) -> str:
    """Input shown in a message: at most `limit` characters, unprintable ones made visible."""
    text = _UNFIT.sub("\ufffd", str(text)).replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + f"…（共{len(text)}字）"


def clean_text(text: str) -> tuple[str, bool]:
    """(text fit for a document, whether anything was changed).

    Lone surrogates become U+FFFD (visibly: the user sees where a character was lost); control
    characters, byte-order marks and non-characters are removed.  Callers report the change.
    """
    if not _UNFIT.search(text):
        return text, False
    cleaned = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    return _UNFIT.sub("", cleaned), True


def text_limit(path: str) -> TextLimit | None:
    for limit in TEXT_LIMITS:
        if fnmatchcase(path, limit.pattern) and path.count(".") == limit.pattern.count("."):
            return limit
    return None


def number_problem(value: object) -> str | None:
    """Why a number cannot be admitted anywhere in a report (None when it can)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有限的数值"
    if abs(value) >= 10 ** NUMBER_DIGITS:
        return f"数值过大（超过{NUMBER_DIGITS}位数字），请检查是否多输了数字"
    return None


def text_problem(path: str, text: str) -> str | None:
    limit = text_limit(path)
    most = limit.chars if limit else OTHER_TEXT_CHARS
    label = limit.label if limit else "文字"
    if len(text) > most:
        return f"{label}过长（{len(text)}字，上限{most}字）"
    if limit and limit.lines:
        lines = len(_LINE_BREAK.findall(text)) + 1  # the exporters break at \r as well as \n
        if lines > limit.lines:
            return f"{label}行数过多（{lines}行，上限{limit.lines}行）"
    return None


@dataclass(frozen=True)
class LimitProblem:
    path: str
    message: str


def clean_document(node: object, path: str = "") -> tuple[object, list[LimitProblem], list[str]]:
    """Walk a parsed project document: (document with every key and string cleaned, problems
    with the limits, paths whose text was cleaned).  Iterative, so no depth can overflow."""
    problems: list[LimitProblem] = []
    cleaned_paths: list[str] = []

    def fix(text: str, where: str) -> str:
        text, changed = clean_text(text)
        if changed:
            cleaned_paths.append(where or "（最外层）")
        return text

    root = {"": node}
    stack = [(root, "", "")]
    while stack:
        parent, key, where = stack.pop()
        value = parent[key]
        if isinstance(value, dict):
            if len(value) > OBJECT_ENTRIES:
                problems.append(LimitProblem(where, f"项目过多（{len(value)}项，上限{OBJECT_ENTRIES}项）"))
                continue
            fixed = {}
            for child_key, child in value.items():
                name = fix(child_key, f"{where}.{quote(child_key)}" if where else quote(child_key))
                child_where = f"{where}.{quote(name)}" if where else quote(name)
                if len(name) > KEY_CHARS:
                    problems.append(LimitProblem(child_where, f"键名过长（{len(name)}字，上限{KEY_CHARS}字）"))
                    continue
                fixed[name] = child
                stack.append((fixed, name, child_where))
            parent[key] = fixed
        elif isinstance(value, list):
            if len(value) > OBJECT_ENTRIES:
                problems.append(LimitProblem(where, f"项目过多（{len(value)}项，上限{OBJECT_ENTRIES}项）"))
                continue
            for index in range(len(value)):
                stack.append((value, index, f"{where}[{index}]"))
        elif isinstance(value, str):
            value = parent[key] = fix(value, where)
            message = text_problem(where, value)
            if message:
                problems.append(LimitProblem(where, message))
        elif isinstance(value, HugeNumber):
            problems.append(LimitProblem(where, f"数字位数过多（{value.chars}位），请检查是否多输了数字"))
        else:
            message = number_problem(value)
            if message:
                problems.append(LimitProblem(where, message))
    return root[""], problems, cleaned_paths


@dataclass(frozen=True)
class HugeNumber:
    """A number in a JSON file too long to convert (Python refuses ints over 4300 digits, and a
    converted 1000-digit count would crash a spreadsheet writer): reported by clean_document."""

    chars: int


def parse_json_int(text: str) -> int | HugeNumber:
    return HugeNumber(len(text)) if len(text) > NUMBER_TEXT_CHARS else int(text)


def parse_json_float(text: str) -> float | HugeNumber:
    return HugeNumber(len(text)) if len(text) > NUMBER_TEXT_CHARS else float(text)


def json_depth_exceeds(text: str, most: int = JSON_DEPTH) -> bool:
    """Whether JSON text nests deeper than `most`, found without parsing it (a deep document
    overflows the parser's recursion).  Strings are removed first: brackets in them do not nest."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if len(brackets) <= most:
        return False
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets))) > most


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def listed(problems: list[LimitProblem], most: int = 5) -> str:
    """“narrative.s1：正文过长（…）；agency：…” for a one-line message."""
    text = "；".join(f"{item.path}：{item.message}" for item in problems[:most])
    return text + (f"；另有{len(problems) - most}处" if len(problems) > most else "")


def report_limit_problems(report) -> list[LimitProblem]:
    """Limits a Report in memory breaks (before it is saved or exported).  Unfit characters are
    no problem here: saving cleans them (clean_document), as opening does."""
    return clean_document(report.model_dump(mode="json"))[1]
