"""The 汇总 tables as a printed document, through the existing builder and exporters (DOCX/PDF/HTML)."""

from __future__ import annotations

from pathlib import Path

from ..export import ExportResult, render_document
from ..export.builder import fee_parts, section_table_blocks, title_block
from ..export.document import Block, Document, DocumentMeta, Heading, Paragraph
from .rollup import Rollup


def build_rollup_document(rollup: Rollup) -> Document:
    report = rollup.report
    fmt = report.spec
    names = "、".join(u.agency for u in rollup.units) or "（无）"
    meta = DocumentMeta(title=rollup.title, agency=report.agency, format_id=fmt.id, year=rollup.year)
    blocks: list[Block] = [
        title_block(rollup.title, rollup.title.partition("（")[0]),  # breaks before （N个单位）
        Paragraph(f"本汇总按《{fmt.name}》（{fmt.issued_by}）的统计表格，将以下{len(rollup.units)}个单位"
                  f"{rollup.year}年度报告中的各项数字逐格相加，合计栏按各项重新计算：{names}。"),
    ]
    for section in fmt.sections:
        if section.kind == "tables":
            blocks.append(Heading(section.title, 1))
            blocks.extend(section_table_blocks(report, fmt, section))
    fees = rollup_fee_sentence(rollup)
    if fees:
        blocks.append(Heading(fmt.fee_section().title, 1))
        blocks.append(Paragraph(fees))
    if rollup.excluded:
        blocks.append(Heading("未计入汇总的报告", 1))
        blocks.extend(Paragraph(f"{e.unit.agency}（{e.unit.source}）：{e.reason}") for e in rollup.excluded)
    return Document(meta, tuple(blocks))


def rollup_fee_sentence(rollup: Rollup) -> str:
    """「信息处理费：各单位合计发出收费通知3件，…。」, or "" when the format has no fee form or
    no unit filled it."""
    report = rollup.report
    if report.spec.capabilities.fee_form is None:
        return ""
    parts = fee_parts(report.fees)
    return f"信息处理费：各单位合计{'，'.join(parts)}。" if parts else ""


def export_rollup_document(rollup: Rollup, path: Path | str) -> ExportResult:
    """Write the 汇总 tables to `path` in the format its extension names (.docx, .pdf, .html)."""
    return render_document(build_rollup_document(rollup), path)
