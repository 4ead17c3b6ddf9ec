"""Report → neutral Document (export/document.py), driven entirely by the format data.

The section titles, table captions, header layouts and row labels all come from the Format;
this module only decides how they are arranged on the page, following the printed layout
described in docs/architecture.md (`Table.print`).  User text (agency, narrative, front
matter) is stripped of control characters here, so no exporter has to think about it.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..core.checks import Finding, blocking_findings
from ..core.computed import full_table
from ..core.formats import Format, Section, Table
from ..core.model import FeeReport, Report
from ..core.text import chinese_date, heading_level, paragraphs, strip_control_characters
from ..core.values import format_value
from .document import (Align, Block, Cell, CellRole, Document, DocumentMeta, Heading, Note, Paragraph,
                       ParagraphRole, TableBlock, Title)
from .line_breaking import autospace_points
from .pdf.text_setting import AUTOSPACE_EM
from .title_lines import em_width, title_lines

# The legal basis every report is compiled under (第五十条 of the 条例 lists the contents).
LEGAL_BASIS = "《中华人民共和国政府信息公开条例》"

# Relative column widths of the printed tables.  Section 二 gives the label column room for
# 其他对外管理服务事项; table 三's three label columns are narrow (三、本年度办理结果 runs down
# a vertically merged cell), medium ((三)不予公开) and wide (the level-2 reasons).
# 成文日期 stands 4 characters in from the right (GB/T 9704 7.3.5.1).
DATE_INDENT = 4.0

LABEL_WIDTHS = {1: (2.2,), 3: (1.1, 1.5, 4.8)}
VALUE_WIDTH = 1.0

# The text block is 156 mm = 442 pt, i.e. 42 characters of the tables' 五号 (10.5 pt).  A value
# column is widened until its widest figure fits on one line with the cell padding of both
# renderers (PDF 2 × 1 mm, DOCX 2 × 0.6 mm, rounded up to 0.8 character); the room comes from
# the label columns first (labels wrap, figures must not), else from value columns with room.
TABLE_TEXT_CHARS = 442.2 / 10.5
FIGURE_PADDING_CHARS = 0.8
# A digit is half a character in 宋体 but up to 0.56 in the Noto CJK faces used where 宋体 is missing.
DIGIT_CHARS = 0.6
LABEL_MIN_SHARE = 0.6  # a label column keeps at least this share of its width,
LABEL_MIN_CHARS = 4.0  # and room for （三） on a line (never cut into （三 / ）)


def clean(text: str | None) -> str:
    """User text fit for a document: no control characters, no stray outer whitespace."""
    return strip_control_characters(text or "").strip()


def clean_line(text: str | None) -> str:
    """A single-line field (agency, signatory): line breaks become nothing, as a title never breaks there."""
    return "".join(clean(text).split("\n"))


def build_document(report: Report, findings: Iterable[Finding] | None = None, *, draft: bool) -> Document:
    """The whole printed report: title, opening, six sections with their tables, closing lines."""
    fmt = report.spec
    agency = clean_line(report.agency)
    date = report.front.published_on
    reasons = tuple(f.message for f in blocking_findings(findings or ()))
    meta = DocumentMeta(
        title=f"{agency}{report.year}年政府信息公开工作年度报告", agency=agency, date=date,
        date_text=chinese_date(date) if date else "", draft=draft, draft_reasons=reasons,
        format_id=fmt.id, year=report.year)

    blocks: list[Block] = [title_block(meta.title, agency), Paragraph(opening_text(report, fmt, agency),
                                                                       ParagraphRole.OPENING)]
    for section in fmt.sections:
        blocks.append(Heading(section.title, 1))
        if section.kind == "narrative":
            blocks.extend(with_fees(narrative_blocks(report.narrative.get(section.id, "")),
                                    fee_blocks(report, fmt, section), fmt, section))
        else:
            blocks.extend(section_table_blocks(report, fmt, section))
    blocks.extend(closing_blocks(clean_line(report.front.signatory) or agency, meta.date_text, blocks))
    return Document(meta, tuple(blocks))


# --- front and back matter ------------------------------------------------------------------
def title_block(title: str, agency: str) -> Title:
    """The title in lines broken by meaning, in a 梯形 or 菱形 outline (export/title_lines.py)."""
    return Title(title, title_lines(title, agency))


def set_width(text: str) -> float:
    """Printed width in body characters with the autospace between ideographs and digits that Word,
    LibreOffice and the PDF put in 2020 年 6 月 11 日."""
    return em_width(text) + AUTOSPACE_EM * len(autospace_points(text))


def closing_blocks(signature: str, date_text: str, blocks: list[Block]) -> list[Paragraph]:
    """Agency name and date under the text, placed as GB/T 9704 7.3.5.1 does for a sealed document
    (the report is printed and sealed before it is sent upward): the date 4 characters in from the
    right, the agency name centred over the date (a name too long for that stands at the right
    edge).  The last body paragraph is kept on the signature's page."""
    if blocks and isinstance(blocks[-1], Paragraph):
        last = blocks[-1]
        blocks[-1] = Paragraph(last.text, last.role, last.right_indent, keep_with_next=True)
    if not date_text:
        return [Paragraph(signature, ParagraphRole.SIGNATURE, right_indent=DATE_INDENT)]
    signature_indent = max(0.0, DATE_INDENT + (set_width(date_text) - set_width(signature)) / 2)
    return [Paragraph(signature, ParagraphRole.SIGNATURE, right_indent=signature_indent, keep_with_next=True),
            Paragraph(date_text, ParagraphRole.DATE, right_indent=DATE_INDENT)]


