"""Tables on pages: column edges, cell lines and row heights of a TableBlock, and where the
pages break (rows never split, heading rows repeat, a caption stays with its first row).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .document import CellRole, PlacedCell, TableBlock
from .pages import MM
from .pdf.text_setting import Measurer, SetLine, set_paragraph

# Tables: 五号 type on a 1.3 pitch, small padding so table 四's fifteen value columns hold two
# characters per line (结果/维持) as the printed form does.
TABLE_PITCH_FACTOR = 1.3
CELL_PAD_X = 1 * MM     # 1 mm, as the DOCX export
CELL_PAD_Y = 1.7
ROW_MIN_HEIGHT = 6 * MM  # 17 pt, as the DOCX export's rows: a row never looks cramped
MIN_VALUE_PT = 6.0     # the smallest a number too wide for its cell is set


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
        return row in self.block.heading_rows


def value_type_size(measurer: Measurer, cell, inner: float) -> float | None:
    """The smaller type a number too wide for its cell's `inner` width is set in (None: it
    fits).  A number never wraps (5 0111 would read as two numbers).  The PDF and the DOCX both
    set it so (the DOCX measuring on fixed widths, grid_measure), so they print alike."""
    if cell.role != CellRole.VALUE:
        return None
    role = CELL_ROLE_FONT[cell.role]
    natural = measurer.width(role, cell.text)
    if natural <= inner:
        return None
    # In whole half points: the steps Word sizes type in (w:sz), so the DOCX can say the same.
    return max(MIN_VALUE_PT, math.floor(measurer.size(role) * inner / natural * 2) / 2)


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
        smaller = value_type_size(measurer, cell, inner)
        if smaller is not None:
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
