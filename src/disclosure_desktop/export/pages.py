"""The laid-out pages as plain data: geometry of the A4 page and what is drawn where, in points.

Origin at the top-left corner of the page, y downwards.  page_layout fills these, page_painter
draws them on any QPainter, tests read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .docx_style import LINE_PITCH_TWIPS
from .document import CellRole
if TYPE_CHECKING:  # fonts needs Qt; a layout on fixed widths (grid_measure) has no FontSet
    from .pdf.fonts import FontSet

MM = 72 / 25.4  # points per millimetre
TABLE_RULE = 0.5  # 0.5 pt lines, as Word's "single" border


@dataclass(frozen=True)
class PageGeometry:
    width: float = 210 * MM
    height: float = 297 * MM
    top: float = 37 * MM
    bottom: float = 35 * MM
    left: float = 28 * MM
    right: float = 26 * MM
    line_pitch: float = LINE_PITCH_TWIPS / 20  # 28.95 pt: 22 lines of 3号 text, the DOCX's exact pitch
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
    fonts: "FontSet | None"
    draft: bool
