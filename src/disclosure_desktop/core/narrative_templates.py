"""The standard sentences that "从表格插入" drafts from the numbers.

The wording, the cells each sentence names and which drafts each section offers (in which
order) are the format's data (`capabilities.narrative_drafts`); this module holds one drafting
function per `kind` of draft, as core.checks holds one function per kind of rule.  The
sentences are written so that the narrative-figures check (C16) recognises the numbers they
state (收到政府信息公开申请X件, 行政复议X件, 行政许可处理决定X件 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from .formats import DraftTemplate
from .model import Report
from .values import format_value

TableValues = Callable[[str], Mapping[str, Mapping[str, object]]]
DraftFn = Callable[[Report, TableValues, DraftTemplate], str]

# 三: the kinds of result (予以公开, 部分公开 …) are table 三's level-1 rows, read from the format.
_NUMBERING = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass(frozen=True)
class Draft:
    title: str  # what the insert menu shows
    text: str  # the paragraph inserted


def placeholder(report: Report) -> str:
    """What a drafted sentence says in place of a blank cell."""
    return report.spec.capabilities.narrative_drafts.placeholder


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


_DRAFTERS: dict[str, DraftFn] = {}


def drafter(kind: str) -> Callable[[DraftFn], DraftFn]:
    def register(fn: DraftFn) -> DraftFn:
        _DRAFTERS[kind] = fn
        return fn
    return register


@drafter("applications")
def _applications(report: Report, values: TableValues, template: DraftTemplate) -> str:
    texts, n = template.texts, _numbers(report)
    table = report.spec.table(template.table)
    cells = values(table.id)
    total = table.columns[-1].id if table.columns[-1].computed else None
    cell = lambda row: cells[row][total] if total else _sum(cells[row][c.id] for c in table.columns)  # noqa: E731
    over = report.spec.capabilities.carried_over  # 上年结转 and 结转下年度继续办理, as the format names them
    new, carried_in = cell("new"), cell(over.to_row)
    if new == 0 and carried_in == 0:
        return texts["none"]
    results = texts["separator"].join(texts["result_item"].format(kind=kind, n=n(_sum(cell(r) for r in rows)))
                                      for kind, rows in result_kinds(table))
    return (texts["received"].format(new=n(new), carried_in=n(carried_in))
            + texts["results"].format(results=results, carried_out=n(cell(over.from_row))))


@drafter("reviews")
def _reviews(report: Report, values: TableValues, template: DraftTemplate) -> str:
    texts, n = template.texts, _numbers(report)
    cells = values(template.table)
    suits = [r.id for r in report.spec.table(template.table).data_rows if r.id != "review"]
    text = texts["totals"].format(review=n(cells["review"]["total"]), suits=n(_sum(cells[r]["total"] for r in suits)))
    pending_review, pending_suits = cells["review"]["pending"], _sum(cells[r]["pending"] for r in suits)
    if (pending_review or 0) + (pending_suits or 0) > 0:
        text += texts["pending"].format(review=n(pending_review), suits=n(pending_suits))
    return text


@drafter("phrases")
def _phrases(report: Report, values: TableValues, template: DraftTemplate) -> str:
    n = _numbers(report)
    items = [phrase.format(n(values(table_id)[row_id][column_id]))
             for phrase, table_id, row_id, column_id in template.phrases]
    return template.texts["sentence"].format(items=template.texts["separator"].join(items))


@drafter("fees")
def _fees(report: Report, values: TableValues, template: DraftTemplate) -> str:
    fees, n = report.fees, _numbers(report)
    if fees.notices == 0:
        return template.texts["none"]
    return template.texts["sentence"].format(notices=n(fees.notices), amount=n(fees.amount_yuan),
                                             collected=n(fees.collected_yuan))


def _numbers(report: Report) -> Callable[[object], str]:
    missing = placeholder(report)
    return lambda value: missing if value is None else format_value(value)


def drafts_for(report: Report, values: TableValues, section_id: str) -> list[Draft]:
    """The drafts the format offers in a narrative section, in the format's order."""
    return [Draft(template.title, _DRAFTERS[template.kind](report, values, template))
            for template in report.spec.capabilities.narrative_drafts.for_section(section_id)]
