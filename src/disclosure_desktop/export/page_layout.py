"""Page layout of the neutral Document by GB/T 9704: where every line, cell and page number goes.

The result is plain data in points (1/72 in, origin at the top-left corner of the page): a list
of pages, each a list of text runs and rules.  `page_painter.paint_page` draws a page on any
QPainter — the PDF writer, a printer or an image for the print preview — so all of them show
exactly the same pages, and tests can check positions without reading a PDF back.

Why a painter layout instead of QTextDocument: QTextDocument cannot repeat a table's heading
rows on a new page, keep a row from splitting, keep a caption with its first row, place the
page number differently on odd and even pages, or hold body lines on a fixed 28.9 pt pitch;
here each of those is a few lines of code.

Conventions (docs: ../shared/spec/report-formats.md, "Printing conventions"):
A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm, 22 lines of 3号 text on a
fixed pitch, title 2号 centred, first-line indent of two characters, headings 一、 黑体 and
（一） 楷体, tables in 五号 with heading rows repeated, page numbers `— n —` in 4号 宋体 7 mm
below the text block, odd pages right and even pages left, one character in from the edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Iterable, Union

from PySide6.QtGui import QFontMetricsF, QImage

from .document import (Align, Block, Cell, CellRole, Document, Heading, Note, Paragraph, ParagraphRole,
                       PlacedCell, TableBlock, Title)
from .fonts import FontSet, resolve_fonts
from .line_breaking import break_lines, units

MM = 72 / 25.4  # points per millimetre

# The mark printed on a draft (a document exported while an error-level finding stands).
DRAFT_MARK = "草稿"
DRAFT_HEADER = "草稿 · 检查未通过，不得作为正式文本印发或公开"
DRAFT_WATERMARK_PT = 150.0


@dataclass(frozen=True)
class PageGeometry:
    width: float = 210 * MM
    height: float = 297 * MM
    top: float = 37 * MM
    bottom: float = 35 * MM
    left: float = 28 * MM
    right: float = 26 * MM
    line_pitch: float = 28.9           # 22 lines of 3号 text in the 225 mm text block
    page_number_gap: float = 7 * MM    # from the text block's lower edge to the page number's dashes

    @property
    def text_left(self) -> float:
        return self.left

    @property
    def text_right(self) -> float:
        return self.width - self.right

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_top(self) -> float:
        return self.top

    @property
    def text_bottom(self) -> float:
        return self.height - self.bottom

    @property
    def lines_per_page(self) -> int:
        return int((self.text_bottom - self.text_top + 0.01) // self.line_pitch)


A4 = PageGeometry()

# Tables: 五号 type on a 1.3 pitch, small padding so table 四's fifteen value columns hold two
# characters per line (结果/维持) as the printed form does.
TABLE_PITCH_FACTOR = 1.3
CELL_PAD_X = 1 * MM     # 1 mm, as the DOCX export
CELL_PAD_Y = 1.7
ROW_MIN_HEIGHT = 6 * MM  # 17 pt, as the DOCX export's rows: a row never looks cramped
TABLE_RULE = 0.5       # 0.5 pt lines, as Word's "single" border
TABLE_GAP_BEFORE = 4.0
TABLE_GAP_AFTER = 8.0
MIN_VALUE_PT = 6.0     # the smallest a number too wide for its cell is set
NOTE_PITCH_FACTOR = 1.5
# Roles set on the 28-characters-per-line grid of GB/T 9704 (all 3号).
GRID_ROLES = frozenset({"body", "heading1", "heading2", "heading3"})
GRID_SAMPLE = "国"  # an ideograph: its advance is the font's character width
# Where the em box sits on a line: its centre is 0.38 em above the baseline in CJK fonts.
EM_CENTRE_ABOVE_BASELINE = 0.38


# --- the laid-out pages -----------------------------------------------------------------------
@dataclass(frozen=True)
class TextRun:
    """One line (or cell line) of text: drawn at `x` on `baseline` in the font of `role`."""

    x: float
    baseline: float
    text: str
    role: str
    width: float                 # printed width, justification included
    # (x, text) of each character when spaced out; (x, text, horizontal scale) for a stretched one
    pieces: tuple[tuple, ...] = ()
    kind: str = "text"           # "text" | "cell" | "page_number" | "draft_header" | "draft_watermark"
    block: int = -1              # index of the Document block it belongs to (-1: page furniture)
    key: tuple[str, str, str] | None = None  # for a value cell: (table, row, column)
    size: float | None = None    # point size when not the role's own (the draft watermark)

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = TABLE_RULE


@dataclass(frozen=True)
class CellBox:
    """A table cell (or the part of a merged cell on this page) as drawn: for tests and preview."""

    table: str
    row: int        # grid row of the cell
    column: int
    rowspan: int
    colspan: int
    x: float
    y: float
    width: float
    height: float
    role: CellRole
    text: str
    repeated_head: bool = False  # a heading row printed again at the top of a continued table
    continued: bool = False      # the lower part of a merged cell that started on an earlier page


Item = Union[TextRun, Rule]


@dataclass
class Page:
    number: int
    items: list[Item] = field(default_factory=list)
    cells: list[CellBox] = field(default_factory=list)

    def runs(self, kind: str | None = None) -> list[TextRun]:
        return [i for i in self.items if isinstance(i, TextRun) and (kind is None or i.kind == kind)]

    def text(self) -> str:
        return "\n".join(run.text for run in self.runs())


@dataclass
class LaidOutDocument:
    pages: list[Page]
    geometry: PageGeometry
    fonts: FontSet
    draft: bool


# --- measuring ----------------------------------------------------------------------------------
_WIDTHS: dict[tuple[str, bool, float], dict[str, float]] = {}


class Measurer:
    """Text widths in points from Qt's font metrics at 7200 dpi.

    Qt sizes a font in whole device pixels: at 1200 dpi 3号 becomes 267 px = 16.02 pt, and 28
    characters no longer fit a line; at 7200 dpi every size in hundredths of a point is exact.
    The PDF is drawn at the same resolution (pdf_export.RESOLUTION_DPI).
    """

    DPI = 7200

    def __init__(self, fonts: FontSet):
        self._fonts = fonts
        self._sizes = {name: resolved.size_pt for name, resolved in fonts.fonts.items()}
        self._device: QImage | None = None
        self._metrics: dict[tuple[str, float], QFontMetricsF] = {}
        self._tables: dict[tuple[str, float], dict[str, float]] = {}

    def size(self, role: str) -> float:
        return self._sizes[role]

    def width(self, role: str, text: str, size: float | None = None) -> float:
        size = size or self._sizes[role]
        table = self._tables.get((role, size))
        if table is None:
            resolved = self._fonts[role]
            # Widths are kept for the life of the process, per face and size: a second export
            # or the print preview measures nothing again.  (Only plain floats are kept; Qt
            # objects must not outlive the application.)
            table = self._tables[(role, size)] = _WIDTHS.setdefault((resolved.family, resolved.role.bold, size), {})
        width = table.get(text)
        if width is None:
            width = table[text] = self._metrics_for(role, size).horizontalAdvance(text) * 72 / self.DPI
        return width

    def _metrics_for(self, role: str, size: float) -> QFontMetricsF:
        metrics = self._metrics.get((role, size))
        if metrics is None:
            if self._device is None:
                device = QImage(1, 1, QImage.Format.Format_ARGB32)
                dots_per_metre = round(self.DPI / 0.0254)
                device.setDotsPerMeterX(dots_per_metre)
                device.setDotsPerMeterY(dots_per_metre)
                self._device = device
            metrics = self._metrics[(role, size)] = QFontMetricsF(self._fonts.qfont(role, size), self._device)
        return metrics

    def measure(self, role: str):
        return lambda text: self.width(role, text)


# --- laying out text ----------------------------------------------------------------------------
@dataclass(frozen=True)
class SetLine:
    """A line of text placed horizontally; the vertical place is decided by pagination.

    `pieces` gives the x of every character (Latin words stay whole) when the line is justified
    or tracked; empty when the line is drawn as one run at `x`.  (Qt's own letter spacing
    cannot be used: it is scaled by a whole-number factor of the device resolution.)
    """

    x: float
    text: str
    width: float
    pieces: tuple[tuple[float, str], ...] = ()


def set_paragraph(measurer: Measurer, text: str, role: str, left: float, width: float, *,
                  indent_chars: float = 0, align: Align = Align.LEFT, justify: bool = True,
                  tracking: float = 0.0) -> list[SetLine]:
    """Break `text` into lines of `width` and place each: justified lines fill the width exactly.

    `tracking` is extra space between characters (negative: closer) that every line gets — the
    character grid of the body text (28 characters of 3号 in 156 mm).
    """
    indent = indent_chars * (measurer.size(role) + tracking)

    def measure(piece: str) -> float:
        if len(piece) == 1:
            return measurer.width(role, piece) + tracking
        return sum(measurer.width(role, piece[a:b]) + tracking for a, b in units(piece))

    result = []
    for number, line in enumerate(break_lines(text, width, measure, first_line_indent=indent)):
        x = left + (indent if number == 0 else 0.0)
        available = width - (indent if number == 0 else 0.0)
        pieces = [line.text[a:b] for a, b in units(line.text)]
        widths = [measurer.width(role, piece) for piece in pieces]
        gaps = len(pieces) - 1
        gap = tracking
        natural = sum(widths) + tracking * gaps
        if justify and not line.last and gaps and align == Align.LEFT:
            gap = tracking + max(available - natural, 0.0) / gaps
        elif align == Align.CENTER:
            x += max(available - natural, 0.0) / 2
        elif align == Align.RIGHT:
            x += max(available - natural, 0.0)
        drawn = sum(widths) + gap * gaps
        placed: tuple[tuple[float, str], ...] = ()
        if abs(gap) > 1e-9 and gaps:
            positions, cursor = [], x
            for piece, piece_width in zip(pieces, widths):
                if not piece.isspace():
                    positions.append((cursor, piece))
                cursor += piece_width + gap
            placed = tuple(positions)
        result.append(SetLine(x, line.text, drawn, placed))
    return result


def grid_tracking(text_width: float, size: float, chars_per_line: int = 28) -> float:
    """Space to add between characters so exactly `chars_per_line` characters of `size` fill a line."""
    return (text_width - chars_per_line * size) / (chars_per_line - 1)


def baseline_in(top: float, pitch: float, size: float) -> float:
    """The baseline that centres a `size` em box on a line of height `pitch` starting at `top`."""
    return top + pitch / 2 + EM_CENTRE_ABOVE_BASELINE * size


# --- tables -----------------------------------------------------------------------------------
CELL_ROLE_FONT = {role: "table" for role in CellRole}


@dataclass
class TableGeometry:
    """A TableBlock measured: column edges, each cell's lines, each row's height."""

    block: TableBlock
    placed: list[PlacedCell]
    column_x: list[float]            # columns + 1 edges
    row_heights: list[float]
    cell_lines: dict[int, list[SetLine]]  # index into `placed` → lines (x relative to the cell's left edge)
    pitch: float
    cell_sizes: dict[int, float] = field(default_factory=dict)  # type set smaller than the table's

    @property
    def head_rows(self) -> range:
        return range(self.block.header_rows)

    def heading_like(self, row: int) -> bool:
        """A body row of captions and column headings only (section 二's stacked sub-tables):
        it must never be the last row on a page."""
        starting = [p.cell for p in self.placed if p.row == row]
        return bool(starting) and all(c.role in (CellRole.CAPTION, CellRole.HEADER, CellRole.NOTE) for c in starting)


def measure_table(measurer: Measurer, block: TableBlock, left: float, width: float) -> TableGeometry:
    placed = block.placed()
    edges = [left]
    for fraction in block.normalized_widths():
        edges.append(edges[-1] + fraction * width)
    edges[-1] = left + width
    size = measurer.size("table")
    pitch = size * TABLE_PITCH_FACTOR
    lines: dict[int, list[SetLine]] = {}
    sizes: dict[int, float] = {}
    needed: dict[int, float] = {}
    for index, p in enumerate(placed):
        cell = p.cell
        role = CELL_ROLE_FONT[cell.role]
        cell_width = edges[p.last_column + 1] - edges[p.column]
        indent = cell.indent * measurer.size(role)
        inner = max(cell_width - 2 * CELL_PAD_X - indent, measurer.size(role))
        lines[index] = set_paragraph(measurer, cell.text, role, CELL_PAD_X + indent, inner,
                                     align=cell.align, justify=False)
        natural = measurer.width(role, cell.text)
        if cell.role == CellRole.VALUE and natural > inner:
            # A number never wraps (5 0111 would read as two numbers): it is set smaller instead.
            smaller = max(MIN_VALUE_PT, math.floor(measurer.size(role) * inner / natural * 4) / 4)
            shrunk = measurer.width(role, cell.text, smaller)
            lines[index] = [SetLine(CELL_PAD_X + indent + max(inner - shrunk, 0.0) / 2, cell.text, shrunk)]
            sizes[index] = smaller
        needed[index] = len(lines[index]) * pitch + 2 * CELL_PAD_Y

    heights = [max(ROW_MIN_HEIGHT, pitch + 2 * CELL_PAD_Y)] * len(block.rows)
    for index, p in enumerate(placed):
        if p.cell.rowspan == 1:
            heights[p.row] = max(heights[p.row], needed[index])
    # A merged cell taller than the rows it spans: share the missing height among those rows.
    for index, p in sorted(enumerate(placed), key=lambda item: item[1].cell.rowspan):
        if p.cell.rowspan > 1:
            spanned = range(p.row, p.last_row + 1)
            missing = needed[index] - sum(heights[r] for r in spanned)
            if missing > 0:
                for r in spanned:
                    heights[r] += missing / len(spanned)
    return TableGeometry(block, placed, edges, heights, lines, pitch, sizes)


def paginate_table(table: TableGeometry, first_space: float, page_space: float) -> list[list[int]]:
    """Body rows on each page: a row never splits, a heading-like row never ends a page.

    `first_space` is the height left on the current page, `page_space` that of a fresh page; the
    table head (repeated on every page) is part of both.  An empty first list means the table
    starts on a new page.
    """
    head = sum(table.row_heights[r] for r in table.head_rows)
    body = list(range(table.block.header_rows, len(table.block.rows)))
    # Units that must stay on one page: heading-like rows with the row after them.
    units: list[list[int]] = []
    pending: list[int] = []
    for row in body:
        pending.append(row)
        if not table.heading_like(row):
            units.append(pending)
            pending = []
    if pending:
        units.append(pending)

    pages: list[list[int]] = [[]]
    space = first_space - head
    for unit in units:
        height = sum(table.row_heights[r] for r in unit)
        if height > space + 1e-6 and (pages[-1] or space < page_space - head):
            pages.append([])
            space = page_space - head
        pages[-1].extend(unit)
        space -= height
    return pages


# --- the whole document -----------------------------------------------------------------------
class _Flow:
    """Places lines and tables down the pages."""

    def __init__(self, layout: LaidOutDocument, measurer: Measurer):
        self.layout = layout
        self.g = layout.geometry
        self.measurer = measurer
        self.page: Page | None = None
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.page = Page(len(self.layout.pages) + 1)
        self.layout.pages.append(self.page)
        self.y = self.g.text_top
        self.lines_here: list[tuple[TextRun, float, float]] = []  # text lines on this page: (run, top, pitch)

    @property
    def at_page_top(self) -> bool:
        return self.y <= self.g.text_top + 1e-6

    @property
    def space(self) -> float:
        return self.g.text_bottom - self.y

    def lines_that_fit(self, pitch: float) -> int:
        return int((self.space + 1e-6) // pitch)

    def place_line(self, line: SetLine, role: str, pitch: float, block: int) -> None:
        size = self.measurer.size(role)
        run = TextRun(line.x, baseline_in(self.y, pitch, size), line.text, role, line.width, line.pieces, "text", block)
        self.page.items.append(run)
        self.lines_here.append((run, self.y, pitch))
        self.y += pitch

    def place_lines(self, lines: list[SetLine], role: str, pitch: float, block: int) -> None:
        """Lines of one paragraph with widow and orphan control (never one line alone on a page)."""
        remaining = list(lines)
        while remaining:
            fit = self.lines_that_fit(pitch)
            if fit >= len(remaining):
                take = len(remaining)
            elif fit <= 0 or (fit == 1 and len(remaining) > 1):
                take = 0  # an orphan first line: start the paragraph on the next page
            else:
                take = fit if len(remaining) - fit >= 2 else max(fit - 1, 0)  # no widow last line
                if take == 1 and len(remaining) > 1:
                    take = 0
            if take == 0:
                if self.at_page_top:
                    take = max(fit, 1)  # taller than a page: nothing better is possible
                else:
                    self.new_page()
                    continue
            for line in remaining[:take]:
                self.place_line(line, role, pitch, block)
            remaining = remaining[take:]
            if remaining:
                self.new_page()

    def carry_over(self, keep_together) -> None:
        """Start a new page and move the last text lines of this one onto it: the last two lines
        of the last paragraph if two more stay behind, else the whole paragraph together with the
        headings right above it (`keep_together(block)` says whether a block must not be left
        as the last thing on a page).  Nothing moves if that would empty the page."""
        lines = self.lines_here
        cut = len(lines)
        if lines:
            last_block = lines[-1][0].block
            own = [i for i, (run, _, _) in enumerate(lines) if run.block == last_block]
            cut = own[-2] if len(own) >= 4 else own[0]
            while cut > 0 and keep_together(lines[cut - 1][0].block):
                block = lines[cut - 1][0].block
                cut = next(i for i, (run, _, _) in enumerate(lines) if run.block == block)
            if cut == 0:
                cut = len(lines)
        moved = lines[cut:]
        for run, _, _ in moved:
            self.page.items.remove(run)
        self.new_page()
        if moved:
            first_top = moved[0][1]
            for run, top, pitch in moved:
                shifted = replace(run, baseline=run.baseline - first_top + self.y)
                self.page.items.append(shifted)
                self.lines_here.append((shifted, top - first_top + self.y, pitch))
            _, last_top, last_pitch = moved[-1]
            self.y += last_top + last_pitch - first_top

    def skip_lines(self, count: int, pitch: float) -> None:
        if not self.at_page_top:
            self.y = min(self.y + count * pitch, self.g.text_bottom)

    def place_table(self, table: TableGeometry, block: int) -> None:
        g = self.g
        if not self.at_page_top:
            self.y += TABLE_GAP_BEFORE
        page_space = g.text_bottom - g.text_top
        pages = paginate_table(table, self.space, page_space)
        for number, rows in enumerate(pages):
            if number > 0 or not rows:
                self.new_page()
            if not rows:
                continue
            head = list(table.head_rows)
            self._draw_table_rows(table, head + rows, block, repeated=number > 0)
        self.y = min(self.y + TABLE_GAP_AFTER, g.text_bottom)

    def _draw_table_rows(self, table: TableGeometry, rows: list[int], block: int, repeated: bool) -> None:
        """Draw the given grid rows (the head, then a run of consecutive body rows) from self.y down."""
        top_of: dict[int, float] = {}
        y = self.y
        for row in rows:
            top_of[row] = y
            y += table.row_heights[row]
        bottom = y
        shown = set(rows)
        head = set(table.head_rows)
        measurer = self.measurer
        for index, p in enumerate(table.placed):
            fragment = [r for r in range(p.row, p.last_row + 1) if r in shown]
            if not fragment:
                continue
            x1, x2 = table.column_x[p.column], table.column_x[p.last_column + 1]
            y1 = top_of[fragment[0]]
            y2 = top_of[fragment[-1]] + table.row_heights[fragment[-1]]
            continued = fragment[0] != p.row
            self.page.cells.append(CellBox(table.block.id, p.row, p.column, p.cell.rowspan, p.cell.colspan, x1, y1,
                                           x2 - x1, y2 - y1, p.cell.role, p.cell.text,
                                           repeated_head=repeated and p.row in head, continued=continued))
            self.page.items += [Rule(x1, y1, x2, y1), Rule(x1, y2, x2, y2), Rule(x1, y1, x1, y2), Rule(x2, y1, x2, y2)]
            lines = table.cell_lines[index]
            text_height = len(lines) * table.pitch
            if p.cell.rowspan > 1 and not self._show_text_in_fragment(table, p, fragment, text_height, shown):
                continue
            role = CELL_ROLE_FONT[p.cell.role]
            size = table.cell_sizes.get(index)
            line_top = y1 + max((y2 - y1 - text_height) / 2, CELL_PAD_Y)
            for line in lines:
                self.page.items.append(TextRun(x1 + line.x, baseline_in(line_top, table.pitch, size or measurer.size(role)),
                                               line.text, role, line.width, (), "cell", block, p.cell.key, size))
                line_top += table.pitch
        self.y = bottom

    @staticmethod
    def _show_text_in_fragment(table: TableGeometry, p: PlacedCell, fragment: list[int], text_height: float,
                               shown: set[int]) -> bool:
        """A merged cell split by a page break shows its label in every part tall enough to hold it
        (so a continued page still says what its rows are); if no part is, in its tallest part."""
        height = sum(table.row_heights[r] for r in fragment)
        if height + 1e-6 >= text_height + 2 * CELL_PAD_Y:
            return True
        full = sum(table.row_heights[r] for r in range(p.row, p.last_row + 1))
        if full < text_height + 2 * CELL_PAD_Y:
            return fragment[0] == p.row  # never fits anywhere: keep it in the first part
        # Some other part is tall enough; it shows the label.
        return False


class DocumentLayout:
    """Lays out a Document: call `layout()` once, read `.pages`."""

    def __init__(self, document: Document, fonts: FontSet | None = None, geometry: PageGeometry = A4):
        self.document = document
        self.fonts = fonts or resolve_fonts()
        self.geometry = geometry
        self.measurer = Measurer(self.fonts)
        self._tables: dict[int, TableGeometry] = {}
        self._set: dict[int, list[SetLine]] = {}

    # Each block's role, pitch and how its lines are set.
    def _text_style(self, block) -> tuple[str, float]:
        pitch = self.geometry.line_pitch
        if isinstance(block, Title):
            return "title", pitch
        if isinstance(block, Heading):
            return {1: "heading1", 2: "heading2"}.get(block.level, "heading3"), pitch
        if isinstance(block, Note) or (isinstance(block, Paragraph) and block.role == ParagraphRole.NOTE):
            return "note", self.measurer.size("note") * NOTE_PITCH_FACTOR
        return "body", pitch

    def _lines(self, index: int) -> list[SetLine]:
        if index in self._set:
            return self._set[index]
        block = self.document.blocks[index]
        g, m = self.geometry, self.measurer
        role, _ = self._text_style(block)
        left, width = g.text_left, g.text_width
        if isinstance(block, Title):
            lines = [line for printed in block.printed_lines
                     for line in set_paragraph(m, printed, role, left, width, align=Align.CENTER, justify=False)]
        elif isinstance(block, Paragraph) and block.role in (ParagraphRole.SIGNATURE, ParagraphRole.DATE):
            lines = self._signature_lines(index)
        else:
            # measured, not assumed: a font's ideograph advance may differ from 1 em by a hair
            tracking = grid_tracking(width, m.width(role, GRID_SAMPLE)) if role in GRID_ROLES else 0.0
            lines = set_paragraph(m, block.text, role, left, width, indent_chars=2, tracking=tracking)
        self._set[index] = lines
        return lines

    def _signature_lines(self, index: int) -> list[SetLine]:
        """GB/T 9704 7.3.5: the date four characters in from the right, the agency name centred
        over it (the DOCX export sets them the same way)."""
        blocks = self.document.blocks
        block = blocks[index]
        m, g = self.measurer, self.geometry
        em = m.size("body")
        date_text = self.document.meta.date_text
        if block.role == ParagraphRole.DATE:
            date_text = block.text
        right = g.text_right - 4 * em
        width = m.width("body", block.text)
        if block.role == ParagraphRole.DATE or not date_text:
            x = right - width
        else:
            date_width = m.width("body", date_text)
            x = right - date_width / 2 - width / 2
        x = min(x, g.text_right - width)
        if x < g.text_left - 1e-6:  # a very long name: right-aligned lines
            return set_paragraph(m, block.text, "body", g.text_left, g.text_width, align=Align.RIGHT, justify=False)
        return [SetLine(x, block.text, width)]

    def _table(self, index: int) -> TableGeometry:
        if index not in self._tables:
            g = self.geometry
            self._tables[index] = measure_table(self.measurer, self.document.blocks[index], g.text_left, g.text_width)
        return self._tables[index]

    def _first_part_height(self, index: int) -> float:
        """Height of what must stay on the page with the block before it (keep-with-next):
        a heading with what follows it, two lines of a paragraph, a table's head and first row."""
        blocks = self.document.blocks
        if index >= len(blocks):
            return 0.0
        block = blocks[index]
        if isinstance(block, TableBlock):
            table = self._table(index)
            pages = paginate_table(table, float("inf"), float("inf"))
            rows = list(table.head_rows)
            first = pages[0]
            # the head plus the first unit (heading-like rows and the row they introduce)
            for row in first:
                rows.append(row)
                if not table.heading_like(row):
                    break
            return TABLE_GAP_BEFORE + sum(table.row_heights[r] for r in rows)
        _, pitch = self._text_style(block)
        count = len(self._lines(index))
        if isinstance(block, Heading):
            return count * pitch + self._first_part_height(index + 1)
        return min(count, 2) * pitch

    def layout(self) -> LaidOutDocument:
        result = LaidOutDocument([], self.geometry, self.fonts, self.document.meta.draft)
        flow = _Flow(result, self.measurer)
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, TableBlock):
                table = self._table(index)
                flow.place_table(table, index)
                continue
            role, pitch = self._text_style(block)
            if isinstance(block, Paragraph) and block.role == ParagraphRole.SIGNATURE:
                self._keep_closing_together(flow, index, pitch)
                flow.skip_lines(1, pitch)  # 正文下空一行
            if isinstance(block, Note) and flow.y > self.geometry.text_top:
                flow.y = min(flow.y - TABLE_GAP_AFTER + TABLE_GAP_BEFORE, flow.y)
            if isinstance(block, Heading) and not flow.at_page_top:
                # keep the heading with the start of what follows it
                if self._first_part_height(index) > flow.space + 1e-6:
                    flow.new_page()
            flow.place_lines(self._lines(index), role, pitch, index)
            if isinstance(block, Title):
                flow.skip_lines(1, pitch)  # 标题下空一行
        self._furnish(result)
        return result

    def _keep_closing_together(self, flow: _Flow, index: int, pitch: float) -> None:
        """The agency name and the date stay on one page, and that page is not theirs alone: when
        they must move on, the last lines of the text before them come along (with their heading
        when the paragraph is short)."""
        blocks = self.document.blocks
        closing = 1 + sum(1 for b in blocks[index + 1:index + 2]
                          if isinstance(b, Paragraph) and b.role == ParagraphRole.DATE)
        if flow.lines_that_fit(pitch) >= closing + 1:  # the blank line, the name, the date
            return
        flow.carry_over(lambda block: isinstance(blocks[block], (Heading, Title)))

    # --- page furniture: numbers and the draft mark ------------------------------------------
    def _furnish(self, result: LaidOutDocument) -> None:
        g, m = self.geometry, self.measurer
        size = m.size("page_number")
        em = size
        dash = m.width("page_number", DASH)
        # 一字线 is a full-width dash; fallback fonts draw U+2014 narrower, so stretch it to 1 em.
        dash_scale = em / dash if 0 < dash < 0.95 * em else 1.0
        gap = m.width("page_number", " ")
        for page in result.pages:
            text = page_number_text(page.number)
            number = str(page.number)
            number_width = m.width("page_number", number)
            width = 2 * em + 2 * gap + number_width
            # odd pages: right, one character in; even pages: left, one character in
            x = g.text_right - em - width if page.number % 2 else g.text_left + em
            baseline = g.text_bottom + g.page_number_gap + EM_CENTRE_ABOVE_BASELINE * size
            pieces = ((x, DASH, dash_scale), (x + em + gap, number, 1.0),
                      (x + em + 2 * gap + number_width, DASH, dash_scale))
            page.items.append(TextRun(x, baseline, text, "page_number", width, pieces, kind="page_number"))
            if result.draft:
                header_width = m.width("draft_mark", DRAFT_HEADER)
                page.items.append(TextRun(g.text_right - header_width, g.text_top - 10 * MM, DRAFT_HEADER,
                                          "draft_mark", header_width, kind="draft_header"))
                mark_size = DRAFT_WATERMARK_PT
                mark_width = m.width("draft_mark", DRAFT_MARK, mark_size)
                # First on the page, so the text is drawn over the watermark, not under it.
                page.items.insert(0, TextRun(g.width / 2 - mark_width / 2, g.height / 2 + 0.38 * mark_size,
                                          DRAFT_MARK, "draft_mark", mark_width, kind="draft_watermark",
                                          size=mark_size))


DASH = "\u2014"


def page_number_text(number: int) -> str:
    """— 1 —: the number between two 一字线 (em dashes), with a space on each side."""
    return f"{DASH} {number} {DASH}"


def layout_document(document: Document, fonts: FontSet | None = None, geometry: PageGeometry = A4) -> LaidOutDocument:
    return DocumentLayout(document, fonts, geometry).layout()


def all_runs(layout: LaidOutDocument, kinds: Iterable[str] = ("text", "cell")) -> list[TextRun]:
    kinds = set(kinds)
    return [run for page in layout.pages for run in page.runs() if run.kind in kinds]
