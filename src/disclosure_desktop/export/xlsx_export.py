"""Document → .xlsx of the statistical tables, for offices that report the figures upward.

One worksheet per table section (二, 三, 四), laid out like the printed table: the same grid,
the same merged header cells, numbers stored as numbers (a blank cell stays empty).  Each
sheet prints on A4, fitted to the page width, with the table head repeated.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .builder import em_width
from .document import Align, CellRole, Document, Heading, Note, TableBlock
from .result import ExportResult, write_bytes

FONT_NAME = "宋体"
SHEET_WIDTH = 100        # total width of a sheet's grid in Excel character units
LINE_HEIGHT_PT = 15      # one line of 11 pt text
FIRST_TABLE_ROW = 4      # row 1 report title, row 2 section title, row 3 empty
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def render(document: Document, path: Path) -> ExportResult:
    write_bytes(path, to_bytes(document))
    return ExportResult(path=Path(path), format="xlsx", pages=None, substituted_fonts=[],
                        draft=document.meta.draft, draft_reasons=list(document.meta.draft_reasons))


def table_sections(document: Document) -> list[tuple[str, TableBlock, list[Note]]]:
    """(section title, table, notes under it) for every table, in document order."""
    result: list[tuple[str, TableBlock, list[Note]]] = []
    title = ""
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            title = block.text
        elif isinstance(block, TableBlock):
            result.append((title or block.id, block, []))
        elif isinstance(block, Note) and result:
            result[-1][2].append(block)
    return result


def sheet_name(title: str, used: set[str]) -> str:
    name = _SHEET_NAME_FORBIDDEN.sub("", title)[:31] or "表"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}（{n}）"
        n += 1
    used.add(name)
    return name


def to_bytes(document: Document) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for title, block, notes in table_sections(document):
        write_sheet(workbook.create_sheet(sheet_name(title, used)), document, title, block, notes)
    workbook.properties.title = document.meta.title
    workbook.properties.creator = document.meta.agency
    workbook.properties.language = document.meta.language
    if document.meta.draft:
        workbook.properties.keywords = "草稿"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_sheet(sheet, document: Document, title: str, block: TableBlock, notes: list[Note]) -> None:
    meta = document.meta
    widths = [w * SHEET_WIDTH for w in block.normalized_widths()]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)
    last_column = get_column_letter(block.columns)

    heading = meta.title + ("（草稿）" if meta.draft else "")
    sheet["A1"] = heading
    sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True, color="C00000" if meta.draft else None)
    sheet["A2"] = title
    sheet["A2"].font = Font(name=FONT_NAME, size=12, bold=True)
    for row in (1, 2):
        sheet.merge_cells(f"A{row}:{last_column}{row}")
        sheet[f"A{row}"].alignment = Alignment(horizontal="center" if row == 1 else "left", vertical="center",
                                              wrap_text=True)
    sheet.row_dimensions[1].height = 2 * LINE_HEIGHT_PT if em_width(heading) * 2 > SHEET_WIDTH else 20

    lines = [1] * len(block.rows)
    body_font = Font(name=FONT_NAME, size=11)
    for placed in block.placed():
        cell = placed.cell
        top = FIRST_TABLE_ROW + placed.row
        left = placed.column + 1
        target = sheet.cell(row=top, column=left)
        if cell.role is CellRole.VALUE:
            if cell.value is not None:
                target.value = cell.value
                target.number_format = "0" if isinstance(cell.value, int) else "General"
        elif cell.text:
            target.value = cell.text
        target.font = body_font
        target.alignment = Alignment(horizontal=_ALIGN[cell.align], vertical="center", wrap_text=True,
                                     indent=cell.indent)
        bottom, right = top + cell.rowspan - 1, left + cell.colspan - 1
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                sheet.cell(row=r, column=c).border = BORDER
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        if cell.rowspan == 1 and cell.text:
            # Excel does not grow a row for wrapped text it did not lay out itself: estimate.
            available = sum(widths[placed.column:placed.last_column + 1])
            needed = math.ceil(em_width(cell.text) * 2.1 / max(available - 1, 1))
            lines[placed.row] = max(lines[placed.row], needed)
    for index, count in enumerate(lines):
        sheet.row_dimensions[FIRST_TABLE_ROW + index].height = max(count, 1) * LINE_HEIGHT_PT + 3

    note_row = FIRST_TABLE_ROW + len(block.rows) + 1
    for offset, note in enumerate(notes):
        sheet.cell(row=note_row + offset, column=1, value=note.text).font = body_font

    if block.header_rows:
        sheet.print_title_rows = f"{FIRST_TABLE_ROW}:{FIRST_TABLE_ROW + block.header_rows - 1}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if meta.draft:
        sheet.oddHeader.center.text = "草稿"
        sheet.evenHeader.center.text = "草稿"
    sheet.freeze_panes = sheet.cell(row=FIRST_TABLE_ROW + block.header_rows, column=1)
