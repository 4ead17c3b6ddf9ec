"""Typography of the printed report (GB/T 9704-2012 as offices apply it), in Word's units.

One source for the reference template (scripts/build_docx_template.py writes it from these
numbers) and for the DOCX exporter, which names the East Asian font on every run it writes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# --- page ------------------------------------------------------------------------------------
PAGE_MM = (210, 297)  # A4
MARGIN_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
HEADER_MM = 15
PAGE_NUMBER_GAP_MM = 7  # the page number line sits 7 mm below the text block


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


TEXT_WIDTH_MM = PAGE_MM[0] - MARGIN_MM["left"] - MARGIN_MM["right"]    # 156
TEXT_HEIGHT_MM = PAGE_MM[1] - MARGIN_MM["top"] - MARGIN_MM["bottom"]   # 225
TEXT_WIDTH_TWIPS = twips(TEXT_WIDTH_MM)
# 225 mm / 22 lines = 28.97 pt: every body line sits on this pitch (exact line spacing).
LINE_PITCH_TWIPS = int(TEXT_HEIGHT_MM / 25.4 * 1440 / LINES_PER_PAGE)  # 579 = 28.95 pt

# --- type sizes (Chinese 号 in points) -------------------------------------------------------
SIZE_2HAO = 22.0    # title
SIZE_3HAO = 16.0    # body and headings
SIZE_4HAO = 14.0    # page numbers
SIZE_TABLE = 10.5   # 五号: table type, smaller than body type
SIZE_NOTE = 12.0    # 小四: notes under tables
SIZE_DRAFT = 16.0

# 28 characters per line: the 156 mm line holds 442.2 pt, so each 3号 character may take 15.79 pt.
# Word's usual way, a character grid (docGrid linesAndChars with a negative charSpace), is
# rendered by LibreOffice with characters spread far apart (tested: 12–17 per line), so the
# grid here is a line grid only and body text is condensed by 0.25 pt (w:spacing -5 twentieths)
# instead: 28 × 15.75 pt = 441 pt fits in Word, WPS and LibreOffice alike.
CHAR_PITCH_PT = TEXT_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE
BODY_CHAR_SPACING = math.floor((CHAR_PITCH_PT - SIZE_3HAO) * 20)  # -5 (twentieths of a point)

# GB/T 9704 7.5: the 一字线 of — n — lie 7 mm under the text block.  The footer distance is where
# the footer line's foot sits; the dashes of a single-spaced 4号 line are 2.6 mm above its foot
# (measured in LibreOffice's rendering: with the line's top at 7 mm the dashes sat 9.8 mm down).
FOOTER_DASH_ABOVE_FOOT_MM = 2.6
FOOTER_MM = MARGIN_MM["bottom"] - PAGE_NUMBER_GAP_MM - FOOTER_DASH_ABOVE_FOOT_MM

# --- fonts -----------------------------------------------------------------------------------
LATIN_FONT = "Times New Roman"


@dataclass(frozen=True)
class RunFont:
    """The fonts and size of one kind of run: east_asian is what w:eastAsia names."""

    east_asian: str
    size_pt: float
    latin: str = LATIN_FONT
    bold: bool = False


TITLE_FONT = RunFont("方正小标宋简体", SIZE_2HAO, latin="方正小标宋简体")
BODY_FONT = RunFont("仿宋_GB2312", SIZE_3HAO)
HEADING_FONTS = {
    1: RunFont("黑体", SIZE_3HAO, latin="黑体"),
    2: RunFont("楷体_GB2312", SIZE_3HAO, latin="楷体_GB2312"),
    3: RunFont("仿宋_GB2312", SIZE_3HAO, bold=True),
}
PAGE_NUMBER_FONT = RunFont("宋体", SIZE_4HAO, latin="宋体")
TABLE_FONT = RunFont("宋体", SIZE_TABLE)
NOTE_FONT = RunFont("仿宋_GB2312", SIZE_NOTE)
DRAFT_FONT = RunFont("黑体", SIZE_DRAFT, latin="黑体", bold=False)
# The draft line at the top of each page, as the PDF prints it (export/pdf/fonts.py "draft_mark"):
# 黑体 四号 bold, right-aligned.
DRAFT_HEADER_FONT = RunFont("黑体", SIZE_4HAO, latin="黑体", bold=True)

# What Word may substitute when an office font is missing (w:altName in the font table), and
# the Windows charset 86 (GB2312) that makes Word pick a Chinese face rather than a Latin one.
FONT_TABLE = {
    "仿宋_GB2312": ("仿宋", "modern"),
    "方正小标宋简体": ("宋体", "script"),
    "黑体": ("SimHei", "modern"),
    "楷体_GB2312": ("楷体", "modern"),
    "宋体": ("SimSun", "auto"),
}

# --- style ids in the reference template -----------------------------------------------------
STYLE_TITLE = "Title"
STYLE_BODY = "BodyText"
STYLE_HEADING = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
STYLE_TABLE_TEXT = "TableText"
STYLE_TABLE_NOTE = "TableNote"
STYLE_SIGNATURE = "Signature"
STYLE_DATE = "Date"
STYLE_HEADER = "Header"
STYLE_FOOTER = "Footer"
STYLE_TABLE = "TableGrid"

# Table cell padding, left/right (twips): 1 mm, the PDF's (table_layout.CELL_PAD_X), so a label
# wraps at the same character in both (a label a tenth of a point short of fitting in one and
# not the other made a row a line taller).  Value columns are widened for their figures.
CELL_MARGIN_TWIPS = 57  # 1 mm
# Table text on an exact pitch and cells padded top and bottom as the PDF sets them
# (table_layout: 1.3 × 五号 = 13.65 pt, 1.7 pt), so a row is as tall in LibreOffice and Word as
# in the PDF and the pages break at the same rows.
# LibreOffice adds the 0.5 pt rule to a row's content height, so the padding and the minimum
# height given here are the PDF's less that rule.
TABLE_RULE_TWIPS = 10                             # 0.5 pt
TABLE_LINE_TWIPS = round(SIZE_TABLE * 1.3 * 20)   # 273
CELL_MARGIN_Y_TWIPS = 34 - TABLE_RULE_TWIPS // 2  # 1.7 pt less half the rule, above and below
ROW_MIN_HEIGHT_TWIPS = 340 - TABLE_RULE_TWIPS     # 6 mm rows (17 pt with the rule)
NOTE_LINE_TWIPS = round(SIZE_NOTE * 1.5 * 20)     # 360: notes under tables, 18 pt
DRAFT_TEXT = "草稿"
DRAFT_COLOR = "B00000"  # the PDF's too (export/pdf/page_painter.py)
