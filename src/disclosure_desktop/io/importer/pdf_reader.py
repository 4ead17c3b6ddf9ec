"""A PDF with a text layer (what Word, WPS, LibreOffice and our own exporter write) → lines.

PDFium (pypdfium2: one binary wheel, no other dependency, works offline and in the bundle)
gives every character with its box.  Lines are rebuilt from those boxes here rather than
taken from PDFium's own text, which runs two table rows together when a generator places
them close (`规章 103 106 109 行政规范性文件 112 …`).  Characters whose vertical centres agree
form a visual line; a gap (between font boxes) wider than 0.4 line heights, or a vertical
border, splits it into cells, and each cell becomes a line of its own, which is what the rest
of the importer reads as a text copy (blocks.tokens): a row's label, then its values.  In a
ruled table the lines of one cell (same borders left and right, nothing drawn between them)
are joined, so a label wrapped in a narrow column stays one label; without borders the table
reader joins wrapped labels as in any text copy.  Lines of running text that fill the width of
the page are joined back into paragraphs for the narrative; turned text (watermarks, stamps)
and heads and feet repeated on many pages are dropped.

Generators that map glyphs back to characters badly write look-alike radicals (⼈ for 人, ⻚
for 页); they are read as the ideograph the page shows, and the import says how many.
A file without text (a scan) is refused with a message that says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .blocks import Block, Line
from .cell_values import is_value_text
from .errors import ImportRefused
from .labels import has_numbering

MAX_PAGES = 300  # an annual report has a few dozen pages at most; thousands of empty pages are an attack
MIN_TEXT_CHARS = 20  # fewer characters in the whole file: a scan (or empty pages), not a text PDF
LINE_TOLERANCE = 0.45  # centres closer than this share of the character height: one visual line
# Gaps are measured between font boxes (a character's advance), so running text has none; the
# gap between two cells of a table is a fraction of the line height at least (0.7 between the
# numbers of table 三 in our own export), justified text a tenth or two.
CELL_GAP = 0.4  # a horizontal gap wider than this many line heights separates two cells
SPACE_GAP = 0.15  # … wider than this between two Latin letters or digits: a space
MARGIN_SLACK = 1.6  # a line ending this many character heights from the right edge "fills" it
TURNED = 0.05  # radians: a character turned more than this is not part of a line of text

# Radicals that PDF generators write for the simplified ideograph sharing their glyph: those of
# the CJK Radicals Supplement (NFKC does not map them), and Kangxi radicals whose NFKC form is
# the traditional character while simplified fonts draw the simplified one (⼾ is 户 there, not 戶).
_RADICALS = {"\u2F3E": "户", "\u2EE6": "鸟", "\u2EE8": "麦", "\u2EF0": "龙",
             "\u2EA0": "民", "\u2EC4": "西", "\u2EC5": "见", "\u2EC6": "角", "\u2EC9": "贝", "\u2ECB": "车",
             "\u2ED3": "长", "\u2ED4": "门", "\u2EDA": "页", "\u2EDB": "风", "\u2EDC": "飞", "\u2EDD": "食",
             "\u2EE2": "马", "\u2EE5": "鱼", "\u2EE9": "黄", "\u2EEC": "齐", "\u2EEE": "齿", "\u2EF3": "龟",
             "\u2E9F": "母", "\u2ECF": "阝", "\u2ED6": "阝", "\u31D0": "一"}


def _true_character(ch: str) -> str:
    """The ideograph a look-alike radical stands for (unchanged for any other character)."""
    if ch in _RADICALS:
        return _RADICALS[ch]
    if "\u2F00" <= ch <= "\u2FDF":  # Kangxi radicals: NFKC gives the unified ideograph
        return unicodedata.normalize("NFKC", ch)
    return ch


@dataclass
class _Char:
    text: str
    left: float
    right: float
    bottom: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


class _VisualLine:
    """Characters whose vertical centres agree; middle and height are computed once it is whole."""

    def __init__(self, first: _Char):
        self.chars = [first]
        self.reference = first.height  # for grouping while the line grows
        self._middle_sum = first.middle

    def add(self, char: _Char) -> None:
        self.chars.append(char)
        self._middle_sum += char.middle

    @property
    def growing_middle(self) -> float:
        return self._middle_sum / len(self.chars)

    @cached_property
    def middle(self) -> float:
        return self._middle_sum / len(self.chars)

    @cached_property
    def height(self) -> float:
        return sorted(c.height for c in self.chars)[len(self.chars) // 2]

    def cells(self, borders: list[float] = ()) -> list[tuple[str, float, float]]:
        """(text, left, right) of each run of characters separated by a wide gap or a border
        (x of the vertical borders crossing the line)."""
        chars = sorted(self.chars, key=lambda c: c.left)
        height = self.height
        cells: list[tuple[str, float, float]] = []
        text, left, right = "", chars[0].left, chars[0].left
        for char in chars:
            gap = char.left - right
            bordered = any(right - 1 <= x <= char.left + 1 for x in borders)
            if text and (gap > CELL_GAP * height or bordered):
                cells.append((text, left, right))
                text, left = "", char.left
            elif text and gap > SPACE_GAP * height and text[-1].isascii() and char.text.isascii():
                text += " "  # keeps Latin words and numbers apart; CJK text has no spaces
            text += char.text
            right = max(right, char.right)
        cells.append((text, left, right))
        return [(t.strip(), a, b) for t, a, b in cells if t.strip()]


def _page_chars(page, counts: dict[str, int]) -> list[_Char]:
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    em_high = _em_high_boxes(textpage.raw)
    try:
        chars = []
        for index in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
            if code in (0, 0xFFFE, 0xFFFF) or pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
                continue
            ch = chr(code)
            if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            true = _true_character(ch)
            if true != ch:
                counts["radicals"] = counts.get("radicals", 0) + 1
            angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
            if TURNED < angle < 2 * 3.14159265 - TURNED:
                continue  # a watermark (草稿) or a stamp's ring of text
            # The font box (advance width, font height): 、 and 国 get one height, and running text
            # has no gaps between its characters as glyph boxes with their side bearings would.
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            bottom, top = em_high(index, bottom, top)
            chars.append(_Char(true, left, right, bottom, top))
        return chars
    finally:
        textpage.close()


def _em_high_boxes(textpage):
    """em_high(index, bottom, top): a character's loose box made one font size (em) high, split
    at the baseline as PDFium splits it.  Older PDFium builds (pypdfium2 4.30) made the box
    exactly that high; newer ones (pypdfium2 5.15) make it the font's ascent plus descent, 1.45
    em for Noto CJK, so that the boxes of two table rows nearly touch and the border between
    them no longer falls between their texts.  Gaps and tolerances here are measured in ems,
    whichever build reads the file."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    # (made once per page: the box of every character is asked for)
    matrix, x, baseline = pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    matrix_at, x_at, baseline_at = ctypes.byref(matrix), ctypes.byref(x), ctypes.byref(baseline)

    def em_high(index: int, bottom: float, top: float) -> tuple[float, float]:
        if top <= bottom or not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix_at):
            return bottom, top
        em = pdfium_c.FPDFText_GetFontSize(textpage, index) * (matrix.c ** 2 + matrix.d ** 2) ** 0.5
        if em <= 0 or not pdfium_c.FPDFText_GetCharOrigin(textpage, index, x_at, baseline_at):
            return bottom, top
        below = (baseline.value - bottom) / (top - bottom)  # the share of the box under the baseline
        return baseline.value - below * em, baseline.value + (1 - below) * em

    return em_high