def _sentence(text: str) -> str:
    return text.rstrip("。；;，,. ")


def opening_text(report: Report, fmt: Format, agency: str) -> str:
    """Basis, the six parts, the statistics period, and — when filled — where published and contact."""
    parts = "、".join(_without_number(s.title) for s in fmt.sections)
    start, end = report.period
    text = (f"本报告根据{LEGAL_BASIS}（以下简称《条例》）和《{fmt.name}》（{fmt.issued_by}）的要求，"
            f"由{agency}编制。全文包括{parts}{_count(len(fmt.sections))}个部分。"
            f"本报告所列数据统计期限自{chinese_date(start)}起至{chinese_date(end)}止。")
    where = _sentence(clean_line(report.front.published_at))
    if where:
        text += f"本报告电子版可在{where}查阅或下载。"
    contact = _sentence(" ".join(clean(report.front.contact).split("\n")))
    if contact:
        text += f"如对本报告有疑问，请与{contact}联系。"
    return text


def _without_number(title: str) -> str:
    """一、总体情况 → 总体情况 (the section number is not repeated in running text)."""
    head, sep, rest = title.partition("、")
    return rest if sep and len(head) <= 3 else title


_CHINESE_DIGITS = "零一二三四五六七八九十"


def _count(n: int) -> str:
    return _CHINESE_DIGITS[n] if 0 <= n <= 10 else str(n)


# --- narrative ------------------------------------------------------------------------------
def narrative_blocks(text: str) -> list[Block]:
    """Paragraphs of a narrative section; short lines numbered 一、/（一）/1. become headings."""
    blocks: list[Block] = []
    for paragraph in paragraphs(strip_control_characters(text or "")):
        level = heading_level(paragraph)
        if level in (1, 2, 3):
            blocks.append(Heading(paragraph, level))
        else:
            blocks.append(Paragraph(paragraph))
    return blocks


def fee_blocks(report: Report, fmt: Format, section: Section) -> list[Block]:
    """The 信息处理费 figures (gov-2021) in the section the format's fee rule names, when filled.

    Skipped when the user already wrote about fee notices in that section's text.
    """
    fee_rule = next((r for r in fmt.rules if r.check == "fee_notices_reported"), None)
    if fee_rule is None or fee_rule.params.get("section") != section.id:
        return []
    fees = report.fees
    if fees.notices is None and fees.amount_yuan is None and fees.collected_yuan is None:
        return []
    if "收费通知" in report.narrative.get(section.id, ""):
        return []
    return [Paragraph(f"本年度依据《政府信息公开信息处理费管理办法》，{'，'.join(fee_parts(fees))}。")]


