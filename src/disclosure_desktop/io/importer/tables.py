"""Reading the statistical tables of sections 二、三、四 into the format's cell ids.

Driven entirely by the format data: each table's caption, row labels, columns and print layout.
A data row is found by its label, searched in the format's row order (so a weak match — label
without numbering, or cut short — can only land after the previous row and before the next
row's exact label); its values are the value tokens that follow it, in the format's column order.
That order is the printed value order of every official table, whatever order a copy lists the
header cells in (table 三's header reads 自然人, 法人或其他组织, 总计, 商业企业 … in copies, while
总计 is the seventh value of every row).  A row whose count of values is not its column count is
not guessed at: its cells are listed as unread.

Table 四 (layout "groups_across") is printed as one row of 15 values under its header; a copy that
prints it as labelled rows (行政复议 / 未经复议直接起诉 / 复议后起诉) is read row by row instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from functools import cache

from ...core.formats import Format, Row, Table, ValueType, format_ids, get_format
from .blocks import Token
from .cell_values import MONEY_UNITS, is_value_text, read_value
from .labels import (EXACT, TIER_NAMES, WITHOUT_NUMBERING, has_numbering, is_title, key_without_numbering, label_key,
                     match_quality)
from .result import Assumption, UnreadCell, cell_name
from .sections import SectionSpan

MAX_LABEL_PARTS = 3  # a label wrapped over at most this many lines or cells


@dataclass
class TableReading:
    values: dict[tuple[str, str, str], int | float] = field(default_factory=dict)  # input cells
    stated: dict[str, dict[str, dict[str, object]]] = field(default_factory=dict)  # printed totals
    stated_tokens: dict[tuple[str, str, str], Token] = field(default_factory=dict)  # where each was printed
    read: set[tuple[str, str, str]] = field(default_factory=set)
    unread: list[UnreadCell] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)


class _Stream:
    """The tokens of one section with their value/label classification computed once."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.is_value = [is_value_text(t.text, t.structured) for t in tokens]

    def label_at(self, index: int, parts: int) -> str | None:
        """The text of `parts` consecutive label tokens from `index` (one source row at most)."""
        if index + parts > len(self.tokens):
            return None
        chosen = self.tokens[index:index + parts]
        if any(self.is_value[index + k] for k in range(parts)):
            return None
        if any(t.row != chosen[0].row for t in chosen):
            return None  # cells of one table row, or free lines of a text copy, never both
        return "".join(t.text for t in chosen)


@cache
def row_aliases(table_id: str, row_id: str) -> tuple[str, ...]:
    """The variants the format data lists for a row, and the row's label in the other formats
    (a report of 2021 that still prints the 2019 wording 「规范性文件」)."""
    aliases: list[str] = []
    for format_id in format_ids():
        fmt = get_format(format_id)
        try:
            row = fmt.table(table_id).row(row_id)
        except KeyError:
            continue
        aliases += [row.label, *row.aliases]
    return tuple(dict.fromkeys(aliases))


@cache
def _other_label_keys(table_id: str, row_id: str) -> frozenset[tuple[str, str]]:
    """(key, key without numbering) of every other row's label and variants, group rows included."""
    keys = set()
    for format_id in format_ids():
        try:
            table = get_format(format_id).table(table_id)
        except KeyError:
            continue
        for other in table.rows:
            if other.id != row_id:
                keys.update((label_key(text), key_without_numbering(text)) for text in (other.label, *other.aliases))
    return frozenset(keys)


def could_be_another_row(text: str, table_id: str, row_id: str) -> bool:
    """Whether a text may be (the start of) another row's label: a label wrapped in a narrow
    cell leaves `2.其他` of 「2.其他法律行政法规禁止公开」, which without its number reads like
    「3.其他」.  A weak match on such a text is no certainty."""
    key, bare = label_key(text), key_without_numbering(text)
    return any(other.startswith(key) or (bare and other_bare.startswith(bare))
               for other, other_bare in _other_label_keys(table_id, row_id))


