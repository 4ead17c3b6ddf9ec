"""The official report formats, loaded from resources/formats/*.json.

Every label, id, value type, computed cell and rule comes from those files; code elsewhere
asks a Format for them instead of spelling them out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

# Extra folders of format files (a province's variant, the next State Council revision): the
# environment variable lists them (os.pathsep-separated), register_format_folder adds more.
FORMAT_FOLDERS_VARIABLE = "DISCLOSURE_DESKTOP_FORMATS"
_extra_folders: list[Path] = []


class ValueType(str, Enum):
    COUNT = "count"  # integer >= 0
    SIGNED_COUNT = "signed_count"  # integer, may be negative (本年增/减)
    DECIMAL = "decimal"  # decimal >= 0, with a unit (万元)


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    type: ValueType
    unit: str | None = None
    computed: bool = False


@dataclass(frozen=True)
class Row:
    id: str | None  # None for a group label that holds no values
    label: str
    level: int = 0
    # Wordings published reports use for this row (data, for the importer); never printed.
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_group(self) -> bool:
        return self.id is None


@dataclass(frozen=True)
class ComputedDef:
    """A total that is always derived: a row of sums over rows, or a column of sums over columns."""

    rule: str
    target_row: str | None = None
    sum_of_rows: tuple[str, ...] = ()
    target_column: str | None = None
    sum_of_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeaderCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    role: str = ""  # "note" for the 勾稽 note block of table 三


@dataclass(frozen=True)
class PrintLayout:
    """How the printed official table is drawn.

    layout "rows": one printed row per data row, `label_columns` label columns (group rows of
    table 三 become vertically merged label cells).  layout "groups_across": table 四, whose
    data rows are printed side by side as one row of values under `header_rows`.
    """

    layout: str
    label_columns: int
    header_rows: tuple[tuple[HeaderCell, ...], ...] = ()
    grid_value_columns: int | None = None
    column_spans: tuple[int, ...] = ()


@dataclass(frozen=True, eq=False)
class Table:
    id: str
    section: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    computed: tuple[ComputedDef, ...]
    print: PrintLayout
    caption: str | None = None
    row_header: str | None = None

    @cached_property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not r.is_group)

    def row(self, row_id: str) -> Row:
        return self._rows_by_id[row_id]

    def column(self, column_id: str) -> Column:
        return self._columns_by_id[column_id]

    # cached_property stores into the instance __dict__ directly, so it works on frozen dataclasses.
    @cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        return {row.id: row for row in self.rows if row.id is not None}

    @cached_property
    def _columns_by_id(self) -> dict[str, Column]:
        return {column.id: column for column in self.columns}

    @cached_property
    def computed_cells(self) -> frozenset[tuple[str, str]]:
        cells = set()
        for definition in self.computed:
            if definition.target_row:
                cells.update((definition.target_row, c.id) for c in self.columns)
            if definition.target_column:
                cells.update((r.id, definition.target_column) for r in self.data_rows)
        return frozenset(cells)

    def has_cell(self, row_id: str, column_id: str) -> bool:
        return row_id in self._rows_by_id and column_id in self._columns_by_id

    def is_computed(self, row_id: str, column_id: str) -> bool:
        return (row_id, column_id) in self.computed_cells

    def cells(self) -> Iterator[tuple[Row, Column]]:
        """Every cell (input and computed) in reading order."""
        for row in self.data_rows:
            for column in self.columns:
                yield row, column

    def input_cells(self) -> tuple[tuple[Row, Column], ...]:
        """Every cell the user fills in, in reading order."""
        return self._input_cells

    @cached_property
    def _input_cells(self) -> tuple[tuple[Row, Column], ...]:
        computed = self.computed_cells
        return tuple((row, column) for row, column in self.cells() if (row.id, column.id) not in computed)

    @cached_property
    def input_cells_by_row(self) -> tuple[tuple[str, tuple[Column, ...]], ...]:
        """The input cells row by row, in reading order: (row id, its input columns)."""
        rows: dict[str, list[Column]] = {}
        for row, column in self._input_cells:
            rows.setdefault(row.id, []).append(column)
        return tuple((row_id, tuple(columns)) for row_id, columns in rows.items())

    @cached_property
    def computation_plan(self) -> tuple[tuple[tuple[str, str], tuple[tuple[str, str], ...]], ...]:
        """Each computed cell with the cells it sums, ordered so that parts come before totals."""
        definitions = {}
        for definition in self.computed:
            for row_id, column_id in sorted(self.computed_cells):
                if (row_id, column_id) in definitions:
                    continue  # a cell both definitions cover (（七）总计 × 总计) keeps the first
                if definition.target_row == row_id:
                    definitions[(row_id, column_id)] = tuple((r, column_id) for r in definition.sum_of_rows)
                elif definition.target_column == column_id:
                    definitions[(row_id, column_id)] = tuple((row_id, c) for c in definition.sum_of_columns)
        plan: list = []
        placed: set = set()

        def place(cell):
            if cell in placed or cell not in definitions:
                return
            for part in definitions[cell]:
                place(part)
            placed.add(cell)
            plan.append((cell, definitions[cell]))

        for cell in sorted(definitions):
            place(cell)
        return tuple(plan)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str  # "narrative" | "tables"
    guidance: str
    short_title: str | None = None
    tables: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # Headings published reports use for this section (data, for the importer and C19).
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def display_title(self) -> str:
        """The shorter title used in messages, when the format gives one."""
        return self.short_title or self.title


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" | "warning"
    check: str  # name of the check function in core.checks
    title: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    acknowledgeable: bool = False

    @property
    def can_be_acknowledged(self) -> bool:
        """Warnings may always be explained away; an error only where the format says so (C18)."""
        return self.severity == "warning" or self.acknowledgeable


@dataclass(frozen=True)
class CarriedOver:
    """结转: last year's `from_row` of `table` becomes this year's `to_row`, column by column."""

    table: str
    from_row: str
    to_row: str


@dataclass(frozen=True)
class InForce:
    """A column of counts still in force at year end (现行有效件数), the base of next year's."""

    table: str
    column: str


