"""The checks of the spec (C1–C21), driven by the rules in the format data.

Each rule in a format file names a check function here and gives its parameters; this module
only knows how to decide a kind of rule, never which labels or rows a format has.  The whole
set runs on every keystroke in the editor, so each check is a single pass over a few hundred
cells and anything costlier (text similarity) is cached on the text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Mapping

from .computed import computed_rule, full_table
from .formats import Format, Rule, Section, Table, ValueType, format_id_for_year, get_format
from .model import PreviousYear, Report
from .carry_forward import summarize_as_previous
from .text import chinese_date
from .values import format_value, value_problem

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    section: str | None = None
    expected: object = None
    actual: object = None
    acknowledged: bool = False

    @property
    def key(self) -> str:
        """Stable key of the finding, under which an explanation (出错说明) is saved."""
        address = ".".join(part for part in (self.table, self.row, self.column) if part)
        if not address and self.section:
            address = self.section
        return f"{self.rule}:{address}" if address else self.rule

    @property
    def blocking(self) -> bool:
        """An error that stands: the report cannot be exported as final."""
        return self.severity == ERROR and not self.acknowledged

    def to_dict(self) -> dict:
        data = asdict(self)
        data["key"] = self.key
        return data


StatedTotals = Mapping[str, Mapping[str, Mapping[str, object]]]  # table → row → column → printed value


class CheckContext:
    """What every check needs, computed once per run."""

    def __init__(self, report: Report, previous: PreviousYear | None, stated_totals: StatedTotals | None):
        self.report = report
        self.format: Format = report.spec
        self.previous = previous
        self.stated_totals = stated_totals or {}
        self._values: dict[str, dict[str, dict[str, object]]] = {}

    def values(self, table_id: str) -> dict[str, dict[str, object]]:
        """Input and computed values of a table."""
        if table_id not in self._values:
            table = self.format.table(table_id)
            self._values[table_id] = full_table(table, self.report.tables.get(table_id, {}))
        return self._values[table_id]

    def value(self, table_id: str, row_id: str, column_id: str):
        return self.values(table_id)[row_id][column_id]

    def has_table(self, table_id: str) -> bool:
        return self.format.has_table(table_id)

    # --- wording shared by the messages -----------------------------------------------------
    def table_name(self, table: Table) -> str:
        section = self.format.section(table.section)
        return f"{section.display_title} {table.caption}" if table.caption else section.display_title

    def cell_name(self, table: Table, row_id: str | None, column_id: str | None) -> str:
        parts = [self.table_name(table)]
        if row_id:
            parts.append(f"「{table.row(row_id).label}」行")
        if column_id:
            parts.append(f"「{table.column(column_id).label}」列")
        return "".join(parts)

    def finding(self, rule: Rule, message: str, **address) -> Finding:
        if address.get("table") and not address.get("section"):
            address["section"] = self.format.table(address["table"]).section
        return Finding(rule=rule.id, severity=rule.severity, message=message, **address)


def _num(value) -> int | float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _fmt(value) -> str:
    return format_value(value) if value is not None else "空"


# --- the checks -----------------------------------------------------------------------------
CheckFn = Callable[[CheckContext, Rule], Iterable[Finding]]
CHECKS: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        return fn
    return register


def _total(values: Iterable[object]) -> int | float:
    """The sum of the numbers among `values` (a blank or a stray value counts as 0, as _num)."""
    return sum(v for v in values if type(v) is int or type(v) is float)


@check("balance")
def _balance(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C1: per column, the sum of the left rows equals the sum of the right rows."""
    p = rule.params
    table = ctx.format.table(p["table"])
    values = ctx.values(table.id)
    left_rows, right_rows = [values[r] for r in p["left"]], [values[r] for r in p["right"]]
    for column in table.columns:
        lefts, rights = [row[column.id] for row in left_rows], [row[column.id] for row in right_rows]
        if lefts.count(None) == len(lefts) and rights.count(None) == len(rights):
            continue  # nothing entered yet: C5 says so
        left, right = _total(lefts), _total(rights)
        if left != right:
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, None, column.id)}：{p['left_text']}={_fmt(left)}，"
                f"{p['right_text']}={_fmt(right)}，相差{_fmt(abs(left - right))}",
                table=table.id, column=column.id, expected=left, actual=right)


