"""审核意见: for each unit with findings, a Word document listing every problem with its place.

The letter is a neutral export Document (title, paragraphs, a table) rendered by the DOCX
exporter, so it has the same page, fonts and table style as the reports themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core.text import chinese_date
from ..export import render_document
from ..export.builder import title_block
from ..export.document import Align, Block, Cell, CellRole, Document, DocumentMeta, Heading, Paragraph, ParagraphRole, TableBlock
from .places import SEVERITY_NAMES, finding_place
from .units import Unit

HEADER = ("序号", "部分或表格", "行", "列", "问题", "性质")
WIDTHS = (0.5, 2.0, 2.0, 1.2, 4.5, 0.7)
SINGLE_TITLE = "政府信息公开工作年度报告审核意见"
_FILE_NAME_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def letter_title(unit: Unit) -> str:
    return f"关于{unit.agency}{unit.year}年政府信息公开工作年度报告的审核意见"


def unit_blocks(unit: Unit, heading: bool) -> list[Block]:
    """The letter body for one unit (with a level-1 heading when several stand in one document)."""
    blocks: list[Block] = []
    if heading:
        blocks.append(Heading(f"{unit.agency}（{unit.source}）", 1))
    findings = unit.open_findings
    errors, warnings = unit.errors, unit.warnings
    blocks.append(Paragraph(
        f"{unit.agency}：经审核，你单位报送的{unit.year}年政府信息公开工作年度报告（{unit.source}）存在以下问题，"
        f"其中错误{errors}处、需核实的提示{warnings}处。请对照修改后重新报送；提示项如确属实际情况，请在报告中予以说明。"))
    if unit.late and unit.deadline:
        blocks.append(Paragraph(f"报告公开日期晚于法定期限{chinese_date(unit.deadline)}，请注意按时公开。"))
    fmt = unit.report.spec
    rows = [tuple(Cell(text, role=CellRole.HEADER) for text in HEADER)]
    for number, finding in enumerate(findings, start=1):
        place, row, column = finding_place(fmt, finding)
        rows.append((Cell(str(number), role=CellRole.LABEL), Cell(place, role=CellRole.LABEL, align=Align.LEFT),
                     Cell(row, role=CellRole.LABEL, align=Align.LEFT), Cell(column, role=CellRole.LABEL),
                     Cell(finding.message, role=CellRole.LABEL, align=Align.LEFT),
                     Cell(SEVERITY_NAMES.get(finding.severity, finding.severity), role=CellRole.LABEL)))
    blocks.append(TableBlock(id=f"findings-{unit.source}", rows=tuple(rows), columns=len(HEADER), header_rows=1,
                             column_widths=WIDTHS))
    return blocks


def _document(title: str, blocks: list[Block], reviewer: str, date: dt.date) -> Document:
    meta = DocumentMeta(title=title, agency=reviewer, date=date, date_text=chinese_date(date))
    closing = [Paragraph(reviewer, ParagraphRole.SIGNATURE, right_indent=4.0),
               Paragraph(meta.date_text, ParagraphRole.DATE, right_indent=4.0)] if reviewer else \
              [Paragraph(meta.date_text, ParagraphRole.DATE, right_indent=4.0)]
    return Document(meta, (title_block(title, ""), *blocks, *closing))


LETTER_PREFIX = "审核意见"  # every letter's file name starts so: a later review of the folder skips them


def file_name(text: str) -> str:
    return _FILE_NAME_FORBIDDEN.sub("_", text).strip(" .") or "单位"


def units_with_findings(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.readable and u.open_findings]


def write_letters(units: list[Unit], folder: Path | str, *, single: bool = False, reviewer: str = "",
                  date: dt.date | None = None) -> list[Path]:
    """Write the 审核意见 DOCX files into `folder` (created if needed); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    date = date or dt.date.today()
    chosen = units_with_findings(units)
    if not chosen:
        return []
    if single:
        blocks: list[Block] = []
        for unit in chosen:
            blocks += unit_blocks(unit, heading=True)
        path = folder / f"{LETTER_PREFIX}.docx"
        render_document(_document(SINGLE_TITLE, blocks, reviewer, date), path)
        return [path]
    written: list[Path] = []
    used: set[str] = set()
    for unit in chosen:
        name = file_name(f"{LETTER_PREFIX}-{unit.agency}-{unit.year}")
        base, n = name, 2
        while name in used:
            name = f"{base}-{n}"
            n += 1
        used.add(name)
        path = folder / f"{name}.docx"
        render_document(_document(letter_title(unit), unit_blocks(unit, heading=False), reviewer, date), path)
        written.append(path)
    return written