@dataclass(frozen=True)
class ProjectCounts:
    """Tables whose `count_column` this year is last year's count plus last year's `change_column`."""

    tables: tuple[str, ...]
    count_column: str
    change_column: str


@dataclass(frozen=True)
class FeeForm:
    """The 信息处理费 figures (report.fees) asked for in `section`, checked by `rule`."""

    section: str
    rule: str


@dataclass(frozen=True)
class DraftTemplate:
    """A standard sentence that 从表格插入 drafts from the numbers.

    `kind` names the drafting function in core.narrative_templates (as a rule's `check` names
    its function); `texts` are its sentence templates by name, `phrases` cells it lists.
    """

    id: str
    kind: str
    title: str
    texts: dict[str, str] = field(compare=False, hash=False)
    table: str | None = None
    phrases: tuple[tuple[str, str, str, str], ...] = ()  # (template, table, row, column)


@dataclass(frozen=True)
class NarrativeDrafts:
    placeholder: str = "（未填）"  # stands for a cell still blank in a drafted sentence
    drafts: tuple[DraftTemplate, ...] = ()
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

    def for_section(self, section_id: str) -> tuple[DraftTemplate, ...]:
        by_id = {draft.id: draft for draft in self.drafts}
        return tuple(by_id[draft_id] for draft_id in self.sections.get(section_id, ()))


@dataclass(frozen=True)
class Capabilities:
    """What a format asks of the product beyond its tables and rules: what carries into next
    year, whether it has the fee form, which findings sit beside which cover field, the drafts."""

    carried_over: CarriedOver | None = None
    in_force: InForce | None = None
    project_counts: ProjectCounts | None = None
    fee_form: FeeForm | None = None
    # Rules whose findings without an entered value (actual None: a blank cell, an empty
    # section, a blank fee field) say what is still to fill, not what is wrong: the editor shows
    # them as 未填 until the user asks for the full check (检查) or exports the final text.
    unfilled_rules: tuple[str, ...] = ()
    publication_deadline_rule: str | None = None  # its params give the deadline per agency kind
    cover_field_rules: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    narrative_drafts: NarrativeDrafts = field(default_factory=NarrativeDrafts)

    def cover_field_of(self, rule_id: str) -> str | None:
        """The cover field a finding of `rule_id` is fixed in, if the format names one."""
        return next((name for name, rules in self.cover_field_rules.items() if rule_id in rules), None)


