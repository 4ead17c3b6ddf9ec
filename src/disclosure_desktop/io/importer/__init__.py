"""Import of a published annual report (web page, text copy, Word file, PDF) into a project.

    from disclosure_desktop.io.importer import import_report, ImportRefused
    result = import_report("last-year.html")     # raises ImportRefused when it is no report
    result.report                                 # core.model.Report (inputs only)
    result.unread, result.assumptions             # every cell not read, everything assumed
    result.findings, result.stated_totals         # checks, with the printed totals as evidence
    describe(result)                              # the Chinese import report

Modules: source (files → blocks, with html_reader / text_reader / docx_reader / pdf_reader and decode),
blocks (lines, tables, tokens), sections, front, format_detect, labels, tables, cell_values,
narrative, result, report (text and JSON of the import report), importer (the steps together).
"""

from .errors import ImportRefused
from .importer import import_document, import_report
from .report import as_json, describe
from .result import Assumption, ImportResult, UnreadCell
from .source import MAX_SOURCE_BYTES, SUPPORTED_SUFFIXES

__all__ = ["ImportRefused", "ImportResult", "UnreadCell", "Assumption", "import_report", "import_document",
           "describe", "as_json", "MAX_SOURCE_BYTES", "SUPPORTED_SUFFIXES"]
