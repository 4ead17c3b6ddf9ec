"""Document → .xlsx of the statistical tables, for offices that report the figures upward and for
reviewers who correct a figure in Excel.

One worksheet per table of the format (section 二's sub-tables each get their own sheet, named by
their caption 第二十条第（一）项 …; 三 and 四 by their section title), laid out like the printed
table: the same grid and merged header cells, numbers stored as numbers (a blank cell stays empty).
Totals are Excel formulas (=SUM of the cells the format sums) with our value cached, so the
sheet opens with the right figures and stays right when a reviewer corrects a cell.  The sheet is
protected without a password: input cells are unlocked, labels and totals locked.  Every text
cell is stored as text (a label or agency name starting with = + - @ never becomes a formula).

The workbook is built in memory and written once through result.write_bytes: openpyxl's own
writer spools each worksheet through the system temp folder, which may be full or not writable.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from ..core.formats import Format, ValueType, get_format
from .builder import em_width
from .document import Align, CellRole, Document, Heading, Note, TableBlock
from .result import ExportError, ExportResult, write_bytes

FONT_NAME = "宋体"
SHEET_WIDTH = 100        # total width of a sheet's grid in Excel character units
LINE_HEIGHT_PT = 15      # one line of 11 pt text
FIRST_TABLE_ROW = 4      # row 1 report title, row 2 section title, row 3 empty
COUNT_FORMAT = "0"
# Amounts (万元) keep every decimal the program accepts (values.DECIMAL_PLACES) and show at least 2.
AMOUNT_FORMAT = "0.00####"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_UNLOCKED = Protection(locked=False)
_LOCKED = Protection(locked=True)


def render(document: Document, path: Path) -> ExportResult:
    write_bytes(path, to_bytes(document))
    return ExportResult(path=Path(path), format="xlsx", pages=None, substituted_fonts=[],
                        draft=document.meta.draft, draft_reasons=list(document.meta.draft_reasons))


# --- which tables, which sheets ----------------------------------------------------------------
def table_sections(document: Document) -> list[tuple[str, TableBlock, list[Note]]]:
    """(section title, table, notes under it) for every table block, in document order."""
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
    name = _SHEET_NAME_FORBIDDEN.sub("", title)[:31].strip("'") or "表"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]}（{n}）"
        n += 1
    used.add(name)
    return name


def notes_by_table(pieces: list[TableBlock], notes: list[Note]) -> list[list[Note]]:
    """Each unit note under the sub-table whose column it names in quotes (“采购总金额”), the
    others under the last one."""
    result: list[list[Note]] = [[] for _ in pieces]
    for note in notes:
        index = next((i for i, table in enumerate(pieces)
                      if any(f"“{c.text}”" in note.text for c in table.cells() if c.role is CellRole.HEADER and c.text)),
                     len(pieces) - 1)
        result[index].append(note)
    return result


# --- the workbook ---------------------------------------------------------------------------
def to_bytes(document: Document) -> bytes:
    fmt = get_format(document.meta.format_id) if document.meta.format_id else None
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    cached: dict[str, dict[str, object]] = {}
    for title, block, notes in table_sections(document):
        pieces = block.sub_tables()
        for table, table_notes in zip(pieces, notes_by_table(pieces, notes)):
            name = _table_name(fmt, table.source_tables[0] if table.source_tables else table.id, title)
            sheet = workbook.create_sheet(sheet_name(name, used))
            cached[sheet.title] = write_sheet(sheet, document, name, table, table_notes, fmt)
    workbook.properties.title = document.meta.title
    workbook.properties.creator = document.meta.agency
    workbook.properties.language = document.meta.language
    # Excel recomputes on open anyway; the cached values serve readers that do not (previews, scripts).
    workbook.calculation.fullCalcOnLoad = True
    if document.meta.draft:
        workbook.properties.keywords = "草稿"
    try:
        return workbook_bytes(workbook, cached)
    except (OSError, MemoryError) as error:  # building in memory: only a machine out of memory
        raise ExportError("无法生成 Excel 文件：内存不足。请关闭其他程序后重试。") from error


def _table_name(fmt: Format | None, table_id: str, section_title: str) -> str:
    if fmt is not None:
        try:
            table = fmt.table(table_id)
        except KeyError:
            return section_title
        return table.caption or section_title
    return section_title


class _InMemoryExcelWriter(ExcelWriter):
    """openpyxl's writer with worksheets serialised to memory instead of the system temp folder,
    and the cached value of every formula cell written beside its formula."""

    def __init__(self, workbook, archive, cached: dict[str, dict[str, object]]):
        super().__init__(workbook, archive)
        self._cached = cached

    def write_worksheet(self, ws):
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], _with_cached_values(writer.read(), self._cached.get(ws.title, {})))
        self.manifest.append(ws)


_FORMULA_CELL = re.compile(rb'(<c r="([A-Z]+[0-9]+)"[^>]*>)(<f>[^<]*</f>)(<v>[^<]*</v>|<v\s*/>)?(</c>)')


def _with_cached_values(xml: bytes, values: dict[str, object]) -> bytes:
    def add(match: re.Match) -> bytes:
        value = values.get(match.group(2).decode())
        cached = b"" if value is None else f"<v>{escape(repr(value) if isinstance(value, float) else str(value))}</v>".encode()
        return match.group(1) + match.group(3) + cached + match.group(5)
    return _FORMULA_CELL.sub(add, xml)


def workbook_bytes(workbook: Workbook, cached: dict[str, dict[str, object]] | None = None) -> bytes:
    """The .xlsx file of `workbook`, built in memory (openpyxl's own save spools every sheet
    through the system temp folder, where a full disk would fail outside our error handling);
    `cached` gives the values to store beside formulas, sheet title → cell → value."""
    cached = cached or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        _InMemoryExcelWriter(workbook, archive, cached).write_data()
    return out.getvalue()


# --- one sheet ------------------------------------------------------------------------------
def _set_text(cell, text: str) -> None:
    """Store `text` as a string, never as a formula, and keep it text when a reviewer edits the cell."""
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        cell.quotePrefix = True


def write_sheet(sheet, document: Document, title: str, block: TableBlock, notes: list[Note],
                fmt: Format | None = None) -> dict[str, object]:
    """Lay out one table; returns the cached value of each formula cell (coordinate → value)."""
    meta = document.meta
    widths = [w * SHEET_WIDTH for w in block.normalized_widths()]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(width, 1)
    last_column = get_column_letter(block.columns)

    heading = meta.title + ("（草稿）" if meta.draft else "")
    _set_text(sheet["A1"], heading)
    sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True, color="C00000" if meta.draft else None)
    _set_text(sheet["A2"], title)
    sheet["A2"].font = Font(name=FONT_NAME, size=12, bold=True)
    for row in (1, 2):
        sheet.merge_cells(f"A{row}:{last_column}{row}")
        sheet[f"A{row}"].alignment = Alignment(horizontal="center" if row == 1 else "left", vertical="center",
                                              wrap_text=True)
    sheet.row_dimensions[1].height = 2 * LINE_HEIGHT_PT if em_width(heading) * 2 > SHEET_WIDTH else 20

    placed = block.placed()
    address = {p.cell.key: sheet.cell(row=FIRST_TABLE_ROW + p.row, column=p.column + 1).coordinate
               for p in placed if p.cell.key}
    lines = [1] * len(block.rows)
    body_font = Font(name=FONT_NAME, size=11)
    cached: dict[str, object] = {}
    for p in placed:
        cell = p.cell
        top = FIRST_TABLE_ROW + p.row
        left = p.column + 1
        target = sheet.cell(row=top, column=left)
        target.protection = _LOCKED
        if cell.role is CellRole.VALUE:
            formula = _formula(fmt, cell.key, address)
            if formula:
                target.value = formula
                cached[target.coordinate] = cell.value
            elif cell.value is not None:
                target.value = cell.value
            if not formula:
                target.protection = _UNLOCKED  # an input cell: the reviewer may correct it
            target.number_format = _number_format(fmt, cell.key, cell.value)
        elif cell.text:
            _set_text(target, cell.text)
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
            available = sum(widths[p.column:p.last_column + 1])
            needed = math.ceil(em_width(cell.text) * 2.1 / max(available - 1, 1))
            lines[p.row] = max(lines[p.row], needed)
    for index, count in enumerate(lines):
        sheet.row_dimensions[FIRST_TABLE_ROW + index].height = max(count, 1) * LINE_HEIGHT_PT + 3

    note_row = FIRST_TABLE_ROW + len(block.rows) + 1
    for offset, note in enumerate(notes):
        target = sheet.cell(row=note_row + offset, column=1)
        _set_text(target, note.text)
        target.font = body_font
    last_row = note_row + len(notes) - 1 if notes else FIRST_TABLE_ROW + len(block.rows) - 1

    _page_setup(sheet, block, last_column, last_row, meta.draft_label if meta.draft else "")
    # Protected without a password: it guards against typing over a total or a label, not against
    # the reviewer, who can lift it in one click.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    return cached


def _formula(fmt: Format | None, key, address: dict) -> str | None:
    """=SUM(…) over the cells the format sums for a computed cell; None for an input cell."""
    if fmt is None or key is None:
        return None
    table_id, row_id, column_id = key
    plan = dict(_plans(fmt, table_id))
    parts = plan.get((row_id, column_id))
    if parts is None:
        return None
    refs = [address.get((table_id, r, c)) for r, c in parts]
    if not all(refs):
        return None  # a part not printed in this table: keep our value rather than a wrong formula
    return f"=SUM({','.join(_ranges(refs))})"


def _plans(fmt: Format, table_id: str):
    try:
        return fmt.table(table_id).computation_plan
    except KeyError:
        return ()


def _ranges(refs: list[str]) -> list[str]:
    """Consecutive cells of one row or one column as A1:A9 ranges (shorter, and what a person writes)."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    result: list[str] = []
    run: list[tuple[str, int, int]] = []

    def flush():
        if not run:
            return
        result.append(run[0][0] if len(run) == 1 else f"{run[0][0]}:{run[-1][0]}")
        run.clear()

    for ref in refs:
        letters, row = coordinate_from_string(ref)
        column = column_index_from_string(letters)
        if run:
            _, last_column, last_row = run[-1]
            same_row = row == last_row and column == last_column + 1
            same_column = column == last_column and row == last_row + 1
            direction = (run[1][1] - run[0][1], run[1][2] - run[0][2]) if len(run) > 1 else None
            step = (column - last_column, row - last_row)
            if (same_row or same_column) and (direction is None or direction == step):
                run.append((ref, column, row))
                continue
            flush()
        run.append((ref, column, row))
    flush()
    return result


def _number_format(fmt: Format | None, key, value) -> str:
    if fmt is not None and key is not None:
        try:
            column = next(c for c in fmt.table(key[0]).columns if c.id == key[2])
        except (KeyError, StopIteration):
            column = None
        if column is not None:
            return AMOUNT_FORMAT if column.type is ValueType.DECIMAL else COUNT_FORMAT
    return COUNT_FORMAT if isinstance(value, int) else AMOUNT_FORMAT


def _page_setup(sheet, block: TableBlock, last_column: str, last_row: int, label: str) -> None:
    if block.header_rows:
        sheet.print_title_rows = f"{FIRST_TABLE_ROW}:{FIRST_TABLE_ROW + block.header_rows - 1}"
    sheet.print_area = f"A1:{last_column}{last_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    if label:
        sheet.oddHeader.center.text = label
        sheet.evenHeader.center.text = label
    sheet.freeze_panes = sheet.cell(row=FIRST_TABLE_ROW + block.header_rows, column=1)
