"""The neutral document every exporter renders: what is printed, not how.

API (stable; the DOCX, HTML, XLSX and PDF exporters and the in-app preview rely on it)::

    from disclosure_desktop.export.builder import build_document
    doc = build_document(report, findings, draft=False)      # -> Document
    doc.meta                # DocumentMeta(title, agency, date, date_text, draft, draft_reasons,
                            #              format_id, year, language)
    for block in doc.blocks:            # in reading order
        Title(text, lines)              # the report title (once, first); printed_lines
        Heading(text, level)            # 1 一、(黑体)  2 （一）(楷体)  3 1.(仿宋, bold)
        Paragraph(text, role, right_indent, keep_with_next)
                                        # role: ParagraphRole.BODY | OPENING | CLOSING |
                                        #       SIGNATURE | DATE | NOTE; right_indent in body
                                        #       characters (signature/date), keep_with_next
        TableBlock(id, rows, columns, header_rows, column_widths, source_tables)
        Note(text)                      # a footnote under a table (e.g. the unit of 采购总金额)

A TableBlock is drawn on a grid of `columns` columns.  `rows` hold only the cells that START
in that row (HTML convention: a cell spanning 2 rows is absent from the next row), left to
right.  `placed()` resolves the spans into grid positions for exporters that address cells by
(row, column) — DOCX merges and XLSX merged ranges.  The first `header_rows` rows are the table
head: printed again on every page and never split from the body.  `column_widths` are
relative weights (any unit) of the grid columns; an exporter scales them to its text width.

Cell(text, rowspan, colspan, role, indent, align, key, value):
    role    CellRole.HEADER | CAPTION | LABEL | VALUE | NOTE
    indent  extra indent level of a label inside its cell (0: the grid itself indents)
    align   Align.LEFT | CENTER | RIGHT
    key     (table id, row id, column id) of a VALUE cell; None otherwise
    value   the number of a VALUE cell (int/float; None when blank) — text is its printed form

Everything is frozen, pure Python: no Qt, no python-docx.  All user text in a Document is
already cleaned of control characters by the builder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Iterator, Union


DRAFT_WORD = "草稿"
DRAFT_HEADER_TAIL = "，不得作为正式文本印发或公开"


class ParagraphRole(str, Enum):
    BODY = "body"            # narrative paragraph, first line indented 2 characters
    OPENING = "opening"      # the opening paragraph (basis, parts, period, where published, contact)
    CLOSING = "closing"      # a closing remark before the signature (unused by the builder today)
    SIGNATURE = "signature"  # the agency name under the text, right-aligned
    DATE = "date"            # the date under the signature, right-aligned
    NOTE = "note"            # small explanatory text (e.g. why the document is a draft)


class CellRole(str, Enum):
    HEADER = "header"    # a column heading (申请人情况, 自然人, 行政复议 …)
    CAPTION = "caption"  # a caption row spanning the table (第二十条第（一）项)
    LABEL = "label"      # a row label (一、本年新收政府信息公开申请数量 …)
    VALUE = "value"      # a number
    NOTE = "note"        # the 勾稽 note block of table 三


class Align(str, Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    agency: str
    date: dt.date | None = None
    date_text: str = ""              # the date as printed (2020年6月11日), '' when unknown
    draft: bool = False
    draft_reasons: tuple[str, ...] = ()
    format_id: str = ""
    year: int | None = None
    language: str = "zh-CN"

    @property
    def draft_label(self) -> str:
        """What the draft mark says: why it is a draft.  A clean report exported as a draft (the
        user asked for one) is just 草稿 — never a claim that its check failed."""
        errors = len(self.draft_reasons)
        return f"{DRAFT_WORD}：尚有{errors}个错误" if errors else DRAFT_WORD

    @property
    def draft_header(self) -> str:
        """The line every page of a draft carries at its top, the same in every export format."""
        return self.draft_label + DRAFT_HEADER_TAIL


@dataclass(frozen=True)
class Title:
    text: str
    lines: tuple[str, ...] = ()  # where the title breaks (after the agency name when long)

    @property
    def printed_lines(self) -> tuple[str, ...]:
        return self.lines or (self.text,)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1 一、  2 （一）  3 1.


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: ParagraphRole = ParagraphRole.BODY
    # Right indent in body characters (3号 em): the builder places SIGNATURE and DATE by GB/T 9704.
    right_indent: float = 0.0
    # Keep on one page with the next block (the last body paragraph with the signature, so that
    # no page holds only the signature and date).
    keep_with_next: bool = False


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    role: CellRole = CellRole.VALUE
    indent: int = 0
    align: Align = Align.CENTER
    key: tuple[str, str, str] | None = None
    value: int | float | None = None  # the number a VALUE cell prints (None when blank)


@dataclass(frozen=True)
class PlacedCell:
    row: int     # grid row of the cell's top-left corner
    column: int  # grid column of the cell's top-left corner
    cell: Cell

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rowspan - 1

    @property
    def last_column(self) -> int:
        return self.column + self.cell.colspan - 1


class TableLayoutError(ValueError):
    """The cells of a TableBlock do not tile its grid (a builder bug, never user input)."""


@dataclass(frozen=True)
class TableBlock:
    id: str                                   # e.g. "s2", "s3", "s4"
    rows: tuple[tuple[Cell, ...], ...]
    columns: int
    header_rows: int = 0
    column_widths: tuple[float, ...] = ()
    source_tables: tuple[str, ...] = ()       # format table ids drawn in this block

    def placed(self) -> list[PlacedCell]:
        """Every cell with its grid position; raises TableLayoutError if cells overlap or leave holes."""
        return list(self._placed)

    @cached_property
    def _placed(self) -> tuple[PlacedCell, ...]:
        # Worked out once per block (the block is frozen): every exporter and the page layout ask.
        return tuple(self._place())

    def _place(self) -> list[PlacedCell]:
        occupied: set[tuple[int, int]] = set()
        result: list[PlacedCell] = []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in occupied:
                    c += 1
                if c + cell.colspan > self.columns or r + cell.rowspan > len(self.rows):
                    raise TableLayoutError(f"{self.id}: cell {cell.text!r} at ({r}, {c}) overflows the grid")
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if (r + dr, c + dc) in occupied:
                            raise TableLayoutError(f"{self.id}: cell {cell.text!r} overlaps at ({r + dr}, {c + dc})")
                        occupied.add((r + dr, c + dc))
                result.append(PlacedCell(r, c, cell))
                c += cell.colspan
        missing = [(r, c) for r in range(len(self.rows)) for c in range(self.columns) if (r, c) not in occupied]
        if missing:
            raise TableLayoutError(f"{self.id}: grid positions without a cell: {missing[:5]}")
        return result

    def grid(self) -> list[list[PlacedCell]]:
        """rows × columns: the PlacedCell covering each grid position (merged positions repeat it)."""
        table: list[list[PlacedCell | None]] = [[None] * self.columns for _ in self.rows]
        for placed in self.placed():
            for r in range(placed.row, placed.last_row + 1):
                for c in range(placed.column, placed.last_column + 1):
                    table[r][c] = placed
        return table  # type: ignore[return-value]

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row

    @cached_property
    def heading_rows(self) -> frozenset[int]:
        """Rows of captions and column headings only (the head, and section 二's stacked
        sub-tables): such a row never ends a page, it keeps with the row under it."""
        heading = (CellRole.CAPTION, CellRole.HEADER, CellRole.NOTE)
        return frozenset(r for r, row in enumerate(self.rows) if row and all(c.role in heading for c in row))

    def starts_sub_table(self, row: int) -> bool:
        """The row opens one of several stacked tables: its first cell is a caption (第二十条第（一）项)."""
        return bool(self.rows[row]) and self.rows[row][0].role is CellRole.CAPTION

    def sub_tables(self) -> list["TableBlock"]:
        """The format tables this block stacks, each as a block of its own (id = the format table id).

        Section 二 prints its sub-tables in one grid, each opening with a full-width caption row;
        no cell spans from one into the next, so the rows can be cut there.  A block of one table
        is returned as it is."""
        if len(self.source_tables) <= 1:
            return [self]
        starts = [r for r in range(len(self.rows)) if self.starts_sub_table(r)]
        if len(starts) != len(self.source_tables) or starts[:1] != [0]:
            raise TableLayoutError(f"{self.id}: {len(starts)} captions for {len(self.source_tables)} tables")
        pieces = []
        for index, (table_id, start) in enumerate(zip(self.source_tables, starts)):
            end = starts[index + 1] if index + 1 < len(starts) else len(self.rows)
            rows = self.rows[start:end]
            head = 0
            while head < len(rows) and all(c.role not in (CellRole.VALUE, CellRole.LABEL) for c in rows[head]):
                head += 1
            pieces.append(TableBlock(id=table_id, rows=rows, columns=self.columns, header_rows=head,
                                     column_widths=self.column_widths, source_tables=(table_id,)))
        return pieces

    def normalized_widths(self) -> tuple[float, ...]:
        """Column widths as fractions summing to 1 (equal when none were given)."""
        widths = self.column_widths or (1.0,) * self.columns
        total = sum(widths)
        return tuple(w / total for w in widths)


Block = Union[Title, Heading, Paragraph, TableBlock, Note]


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def table(self, block_id: str) -> TableBlock:
        for block in self.tables():
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def text_blocks(self) -> Iterator[Title | Heading | Paragraph | Note]:
        for block in self.blocks:
            if not isinstance(block, TableBlock):
                yield block
