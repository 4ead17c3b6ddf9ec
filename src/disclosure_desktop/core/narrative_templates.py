"""The standard sentences that "从表格插入" drafts from the numbers.

All wording of the drafts lives here, as templates over cell addresses; a phrase whose cell
the report's format does not have is left out, so one set of templates serves both formats.
The sentences are written so that the narrative-figures check (C16) recognises the numbers
it states (收到政府信息公开申请X件, 行政复议X件, 行政许可处理决定X件 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from .model import Report
from .values import format_value

TableValues = Callable[[str], Mapping[str, Mapping[str, object]]]
MISSING = "（未填）"

# 三: the kinds of result (予以公开, 部分公开 …) are table 三's level-1 rows, read from the format.
_NUMBERING = re.compile(r"^（[一二三四五六七八九十]+）")

APPLICATIONS = "本年度共收到政府信息公开申请{new}件，上年结转{carried_in}件。"
NO_APPLICATIONS = "本年度未收到政府信息公开申请，也没有上年结转的申请。"
RESULTS = "办理结果：{results}；结转下年度继续办理{carried_out}件。"
RESULT_ITEM = "{kind}{n}件"

REVIEWS = "本年度发生政府信息公开行政复议{review}件、行政诉讼{suits}件。"
REVIEWS_PENDING = "其中尚未审结的行政复议{review}件、行政诉讼{suits}件。"

ACTIVE = "本年度主动公开政府信息情况：{items}。"
# (template, table, row, column): phrases of section 二, each kept only when the format has the cell.
ACTIVE_PHRASES = (
    ("本年制发规章{}件", "s2_item1", "regulations", "issued"),
    ("行政规范性文件{}件", "s2_item1", "normative_docs", "issued"),
    ("现行有效行政规范性文件{}件", "s2_item1", "normative_docs", "in_force"),
    ("本年新公开规章{}件", "s2_item1", "regulations", "new_published"),
    ("规范性文件{}件", "s2_item1", "normative_docs", "new_published"),
    ("行政许可处理决定{}件", "s2_item5", "licensing", "decisions"),
    ("其他对外管理服务事项处理决定{}件", "s2_item5", "other_services", "decisions"),
    ("行政处罚处理决定{}件", "s2_item6", "penalty", "decisions"),
    ("行政强制处理决定{}件", "s2_item6", "coercion", "decisions"),
    ("行政事业性收费{}万元", "s2_item8", "fees", "amount_wan"),
    ("政府集中采购项目{}个", "s2_item9", "central_procurement", "projects"),
    ("采购总金额{}万元", "s2_item9", "central_procurement", "amount"),
)

FEES = "本年度发出信息处理费收费通知{notices}件，收费金额{amount}元，实际收取{collected}元。"
NO_FEES = "本年度未发出信息处理费收费通知，未收取信息处理费。"

TITLE_APPLICATIONS = "依申请公开：收到和处理申请情况（表三）"
TITLE_REVIEWS = "行政复议、行政诉讼情况（表四）"
TITLE_ACTIVE = "主动公开情况（表二）"
TITLE_FEES = "信息处理费收取情况"


@dataclass(frozen=True)
class Draft:
    title: str  # what the insert menu shows
    text: str  # the paragraph inserted


def _n(value) -> str:
    return MISSING if value is None else format_value(value)


def _sum(values) -> object:
    values = list(values)
    if any(v is None for v in values):
        return None
    return sum(values)


def result_kinds(table) -> list[tuple[str, list[str]]]:
    """(wording, row ids) for each kind of result of table 三: its level-1 rows that are summed
    into （七）总计, a group taking the rows under it; "（二）部分公开（区分处理的…）" → "部分公开"."""
    leaves = {row_id for d in table.computed if d.target_row for row_id in d.sum_of_rows}
    kinds: list[tuple[str, list[str]]] = []
    for row in table.rows:
        if row.level == 1 and (row.is_group or row.id in leaves):
            kinds.append((_NUMBERING.sub("", row.label).split("（")[0], [] if row.is_group else [row.id]))
        elif row.level == 2 and kinds and row.id in leaves:
            kinds[-1][1].append(row.id)
    return kinds


def applications_draft(report: Report, values: TableValues) -> Draft:
    table = report.spec.table("s3")
    s3 = values("s3")
    total = table.columns[-1].id if table.columns[-1].computed else None
    cell = lambda row: s3[row][total] if total else _sum(s3[row][c.id] for c in table.columns)  # noqa: E731
    new, carried_in = cell("new"), cell("carried_in")
    if new == 0 and carried_in == 0:
        return Draft(TITLE_APPLICATIONS, NO_APPLICATIONS)
    results = "，".join(RESULT_ITEM.format(kind=kind, n=_n(_sum(cell(r) for r in rows)))
                       for kind, rows in result_kinds(table))
    text = APPLICATIONS.format(new=_n(new), carried_in=_n(carried_in)) + \
        RESULTS.format(results=results, carried_out=_n(cell("carried_out")))
    return Draft(TITLE_APPLICATIONS, text)


def reviews_draft(report: Report, values: TableValues) -> Draft:
    s4 = values("s4")
    suits = [r.id for r in report.spec.table("s4").data_rows if r.id != "review"]
    review = s4["review"]["total"]
    suit_total = _sum(s4[r]["total"] for r in suits)
    text = REVIEWS.format(review=_n(review), suits=_n(suit_total))
    pending_review, pending_suits = s4["review"]["pending"], _sum(s4[r]["pending"] for r in suits)
    if (pending_review or 0) + (pending_suits or 0) > 0:
        text += REVIEWS_PENDING.format(review=_n(pending_review), suits=_n(pending_suits))
    return Draft(TITLE_REVIEWS, text)


def active_draft(report: Report, values: TableValues) -> Draft:
    spec = report.spec
    tables = {t.id: t for t in spec.tables}
    items = []
    for template, table_id, row_id, column_id in ACTIVE_PHRASES:
        table = tables.get(table_id)
        if table is None or row_id not in {r.id for r in table.data_rows} or column_id not in {c.id for c in table.columns}:
            continue
        items.append(template.format(_n(values(table_id)[row_id][column_id])))
    return Draft(TITLE_ACTIVE, ACTIVE.format(items="，".join(items)))


def fees_draft(report: Report) -> Draft:
    fees = report.fees
    if fees.notices == 0:
        return Draft(TITLE_FEES, NO_FEES)
    return Draft(TITLE_FEES, FEES.format(notices=_n(fees.notices), amount=_n(fees.amount_yuan),
                                         collected=_n(fees.collected_yuan)))


def drafts_for(report: Report, values: TableValues, section_id: str) -> list[Draft]:
    """The drafts offered in a narrative section, the most relevant first."""
    drafts = [applications_draft(report, values), reviews_draft(report, values), active_draft(report, values)]
    if report.spec.has_rule("C15"):  # the formats with 信息处理费 reporting
        fee = fees_draft(report)
        drafts = [fee, *drafts] if section_id == "s6" else [*drafts, fee]
    return drafts