@check("stated_totals")
def _stated_totals(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C2–C4: a total printed in a source (import, or a file that carries totals) equals its sum."""
    for table_id, rows in ctx.stated_totals.items():
        if not ctx.has_table(table_id):
            continue
        table = ctx.format.table(table_id)
        for row_id, columns in rows.items():
            for column_id, stated in columns.items():
                if not table.is_computed(row_id, column_id) or computed_rule(table, row_id, column_id) != rule.id:
                    continue
                computed = ctx.value(table_id, row_id, column_id)
                if stated is None and computed is None:
                    continue
                if stated is None:
                    message = f"{ctx.cell_name(table, row_id, column_id)}：原文总计为空，按各项计算应为{_fmt(computed)}"
                elif _num(stated) != _num(computed):
                    message = (f"{ctx.cell_name(table, row_id, column_id)}：原文总计为{_fmt(stated)}，"
                               f"按各项计算应为{_fmt(computed)}，相差{_fmt(abs(_num(stated) - _num(computed)))}")
                else:
                    continue
                yield ctx.finding(rule, message, table=table_id, row=row_id, column=column_id,
                                  expected=computed, actual=stated)


def _input_cells(ctx: CheckContext) -> Iterator[tuple[Table, str, object, object]]:
    """Every input cell that is not a plain count (a non-negative int), with its value: the
    cells C5 and C6 have something to say about.  (Run on every keystroke, over every table:
    the plain counts, nearly all the cells, are passed over without a call each.)"""
    empty: dict = {}
    for table in ctx.format.tables:
        inputs = ctx.report.tables.get(table.id, empty)
        for row_id, columns in table.input_cells_by_row:
            row = inputs.get(row_id, empty)
            for column in columns:
                value = row.get(column.id)
                if type(value) is not int or value < 0:
                    yield table, row_id, column, value


@check("filled_counts")
def _filled_counts(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C5: every cell is filled (0, not blank) and every count is an integer ≥ 0."""
    for table, row_id, column, value in _input_cells(ctx):
        if value is None:
            problem = "未填写，没有的请填0"
        elif column.type is ValueType.COUNT:
            problem = value_problem(value, column.type)
        else:
            continue
        if problem:
            yield ctx.finding(rule, f"{ctx.cell_name(table, row_id, column.id)}：{problem}",
                              table=table.id, row=row_id, column=column.id, actual=value)


@check("typed_values")
def _typed_values(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C6: 本年增/减 is an integer (may be negative); amounts are numbers ≥ 0."""
    for table, row_id, column, value in _input_cells(ctx):
        if column.type is ValueType.COUNT or value is None:
            continue
        problem = value_problem(value, column.type)
        if problem:
            yield ctx.finding(rule, f"{ctx.cell_name(table, row_id, column.id)}：{problem}",
                              table=table.id, row=row_id, column=column.id, actual=value)


@check("nothing_to_process")
def _nothing_to_process(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C9: a column with no new and no carried-in applications has no results and nothing carried out."""
    p = rule.params
    table = ctx.format.table(p["table"])
    values = ctx.values(table.id)
    sources, results = [values[r] for r in p["sources"]], [(r, values[r]) for r in p["results"]]
    for column in table.columns:
        if any(row[column.id] is None or row[column.id] != 0 for row in sources):
            continue
        nonzero = [(r, v) for r, row in results if (v := row[column.id]) and (type(v) is int or type(v) is float)]
        if nonzero:
            total = _total(value for _r, value in nonzero)
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, None, column.id)}：本年新收和上年结转的申请都为0，"
                f"办理结果和结转下年度却共有{_fmt(total)}件（如「{table.row(nonzero[0][0]).label}」）",
                table=table.id, row=nonzero[0][0], column=column.id, expected=0, actual=total)


def _previous_applies(ctx: CheckContext, format_id: str | None = None) -> bool:
    prev = ctx.previous
    if prev is None or prev.year != ctx.report.year - 1:
        return False
    return format_id is None or (prev.format == format_id and ctx.report.format == format_id)


