"""Document → .docx, on the reference template resources/template/report-template.docx.

The template carries the page (A4, GB/T 9704 margins, 22 × 28 grid), the styles and the
odd/even page-number footers; this module only appends the content.  Every run it writes
names its East Asian font explicitly (w:eastAsia), so the document prints the same whichever
defaults the reader's Word or WPS has.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from xml.sax.saxutils import escape
from functools import cache
from importlib import resources
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml

from . import docx_style as S
from .docx_xml import NSDECL, paragraph_xml, rpr_xml, run_xml
from .document import Align, Cell, Document, Heading, Note, Paragraph, ParagraphRole, TableBlock, Title
from .grid_measure import GridMeasurer
from .page_layout import layout_document
from .table_layout import value_type_size
from .result import ExportResult, write_bytes

TEMPLATE = ("template", "report-template.docx")
SHORT_TABLE_ROWS = 8          # a table this short always fits on a page
# One for the process: it keeps the lines it has set, so a second export sets again only what changed.
_GRID = GridMeasurer()
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


@cache
def template_bytes() -> bytes:
    return resources.files("disclosure_desktop.resources").joinpath(*TEMPLATE).read_bytes()


def render(document: Document, path: Path) -> ExportResult:
    write_bytes(path, to_bytes(document))
    return ExportResult(path=Path(path), format="docx", pages=None, substituted_fonts=[],
                        draft=document.meta.draft, draft_reasons=list(document.meta.draft_reasons))


def to_bytes(document: Document) -> bytes:
    word = docx.Document(io.BytesIO(template_bytes()))
    anchor = word.element.body.sectPr  # content goes before the section properties
    breaks = table_page_breaks(document)
    for block in document.blocks:
        for element in block_elements(block, document, breaks.get(getattr(block, "id", None), ())):
            anchor.addprevious(element)
    if document.meta.draft:
        mark_draft(word, document.meta.draft_header)
    _properties(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# --- blocks ---------------------------------------------------------------------------------
def table_page_breaks(document: Document) -> dict[str, tuple[int, ...]]:
    """Table id → the body rows that start a new page, from the shared page layout on fixed
    character widths (grid_measure): the PDF breaks its tables at the same rows."""
    # Only tables with merged label cells need it (a plain row repeats nothing), and short
    # tables never continue; what follows the last such table cannot move its breaks.
    wanted = [i for i, b in enumerate(document.blocks) if isinstance(b, TableBlock)
              and len(b.rows) > SHORT_TABLE_ROWS and any(c.rowspan > 1 and c.text for c in b.cells())]
    if not wanted:
        return {}
    upto = Document(document.meta, document.blocks[:wanted[-1] + 1])
    layout = layout_document(upto, measurer=_GRID)
    starts: dict[str, list[int]] = {}
    for page in layout.pages:
        first: dict[str, int] = {}
        for cell in page.cells:
            if not cell.repeated_head and not cell.continued:  # the rows this page really starts
                first[cell.table] = min(first.get(cell.table, cell.row), cell.row)
        for table_id, row in first.items():
            starts.setdefault(table_id, []).append(row)
    return {table_id: tuple(rows[1:]) for table_id, rows in starts.items() if len(rows) > 1}


def block_elements(block, document: Document, page_breaks: tuple[int, ...] = ()) -> list:
    if isinstance(block, Title):
        return [parse_xml(paragraph_xml("\n".join(block.printed_lines), S.STYLE_TITLE, S.TITLE_FONT))]
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3)
        return [parse_xml(paragraph_xml(block.text, S.STYLE_HEADING[level], S.HEADING_FONTS[level]))]
    if isinstance(block, Paragraph):
        return [parse_xml(_paragraph(block, document))]
    if isinstance(block, Note):
        return [parse_xml(paragraph_xml(block.text, S.STYLE_TABLE_NOTE, S.NOTE_FONT))]
    if isinstance(block, TableBlock):
        return [parse_xml(table_xml(block, page_breaks))]
    raise TypeError(f"unknown block {block!r}")


def _paragraph(block: Paragraph, document: Document) -> str:
    extra = "<w:keepNext/>" if block.keep_with_next else ""
    if block.right_indent:
        extra += f'<w:ind w:right="{round(block.right_indent * S.SIZE_3HAO * 20)}"/>'
    style, font = {
        ParagraphRole.SIGNATURE: (S.STYLE_SIGNATURE, S.BODY_FONT),
        ParagraphRole.DATE: (S.STYLE_DATE, S.BODY_FONT),
        ParagraphRole.NOTE: (S.STYLE_TABLE_NOTE, S.NOTE_FONT),
    }.get(block.role, (S.STYLE_BODY, S.BODY_FONT))
    return paragraph_xml(block.text, style, font, ppr_extra=extra)


def column_twips(block: TableBlock) -> list[int]:
    """Grid column widths filling the text width exactly (rounding goes to the last column)."""
    widths = [round(f * S.TEXT_WIDTH_TWIPS) for f in block.normalized_widths()]
    widths[-1] += S.TEXT_WIDTH_TWIPS - sum(widths)
    return widths


def table_xml(block: TableBlock, page_breaks: tuple[int, ...] = ()) -> str:
    """The table; at each row in `page_breaks` (a new page) a merged label cell running over it
    starts again with its text, so the continued page still says which group its rows are in."""
    widths = column_twips(block)
    grid = block.grid()
    breaks = set(page_breaks)
    out = [f'<w:tbl {NSDECL}><w:tblPr><w:tblStyle w:val="{S.STYLE_TABLE}"/>'
           f'<w:tblW w:w="{S.TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    heading_rows = block.heading_rows
    for r, row in enumerate(grid):
        # Rows never break across pages; the head rows repeat on every page the table runs onto;
        # a caption or heading row (第二十条第（一）项, 信息内容 …) keeps with the row under it
        # (Word keeps a row whose paragraphs all keep with next on the next row's page).
        keep = r in heading_rows and r + 1 < len(grid)
        out.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{S.ROW_MIN_HEIGHT_TWIPS}" w:hRule="atLeast"/>'
                   f'{"<w:tblHeader/>" if r < block.header_rows else ""}</w:trPr>')
        for c, placed in enumerate(row):
            if placed.column != c:
                continue  # covered by a cell spanning columns from the left
            cell = placed.cell
            width = sum(widths[placed.column:placed.last_column + 1])
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            starts_here = placed.row == r or (r in breaks and cell.text and placed.row < r)
            if cell.rowspan > 1:
                merge = '<w:vMerge w:val="restart"/>' if starts_here else "<w:vMerge/>"
            else:
                merge = ""
            content = _cell_paragraph(cell, keep, width) if starts_here else \
                f'<w:p><w:pPr><w:pStyle w:val="{S.STYLE_TABLE_TEXT}"/>{KEEP if keep else ""}</w:pPr></w:p>'
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}'
                       f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


KEEP = "<w:keepNext/>"


def _cell_paragraph(cell: Cell, keep_with_next: bool = False, width_twips: int | None = None) -> str:
    indent = ""
    if cell.indent:
        chars = cell.indent * 100
        indent = f'<w:ind w:leftChars="{chars}" w:left="{round(cell.indent * S.SIZE_TABLE * 20)}"/>'
    font = S.TABLE_FONT
    if width_twips is not None and cell.text:
        # A number too wide for its column is set smaller, as in the PDF, rather than wrapped.
        inner = (width_twips - 2 * S.CELL_MARGIN_TWIPS) / 20 - cell.indent * S.SIZE_TABLE
        smaller = value_type_size(_GRID, cell, inner)
        if smaller is not None:
            font = replace(font, size_pt=smaller)
    text = run_xml(cell.text, font) if cell.text else ""
    return (f'<w:p><w:pPr><w:pStyle w:val="{S.STYLE_TABLE_TEXT}"/>{KEEP if keep_with_next else ""}{indent}'
            f'<w:jc w:val="{_JC[cell.align]}"/></w:pPr>{text}</w:p>')


# --- draft mark and properties --------------------------------------------------------------
# A diagonal 草稿 watermark behind the text (VML text path, the form Word itself writes for
# 水印; LibreOffice and WPS show it too), plus the draft label in the header of every page.
_WATERMARK = (
    '<w:r {ns} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '{rpr}<w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:360pt;height:180pt;rotation:315;'
    'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#d9d9d9" stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:{font};font-size:1pt" string="{text}"/></v:shape></w:pict></w:r>')


def mark_draft(word, label: str = S.DRAFT_TEXT) -> None:
    """`label` in the header (草稿：尚有n个错误，不得作为正式文本印发或公开), the plain word as the watermark."""
    section = word.sections[0]
    for header in (section.header, section.even_page_header):
        header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT  # as the PDF places it
        paragraph = header.paragraphs[0]._p
        paragraph.append(parse_xml(f'<w:r {NSDECL}>{rpr_xml(S.DRAFT_HEADER_FONT, color=S.DRAFT_COLOR)}'
                                   f'<w:t>{escape(label)}</w:t></w:r>'))
        paragraph.append(parse_xml(_WATERMARK.format(
            ns=NSDECL, rpr=rpr_xml(S.DRAFT_FONT), font=f"&quot;{S.DRAFT_FONT.east_asian}&quot;",
            text=S.DRAFT_TEXT)))


def _properties(word, document: Document) -> None:
    meta = document.meta
    props = word.core_properties
    props.title = meta.title + (f"（{S.DRAFT_TEXT}）" if meta.draft else "")
    props.author = props.last_modified_by = meta.agency
    props.subject = "政府信息公开工作年度报告"
    props.keywords = S.DRAFT_TEXT if meta.draft else ""
    props.language = meta.language
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
