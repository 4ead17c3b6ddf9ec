"""Build the bundled gov-2021 sample resources/samples/pingtan-2025.gknb from its published text.

    python scripts/build_pingtan_sample.py

Sources (vendored, so a clone alone can rebuild and test the sample): resources/samples/sources/
pingtan-2025.txt — the page text of 平潭综合实验区2025年度政府信息公开工作年度报告 as published
(header lines, then the whole report run together on one line) — and pingtan-2025.tables.json, its
tables as printed.  The narrative is cut at the format's own section titles and at the run-in
sub-headings （一）…（九）; its words are kept exactly as published.  Numbers come only from the
tables JSON; totals are not stored (they are computed).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from disclosure_desktop.core.formats import get_format  # noqa: E402
from disclosure_desktop.core.model import FeeReport, FrontMatter, Report  # noqa: E402
from disclosure_desktop.io.importer.fees import read_fees
from disclosure_desktop.io.project_file import dumps_project  # noqa: E402

SOURCES = ROOT / "resources" / "samples" / "sources"
TEXT = SOURCES / "pingtan-2025.txt"
TABLES = SOURCES / "pingtan-2025.tables.json"
OUTPUT = ROOT / "resources" / "samples" / "pingtan-2025.gknb"

# Run-in sub-headings of the published text (（一）主动公开方面。…) each start a paragraph.
SUB_HEADING = re.compile(r"(?=（[一二三四五六七八九十]{1,2}）)")
# Section 五 states the problems and then, in the same paragraph on the page, the remedies.
REMEDIES = "下一步整改措施："

# Why the sample's warnings stand: the published report is reproduced as it is.
EXPLANATIONS = {
    "C15:s3.other_2.total": "示例说明：本示例取自已公开的真实年报，表三中有2件因逾期未缴费不再处理的申请，原文第六部分只写了"
           "“无收取信息处理费情况”，未报告收费通知件数；保留原文，以展示这一提示。",
}


def _header(lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        key, sep, value = line.partition(": ")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def split_sections(body: str, titles: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """Cut the run-together text at each section title (in order): (opening, section id → text)."""
    starts = []
    position = 0
    for section_id, title in titles:
        at = body.find(title, position)
        if at < 0:
            raise ValueError(f"原文中没有找到“{title}”")
        starts.append((section_id, at, at + len(title)))
        position = at + len(title)
    opening = body[:starts[0][1]].strip()
    texts = {}
    for index, (section_id, _start, end) in enumerate(starts):
        stop = starts[index + 1][1] if index + 1 < len(starts) else len(body)
        texts[section_id] = body[end:stop].strip()
    return opening, texts


def narrative_paragraphs(text: str) -> str:
    parts = [part.strip() for part in SUB_HEADING.split(text)]
    paragraphs = []
    for part in parts:
        if not part:
            continue
        head, sep, tail = part.partition(REMEDIES)
        paragraphs.extend([head.strip(), (sep + tail).strip()] if sep and head.strip() else [part])
    return "\n".join(paragraphs)


def build() -> Report:
    raw = TEXT.read_text(encoding="utf-8").splitlines()
    header_end = raw.index("")
    header = _header(raw[:header_end])
    body = "".join(raw[header_end + 1:])
    data = json.loads(TABLES.read_text(encoding="utf-8"))
    fmt = get_format(data["format"])
    _opening, texts = split_sections(body, [(s.id, s.title) for s in fmt.sections])
    narrative = {s.id: narrative_paragraphs(texts[s.id]) for s in fmt.sections if s.kind == "narrative"}
    tables = {}
    for table_id, rows in data["tables_as_printed"].items():
        table = fmt.table(table_id)
        tables[table_id] = {row_id: {col: value for col, value in cells.items() if not table.is_computed(row_id, col)}
                            for row_id, cells in rows.items()}
    published = dt.datetime.strptime(header["发布时间"], "%Y-%m-%d %H:%M").date()
    site = re.match(r"https?://[^/]+", header["原文链接"]).group(0)
    # 六 says 无收取信息处理费情况: the fee form holds 0s, read as the importer reads them.
    fees = read_fees(narrative.get("s6", "")) or FeeReport()
    return Report(format=fmt.id, year=data["year"], agency=data["agency"], tables=tables, narrative=narrative,
                  fees=fees, front=FrontMatter(agency_kind="government", published_on=published,
                                    published_at=f"平潭综合实验区政府门户网站（{site.split('//')[1]}）"),
                  explanations=dict(EXPLANATIONS))


def main() -> None:
    OUTPUT.write_text(dumps_project(build()), encoding="utf-8")
    print(OUTPUT)


if __name__ == "__main__":
    main()