def _best_match(stream: _Stream, index: int, row: Row, table_id: str) -> tuple[int, int]:
    """(quality, number of tokens) of the best reading of `row`'s label at `index`; a weak
    reading that may belong to another row does not count."""
    best = (0, 0)
    aliases = row_aliases(table_id, row.id)
    for parts in range(1, MAX_LABEL_PARTS + 1):
        text = stream.label_at(index, parts)
        if text is None:
            break
        quality = match_quality(text, row.label, aliases)
        if quality and quality < EXACT and could_be_another_row(text, table_id, row.id):
            quality = 0
        if quality > best[0] or (quality and quality == best[0]):
            best = (quality, parts)
    return best


def _find_row(stream: _Stream, start: int, end: int, row: Row, later: list[Row],
              table_id: str) -> tuple[int, int, int] | None:
    """(index, tokens used, quality) of `row`'s label in [start, end), or None.  The search stops
    where a later row's label stands exactly: past it `row` can no longer be."""
    for index in range(start, end):
        if stream.is_value[index]:
            continue
        quality, parts = _best_match(stream, index, row, table_id)
        if quality:
            return index, parts, quality
        text = stream.tokens[index].text
        if any(match_quality(text, other.label) == EXACT for other in later):
            return None
    return None


def _values_after(stream: _Stream, index: int, end: int) -> list[Token]:
    """The value tokens right after a label: up to the next label, and in a real table not
    beyond the label's row once that row gave any value."""
    values: list[Token] = []
    label_row = stream.tokens[index - 1].row if index else None
    while index < end and stream.is_value[index]:
        token = stream.tokens[index]
        if values and token.structured and label_row is not None and token.row != label_row \
                and values[-1].row == label_row:
            break
        values.append(token)
        index += 1
    return values


_UNIT_WORDS = re.compile(r"单位|亿元|万元|元")


def _header_units(stream: _Stream, start: int, end: int, table: Table) -> dict[str, str]:
    """Money units stated in a copy's column header, e.g. 采购总金额（元）: column id → unit."""
    units: dict[str, str] = {}
    for column in table.columns:
        if column.type is not ValueType.DECIMAL:
            continue
        wanted = _UNIT_WORDS.sub("", label_key(column.label))
        for index in range(start, end):
            text = stream.tokens[index].text
            if stream.is_value[index] or _UNIT_WORDS.sub("", label_key(text)) != wanted:
                continue
            stated = re.findall(r"亿元|万元|元", text)
            if stated:
                units[column.id] = stated[-1]
            break
    return units


BY_POSITION = 0  # a row taken by its place in a table of the format's shape (below every label tier)


@dataclass
class _Anchor:
    """Where a data row of the format was found in the source (index -1: not found)."""

    row: Row
    index: int = -1
    parts: int = 0
    values: list[Token] = field(default_factory=list)
    quality: int = EXACT
    text: str = ""
    number: int = 0  # the row's place among the value rows (position matches only)

    @property
    def found(self) -> bool:
        return self.index >= 0

    @property
    def renumbered(self) -> bool:
        """The source numbers the row (1./（一）) differently — not merely without numbering."""
        return has_numbering(self.text)