@check("carry_over")
def _carry_over(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C10: this year's 上年结转 equals last year's 结转下年度继续办理, per column."""
    if not _previous_applies(ctx):
        return
    p = rule.params
    table = ctx.format.table(p["table"])
    for column in table.columns:
        if column.computed:
            continue  # the total follows from the columns; reporting it again adds nothing
        last = ctx.previous.carried_out.get(column.id)
        this = ctx.value(table.id, p["row"], column.id)
        if last is not None and this is not None and last != this:
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, p['row'], column.id)}：本年上年结转为{_fmt(this)}，"
                f"而{ctx.previous.year}年报告的结转下年度继续办理为{_fmt(last)}",
                table=table.id, row=p["row"], column=column.id, expected=last, actual=this)


@check("in_force_continuity")
def _in_force(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C11: 现行有效件数(N) = 现行有效件数(N−1) + 本年制发(N) − 本年废止(N)."""
    if not _previous_applies(ctx, ctx.report.format):
        return
    p = rule.params
    table = ctx.format.table(p["table"])
    for row in table.data_rows:
        last = ctx.previous.in_force.get(row.id)
        issued, repealed, now = (ctx.value(table.id, row.id, c) for c in (p["plus"], p["minus"], p["column"]))
        if None in (last, issued, repealed, now):
            continue
        expected = last + issued - repealed
        if expected != now:
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, row.id, p['column'])}：上年{_fmt(last)}＋本年制发{_fmt(issued)}"
                f"－本年废止{_fmt(repealed)}＝{_fmt(expected)}，填写的是{_fmt(now)}",
                table=table.id, row=row.id, column=p["column"], expected=expected, actual=now)


@check("project_count_continuity")
def _project_counts(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C12: 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1)."""
    if not _previous_applies(ctx, ctx.report.format):
        return
    p = rule.params
    for table_id in p["tables"]:
        table = ctx.format.table(table_id)
        for row in table.data_rows:
            last = ctx.previous.prev_count.get(table_id, {}).get(row.id)
            change = ctx.previous.change.get(table_id, {}).get(row.id)
            now = ctx.value(table_id, row.id, p["column"])
            if None in (last, change, now):
                continue
            if last + change != now:
                yield ctx.finding(
                    rule,
                    f"{ctx.cell_name(table, row.id, p['column'])}：上年报告为{_fmt(last)}，增减{change:+d}，"
                    f"应为{_fmt(last + change)}，填写的是{_fmt(now)}",
                    table=table_id, row=row.id, column=p["column"], expected=last + change, actual=now)


@check("not_less_than")
def _not_less_than(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C13: one column is never smaller than another in the same row."""
    p = rule.params
    table = ctx.format.table(p["table"])
    big, small = table.column(p["column"]), table.column(p["than"])
    for row in table.data_rows:
        a, b = ctx.value(table.id, row.id, big.id), ctx.value(table.id, row.id, small.id)
        if a is not None and b is not None and _num(a) < _num(b):
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, row.id, None)}：{big.label}（{_fmt(a)}）少于{small.label}（{_fmt(b)}）",
                table=table.id, row=row.id, column=big.id, expected=f">={_fmt(b)}", actual=a)