def fee_parts(fees: FeeReport) -> list[str]:
    """The filled 信息处理费 figures worded: 发出收费通知3件, 收费通知总金额120元 …."""
    parts = []
    if fees.notices is not None:
        parts.append(f"发出收费通知{format_value(fees.notices)}件")
    if fees.amount_yuan is not None:
        parts.append(f"收费通知总金额{format_value(fees.amount_yuan)}元")
    if fees.collected_yuan is not None:
        parts.append(f"实际收取总金额{format_value(fees.collected_yuan)}元")
    return parts


def with_fees(narrative: list[Block], fees: list[Block], fmt: Format, section: Section) -> list[Block]:
    """The fee sentence goes before a paragraph saying 「无其他需要报告的事项」 (the format's rule
    for that phrase gives its wording), so that sentence stays true; otherwise at the end."""
    rule = next((r for r in fmt.rules if r.check == "nothing_else_then_more"
                 and r.params.get("section") == section.id), None)
    if fees and rule is not None:
        for index, block in enumerate(narrative):
            if isinstance(block, Paragraph) and re.search(rule.params["nothing"], block.text):
                return narrative[:index] + fees + narrative[index:]
    return narrative + fees


# --- tables ---------------------------------------------------------------------------------
def section_table_blocks(report: Report, fmt: Format, section: Section) -> list[Block]:
    """One printed table per section (section 二's sub-tables are stacked in one grid, as the
    official format draws them), followed by unit notes."""
    tables = [fmt.table(t) for t in section.tables]
    rows: list[tuple[Cell, ...]] = []
    widths: tuple[float, ...] = ()
    header_rows = 0
    for table in tables:
        table_rows, table_header_rows, table_widths = table_layout(table, report.tables.get(table.id, {}))
        if widths and len(table_widths) != len(widths):
            raise ValueError(f"{section.id}: sub-tables of different grids cannot be stacked")
        widths = widths or table_widths
        rows.extend(table_rows)
        header_rows = table_header_rows
    if len(tables) != 1:
        header_rows = 0  # stacked sub-tables each carry their own heading; none repeats
    block = TableBlock(id=section.id, rows=tuple(rows), columns=len(widths), header_rows=header_rows,
                       column_widths=widths, source_tables=tuple(t.id for t in tables))
    block.placed()  # a layout that does not tile the grid is a format-data error: fail loudly here
    label_columns = max(t.print.label_columns for t in tables)
    block = TableBlock(id=block.id, rows=block.rows, columns=block.columns, header_rows=block.header_rows,
                       column_widths=fit_figures(block, label_columns), source_tables=block.source_tables)
    return [block, *unit_notes(tables)]


def fit_figures(block: TableBlock, label_columns: int) -> tuple[float, ...]:
    """Column widths in which every figure fits on one line (a wrapped 123 456 reads as two numbers)."""
    widths = list(block.column_widths)
    per_char = sum(widths) / TABLE_TEXT_CHARS
    required = [0.0] * len(widths)
    for placed in block.placed():
        cell = placed.cell
        if cell.role is not CellRole.VALUE or not cell.text:
            continue
        wanted = (DIGIT_CHARS * len(cell.text) + FIGURE_PADDING_CHARS) * per_char
        spanned = range(placed.column, placed.last_column + 1)
        missing = wanted - sum(widths[c] for c in spanned)
        for c in spanned:
            required[c] = max(required[c], widths[c] + max(missing, 0.0) / len(spanned))
    extra = sum(max(r - w, 0.0) for r, w in zip(required, widths))
    if extra <= 1e-9:
        return tuple(widths)
    slack = [max(w - max(w * LABEL_MIN_SHARE, LABEL_MIN_CHARS * per_char), 0.0) if c < label_columns
             else max(w - required[c], 0.0) for c, w in enumerate(widths)]
    from_labels = sum(slack[:label_columns]) >= extra
    sources = range(label_columns) if from_labels else range(len(widths))
    pool = sum(slack[c] for c in sources)
    taken = min(extra, pool)
    result = [max(r, w) for r, w in zip(required, widths)]
    for c in sources:
        if pool > 0:
            result[c] -= taken * slack[c] / pool
    return tuple(result)


