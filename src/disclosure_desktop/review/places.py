"""Where a finding is, in the words of the printed report: part/table, row and column labels."""

from __future__ import annotations

from ..core.checks import Finding
from ..core.formats import Format


def finding_place(fmt: Format, finding: Finding) -> tuple[str, str, str]:
    """(部分或表格, 行, 列) labels from the format; '' where the finding has no such address."""
    if finding.table:
        table = fmt.table(finding.table)
        section = fmt.section(table.section).display_title
        place = f"{section} {table.caption}" if table.caption else section
        row = table.row(finding.row).label if finding.row else ""
        column = table.column(finding.column).label if finding.column else ""
        return place, row, column
    if finding.section:
        return fmt.section(finding.section).title, "", ""
    return "封面信息", "", ""


SEVERITY_NAMES = {"error": "错误", "warning": "提示"}