class _TableReader:
    def __init__(self, fmt: Format, table: Table, stream: _Stream, reading: TableReading):
        self.fmt, self.table, self.stream, self.reading = fmt, table, stream, reading
        self.foreign: dict[str, str] = {}

    def unread_row(self, row: Row, reason: str) -> None:
        for column in self.table.columns:
            self.unread_cell(row.id, column.id, reason)

    def unread_cell(self, row_id: str, column_id: str, reason: str) -> None:
        self.reading.unread.append(UnreadCell(cell_name(self.fmt, self.table.id, row_id, column_id), reason,
                                              self.table.id, row_id, column_id))

    def store(self, row: Row, values: list[Token], units: dict[str, str]) -> None:
        table = self.table
        for column, token in zip(table.columns, values):
            key = (table.id, row.id, column.id)
            if column.id in self.foreign:
                self.unread_cell(row.id, column.id, f"原文此列的表头是另一种年报格式的“{self.foreign[column.id]}”，"
                                                    f"与“{column.label}”含义不同，无法确定对应关系")
                continue
            reading = read_value(token.text, column, source_unit=units.get(column.id))
            where = cell_name(self.fmt, table.id, row.id, column.id)
            if reading.error:
                self.unread_cell(row.id, column.id, reading.error)
                continue
            self.reading.read.add(key)
            if table.is_computed(row.id, column.id):
                # A printed total is evidence to check, never an input: blank stays blank.
                stated = None if reading.blank else reading.value
                self.reading.stated.setdefault(table.id, {}).setdefault(row.id, {})[column.id] = stated
                self.reading.stated_tokens[key] = token
                if reading.assumption and not reading.blank:
                    self.reading.assumptions.append(Assumption(where, reading.assumption, *key))
                continue
            self.reading.values[key] = reading.value
            if reading.assumption:
                self.reading.assumptions.append(Assumption(where, reading.assumption, *key))

    def fit(self, values: list[Token]) -> list[Token] | None:
        """The values of one row, or None when their number is not the column count.  Extra empty
        cells at the end of a real table row (a grid wider than the table) are dropped."""
        width = len(self.table.columns)
        while len(values) > width and values[-1].structured and not values[-1].text.strip():
            values = values[:-1]
        return values if len(values) == width else None

    def read_rows(self, start: int, end: int, units: dict[str, str]) -> tuple[int, bool]:
        """Read row by row; returns (position after the last anchored row, whether the table was
        read this way)."""
        position = start
        rows = list(self.table.data_rows)
        anchors: list[_Anchor] = []
        for number, row in enumerate(rows):
            found = _find_row(self.stream, position, end, row, rows[number + 1:], self.table.id)
            if found is None:
                anchors.append(_Anchor(row))
                continue
            index, parts, quality = found
            values = _values_after(self.stream, index + parts, end)
            anchors.append(_Anchor(row, index, parts, values, quality, self.stream.label_at(index, parts) or ""))
            position = index + parts + len(values)
        if self.table.print.layout == "groups_across" and not any(self.fit(a.values) for a in anchors if a.found):
            return start, False  # the header names the rows; the values follow in one printed row
        self.by_position(anchors, start, end)
        for anchor in anchors:
            row = anchor.row
            if not anchor.found:
                self.unread_row(row, "原文中没有找到这一行")
                continue
            fitted = self.fit(anchor.values)
            if fitted is None:
                self.unread_row(row, f"原文这一行有{len(anchor.values)}个数值，应有{len(self.table.columns)}个，无法确定对应关系")
                continue
            if anchor.quality < EXACT:
                self.assume_row(anchor)
            self.store(row, fitted, units)
        return position, True

    def assume_row(self, anchor: "_Anchor") -> None:
        """Every row not found by its exact label is an assumption of the import report."""
        row = anchor.row
        if anchor.quality == BY_POSITION:
            how = (f"原文第{anchor.number}个数据行“{anchor.text}”的行名与格式不同，因表格的行数和列数与格式一致，按位置"
                   if anchor.text else f"原文第{anchor.number}个数据行没有行名，因表格的行数和列数与格式一致，按位置")
        elif anchor.quality == WITHOUT_NUMBERING and not anchor.renumbered:
            return  # the official label, only without its 1./（一） numbering: nothing assumed
        else:
            how = f"把原文的“{anchor.text}”（{TIER_NAMES[anchor.quality]}）"
        self.reading.assumptions.append(Assumption(
            cell_name(self.fmt, self.table.id, row.id), f"{how}当作“{row.label}”", self.table.id, row.id))

    def segments(self, start: int, end: int) -> list[tuple[int, int, list[Token]]]:
        """The value rows of the region: (first label token, first value token, values) for every
        run of values that makes one whole row of this table."""
        stream, result = self.stream, []
        index, floor = start, start
        while index < end:
            if not stream.is_value[index]:
                index += 1
                continue
            values = _values_after(stream, index, end)
            first = index
            while (first > floor and index - first < MAX_LABEL_PARTS and not stream.is_value[first - 1]
                   and stream.tokens[first - 1].row == stream.tokens[index - 1].row):
                first -= 1
            if self.fit(values) is not None:
                result.append((first, index, values))
            index += len(values)
            floor = index
        return result

    def by_position(self, anchors: list["_Anchor"], start: int, end: int) -> None:
        """Rows whose label was not recognised, taken by their place: only between two recognised
        rows (or the table's edges) where the source has exactly as many whole value rows as the
        format has rows, so that the table's shape there is the format's."""
        if all(a.found for a in anchors) or self.table.print.layout != "rows":
            return
        segments = self.segments(start, end)
        starts = {value_start: number for number, (_f, value_start, _v) in enumerate(segments)}
        # (format row number, segment number) of the recognised rows, with the edges as fences
        fences = [(-1, -1)]
        for number, anchor in enumerate(anchors):
            if anchor.found and anchor.index + anchor.parts in starts:
                fences.append((number, starts[anchor.index + anchor.parts]))
        fences.append((len(anchors), len(segments)))
        for (row_before, segment_before), (row_after, segment_after) in zip(fences, fences[1:]):
            if row_after - row_before != segment_after - segment_before:
                continue  # another number of value rows here: the shape differs, nothing is guessed
            for offset in range(1, row_after - row_before):
                self.place(anchors[row_before + offset], segments[segment_before + offset],
                           segment_before + offset + 1)

    def place(self, anchor: "_Anchor", segment: tuple[int, int, list[Token]], number: int) -> None:
        if anchor.found:
            return
        first, value_start, values = segment
        text = "".join(t.text for t in self.stream.tokens[first:value_start]).strip()
        if text and any(match_quality(text, other.label) >= WITHOUT_NUMBERING for other in self.table.data_rows):
            return  # the label names another row: the shape only looks the same
        anchor.index, anchor.parts, anchor.values = first, value_start - first, values
        anchor.quality, anchor.text, anchor.number = BY_POSITION, text, number

    def _across_values(self, start: int, end: int) -> list[Token]:
        """Every value of the region; in a real table only rows made of values alone, so that an
        empty corner cell of the header is not taken for a value."""
        tokens, is_value = self.stream.tokens, self.stream.is_value
        by_row: dict[object, list[int]] = {}
        for index in range(start, end):
            by_row.setdefault(tokens[index].row if tokens[index].structured else index, []).append(index)
        values: list[Token] = []
        for indexes in by_row.values():
            if all(is_value[i] for i in indexes) and any(tokens[i].text.strip() or not tokens[i].structured
                                                         for i in indexes):
                values.extend(tokens[i] for i in indexes)
        return values

    def read_across(self, start: int, end: int, units: dict[str, str]) -> None:
        """Table 四 as printed: all values in one sequence, row after row in column order."""
        values = self._across_values(start, end)
        rows = self.table.data_rows
        width = len(self.table.columns)
        while len(values) > width * len(rows) and values[-1].structured and not values[-1].text.strip():
            values.pop()
        if len(values) != width * len(rows):
            for row in rows:
                self.unread_row(row, f"原文此表有{len(values)}个数值，应有{width * len(rows)}个，无法确定对应关系")
            return
        for number, row in enumerate(rows):
            self.store(row, values[number * width:(number + 1) * width], units)

    def foreign_columns(self, start: int, end: int) -> dict[str, str]:
        """column id → the label of the other format's column printed in its place (a 2021 table
        under 2019 headers: 本年新公开数量 where 本年废止件数 belongs).  Such a column is not this
        format's, so its numbers are not read into it."""
        stream, table = self.stream, self.table
        first_value = next((i for i in range(start, end) if stream.is_value[i] and stream.tokens[i].text.strip()), end)
        header = {label_key(stream.tokens[i].text) for i in range(start, first_value)}
        foreign: dict[str, str] = {}
        for format_id in format_ids():
            try:
                theirs = get_format(format_id).table(table.id).columns
            except KeyError:
                continue
            if len(theirs) != len(table.columns):
                continue
            for column, other in zip(table.columns, theirs):
                mine, their_key = label_key(column.label), label_key(other.label)
                if their_key != mine and their_key in header and mine not in header:
                    foreign[column.id] = other.label
        return foreign

    def read(self, start: int, end: int) -> int:
        self.foreign = self.foreign_columns(start, end)
        units = _header_units(self.stream, start, end, self.table)
        for column_id, unit in units.items():
            column = self.table.column(column_id)
            if unit != column.unit and unit in MONEY_UNITS:
                self.reading.assumptions.append(Assumption(
                    cell_name(self.fmt, self.table.id, None, column_id),
                    f"原文表头注明单位为{unit}，该列数值已换算为{column.unit}", self.table.id, None, column_id))
        position, done = self.read_rows(start, end, units)
        if not done:
            self.read_across(start, end, units)
            position = end
        return position


