"""What an import returns: the report, and an honest account of how it was read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ...core.checks import Finding
from ...core.formats import Format
from ...core.model import Report


def cell_name(fmt: Format, table_id: str, row_id: str | None = None, column_id: str | None = None) -> str:
    """「三、收到和处理申请情况「（一）予以公开」行「自然人」列」 — the wording of core.checks."""
    table = fmt.table(table_id)
    section = fmt.section(table.section).display_title
    parts = [f"{section} {table.caption}" if table.caption else section]
    if row_id:
        parts.append(f"「{table.row(row_id).label}」行")
    if column_id:
        parts.append(f"「{table.column(column_id).label}」列")
    return "".join(parts)


@dataclass(frozen=True)
class UnreadCell:
    """A cell of the format that the source did not yield; it stays blank in the project."""

    where: str  # Chinese name of the cell (or of the field, e.g. 机关全称)
    reason: str
    table: str | None = None
    row: str | None = None
    column: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Assumption:
    """Something the import decided that the source did not say outright."""

    where: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ImportResult:
    report: Report
    unread: list[UnreadCell]
    assumptions: list[Assumption]
    findings: list[Finding]
    # Totals printed in the source: table → row → column → printed value (None when blank).
    stated_totals: dict[str, dict[str, dict[str, object]]]
    source_format_note: str
    source_kind: str = "text"  # "html" | "text" | "docx" | "pdf"
    source_kind_name: str = "纯文本"
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # sections missing, encoding trouble …
    read_cells: frozenset[tuple[str, str, str]] = frozenset()  # (table, row, column), totals included
    cell_count: int = 0
    # Printed totals over a cell that could not be read: not compared yet (table, row, column).
    unchecked_totals: list[tuple[str, str, str]] = field(default_factory=list)
    # Where each printed total stands in the source (table, row, column) → 「原文第2个表格第5行第8格」.
    total_addresses: dict[tuple[str, str, str], str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.unread

    @property
    def exit_code(self) -> int:
        """0 every cell read, 1 some not (the project is still written, with them listed)."""
        return 0 if self.complete else 1

    @property
    def total_findings(self) -> list[Finding]:
        """The findings about printed totals: the rules that compare `stated_totals` (C2–C4)."""
        rules = {rule.id for rule in self.report.spec.rules if rule.check == "stated_totals"}
        return [f for f in self.findings if f.rule in rules]

    def source_address(self, finding: Finding) -> str | None:
        """Where the printed cell a finding is about stands in the source, if it was printed."""
        return self.total_addresses.get((finding.table, finding.row, finding.column))

    @property
    def other_findings(self) -> list[Finding]:
        totals = set(map(id, self.total_findings))
        return [f for f in self.findings if id(f) not in totals]
