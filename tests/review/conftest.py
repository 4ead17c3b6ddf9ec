"""A folder of unit reports as a county office receives them: several formats and years, some
with errors, one copied narrative, one damaged file, one unreadable page, and a roster with a
missing and a near-matching name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from disclosure_desktop.core.model import Report
from disclosure_desktop.export import export_report
from disclosure_desktop.io.project_file import save_project

from .unit_reports import next_year, unit_report

YEAR = 2023


@dataclass
class ReviewFolder:
    path: Path
    roster: Path
    reports: dict[str, Report]      # relative source → the report written there (readable ones)
    expected_status: dict[str, str]  # relative source → status on the board


def build_folder(root: Path) -> ReviewFolder:
    root.mkdir(parents=True, exist_ok=True)
    reports: dict[str, Report] = {}
    status: dict[str, str] = {}

    def project(source: str, report: Report, expected: str) -> None:
        path = root / source
        path.parent.mkdir(parents=True, exist_ok=True)
        save_project(report, path)
        reports[source], status[source] = report, expected

    # 教育局: last year in the folder too, and this year's 上年结转 does not continue it (C10).
    edu_last = unit_report("某县教育局", YEAR - 1, 11)
    edu = next_year(edu_last, 12)
    edu.set_value("s3", "carried_in", "natural", edu.value("s3", "carried_in", "natural") + 1)
    edu.set_value("s3", "new", "natural", edu.value("s3", "new", "natural") - 1)
    project("教育/某县教育局2022.gknb", edu_last, "通过")
    project("教育/某县教育局2023.gknb", edu, "有提示")
    health = unit_report("某县卫生健康局", YEAR, 21)
    project("某县卫生健康局.gknb", health, "有提示")  # copied from, or copying: both are flagged
    # 财政局: table 三 does not balance (C1, an error).
    finance = unit_report("某县财政局", YEAR, 31)
    finance.set_value("s3", "public", "commercial", finance.value("s3", "public", "commercial") + 5)
    project("某县财政局.gknb", finance, "有错误")
    # 司法局: its 总体情况 is the 卫生健康局's word for word.
    justice = unit_report("某县司法局", YEAR, 41)
    justice.narrative["s1"] = health.narrative["s1"]
    project("某县司法局.gknb", justice, "有提示")
    # 林业局: a 2020 report in the other format (listed, never summed in with 2023).
    project("旧/某县林业局2020.gknb", unit_report("某县林业局", 2020, 51), "通过")
    # Published copies: a township's page and a bureau's Word file.
    town = unit_report("某县城关镇人民政府", YEAR, 61, kind="government")
    town.front.published_on = dt.date(YEAR + 1, 3, 20)
    (root / "乡镇").mkdir(exist_ok=True)
    export_report(town, root / "乡镇" / "城关镇.html")
    reports["乡镇/城关镇.html"], status["乡镇/城关镇.html"] = town, "通过"
    civil = unit_report("某县民政局", YEAR, 71)
    export_report(civil, root / "某县民政局.docx")
    reports["某县民政局.docx"], status["某县民政局.docx"] = civil, "通过"
    # A damaged project file and a page that is no report.
    (root / "某县交通局.gknb").write_text('{"schema_version": 1, "format": "gov-2021", "year": 20', encoding="utf-8")
    status["某县交通局.gknb"] = "无法读取"
    (root / "某县商务局.html").write_text("<html><body><p>通知公告</p><p>网站地图</p></body></html>", encoding="utf-8")
    status["某县商务局.html"] = "无法读取"
    roster = root.parent / "名单.txt"
    roster.write_text("\n".join(["某县教育局", "某县卫生建康局", "某县财政局", "某县司法局", "某县城关镇人民政府",
                                 "某县民政局", "某县交通局", "某县商务局", "某县水利局", ""]), encoding="utf-8")
    return ReviewFolder(root, roster, reports, status)


@pytest.fixture(scope="session")
def review_folder(tmp_path_factory) -> ReviewFolder:
    return build_folder(tmp_path_factory.mktemp("review") / "各单位年报")