def read_section_tables(fmt: Format, tokens: list[Token], span: SectionSpan | None, section_id: str,
                        reading: TableReading) -> None:
    """Read every table of one section into `reading`."""
    section = fmt.section(section_id)
    tables = [fmt.table(t) for t in section.tables]
    if span is None:
        for table in tables:
            for row in table.data_rows:
                for column in table.columns:
                    reading.unread.append(UnreadCell(
                        cell_name(fmt, table.id, row.id, column.id), f"原文中没有找到「{section.title}」部分",
                        table.id, row.id, column.id))
        return
    stream = _Stream(tokens[span.start:span.end])
    length = len(stream.tokens)
    captions: list[int | None] = []
    position = 0
    for table in tables:
        index = next((i for i in range(position, length)
                      if table.caption and not stream.is_value[i] and is_title(stream.tokens[i].text, table.caption)),
                     None)
        captions.append(index)
        if index is not None:
            position = index + 1
    position = 0
    for number, table in enumerate(tables):
        start = captions[number] + 1 if captions[number] is not None else position
        later = [c for c in captions[number + 1:] if c is not None and c > start]
        end = later[0] if later else length
        position = max(_TableReader(fmt, table, stream, reading).read(start, end), start)


def input_parts(table: Table, row_id: str, column_id: str) -> set[tuple[str, str]]:
    """The input cells (row, column) a cell stands for: itself, or every input a total sums,
    through totals of totals — in the order core.computed applies the definitions."""
    if not table.is_computed(row_id, column_id):
        return {(row_id, column_id)}
    for definition in table.computed:
        if definition.target_row == row_id:
            return set().union(*(input_parts(table, r, column_id) for r in definition.sum_of_rows))
        if definition.target_column == column_id:
            return set().union(*(input_parts(table, row_id, c) for c in definition.sum_of_columns))
    return set()


def checkable_totals(fmt: Format, stated: dict, unread: set[tuple[str, str, str]]) -> tuple[dict, list[tuple[str, str, str]]]:
    """(the printed totals whose parts were all read, the others).  A total over a cell that
    could not be read cannot be compared with its sum yet; the app compares it once the cell
    is filled in."""
    checkable: dict = {}
    pending: list[tuple[str, str, str]] = []
    for table_id, rows in stated.items():
        table = fmt.table(table_id)
        for row_id, columns in rows.items():
            for column_id, value in columns.items():
                if any((table_id, r, c) in unread for r, c in input_parts(table, row_id, column_id)):
                    pending.append((table_id, row_id, column_id))
                else:
                    checkable.setdefault(table_id, {}).setdefault(row_id, {})[column_id] = value
    return checkable, pending
