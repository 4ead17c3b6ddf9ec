"""One file of the folder → a report, through the same loader and importer as the editor.

A project file (.gknb) is loaded with io.project_file; anything else goes through
io.importer.import_report, so every improvement of import (PDF, label variants, limits) reaches
the review unchanged.  A file that cannot be read becomes a result with a Chinese reason,
never an exception: one broken file must not stop the review of eighty.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..core.checks import Finding, check_report
from ..core.model import Report
from ..io.importer import ImportRefused, import_report
from ..io.importer.blocks import Line
from ..io.importer.source import read_source
from ..io.project_file import PROJECT_EXTENSION, ProjectFileError, load_project
from .rollup import ROLLUP_TITLE_PATTERN

log = logging.getLogger(__name__)

# What the folder scan picks up.  .pdf is handed to the importer like the rest: while it cannot
# read PDF the unit shows as 无法读取 with the importer's own reason.  Old Word/WPS files are
# picked up too, so a unit that sent one is 无法读取 (「请另存为 .docx」), not 未提交.
REVIEWED_SUFFIXES = (PROJECT_EXTENSION, ".html", ".htm", ".docx", ".pdf", ".txt", ".doc", ".wps")

KIND_PROJECT = "project"
KIND_IMPORTED = "imported"
KIND_ROLLUP = "rollup"  # a 汇总 this program exported: passed over by the review
ROLLUP_LINES = 4  # the 汇总's title is within its first lines (two, when it breaks before （N个单位）)


@dataclass(frozen=True)
class ReadFile:
    """What one file yielded: a report, or the reason it could not be read."""

    path: Path
    report: Report | None = None
    kind: str = KIND_PROJECT                     # KIND_PROJECT | KIND_IMPORTED
    kind_name: str = "项目文件"                  # 项目文件 / 网页 / Word 文档 … for the board
    # Printed (or carried) totals to compare with the computed ones: table → row → column → value.
    stated_totals: dict = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    unread_cells: int = 0                        # cells the import could not read (left blank)
    # The report's own check (no folder context), made once when the file is read and cached
    # with it: a second pass over an unchanged folder checks again only against last year.
    findings: tuple[Finding, ...] = ()
    error: str | None = None

    @property
    def readable(self) -> bool:
        return self.report is not None


def read_file(path: Path) -> ReadFile:
    path = Path(path)
    if path.suffix.lower() == PROJECT_EXTENSION:
        try:
            loaded = load_project(path)
        except ProjectFileError as error:
            return ReadFile(path, error=str(error))
        except Exception as error:  # a bug must cost one row, not the whole review
            log.exception("reading %s", path)
            return ReadFile(path, error=f"读取“{path.name}”时出错：{error}")
        return ReadFile(path, loaded.report, KIND_PROJECT, "项目文件", loaded.stated_totals, tuple(loaded.notices),
                        findings=tuple(check_report(loaded.report, None, loaded.stated_totals)))
    try:
        result = import_report(path)
    except ImportRefused as error:
        if error.reason == "not_a_report" and is_exported_rollup(path):
            return ReadFile(path, kind=KIND_ROLLUP, kind_name="汇总")
        return ReadFile(path, kind=KIND_IMPORTED, kind_name=path.suffix.lower().lstrip("."), error=str(error))
    except Exception as error:
        log.exception("importing %s", path)
        return ReadFile(path, kind=KIND_IMPORTED, kind_name=path.suffix.lower().lstrip("."),
                        error=f"导入“{path.name}”时出错：{error}")
    # A printed total over a cell that could not be read is not evidence yet (the importer's rule).
    pending = set(result.unchecked_totals)
    stated: dict = {}
    for table_id, rows in result.stated_totals.items():
        for row_id, columns in rows.items():
            for column_id, value in columns.items():
                if (table_id, row_id, column_id) not in pending:
                    stated.setdefault(table_id, {}).setdefault(row_id, {})[column_id] = value
    notices = tuple(result.notes) + tuple(f"{u.where}：{u.reason}" for u in result.unread)
    return ReadFile(path, result.report, KIND_IMPORTED, result.source_kind_name, stated, notices,
                    len(result.unread), tuple(result.findings))


def is_exported_rollup(path: Path) -> bool:
    """Whether `path` is a 汇总 this program exported (rollup_document): its title says so.
    (Asked only of a file the importer refused as no annual report: a 汇总 has no agency's title.)"""
    try:
        source = read_source(path)
    except ImportRefused:
        return False
    lines = [block.text for block in source.blocks[:ROLLUP_LINES] if isinstance(block, Line)]
    opening = "".join("".join(text.split()) for text in (source.title_hint or "", *lines))
    return ROLLUP_TITLE_PATTERN.search(opening) is not None