@dataclass(frozen=True, eq=False)
class Format:
    id: str
    name: str
    issued_by: str
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    rules: tuple[Rule, ...]
    capabilities: Capabilities = field(default_factory=Capabilities)

    # Lookups by id, built once (the checks ask them on every keystroke).  cached_property
    # stores into the instance __dict__ directly, so it works on a frozen dataclass.
    @cached_property
    def _tables_by_id(self) -> dict[str, Table]:
        return {table.id: table for table in reversed(self.tables)}  # the first of an id wins

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        return {section.id: section for section in reversed(self.sections)}

    @cached_property
    def _rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in reversed(self.rules)}

    def has_table(self, table_id: str) -> bool:
        return table_id in self._tables_by_id

    def publication_deadline(self, agency_kind: str) -> tuple[int, int] | None:
        """(month, day) of the next year by which a report must be published, per agency kind."""
        rule_id = self.capabilities.publication_deadline_rule
        if rule_id is None or not self.has_rule(rule_id):
            return None
        month, day = map(int, self.rule(rule_id).params[agency_kind].split("-"))
        return month, day

    def table(self, table_id: str) -> Table:
        return self._tables_by_id[table_id]

    def section(self, section_id: str) -> Section:
        return self._sections_by_id[section_id]

    def fee_section(self) -> Section | None:
        """The section that asks for 信息处理费 (六 in gov-2021), None when the format has no fee form."""
        form = self.capabilities.fee_form
        return self.section(form.section) if form is not None else None

    def rule(self, rule_id: str) -> Rule:
        return self._rules_by_id[rule_id]

    def has_rule(self, rule_id: str) -> bool:
        return rule_id in self._rules_by_id

    @property
    def narrative_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "narrative")

    def covers_year(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def cell_count(self) -> int:
        return sum(1 for table in self.tables for _ in table.cells())


def _column(data: dict) -> Column:
    return Column(id=data["id"], label=data["label"], type=ValueType(data["type"]),
                  unit=data.get("unit"), computed=data.get("computed", False))


def _table(data: dict) -> Table:
    layout = data["print"]
    return Table(
        id=data["id"],
        section=data["section"],
        caption=data.get("caption"),
        row_header=data.get("row_header"),
        columns=tuple(_column(c) for c in data["columns"]),
        rows=tuple(Row(id=r.get("id"), label=r["label"], level=r.get("level", 0),
                             aliases=tuple(r.get("aliases", ()))) for r in data["rows"]),
        computed=tuple(
            ComputedDef(rule=c["rule"], target_row=c.get("target_row"),
                        sum_of_rows=tuple(c.get("sum_of_rows", ())),
                        target_column=c.get("target_column"),
                        sum_of_columns=tuple(c.get("sum_of_columns", ())))
            for c in data.get("computed", ())
        ),
        print=PrintLayout(
            layout=layout["layout"],
            label_columns=layout["label_columns"],
            header_rows=tuple(tuple(HeaderCell(**cell) for cell in row) for row in layout.get("header_rows", ())),
            grid_value_columns=layout.get("grid_value_columns"),
            column_spans=tuple(layout.get("column_spans", ())),
        ),
    )


def _capabilities(data: dict) -> Capabilities:
    def part(cls, key):
        value = data.get(key)
        return None if value is None else cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})

    drafts = data.get("narrative_drafts", {})
    return Capabilities(
        carried_over=part(CarriedOver, "carried_over"),
        in_force=part(InForce, "in_force"),
        project_counts=part(ProjectCounts, "project_counts"),
        fee_form=part(FeeForm, "fee_form"),
        unfilled_rules=tuple(data.get("unfilled_rules", ())),
        publication_deadline_rule=data.get("publication_deadline_rule"),
        cover_field_rules={name: tuple(rules) for name, rules in data.get("cover_field_rules", {}).items()},
        narrative_drafts=NarrativeDrafts(
            placeholder=drafts.get("placeholder", NarrativeDrafts.placeholder),
            drafts=tuple(
                DraftTemplate(id=d["id"], kind=d["kind"], title=d["title"], texts=dict(d.get("texts", {})),
                              table=d.get("table"),
                              phrases=tuple((p["text"], p["table"], p["row"], p["column"]) for p in d.get("phrases", ())))
                for d in drafts.get("drafts", ())),
            sections={section: tuple(ids) for section, ids in drafts.get("sections", {}).items()},
        ),
    )


