"""import_report(path): a published report (web page, text copy, Word file, PDF) → a project.

The steps, each in its own module: read the source into lines and tables (source), split it at
the official section titles or their published variants (sections), find title, agency, year and dates (front), decide the
format from the tables (format_detect), read every table cell (tables, cell_values), take the
narrative without the page around it (narrative), then run the checks with the printed totals
as evidence (core.checks, rules C2–C4).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...core.checks import check_report, heading_likeness, renamed_heading_finding
from ...core.formats import format_ids, get_format
from ...core.model import Report, new_report
from .blocks import SourceDocument, Token, tokens
from .errors import ImportRefused
from .format_detect import decide_format
from .fees import read_fees
from .front import find_contact, find_period, find_published_at, find_published_on, find_title
from .narrative import closing_fields, is_folded, lines_of, restore, split_closing
from .result import Assumption, ImportResult, UnreadCell
from .sections import SectionSpan, find_sections, split_heading_lines
from .source import read_source
from .tables import TableReading, checkable_totals, read_section_tables

MIN_SECTIONS = 3  # fewer of the six official titles than this: not an annual report
UNKNOWN_AGENCY = "（未识别的机关）"
# A report of a people's government itself (not one of its departments) is due by 3月31日: its
# agency is the government, a zone's 管委会, or the area itself (平潭综合实验区, 某某县, 某某街道).
_GOVERNMENT_NAME = re.compile(r"(人民政府|管理委员会|管委会|街道办事处|[区县旗镇乡]|街道)$")


def import_report(path: Path | str) -> ImportResult:
    """Read a published report.  Raises ImportRefused (Chinese message) when the source is not
    one; otherwise returns the report with every unread cell and assumption listed."""
    source = read_source(path)
    return import_document(source, Path(path).name)


def import_document(source: SourceDocument, name: str = "来源") -> ImportResult:
    """The import of a source already read into blocks (see import_report)."""
    source.blocks = split_heading_lines(source.blocks)
    stream = tokens(source.blocks)
    if not stream:
        raise ImportRefused(f"“{name}”中没有文字内容，是空的。", "empty")
    spans = find_sections(stream)
    if len(spans) < MIN_SECTIONS:
        raise ImportRefused(
            f"“{name}”不是政府信息公开工作年度报告：没有找到年报的各部分标题"
            f"（如“一、总体情况”“二、主动公开政府信息情况”），找到{len(spans)}个。", "not_a_report")
    front_lines = _lines_between(source, stream, 0, min(span.title_index for span in spans.values()))
    title = find_title(front_lines, source.title_hint)
    if title is None:
        raise ImportRefused(f"“{name}”中找不到报告年度（标题应为“某某机关YYYY年政府信息公开工作年度报告”）。",
                            "not_a_report")
    unread: list[UnreadCell] = []
    assumptions: list[Assumption] = []
    notes = list(source.notes)

    table_sections = {s.id for format_id in format_ids() for s in get_format(format_id).sections if s.kind == "tables"}
    format_id, format_note = decide_format(
        [t.text for span in spans.values() if span.id in table_sections for t in stream[span.start:span.end]],
        title.year)
    agency = title.agency
    if not agency:
        unread.append(UnreadCell("机关全称", "标题中没有找到机关名称，请在封面信息中填写"))
        agency = UNKNOWN_AGENCY
    report = new_report(title.year, agency, format_id=format_id)
    fmt = report.spec
    government = _GOVERNMENT_NAME.search(agency)
    if government:
        report.front.agency_kind = "government"
        assumptions.append(Assumption("机关类型", f"机关名称以“{government.group(1)}”结尾，按一级人民政府的年报处理（公开期限为3月31日）"))

    reading = TableReading()
    for section in fmt.sections:
        if section.kind == "tables":
            read_section_tables(fmt, stream, spans.get(section.id), section.id, reading)
    for (table_id, row_id, column_id), value in reading.values.items():
        report.set_value(table_id, row_id, column_id, value)
    unread += reading.unread
    assumptions += reading.assumptions

    closing, folded = _fill_narrative(report, source, stream, spans, assumptions, notes)
    _fill_front(report, [restore(line) if folded else line for line in front_lines], closing, assumptions)

    # Printed totals are evidence for C2–C4, except those over a cell that could not be read.
    unread_cells = {(u.table, u.row, u.column) for u in unread if u.table}
    checkable, pending = checkable_totals(fmt, reading.stated, unread_cells)
    # A table section that is in the source but could not be read is listed cell by cell as
    # unread; C19's 「还没有内容」 would say it is missing from the report, which it is not.
    present = {rule.id for rule in fmt.rules if rule.check == "sections_present"}
    findings = [f for f in check_report(report, stated_totals=checkable)
                if not (f.rule in present and f.section in spans and fmt.section(f.section).kind == "tables")]
    for span in spans.values():
        if not span.exact:  # the section was found under another heading: say so
            section = fmt.section(span.id)
            assumptions.append(Assumption(section.title, f"把原文标题“{span.heading}”当作“{section.title}”"))
            # Other words (a typo, 改进措施 for 改进情况) are C19's warning; the same words with 与
            # for 、 or a suffix （有关情况附表） are no mistake to warn about.
            if heading_likeness(span.heading, section.title) < 1:
                findings.append(renamed_heading_finding(fmt, section, span.heading))
    return ImportResult(
        report=report, unread=unread, assumptions=assumptions, findings=findings,
        stated_totals=reading.stated, source_format_note=format_note, source_kind=source.kind,
        source_kind_name=source.kind_name, encoding=source.encoding, notes=notes,
        read_cells=frozenset(reading.read), cell_count=fmt.cell_count(), unchecked_totals=pending,
        total_addresses={cell: source.address(token) for cell, token in reading.stated_tokens.items()})


def _fill_narrative(report: Report, source: SourceDocument, stream: list[Token], spans: dict[str, SectionSpan],
                    assumptions: list[Assumption], notes: list[str]) -> tuple[list[str], bool]:
    """Set the narrative sections; returns (the closing lines after the last section, whether the
    copy's punctuation was folded to ASCII)."""
    fmt = report.spec
    lines = {section_id: _lines_between(source, stream, span.start, span.end) for section_id, span in spans.items()}
    last = max(spans.values(), key=lambda span: span.title_index).id
    lines[last], closing = split_closing(lines[last], report.agency)
    narrative_ids = {section.id for section in fmt.narrative_sections}
    folded = is_folded([line for section_id, text in lines.items() if section_id in narrative_ids for line in text])
    if folded:
        assumptions.append(Assumption("正文", "原文的中文标点被转成了英文标点（如“(一)”“,”），正文已恢复为中文全角标点"))
    for section in fmt.narrative_sections:
        if section.id not in lines:
            notes.append(f"原文中没有找到「{section.title}」部分，正文为空。")
            continue
        report.narrative[section.id] = "\n".join(restore(line) if folded else line for line in lines[section.id])
    return closing, folded


def _fill_front(report: Report, front_lines: list[str], closing: list[str], assumptions: list[Assumption]) -> None:
    """Publication date, signatory, statistics period, where published, contact, fees."""
    fmt = report.spec
    signatory, signed_on = closing_fields(closing)
    report.front.published_on = find_published_on(front_lines) or signed_on
    if signatory and signatory != report.agency:
        report.front.signatory = signatory
    report.front.published_at = find_published_at(front_lines) or ""
    report.front.contact = find_contact(front_lines) or ""
    period = find_period(front_lines)
    if period and period != report.period:
        report.front.period_start, report.front.period_end = period
    fee_rule = next((rule for rule in fmt.rules if rule.check == "fee_notices_reported"), None)
    if fee_rule is not None:
        fees = read_fees(report.narrative.get(fee_rule.params["section"], ""))
        if fees is not None:
            report.fees = fees
            where = fmt.section(fee_rule.params["section"]).title
            assumptions.append(Assumption("信息处理费", f"信息处理费的件数和金额取自「{where}」的正文"))


def _lines_between(source: SourceDocument, stream: list[Token], start: int, end: int) -> list[str]:
    """The lines of the blocks whose tokens lie in [start, end) (whole tables, whole lines)."""
    blocks, seen = [], set()
    for token in stream[start:end]:
        if token.block not in seen:
            seen.add(token.block)
            blocks.append(source.blocks[token.block])
    return lines_of(blocks)