def _visual_lines(chars: list[_Char]) -> list[_VisualLine]:
    lines: list[_VisualLine] = []
    for char in sorted(chars, key=lambda c: -c.middle):
        line = lines[-1] if lines else None
        if line is not None and abs(line.growing_middle - char.middle) <= LINE_TOLERANCE * min(line.reference, char.height):
            line.add(char)
        else:
            lines.append(_VisualLine(char))
    return lines


def _stretched_text(cells: list[tuple[str, float, float]], borders: list[float]) -> bool:
    """A justified line of running text with few break opportunities (a long web address) has
    wide gaps between single characters; a table row has its values, or borders between cells
    (a header of narrow columns wraps its words one or two characters a line)."""
    texts = [text for text, _, _ in cells]
    if len(texts) < 4 or sum(1 for text in texts if is_value_text(text, False)) * 2 >= len(texts):
        return False
    if any(right <= x <= left for (_, _, right), (_, left, _) in zip(cells, cells[1:]) for x in borders):
        return False
    return sum(1 for text in texts if len(text) <= 2) * 2 > len(texts)


RULE_THICKNESS = 2.5  # points: a path this thin (and longer than RULE_LENGTH) is a ruling line
RULE_LENGTH = 4.0


@dataclass
class _Rules:
    """The ruling lines of a page: table borders."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # (y, left, right)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)  # (x, bottom, top)
    strokes: list[tuple[float, float, float]] = field(default_factory=list)  # horizontal, however short

    def box(self, left: float, right: float, middle: float) -> tuple[float, float] | None:
        """(x of the border on the left, on the right) of the table cell around a text, or None
        when the text is not between two vertical borders (running text, a borderless table)."""
        crossing = [x for x, bottom, top in self.vertical if bottom <= middle <= top]
        before = [x for x in crossing if x <= left + 1]
        after = [x for x in crossing if x >= right - 1]
        return (max(before), min(after)) if before and after else None

    def enclosed(self, upper: float, lower: float, left: float, right: float) -> bool:
        """Whether horizontal borders run above `upper` and below `lower` across the cell: only
        then can the lines of one cell be told from the rows of a table (generators that draw
        borders in short strokes, such as Qt, give none)."""
        middle = (left + right) / 2
        crossing = [y for y, x0, x1 in self.horizontal if x0 <= middle <= x1]
        return any(y >= upper for y in crossing) and any(y <= lower for y in crossing)

    def ruled_between(self, upper: float, lower: float, left: float, right: float) -> bool:
        """Whether anything drawn horizontally (a border, or a stroke of one) runs between two
        heights under the text of a cell (left … right: the text, not the cell)."""
        return any(lower <= y <= upper and x0 <= right and x1 >= left for y, x0, x1 in self.strokes)


def _page_rules(page) -> _Rules:
    import ctypes

    import pypdfium2.raw as pdfium_c

    rules = _Rules()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):  # the raw calls: 3× faster than the helpers
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom),
                                              ctypes.byref(right), ctypes.byref(top)):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if height <= RULE_THICKNESS and width >= 1:
            rules.strokes.append(((top.value + bottom.value) / 2, left.value, right.value))
        if height <= RULE_THICKNESS and width >= RULE_LENGTH:
            rules.horizontal.append(((top.value + bottom.value) / 2, left.value, right.value))
        elif width <= RULE_THICKNESS and height >= RULE_LENGTH:
            rules.vertical.append(((left.value + right.value) / 2, bottom.value, top.value))
    return rules


@dataclass
class _OpenCell:
    """A table cell whose text may go on in the next visual line (a wrapped label)."""

    block: int
    box: tuple[float, float]
    left: float
    right: float
    bottom: float
    top: float  # of its first line


def _page_blocks(lines: list[_VisualLine], rules: _Rules | None = None) -> list[Block]:
    """One line per cell — the lines of one table cell (between the same borders, no border
    between them) joined into one —, and running text that fills the width joined into
    paragraphs."""
    rules = rules or _Rules()
    rows = []
    for line in lines:
        borders = [x for x, low, high in rules.vertical if low <= line.middle <= high]
        cells = line.cells(borders)
        if _stretched_text(cells, borders):
            cells = [("".join(text for text, _, _ in cells), cells[0][1], cells[-1][2])]
        rows.append(cells)
    single = [cells[0] for cells in rows if len(cells) == 1]
    left_edge = min((left for _, left, _ in single), default=0.0)
    right_edge = max((right for _, _, right in single), default=0.0)
    blocks: list[Block] = []
    open_cells: list[_OpenCell] = []
    filled = False  # the previous line was running text that reached the right edge
    for line, cells in zip(lines, rows):
        height = line.height
        top, bottom = line.middle + height / 2, line.middle - height / 2
        boxes = [rules.box(left, right, line.middle) for _, left, right in cells]
        if len(cells) == 1 and boxes[0] is None:
            text, left, right = cells[0]
            # (a line that starts 二、/（一）/1. is a heading or an item, even after a full line)
            if filled and left <= left_edge + 0.5 * height and not has_numbering(text):
                blocks[-1] = Line(blocks[-1].text + text)
            else:
                blocks.append(Line(text))
            filled = right >= right_edge - MARGIN_SLACK * height and right - left > (right_edge - left_edge) / 2
            continue
        filled = False
        for (text, left, right), box in zip(cells, boxes):
            label = box is not None and not is_value_text(text, False)
            above = next((cell for cell in reversed(open_cells) if label and cell.box == box
                          and min(cell.right, right) > max(cell.left, left) - height
                          and cell.bottom - top < 2 * height
                          and not rules.ruled_between(cell.bottom, top, min(cell.left, left), max(cell.right, right))
                          and rules.enclosed(cell.top, bottom, *box)), None)
            if above is not None:
                blocks[above.block] = Line(blocks[above.block].text + text)
                above.bottom, above.left, above.right = bottom, min(above.left, left), max(above.right, right)
                continue
            waiting = _label_waiting_for_values(open_cells, blocks, box, top, height, rules) if label else None
            if waiting is None:
                blocks.append(Line(text))
            else:
                # A group label in a column further left (三、本年度办理结果, set in a tall merged cell)
                # whose first line falls beside a row label wrapped over two lines, above the row's
                # values: read before that row, as the row is read from left to right.
                blocks.insert(waiting.block, Line(text))
                for cell in open_cells:
                    cell.block += cell.block >= waiting.block
            if label:
                at = len(blocks) - 1 if waiting is None else waiting.block - 1
                open_cells.append(_OpenCell(at, box, left, right, bottom, top))
    return blocks


def _label_waiting_for_values(open_cells: list[_OpenCell], blocks: list[Block], box: tuple[float, float],
                              top: float, height: float, rules: _Rules) -> _OpenCell | None:
    """The label read last, if nothing has followed it yet, it stands in a column to the right of
    `box`, and a line whose top is `top` is still beside it (nothing ruled between, not a line's
    height below it): a row label whose values are still to come."""
    last = next((cell for cell in reversed(open_cells) if cell.block == len(blocks) - 1), None)
    if last is None or last.box[0] < box[1] - 1 or last.bottom - top >= height:
        return None
    return None if rules.ruled_between(last.bottom, top, last.left, last.right) else last


EDGE_LINES = 2  # a running head or foot is among the first or last lines of a page
# … and stands there on at least this many pages, and on half of them: the agency's name on the
# first page and again in the closing on the last is no running head.
MIN_HEAD_PAGES = 3


# A page number as a page's first or last line: `— 3 —`, `- 3 -`, `3`, `第3页`, `第 3 页 共 9 页`, `3/9`.
_PAGE_NUMBER = re.compile(r"^(?:[-—－–\s]*\d{1,3}[-—－–\s]*|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                          r"|\d{1,3}\s*/\s*\d{1,3})$")


FOOT_GAP = 1.5  # line heights between a page number and the text above or below it (the margin)


def _without_page_numbers(lines: list[_VisualLine]) -> list[_VisualLine]:
    """The visual lines less a page number standing alone in the top or bottom margin: inside a
    table it would be one more value of the row before the page break."""
    def alone(line: _VisualLine, neighbour: _VisualLine) -> bool:
        text = "".join(c.text for c in sorted(line.chars, key=lambda c: c.left))
        return (_PAGE_NUMBER.match(text) is not None
                and abs(line.middle - neighbour.middle) >= (1 + FOOT_GAP) * max(line.height, neighbour.height))

    if len(lines) >= 2 and alone(lines[-1], lines[-2]):
        lines = lines[:-1]
    if len(lines) >= 2 and alone(lines[0], lines[1]):
        lines = lines[1:]
    return lines


def _without_running_heads(pages: list[list[Block]]) -> list[Block]:
    """All lines, less the heads and feet printed on several pages (agency name, 草稿 notice):
    inside the text they would split a paragraph or a table."""
    seen: dict[str, int] = {}
    for blocks in pages:
        for text in {b.text for b in blocks[:EDGE_LINES] + blocks[-EDGE_LINES:]}:
            seen[text] = seen.get(text, 0) + 1
    repeated = {text for text, count in seen.items() if count >= max(MIN_HEAD_PAGES, len(pages) / 2)}
    result: list[Block] = []
    for blocks in pages:
        for number, block in enumerate(blocks):
            at_edge = number < EDGE_LINES or number >= len(blocks) - EDGE_LINES
            if not (at_edge and block.text in repeated):
                result.append(block)
    return result


def read_pdf(data: bytes, name: str = "PDF") -> tuple[list[Block], list[str]]:
    """(the lines of every page in reading order, notes).  Raises ImportRefused for a broken
    or password-protected file and for a scan without a text layer."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ImportRefused(f"“{name}”是加密的 PDF，需要密码才能打开。请先取消密码保护（或另存为不加密的 PDF）再导入。",
                                "bad_pdf") from None
        raise ImportRefused(f"“{name}”不是可以读取的 PDF 文件（可能已损坏）。", "bad_pdf") from None
    if len(document) > MAX_PAGES:
        pages_count = len(document)
        document.close()
        raise ImportRefused(f"“{name}”有{pages_count}页（上限{MAX_PAGES}页），不像是一份年报。", "too_large")
    pages: list[list[Block]] = []
    counts: dict[str, int] = {}
    characters = 0
    try:
        for page in document:
            try:
                chars = _page_chars(page, counts)
                rules = _page_rules(page)
            finally:
                page.close()
            characters += len(chars)
            pages.append(_page_blocks(_without_page_numbers(_visual_lines(chars)), rules))
    except pdfium.PdfiumError:
        raise ImportRefused(f"“{name}”的页面无法读取（PDF 文件可能已损坏）。", "bad_pdf") from None
    finally:
        document.close()
    if characters < MIN_TEXT_CHARS:
        raise ImportRefused(
            f"“{name}”是扫描件或图片 PDF，没有文字层，无法读取其中的文字和数字。"
            "请导入网页版、Word 版或带文字的 PDF（用 Word/WPS“另存为 PDF”生成的文件）。", "scanned_pdf")
    blocks = _without_running_heads(pages)
    notes = []
    if counts.get("radicals"):
        notes.append(f"PDF 的文字层把{counts['radicals']}个汉字写成了外形相同的部首字符（如“⼈”），已按页面上显示的汉字读取。")
    return blocks, notes