def format_from_dict(data: dict) -> Format:
    return Format(
        id=data["id"],
        name=data["name"],
        issued_by=data["issued_by"],
        first_year=data["first_year"],
        last_year=data.get("last_year"),
        sections=tuple(
            Section(id=s["id"], title=s["title"], kind=s["kind"], guidance=s.get("guidance", ""),
                    short_title=s.get("short_title"), tables=tuple(s.get("tables", ())),
                    topics=tuple(s.get("topics", ())), aliases=tuple(s.get("aliases", ())))
            for s in data["sections"]
        ),
        tables=tuple(_table(t) for t in data["tables"]),
        rules=tuple(
            Rule(id=r["id"], severity=r["severity"], check=r["check"], title=r["title"],
                 params=r.get("params", {}), acknowledgeable=r.get("acknowledgeable", False))
            for r in data["rules"]
        ),
        capabilities=_capabilities(data.get("capabilities", {})),
    )


def register_format_folder(folder: str | os.PathLike) -> None:
    """Make the format files (*.json) of `folder` known, beside the bundled ones."""
    _extra_folders.append(Path(folder))
    _forget_formats()


def unregister_format_folder(folder: str | os.PathLike) -> None:
    _extra_folders.remove(Path(folder))
    _forget_formats()


def _forget_formats() -> None:
    _catalogue.cache_clear()
    get_format.cache_clear()


def _folders() -> list[Path]:
    listed = [Path(p) for p in os.environ.get(FORMAT_FOLDERS_VARIABLE, "").split(os.pathsep) if p]
    return [*listed, *_extra_folders]


@cache
def _catalogue() -> dict[str, str]:
    """Format id → its JSON text: the bundled formats, then those of the extra folders."""
    texts: dict[str, str] = {}
    bundled = resources.files("disclosure_desktop.resources").joinpath("formats")
    for entry in sorted(bundled.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            texts[entry.name[:-len(".json")]] = entry.read_text("utf-8")
    for folder in _folders():
        for path in sorted(folder.glob("*.json")):
            texts.setdefault(path.stem, path.read_text("utf-8"))  # a bundled format is never replaced
    return texts


def format_ids() -> tuple[str, ...]:
    """Every known format, oldest first."""
    return tuple(sorted(_catalogue(), key=lambda format_id: (get_format(format_id).first_year, format_id)))


@cache
def get_format(format_id: str) -> Format:
    text = _catalogue().get(format_id)
    if text is None:
        raise KeyError(f"未知的年报格式：{format_id}")
    spec = format_from_dict(json.loads(text))
    if spec.id != format_id:
        raise KeyError(f"格式文件 {format_id}.json 的 id 是 {spec.id}，应与文件名相同")
    return spec


def format_id_for_year(year: int) -> str:
    """The format a report of `year` must use: of the formats covering the year, the newest
    (a later revision supersedes an open-ended older one); before all of them the oldest, after
    all of them the newest."""
    ids = format_ids()
    covering = [f for f in ids if get_format(f).covers_year(year)]
    if covering:
        return max(covering, key=lambda f: get_format(f).first_year)
    return ids[0] if year < get_format(ids[0]).first_year else ids[-1]
