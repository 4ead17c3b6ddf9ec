"""Page layout of the neutral Document by GB/T 9704: where every line, cell and page number goes.

The result is plain data in points (1/72 in, origin at the top-left corner of the page): a list
of pages, each a list of text runs and rules.  `page_painter.PagePainter` draws a page on any
QPainter — the PDF writer, a printer or an image for the print preview — so all of them show
exactly the same pages, and tests can check positions without reading a PDF back.

The pieces: pages.py (the data), text_setting.py (measuring, line breaking, justification),
table_layout.py (cells, row heights, table page breaks); this module flows the blocks down the
pages and adds page numbers and the draft mark.

Why a painter layout instead of QTextDocument: QTextDocument cannot repeat a table's heading
rows on a new page, keep a row from splitting, keep a caption with its first row, place the
page number differently on odd and even pages, or hold body lines on a fixed 28.9 pt pitch;
here each of those is a few lines of code.

Conventions (docs/spec/report-formats.md, "Printing conventions"):
A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm, 22 lines of 3号 text on a
fixed pitch, title 2号 centred, first-line indent of two characters, headings 一、 黑体 and
（一） 楷体, tables in 五号 with heading rows repeated, page numbers `— n —` in 4号 宋体 7 mm
below the text block, odd pages right and even pages left, one character in from the edge.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from . import docx_style as S
from .document import (DRAFT_WORD, Align, Document, Heading, Note, Paragraph, ParagraphRole, PlacedCell, TableBlock,
                       Title)
if TYPE_CHECKING:
    from .pdf.fonts import FontSet
# The pieces of the layout live in their own modules; their names are re-exported here, the
# one module callers (export, print preview, tests) import from.
from .pages import A4, MM, TABLE_RULE, CellBox, LaidOutDocument, Page, PageGeometry, Rule, TextRun  # noqa: F401
from .table_layout import (CELL_PAD_X, CELL_PAD_Y, CELL_ROLE_FONT, ROW_MIN_HEIGHT, TableGeometry,  # noqa: F401
                           measure_table, paginate_table)
from .pdf.text_setting import (EM_CENTRE_ABOVE_BASELINE, Measurer, SetLine, baseline_in, grid_tracking,  # noqa: F401
                           set_paragraph)

# The mark printed on a draft (a document exported while an error-level finding stands).
DRAFT_MARK = DRAFT_WORD
DRAFT_WATERMARK_PT = 150.0

# No space around tables: in the DOCX a table follows its heading directly and the next
# paragraph starts right under it (Word and LibreOffice add none), and the PDF must break its
# pages where they do.
TABLE_GAP_BEFORE = 0.0
TABLE_GAP_AFTER = 0.0
NOTE_PITCH_FACTOR = 1.5  # 小四 notes on an 18 pt pitch, as the DOCX's Table Note style
# A table is only placed where it fits with this much to spare: LibreOffice's rows come out up to
# a point or two taller than ours over a whole table, and a table that just fits in the PDF would
# start a page later there (the sample's table 四 did, with 1.4 pt to spare).
TABLE_FOOT_ALLOWANCE = 3.0
# Roles set on the 28-characters-per-line grid of GB/T 9704 (all 3号).
GRID_ROLES = frozenset({"body", "heading1", "heading2", "heading3"})
GRID_SAMPLE = "国"  # an ideograph: its advance is the font's character width


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
        as the last thing on a page).  Nothing moves if that would leave the page empty."""
        lines = self.lines_here
        cut = len(lines)
        if lines:
            last_block = lines[-1][0].block
            own = [i for i, (run, _, _) in enumerate(lines) if run.block == last_block]
            cut = own[-2] if len(own) >= 4 else own[0]
            while cut > 0 and keep_together(lines[cut - 1][0].block):
                block = lines[cut - 1][0].block
                cut = next(i for i, (run, _, _) in enumerate(lines) if run.block == block)
            if cut == 0 and not self.page.cells:
                cut = len(lines)  # everything would move: keep the page, move nothing
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
        pages = paginate_table(table, self.space - TABLE_FOOT_ALLOWANCE, page_space - TABLE_FOOT_ALLOWANCE)
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
            size = table.cell_sizes.get(index)  # None: the role's size
            line_top = y1 + max((y2 - y1 - text_height) / 2, CELL_PAD_Y)
            for line in lines:
                baseline = baseline_in(line_top, table.pitch, size or measurer.size(role))
                self.page.items.append(TextRun(x1 + line.x, baseline, line.text, role, line.width, (), "cell", block,
                                               p.cell.key, size))
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

    def __init__(self, document: Document, fonts: "FontSet | None" = None, geometry: PageGeometry = A4,
                 measurer=None):
        """`measurer` replaces the fonts' own (Qt) measuring: grid_measure.GridMeasurer lays the
        document out on fixed character widths, without Qt."""
        self.document = document
        if measurer is None:
            from .pdf.fonts import resolve_fonts  # Qt: only when measuring real fonts

            self.fonts = fonts or resolve_fonts()
            measurer = Measurer(self.fonts)
        else:
            self.fonts = fonts
        self.geometry = geometry
        self.measurer = measurer
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

        def one_line(text: str, left: float) -> SetLine:
            # set, not just measured: 2026 年 3 月 10 日 has the autospace the DOCX gets
            return set_paragraph(m, text, "body", left, float("inf"), justify=False)[0]

        width = one_line(block.text, 0.0).width
        if block.role == ParagraphRole.DATE or not date_text:
            x = right - width
        else:
            date_width = one_line(date_text, 0.0).width
            x = right - date_width / 2 - width / 2
        x = min(x, g.text_right - width)
        if x < g.text_left - 1e-6:  # a very long name: right-aligned lines
            return set_paragraph(m, block.text, "body", g.text_left, g.text_width, align=Align.RIGHT, justify=False)
        return [one_line(block.text, x)]

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
            return TABLE_GAP_BEFORE + sum(table.row_heights[r] for r in rows) + TABLE_FOOT_ALLOWANCE
        _, pitch = self._text_style(block)
        count = len(self._lines(index))
        if isinstance(block, Heading):
            return count * pitch + self._first_part_height(index + 1)
        # place_lines leaves neither one line alone at a page foot nor one alone at the top, so a
        # paragraph of up to three lines cannot be split at all.
        return (count if count <= 3 else 2) * pitch

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
            baseline = g.text_bottom + g.page_number_gap + DASH_ABOVE_BASELINE * size
            pieces = ((x, DASH, dash_scale), (x + em + gap, number, 1.0),
                      (x + em + 2 * gap + number_width, DASH, dash_scale))
            page.items.append(TextRun(x, baseline, text, "page_number", width, pieces, kind="page_number"))
            if result.draft:
                header = self.document.meta.draft_header
                header_width = m.width("draft_mark", header)
                # In the page header, as the DOCX puts it: the line's top S.HEADER_MM from the
                # page's top edge (its em box ends 0.12 em below the baseline).
                header_baseline = S.HEADER_MM * MM + (0.5 + EM_CENTRE_ABOVE_BASELINE) * m.size("draft_mark")
                page.items.append(TextRun(g.text_right - header_width, header_baseline, header,
                                          "draft_mark", header_width, kind="draft_header"))
                mark_size = DRAFT_WATERMARK_PT
                mark_width = m.width("draft_mark", DRAFT_MARK, mark_size)
                # First on the page, so the text is drawn over the watermark, not under it.
                page.items.insert(0, TextRun(g.width / 2 - mark_width / 2, g.height / 2 + 0.38 * mark_size,
                                          DRAFT_MARK, "draft_mark", mark_width, kind="draft_watermark",
                                          size=mark_size))


DASH = "\u2014"
# The 一字线 is drawn a little under the em box's centre (0.28 em above the baseline, measured in
# the rendered PDF), and it is the dash that GB/T 9704 places 7 mm under the text block.
DASH_ABOVE_BASELINE = 0.28


def page_number_text(number: int) -> str:
    """— 1 —: the number between two 一字线 (em dashes), with a space on each side."""
    return f"{DASH} {number} {DASH}"


def layout_document(document: Document, fonts: "FontSet | None" = None, geometry: PageGeometry = A4, *,
                    measurer=None) -> LaidOutDocument:
    return DocumentLayout(document, fonts, geometry, measurer).layout()


def all_runs(layout: LaidOutDocument, kinds: Iterable[str] = ("text", "cell")) -> list[TextRun]:
    kinds = set(kinds)
    return [run for page in layout.pages for run in page.runs() if run.kind in kinds]
