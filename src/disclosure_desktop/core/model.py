"""The report as the user edits and saves it (pydantic v2).

Only input cells are held; totals are derived by core.computed and never stored.  Every key
but the six required top-level ones has a default, so a minimal project file loads.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictFloat, StrictInt

from .formats import format_ids, get_format

SCHEMA_VERSION = 1


def _known_format(format_id: str) -> str:
    if format_id not in format_ids():
        raise ValueError(f"未知的年报格式“{format_id[:40]}”，可用的格式：{'、'.join(format_ids())}")
    return format_id


# Any format the catalogue knows (resources/formats and the registered folders), so a new
# format is a new file and no change here.
FormatId = Annotated[str, AfterValidator(_known_format),
                     Field(json_schema_extra=lambda schema: schema.update(enum=list(format_ids())))]

# A cell: an integer, a decimal, or null (blank: not yet filled).  Whether a value suits its
# column (a negative count, a fraction in a count) is a finding of the checks, not a load
# error, so a file with a slip in it still opens and shows where the slip is.
Cell = StrictInt | StrictFloat | None
TableCells = dict[str, dict[str, Cell]]  # row id → column id → value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class FrontMatter(_Model):
    """Front and back matter: not in the national tables, but in nearly every published report."""

    agency_kind: Literal["department", "government"] = Field(
        "department", description="department：政府部门；government：一级人民政府（影响指导文字与公开期限）")
    has_rulemaking_power: bool = Field(False, description="有规章制定权（国务院部门、省级政府、设区的市政府）")
    period_start: dt.date | None = Field(None, description="统计期限起（默认为报告年度1月1日）")
    period_end: dt.date | None = Field(None, description="统计期限止（默认为报告年度12月31日）")
    published_on: dt.date | None = Field(None, description="公开（成文）日期")
    published_at: str = Field("", description="电子版公开的网站或平台")
    contact: str = Field("", description="联系方式（咨询机关、地址、邮编、电话等）")
    signatory: str = Field("", description="落款机关；为空时使用机关全称")


class FeeReport(_Model):
    """信息处理费 reported in section 六 (gov-2021 only; amounts in 元, unlike table （八）)."""

    notices: StrictInt | None = Field(None, description="发出收费通知的件数")
    amount_yuan: StrictInt | StrictFloat | None = Field(None, description="收费通知总金额（元）")
    collected_yuan: StrictInt | StrictFloat | None = Field(None, description="实际收取总金额（元）")


class PreviousYear(_Model):
    """What this report needs from last year's: the base of the cross-year rules C10–C12, C21.

    Filled by carry-forward or import, so the rules work without last year's file at hand.
    """

    year: int
    format: FormatId
    carried_out: dict[str, StrictInt | None] = Field(default_factory=dict, description="上年 结转下年度继续办理，按列")
    in_force: dict[str, StrictInt | None] = Field(default_factory=dict, description="上年 现行有效件数，按行（gov-2021）")
    prev_count: dict[str, dict[str, StrictInt | None]] = Field(
        default_factory=dict, description="上年 上一年项目数量，表→行（gov-2019）")
    change: dict[str, dict[str, StrictInt | None]] = Field(
        default_factory=dict, description="上年 本年增/减，表→行（gov-2019）")
    narrative: dict[str, str] = Field(default_factory=dict, description="上年正文，供雷同检查")


class Report(_Model):
    schema_version: int = SCHEMA_VERSION
    format: FormatId
    year: int = Field(ge=2008, le=2100, description="报告年度")
    agency: str = Field(min_length=1, description="机关全称")
    tables: dict[str, TableCells] = Field(default_factory=dict, description="输入单元格 tables.<表>.<行>.<列>")
    narrative: dict[str, str] = Field(default_factory=dict, description="正文 narrative.s1/s5/s6，段落以换行分隔")
    front: FrontMatter = Field(default_factory=FrontMatter)
    fees: FeeReport = Field(default_factory=FeeReport)
    explanations: dict[str, str] = Field(
        default_factory=dict, description="出错说明：发现项键（如 C20 或 C13:s2_item1.normative_docs）→ 说明")
    previous: PreviousYear | None = None

    @property
    def spec(self):
        """The Format this report is written in."""
        return get_format(self.format)

    def value(self, table_id: str, row_id: str, column_id: str):
        return self.tables.get(table_id, {}).get(row_id, {}).get(column_id)

    def set_value(self, table_id: str, row_id: str, column_id: str, value) -> None:
        """Set an input cell (None clears it). Totals are never set: they are derived; a cell the
        format does not have is refused, so no file is saved that would not open again."""
        table = self.spec.table(table_id)
        if not table.has_cell(row_id, column_id):
            raise KeyError(f"{self.spec.id} 格式的表 {table_id} 中没有单元格 {row_id}.{column_id}")
        if table.is_computed(row_id, column_id):
            raise ValueError(f"{table_id}.{row_id}.{column_id} 是自动计算的单元格")
        row = self.tables.setdefault(table_id, {}).setdefault(row_id, {})
        if value is None:
            row.pop(column_id, None)
        else:
            row[column_id] = value

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return (self.front.period_start or dt.date(self.year, 1, 1),
                self.front.period_end or dt.date(self.year, 12, 31))


def new_report(year: int, agency: str, *, format_id: str | None = None,
               agency_kind: str = "department") -> Report:
    """An empty report of `year`, in the format the year requires unless one is forced."""
    from .formats import format_id_for_year

    return Report(format=format_id or format_id_for_year(year), year=year, agency=agency,
                  front=FrontMatter(agency_kind=agency_kind))
