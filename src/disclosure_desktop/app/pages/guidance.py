"""What the guidance pane says for a page: the format's guidance and, for a narrative section
with topics (gov-2021 一 and 五), which topics the text already covers.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...core.formats import format_ids, get_format
from ...core.model import Report
from ...core.text import paragraphs
from ...core.section_state import CHECK, COVER

_NUMBERING = re.compile(r"^(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+[.．、])\s*")
_HEAD_CHARS = 30  # a sub-heading written inline (（一）主动公开。本年度……) is found in the first characters


def tr(text: str) -> str:
    return QCoreApplication.translate("Guidance", text)


@dataclass(frozen=True)
class TopicState:
    topic: str  # as the format words it, e.g. （一）主动公开
    present: bool


def _topic_key(topic: str) -> str:
    return _NUMBERING.sub("", topic).strip()


def _longest_common_run(a: str, b: str) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for j, other in enumerate(b):
            current.append(previous[j] + 1 if char == other else 0)
        best = max(best, max(current))
        previous = current
    return best


def topic_presence(text: str, topics: tuple[str, ...]) -> list[TopicState]:
    """A topic is present when a numbered sub-heading of the text shares most of its wording
    (three quarters of it in one run), so （二）存在的主要问题及改进情况 counts for
    （二）存在的主要问题及改进措施 while （四）政府信息公开平台建设 does not count for
    （三）政府信息管理."""
    heads = [_NUMBERING.sub("", p)[:_HEAD_CHARS] for p in paragraphs(text) if _NUMBERING.match(p)]
    states = []
    for topic in topics:
        key = _topic_key(topic)
        needed = max(2, math.ceil(len(key) * 0.75))
        states.append(TopicState(topic, any(key in head or _longest_common_run(key, head) >= needed for head in heads)))
    return states


def format_years_text() -> str:
    """Which years use which format, from the format data."""
    parts = []
    for format_id in format_ids():
        spec = get_format(format_id)
        years = (tr("{first}年度起").format(first=spec.first_year) if spec.last_year is None
                 else tr("{first}—{last}年度").format(first=spec.first_year, last=spec.last_year))
        parts.append(tr("{years}使用《{name}》（{issued_by}）").format(years=years, name=spec.name, issued_by=spec.issued_by))
    return "；".join(parts) + "。"


def deadline_text(report: Report) -> str:
    """The publication deadline of this report (from the format), e.g. 2020年1月31日."""
    deadline = report.spec.publication_deadline(report.front.agency_kind)
    if deadline is None:
        return ""
    month, day = deadline
    return tr("{year}年{month}月{day}日").format(year=report.year + 1, month=month, day=day)


def cover_guidance(report: Report) -> str:
    text = tr("填写机关名称、报告年度等封面信息。年报格式由报告年度决定：") + format_years_text()
    deadline = deadline_text(report)
    if deadline:
        text += tr("按机关类型，本年报应在{deadline}前公开（《条例》第四十九条）。").format(deadline=deadline)
    return text


def guidance_html(report: Report, page_id: str) -> str:
    spec = report.spec
    if page_id == COVER:
        return _html(tr("封面信息"), html.escape(cover_guidance(report)))
    if page_id == CHECK:
        body = tr("这里列出导出正式文本前必须处理的错误。有错误时只能导出带“草稿”标记的文本。"
                  "提示不阻止导出；如情况属实，可在问题面板中填写出错说明。")
        return _html(tr("检查与导出"), body)
    section = spec.section(page_id)
    extra = ""
    if section.topics:
        states = topic_presence(report.narrative.get(section.id, ""), section.topics)
        items = "".join(
            f"<p style='margin:2px 0; color:{'#2e7d32' if s.present else '#9a5b00'}'>"
            f"{'✓' if s.present else '○'} {html.escape(s.topic)}"
            f"{'' if s.present else html.escape(tr('（尚未写到）'))}</p>" for s in states)
        missing = sum(1 for s in states if not s.present)
        summary = tr("五个方面都已写到。") if not missing and len(states) == 5 else (
            tr("已写到全部子标题。") if not missing else tr("还有 {n} 个方面没有写到（提示，不是错误）。").format(n=missing))
        extra = f"<p><b>{html.escape(tr('通常的子标题'))}</b></p>{items}<p>{html.escape(summary)}</p>"
    return _html(section.title, html.escape(section.guidance)) + extra


def _html(title: str, body: str) -> str:
    return f"<h3>{html.escape(title)}</h3><p>{body}</p>"