@check("rulemaking_power")
def _rulemaking_power(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C14: only bodies with rule-making power make 规章."""
    if ctx.report.front.has_rulemaking_power:
        return
    p = rule.params
    table = ctx.format.table(p["table"])
    for column in table.columns:
        value = ctx.value(table.id, p["row"], column.id)
        if _num(value) != 0:
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, p['row'], column.id)}为{_fmt(value)}：只有国务院部门、省级政府和设区的市政府"
                f"等有规章制定权的机关才有规章，其他机关应填0。如本机关确有规章制定权，请在封面信息中勾选。",
                table=table.id, row=p["row"], column=column.id, expected=0, actual=value)
            return


@check("fee_notices_reported")
def _fee_notices(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C15: applications dropped for unpaid fees imply that section 六 reports fee notices."""
    p = rule.params
    table = ctx.format.table(p["table"])
    unpaid = ctx.value(table.id, p["row"], p["column"])
    if _num(unpaid) <= 0:
        return
    if _num(ctx.report.fees.notices) > 0 or re.search(p["mention"], ctx.report.narrative.get(p["section"], "")):
        return
    section = ctx.format.section(p["section"])
    yield ctx.finding(
        rule,
        f"{ctx.cell_name(table, p['row'], p['column'])}为{_fmt(unpaid)}件，说明发出过收费通知，"
        f"但「{section.title}」没有报告信息处理费（收费通知件数、金额、实际收取金额）",
        table=table.id, row=p["row"], column=p["column"], section=p["section"], actual=unpaid)


@lru_cache(maxsize=512)
def _stated_figures(pattern: str, text: str, fixed_value: int | None) -> tuple[tuple[str, int], ...]:
    """(matched words, number) for each place `pattern` matches; cached, as the text rarely changes."""
    return tuple((m.group(0), fixed_value if fixed_value is not None else int(m.group(1)))
                 for m in re.finditer(pattern, text))


# Ways real reports word a figure that the format's patterns (收到…申请X件) are written for:
# full-width digits, Chinese numerals, 共计/合计 for 共, 各类 before the noun, 新收 for 新收到, a
# space before the unit.  The text is read through these before the patterns are applied.
_FIGURE_WORDING = ((re.compile(r"共计|合计|总计"), "共"), (re.compile(r"各类|各项|有关"), ""),
                   (re.compile(r"新收(?!到)"), "新收到"), (re.compile(r"(\d)[ \t\u3000]+(?=[件个条起宗项份])"), r"\1"))
# The rewording never touches these marks, so the n-th clause of the text read is the n-th of the
# text written: a finding quotes the words as the user wrote them.
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")


def _as_written(original: str, read: str, words: str) -> str:
    """The clause of the original text that holds `words` of the reworded text."""
    position = read.find(words)
    clauses = _CLAUSE_END.split(original)
    if position < 0 or len(clauses) != len(_CLAUSE_END.split(read)):
        return words
    return clauses[len(_CLAUSE_END.findall(read[:position]))].strip() or words
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+(?=[件个条起宗项])")


def _chinese_number(match: re.Match) -> str:
    """三十四件 → 34件 (numbers below 10 000, as narrative figures are)."""
    total, digit = 0, 0
    for ch in match.group(0):
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
    return str(total + digit)


@lru_cache(maxsize=256)
def _figure_text(text: str) -> str:
    text = "".join(unicodedata.normalize("NFKC", ch) if "０" <= ch <= "９" else ch for ch in text)
    text = _CHINESE_NUMBER.sub(_chinese_number, text)
    for pattern, replacement in _FIGURE_WORDING:
        text = pattern.sub(replacement, text)
    return text


@check("narrative_figures")
def _narrative_figures(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C16: figures stated in the text (收到申请X件, 行政复议X件 …) equal the table cells; a
    different number is a warning as much as a missing one."""
    p = rule.params
    figures: list[tuple[dict, tuple[str, str, str], int | float]] | None = None
    for section_id in p["sections"]:
        written = ctx.report.narrative.get(section_id, "")
        text = _figure_text(written)
        if not text:
            continue
        if figures is None:  # the tables are read only once there is text to compare them with
            figures = list(_table_figures(ctx, p["figures"]))
        section = ctx.format.section(section_id)
        for figure, first_cell, in_tables in figures:
            for words, stated in _stated_figures(figure["pattern"], text, figure.get("value")):
                if stated != in_tables:
                    table_id, row_id, column_id = first_cell
                    yield ctx.finding(
                        rule,
                        f"「{section.title}」写的是“{words if words in written else _as_written(written, text, words)}”，"
                        f"而表格中{figure['what']}为{_fmt(in_tables)}件",
                        table=table_id, row=row_id, column=column_id, section=section_id,
                        expected=in_tables, actual=stated)


def _table_figures(ctx: CheckContext, figures: list[dict]) -> Iterator[tuple[dict, tuple[str, str, str], int | float]]:
    """(figure, its first cell, the tables' figure) for each figure of C16 whose cells are all
    filled in the tables the format has."""
    for figure in figures:
        cells = [c for c in figure["cells"] if ctx.has_table(c[0])]
        if not cells:
            continue
        table_values = [ctx.value(*c) for c in cells]
        if any(v is None for v in table_values):
            continue
        yield figure, tuple(cells[0]), sum(_num(v) for v in table_values)


# The level of an agency, from the last administrative unit its name names (重庆市开州区教育委员会 →
# 区 → 县级), and how many times the format's threshold an amount in 万元 may reach there before
# it looks typed in 元: a county-level zone collects 18651.064104万元 (1.9亿元) in a real report,
# while the same amount typed in 元 would read 1.9万亿元.  Decimals say nothing (万元 figures
# converted from 元 have up to six).  A name naming no unit is taken as 地市级.
_AGENCY_LEVELS = (
    ("省级", re.compile(r"省|自治区|北京市|天津市|上海市|重庆市|国务院"), 1000),
    ("地市级", re.compile(r"(?<!城)市(?!场|政|容|民)|州|盟|地区"), 100),  # not 市场监督管理局, 城市管理局
    ("县级", re.compile(r"县|区|旗"), 10),
    ("乡镇级", re.compile(r"(?<!城)乡|镇|街道"), 10),  # not 城乡建设局
)
_UNKNOWN_LEVEL = 1


def agency_level(agency: str) -> tuple[str, int]:
    """(level name, threshold factor) of the last administrative unit named in the agency."""
    best: tuple[int, int] | None = None  # (end of the match, level index)
    for index, (_name, pattern, _factor) in enumerate(_AGENCY_LEVELS):
        for match in pattern.finditer(agency):
            if best is None or match.end() > best[0] or (match.end() == best[0] and index < best[1]):
                best = (match.end(), index)
    name, _pattern, factor = _AGENCY_LEVELS[best[1] if best else _UNKNOWN_LEVEL]
    return name, factor


@check("unit_magnitude")
def _unit_magnitude(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C17: an amount in 万元 so large for an agency of its level that it was probably typed in 元."""
    p = rule.params
    table = ctx.format.table(p["table"])
    level, factor = agency_level(ctx.report.agency)
    limit = p["suspicious_from"] * factor
    for row in table.data_rows:
        value = ctx.value(table.id, row.id, p["column"])
        if _num(value) >= limit:
            yield ctx.finding(
                rule,
                f"{ctx.cell_name(table, row.id, p['column'])}为{_fmt(value)}万元（即{_fmt(_num(value) / 10000)}亿元），"
                f"对{level}机关而言过大，是否把以元为单位的金额填进了万元栏？"
                f"{_fmt(value)}元应填{_fmt(round(_num(value) / 10000, 6))}",
                table=table.id, row=row.id, column=p["column"], actual=value)


@check("format_year")
def _format_year(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C18: the format is the one the report year requires."""
    required = format_id_for_year(ctx.report.year)
    if required != ctx.report.format:
        yield ctx.finding(
            rule,
            f"{ctx.report.year}年度报告应使用{get_format(required).name}（{get_format(required).issued_by}），"
            f"当前使用的是{ctx.format.name}（{ctx.format.issued_by}）。如确需使用，请填写出错说明。",
            expected=required, actual=ctx.report.format)


# Section headings as published: 「四、政府信息公开行政复议与行政诉讼情况」, 「五、存在的主要问题及
# 改进措施」, 「六、其他需报告的事项」, a typo (行政法复议), a suffix （有关情况附表）.  A line is
# taken for a section's heading by its number and how much of the official wording it shares.
_HEADING_NUMBER = re.compile(r"^\s*([一二三四五六七八九十]+)\s*(?:[、.．,，]|\s)\s*")
_HEADING_SUFFIX = re.compile(r"[(（][^()（）]{1,12}[)）]\s*$")
_HEADING_CONNECTORS = re.compile(r"和|与|及|以及")
SAME_NUMBER_LIKENESS = 0.6  # share of the official wording a heading with the section's number needs
RENUMBERED_LIKENESS = 0.85  # … and one with another number (a report that renumbered its sections)
_HEADING_SLACK = 8  # a heading is at most this many characters longer than the official one


@lru_cache(maxsize=1024)  # the official titles come again for every line of a page and every edit
def _heading_parts(text: str) -> tuple[str | None, str]:
    text = unicodedata.normalize("NFKC", text).strip()
    match = _HEADING_NUMBER.match(text)
    rest = text[match.end():] if match else text
    for _ in range(2):  # （有关情况附表） and the like, after the title
        rest = _HEADING_SUFFIX.sub("", rest.strip())
    key = _HEADING_CONNECTORS.sub("", "".join(ch for ch in rest if ch.isalnum()))
    return (match.group(1) if match else None), key


def heading_likeness(text: str, title: str) -> float:
    """0 … 1: how surely a line of a report is the heading `title` (1: the same words and number,
    punctuation, connectors and a bracketed suffix aside; 0: not a heading of it)."""
    from difflib import SequenceMatcher  # only when a heading is not the official one: not at startup

    number, key = _heading_parts(text)
    wanted_number, wanted = _heading_parts(title)
    if number is None or not key or len(key) > len(wanted) + _HEADING_SLACK:
        return 0.0
    ratio = 1.0 if key == wanted else SequenceMatcher(None, key, wanted, autojunk=False).ratio()
    needed = SAME_NUMBER_LIKENESS if number == wanted_number else RENUMBERED_LIKENESS
    return ratio if ratio >= needed else 0.0


def section_heading_likeness(text: str, section: Section) -> float:
    """heading_likeness against the section's title and the headings the format data lists."""
    return max(heading_likeness(text, title) for title in (section.title, *section.aliases))


def renamed_heading_finding(fmt: Format, section: Section, heading: str, where: Section | None = None) -> Finding:
    """C19 as a warning: the section is there under a heading that is not the official one."""
    rule = next(r for r in fmt.rules if r.check == "sections_present")
    place = f"，写在了「{where.title}」中，请移到「{section.title}」" if where is not None else ""
    return Finding(rule=rule.id, severity=WARNING, section=section.id, actual=heading, expected=section.title,
                   message=f"标题“{heading}”不是官方格式的写法，应为“{section.title}”{place}。")


@check("sections_present")
def _sections_present(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C19: none of the six sections is missing or empty.  A narrative section whose text stands
    in another section under a renamed or renumbered heading is a warning with the official
    wording, not a missing section."""
    for section in ctx.format.sections:
        if section.kind == "narrative":
            empty = not ctx.report.narrative.get(section.id, "").strip()
        else:
            empty = all(ctx.report.tables.get(t, {}).get(row.id, {}).get(column.id) is None
                        for t in section.tables for row, column in ctx.format.table(t).input_cells())
        if not empty:
            continue
        moved = _heading_elsewhere(ctx, section) if section.kind == "narrative" else None
        if moved is not None:
            yield renamed_heading_finding(ctx.format, section, *moved)
            continue
        yield ctx.finding(rule, f"「{section.title}」还没有内容。年报的六个部分都不能遗漏，没有的情况请写“无”或填0。",
                          section=section.id)


def _heading_elsewhere(ctx: CheckContext, section: Section) -> tuple[str, Section] | None:
    """(heading, section it stands in) when another narrative section holds a line that is
    this section's heading, followed by text."""
    for other in ctx.format.narrative_sections:
        lines = [line.strip() for line in ctx.report.narrative.get(other.id, "").split("\n")]
        for number, line in enumerate(lines[:-1]):
            if line and section_heading_likeness(line, section) and any(lines[number + 1:]):
                return line, other
    return None


@check("publication_deadline")
def _publication_deadline(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C20: published by 1月31日 (departments) or 3月31日 (governments) of the next year."""
    published = ctx.report.front.published_on
    if published is None:
        return
    month, day = map(int, rule.params[ctx.report.front.agency_kind].split("-"))
    deadline = dt.date(ctx.report.year + 1, month, day)
    if published > deadline:
        who = "政府部门" if ctx.report.front.agency_kind == "department" else "一级人民政府"
        yield ctx.finding(
            rule,
            f"公开日期{chinese_date(published)}晚于{who}年报的法定期限{chinese_date(deadline)}"
            f"（《条例》第四十九条）",
            expected=deadline.isoformat(), actual=published.isoformat())


@lru_cache(maxsize=256)
def _shingles(text: str, size: int) -> frozenset[str]:
    compact = re.sub(r"\s+", "", text)
    return frozenset(compact[i:i + size] for i in range(max(len(compact) - size + 1, 0)))


def shingles(text: str, size: int = 4) -> frozenset[str]:
    """The character n-grams `similarity` compares (cached), for indexing many texts at once."""
    return _shingles(text, size)


def similarity(current: str, previous: str, size: int = 4) -> float:
    """Share of this year's character n-grams that already stood in last year's text."""
    mine = _shingles(current, size)
    if not mine:
        return 0.0
    return len(mine & _shingles(previous, size)) / len(mine)


@check("narrative_similarity")
def _narrative_similarity(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """C21: a section's text repeats last year's (雷同)."""
    if ctx.previous is None:
        return
    p = rule.params
    for section_id in p["sections"]:
        text = ctx.report.narrative.get(section_id, "")
        last = ctx.previous.narrative.get(section_id, "")
        if len(text.strip()) < p["min_chars"] or not last:
            continue
        share = similarity(text, last, p["shingle"])
        if share >= p["threshold"]:
            section = ctx.format.section(section_id)
            yield ctx.finding(
                rule,
                f"「{section.title}」有{share:.0%}的文字与{ctx.previous.year}年报告相同，请按本年度实际情况重写",
                section=section_id, expected=f"<{p['threshold']:.0%}", actual=f"{share:.0%}")


@check("no_draft_placeholders")
def _draft_placeholders(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """A1: no placeholder that 从表格插入 writes for a blank cell (（未填）) is left in the text."""
    placeholder = ctx.format.capabilities.narrative_drafts.placeholder
    for section in ctx.format.narrative_sections:
        text = ctx.report.narrative.get(section.id, "")
        count = text.count(placeholder)
        if count:
            start = text.index(placeholder)
            context = text[max(0, start - 12):start + len(placeholder)].replace("\n", " ")
            yield ctx.finding(
                rule,
                f"「{section.title}」中还有{count}处“{placeholder}”（如“…{context}”）：插入这句话时对应的表格单元格"
                f"还没有填写。请先填好表格后重新插入，或改写这句话。",
                section=section.id, actual=count)


@check("fee_form_filled")
def _fee_form_filled(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """A2: the 信息处理费 figures of the fee form are filled (0 when none), never left blank."""
    fee_form = ctx.format.capabilities.fee_form
    if fee_form is None:
        return
    fees = ctx.report.fees
    for name, field in type(fees).model_fields.items():
        if getattr(fees, name) is None:
            yield ctx.finding(
                rule, f"「{ctx.format.section(fee_form.section).title}」信息处理费的“{field.description}”还没有填写，没有的填0。",
                section=fee_form.section, column=name)


# --- running them ---------------------------------------------------------------------------
def check_report(report: Report, previous: Report | PreviousYear | None = None,
                 stated_totals: StatedTotals | None = None) -> list[Finding]:
    """Every finding of the report's format rules, with explanations applied.

    `previous` is last year's report (or its summary); without it the summary saved in the
    report by carry-forward or import is used.
    """
    if isinstance(previous, Report):
        previous = summarize_as_previous(previous)
    ctx = CheckContext(report, previous or report.previous, stated_totals)
    findings: list[Finding] = []
    for rule in ctx.format.rules:
        findings.extend(run_rule(ctx, rule))
    return findings


def run_rule(ctx: CheckContext, rule: Rule) -> list[Finding]:
    """The findings of one rule, with explanations applied (live_checks.py re-runs single rules)."""
    explanations = ctx.report.explanations
    findings = []
    for finding in CHECKS[rule.check](ctx, rule):
        if rule.can_be_acknowledged and explanations.get(finding.key, "").strip():
            finding = Finding(**{**asdict(finding), "acknowledged": True})
        findings.append(finding)
    return findings


def blocking_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that stop a final export: errors without an accepted explanation."""
    return [f for f in findings if f.blocking]


@check("nothing_else_then_more")
def _nothing_else_then_more(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """Section 六 says 「无其他需要报告的事项」 and then reports the information fees after all: the
    first sentence is then untrue.  Fees stated before it are fine (the fees, and nothing else)."""
    p = rule.params
    text = ctx.report.narrative.get(p["section"], "")
    nothing = re.search(p["nothing"], text)
    if nothing is None:
        return
    later = re.search(p["statement"], text[nothing.end():])
    if later is None:
        return
    section = ctx.format.section(p["section"])
    said = later.group(0).strip(" ，,")
    yield ctx.finding(
        rule,
        f"「{section.title}」先写了“{nothing.group(0)}”，其后又报告了“{said}”，前后矛盾。"
        f"请把这部分内容移到“{nothing.group(0)}”之前，或删去这句话",
        section=p["section"], actual=said)
