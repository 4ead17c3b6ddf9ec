"""Title, agency, year and dates of a copy: what stands before section 一 and after section 六.

The report title is `{机关全称}{YYYY}年政府信息公开工作年度报告` (model.Report.title); pages
also print it split over two lines (agency, then year and the rest), put the year first
(`2019年度某某局政府信息公开工作年度报告`) or append the site name in <title>.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .cell_values import compact

# The fixed words of the title; 工作 and 度 are sometimes left out.
_REPORT_WORDS = r"政府信息公开(?:工作)?年度?报告"
_AGENCY_FIRST = re.compile(rf"^(?P<agency>.*?)(?P<year>(?:19|20)\d\d)年度?{_REPORT_WORDS}$")
_YEAR_FIRST = re.compile(rf"^(?P<year>(?:19|20)\d\d)年度?(?P<agency>.+?){_REPORT_WORDS}$")
_YEAR_ANYWHERE = re.compile(rf"(?P<year>(?:19|20)\d\d)年度?{_REPORT_WORDS}")
_DATE_LABEL = re.compile(r"(?:发布|公开|成文|印发)?(?:日期|时间)\s*[:：]\s*(?P<date>\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
_DATE_ONLY = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})$")
_DATE_PARTS = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_PERIOD = re.compile(r"统计期限?(?:为|是)?自?(\d{4})年(\d{1,2})月(\d{1,2})日起?(?:至|到|-|—)(\d{4})年(\d{1,2})月(\d{1,2})日止?")
_SITE_SEPARATORS = re.compile(r"[_|｜\-—–]+")
# An agency line ends like an agency (a short line, no sentence punctuation).
# 区/县/市/州/旗/盟: an administrative area reporting as a whole (平潭综合实验区), alone on the line
# above the title where the title is broken by meaning.
_AGENCY_END = re.compile(r"(政府|委员会|局|厅|办公室|办|院|署|委|中心|所|处|街道办事处|街道|镇|乡|部|会|队|馆|公司|区|县|市|州|旗|盟)$")
_SENTENCE_PUNCTUATION = re.compile(r"[。，,；;：:！!？?]")


def parse_date(text: str) -> dt.date | None:
    match = _DATE_PARTS.search(text)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def looks_like_agency(line: str) -> bool:
    text = compact(line)
    return 2 <= len(text) <= 40 and not _SENTENCE_PUNCTUATION.search(text) and bool(_AGENCY_END.search(text))


@dataclass
class Title:
    agency: str | None
    year: int
    text: str


def _clean_agency(text: str) -> str | None:
    """The agency part of a title line, without a breadcrumb before it or quotes around it."""
    text = re.split(r"[>›»|｜/:：]", text)[-1]  # a breadcrumb, or 标题：
    text = text.strip("《》“”\"'「」【】[]()（） ")
    return text or None


def find_title(lines: list[str], title_hint: str | None = None) -> Title | None:
    """The report title among the lines before section 一 (or in the page's <title>)."""
    for number, line in enumerate(lines):
        text = compact(line)
        match = _AGENCY_FIRST.match(text) or _YEAR_FIRST.match(text)
        if not match:
            continue
        agency = _clean_agency(match.group("agency"))
        if agency is None:  # "重庆市某某局" on the line above "2019年政府信息公开工作年度报告"
            for previous in reversed(lines[max(0, number - 2):number]):
                if looks_like_agency(previous):
                    agency = compact(previous)
                    break
        if agency is None and title_hint:  # the page's <title> may hold the title on one line
            hinted = find_title([], title_hint)
            agency = hinted.agency if hinted and hinted.year == int(match.group("year")) else None
        return Title(agency, int(match.group("year")), text)
    if title_hint:
        for part in _SITE_SEPARATORS.split(compact(title_hint)):
            match = _AGENCY_FIRST.match(part) or _YEAR_FIRST.match(part)
            if match:
                return Title(_clean_agency(match.group("agency")), int(match.group("year")), part)
    for line in lines:
        match = _YEAR_ANYWHERE.search(compact(line))
        if match:
            return Title(None, int(match.group("year")), compact(line))
    return None


def find_published_on(lines: list[str]) -> dt.date | None:
    """A 日期：/发布日期： line of the page."""
    for line in lines:
        match = _DATE_LABEL.search(line)
        if match:
            day = parse_date(match.group("date"))
            if day:
                return day
    return None


def find_period(lines: list[str]) -> tuple[dt.date, dt.date] | None:
    """本报告所列数据统计期限自YYYY年1月1日起至YYYY年12月31日止。"""
    for line in lines:
        match = _PERIOD.search(compact(line))
        if match:
            try:
                values = list(map(int, match.groups()))
                return dt.date(*values[:3]), dt.date(*values[3:])
            except ValueError:
                return None
    return None


def is_date_line(line: str) -> bool:
    return bool(_DATE_ONLY.match(compact(line)))


_PUBLISHED_AT = re.compile(r"电子版(?:可|可以)?(?:在|从|登录)(?P<where>.+?)(?:查阅|下载|浏览|获取|查看)")
_CONTACT = re.compile(r"如对本?(?:年度)?报告有(?:任何)?疑问[，,]?\s*请(?:与|联系)[:：]?\s*(?P<contact>.+?)(?:联系)?(?:[。.]|$)")


def _first_match(lines: list[str], pattern: re.Pattern, group: str) -> str | None:
    for line in lines:
        match = pattern.search(line)
        if match:
            return match.group(group).strip()
    return None


def find_published_at(lines: list[str]) -> str | None:
    """Where the opening paragraph says the electronic copy is published."""
    return _first_match(lines, _PUBLISHED_AT, "where")


def find_contact(lines: list[str]) -> str | None:
    """Whom the opening paragraph names for questions."""
    return _first_match(lines, _CONTACT, "contact")
