"""Export a report as DOCX, PDF, HTML or XLSX — one interface for the CLI and the app.

    from disclosure_desktop.export import export_report, ExportRefused, ExportError
    result = export_report(report, "年报.docx")              # final; ExportRefused while errors stand
    result = export_report(report, "年报.pdf", draft=True)   # always allowed, marked 草稿
    result.path, result.format, result.pages, result.substituted_fonts, result.draft, result.draft_reasons

Each format is a module of this package with `render(document, path) -> ExportResult`, looked
up by the file extension in EXPORTERS and imported only when used (the PDF renderer pulls in
QtGui, the DOCX one python-docx).  They all render the same neutral Document
(export/document.py) built by export/builder.py.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..core import limits
from ..core.checks import blocking_findings, check_report
from ..core.model import Report
from .builder import build_document
from .document import Document
from .result import ExportError, ExportRefused, ExportResult, write_bytes

__all__ = ["EXPORTERS", "ExportError", "ExportRefused", "ExportResult", "Exporter", "UnsupportedFormat",
           "build_document", "export_report", "exporter_for", "render_document", "write_bytes"]


@dataclass(frozen=True)
class Exporter:
    format: str       # "docx"
    module: str       # module of this package with render(document, path) -> ExportResult
    label: str        # for save dialogs: Word 文档

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*.{self.format})"

    def render(self, document: Document, path: Path | str) -> ExportResult:
        return importlib.import_module(f"{__name__}.{self.module}").render(document, Path(path))


EXPORTERS: dict[str, Exporter] = {
    ".docx": Exporter("docx", "docx_export", "Word 文档"),
    ".pdf": Exporter("pdf", "pdf.writer", "PDF 文件"),
    ".html": Exporter("html", "html_export", "网页"),
    ".xlsx": Exporter("xlsx", "xlsx_export", "Excel 工作簿"),
}


class UnsupportedFormat(ExportError):
    """The output file name has an extension no exporter handles."""


def exporter_for(path: Path | str) -> Exporter:
    suffix = Path(path).suffix.lower()
    try:
        return EXPORTERS[suffix]
    except KeyError:
        known = "、".join(EXPORTERS)
        shown = f"“{suffix}”" if suffix else "（没有扩展名）"
        raise UnsupportedFormat(f"不支持导出为{shown}格式。请使用 {known} 作为文件扩展名。") from None


def render_document(document: Document, path: Path | str) -> ExportResult:
    """Render an already built Document to `path` in the format its extension names."""
    return exporter_for(path).render(document, path)


MESSAGE_LIST_LIMIT = 15  # an empty report has ~170 errors; a message lists the first few


def listed(messages: list[str], limit: int = MESSAGE_LIST_LIMIT, indent: str = "  ") -> list[str]:
    """Bulleted lines for the first `limit` messages and a count of the rest."""
    lines = [f"{indent}· {message}" for message in messages[:limit]]
    if len(messages) > limit:
        lines.append(f"{indent}……另有{len(messages) - limit}处。")
    return lines


def refusal_message(blocking: list) -> str:
    lines = [f"报告中还有{len(blocking)}处错误，不能导出正式文件："]
    lines += listed([finding.message for finding in blocking])
    lines.append("请改正这些错误（或为可说明的情况填写出错说明）后再导出；也可以先导出带“草稿”标记的草稿。")
    return "\n".join(lines)


def _fit_for_export(report: Report) -> Report:
    """The report as a file would hold it: characters no file can hold (a lone surrogate typed or
    pasted in the editor) cleaned as saving cleans them, and the limits of core.limits checked, so
    every exporter gets only what a saved project could contain."""
    dumped, problems, cleaned = limits.clean_document(report.model_dump(mode="json"))
    if problems:
        raise ExportError(f"无法导出：报告超出了程序的限制（{limits.listed(problems)}）。请缩短或改正后再导出。")
    return Report.model_validate(dumped) if cleaned else report


def export_report(report: Report, path: Path | str, *, draft: bool | None = None, previous=None,
                  stated_totals=None) -> ExportResult:
    """Check the report, then write it to `path` (format from the extension).

    draft=True always exports, with the 草稿 mark.  draft=None or False asks for the final
    document: refused with ExportRefused (listing the errors in Chinese) while a blocking
    finding stands.  The result's draft_reasons list the errors a draft still has.
    """
    exporter = exporter_for(path)  # an unknown extension fails before any work
    report = _fit_for_export(report)
    findings = check_report(report, previous=previous, stated_totals=stated_totals)
    blocking = blocking_findings(findings)
    if blocking and not draft:
        raise ExportRefused(refusal_message(blocking), blocking)
    document = build_document(report, findings, draft=bool(draft))
    return exporter.render(document, path)