def unit_notes(tables: Iterable[Table]) -> list[Note]:
    """A footnote for each column whose unit its official label does not state (采购总金额 in 万元)."""
    notes = []
    for table in tables:
        for column in table.columns:
            if column.unit and column.unit not in column.label:
                notes.append(Note(f"注：“{column.label}”的单位为{column.unit}。"))
    return notes


def table_layout(table: Table, inputs) -> tuple[list[tuple[Cell, ...]], int, tuple[float, ...]]:
    """The printed rows of one table, how many of them are heading rows, and its column widths."""
    values = full_table(table, inputs)
    layout = table.print
    if layout.layout == "groups_across":
        return _groups_across(table, values)
    if layout.layout != "rows":
        raise ValueError(f"{table.id}: unknown print layout {layout.layout!r}")

    spans = layout.column_spans or (1,) * len(table.columns)
    value_columns = layout.grid_value_columns or sum(spans)
    if sum(spans) != value_columns or len(spans) != len(table.columns):
        raise ValueError(f"{table.id}: column_spans {spans} do not fill {value_columns} value columns")
    label_columns = layout.label_columns
    grid = label_columns + value_columns

    head: list[tuple[Cell, ...]] = []
    if table.caption:
        head.append((Cell(table.caption, colspan=grid, role=CellRole.CAPTION),))
    if layout.header_rows:
        head.extend(_header_rows(layout.header_rows))
    else:
        head.append((Cell(table.row_header or "", colspan=label_columns, role=CellRole.HEADER),
                     *(Cell(c.label, colspan=span, role=CellRole.HEADER) for c, span in zip(table.columns, spans))))

    body = _body_rows(table, values, label_columns, spans)
    widths = LABEL_WIDTHS.get(label_columns, (VALUE_WIDTH * 2,) * label_columns) + (VALUE_WIDTH,) * value_columns
    return head + body, len(head), widths


def _header_rows(header_rows) -> list[tuple[Cell, ...]]:
    return [tuple(Cell(h.text, rowspan=h.rowspan, colspan=h.colspan,
                       role=CellRole.NOTE if h.role == "note" else CellRole.HEADER)
                  for h in row) for row in header_rows]


def _value_cell(table: Table, values, row_id: str, column_id: str, colspan: int = 1) -> Cell:
    value = values[row_id][column_id]
    return Cell(format_value(value), colspan=colspan, role=CellRole.VALUE, key=(table.id, row_id, column_id),
                value=value)


def _body_rows(table: Table, values, label_columns: int, spans) -> list[tuple[Cell, ...]]:
    """Data rows; a group row (no id) becomes a label cell in its level's column, merged down over
    the rows it heads (all following rows of a deeper level)."""
    rows: list[tuple[Cell, ...]] = []
    pending_groups: list[Cell] = []  # group cells to open in the next printed row
    for index, row in enumerate(table.rows):
        level = min(row.level, label_columns - 1)
        if row.is_group:
            covered = 0
            for later in table.rows[index + 1:]:
                if later.level <= row.level:
                    break
                covered += 0 if later.is_group else 1
            pending_groups.append(Cell(row.label, rowspan=max(covered, 1), role=CellRole.LABEL,
                                       align=Align.CENTER))
            continue
        label = Cell(row.label, colspan=label_columns - level, role=CellRole.LABEL, align=Align.LEFT,
                     indent=max(row.level - level, 0))
        cells = [*pending_groups, label]
        cells += [_value_cell(table, values, row.id, c.id, span) for c, span in zip(table.columns, spans)]
        rows.append(tuple(cells))
        pending_groups = []
    return rows


def _groups_across(table: Table, values) -> tuple[list[tuple[Cell, ...]], int, tuple[float, ...]]:
    """Table 四: the official header, then one printed row holding every data row's values side by side."""
    layout = table.print
    head = _header_rows(layout.header_rows)
    value_row = tuple(_value_cell(table, values, row.id, column.id)
                      for row in table.data_rows for column in table.columns)
    columns = layout.label_columns + len(value_row)
    return head + [value_row], len(head), (VALUE_WIDTH,) * columns
