"""The board over a folder of generated unit reports: rows, statuses, identification, last year,
copies across units, the roster, incremental re-reading, progress and cancel."""

from __future__ import annotations

import os
import shutil

import pytest

from disclosure_desktop.core.formats import format_id_for_year
from disclosure_desktop.review import ReviewFolderError, ReviewWorkspace, Status, load_roster, scan_folder
from disclosure_desktop.review.names import is_near, normalize_name
from disclosure_desktop.review.roster import RosterError

from .conftest import YEAR, build_folder


@pytest.fixture(scope="module")
def result(review_folder):
    return ReviewWorkspace(review_folder.path, year=YEAR, roster=load_roster(review_folder.roster)).refresh()


def by_source(result):
    return {u.source: u for u in result.units if not u.missing}


def test_every_file_of_the_year_is_a_row_with_its_status(result, review_folder):
    expected = {s: v for s, v in review_folder.expected_status.items()
                if s not in review_folder.reports or review_folder.reports[s].year == YEAR}
    assert {s: u.status.value for s, u in by_source(result).items()} == expected
    assert [u.agency for u in result.units if u.missing] == ["某县水利局"]
    assert all(u.status is Status.MISSING for u in result.units if u.missing)


def test_without_a_year_every_file_is_on_the_board(review_folder):
    result = ReviewWorkspace(review_folder.path).refresh()
    assert {u.source for u in result.units} == set(review_folder.expected_status)
    assert result.year == YEAR  # the latest year found


def test_units_are_identified_from_their_contents(result, review_folder):
    units = by_source(result)
    for source, report in review_folder.reports.items():
        if report.year != YEAR:
            continue
        unit = units[source]
        assert (unit.agency, unit.year, unit.format, unit.agency_kind) == (
            report.agency, report.year, report.format, report.front.agency_kind), source
    assert units["乡镇/城关镇.html"].agency_kind_name == "一级政府"
    assert units["某县民政局.docx"].agency_kind_name == "部门"
    assert units["某县交通局.gknb"].error and "损坏" in units["某县交通局.gknb"].error
    assert "不是政府信息公开工作年度报告" in units["某县商务局.html"].error


def test_last_year_in_the_folder_is_checked_against(result, review_folder, tmp_path):
    unit = by_source(result)["教育/某县教育局2023.gknb"]
    assert unit.previous_source == "教育/某县教育局2022.gknb"
    carry = [f for f in unit.findings if f.table == "s3" and f.row == "carried_in"]
    assert [f.column for f in carry] == ["natural"] and carry[0].expected + 1 == carry[0].actual
    # Without last year's file the same report has nothing to be compared with: it passes.
    copy = tmp_path / "folder"
    shutil.copytree(review_folder.path, copy)
    (copy / "教育" / "某县教育局2022.gknb").unlink()
    again = by_source(ReviewWorkspace(copy, year=YEAR).refresh())["教育/某县教育局2023.gknb"]
    assert again.previous_source is None and again.status is Status.PASSED


def test_a_narrative_copied_from_another_unit_is_flagged_on_both(result):
    units = by_source(result)
    justice, health = units["某县司法局.gknb"], units["某县卫生健康局.gknb"]
    assert [(c.section, c.other_agency, c.own_last_year) for c in justice.copies] == [("s1", "某县卫生健康局", False)]
    assert [c.other_agency for c in health.copies] == ["某县司法局"]
    assert justice.copies[0].share == 1.0
    others = [u for u in units.values() if u.readable and u not in (justice, health)]
    assert not any(u.copies for u in others)


def test_the_roster_finds_the_missing_and_offers_the_near_match(result):
    roster = result.roster
    assert [(n.name, n.unit.agency) for n in roster.near] == [("某县卫生建康局", "某县卫生健康局")]
    assert roster.missing == ["某县卫生建康局", "某县水利局"]
    # Unreadable files still count as submitted (their file name names the unit).
    assert {"某县交通局", "某县商务局"} <= set(roster.matched)
    assert result.missing and result.exit_code == 1


def test_a_confirmed_near_match_counts_as_submitted(review_folder):
    workspace = ReviewWorkspace(review_folder.path, year=YEAR, roster=load_roster(review_folder.roster),
                                confirmed={"某县卫生建康局"})
    result = workspace.refresh()
    assert result.roster.missing == ["某县水利局"] and not result.roster.near
    unit = result.roster.matched["某县卫生建康局"]
    assert unit.agency == "某县卫生健康局" and unit.roster_near


def test_roster_from_an_xlsx_column(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["序号", "单位名称", "联系人"])
    sheet.append([1, "某县 教育局", "张三"])
    sheet.append([2, "某县财政局（盖章）", "李四"])
    workbook.save(tmp_path / "名单.xlsx")
    assert load_roster(tmp_path / "名单.xlsx").names == ("某县 教育局", "某县财政局（盖章）")


def test_an_xlsx_roster_that_unpacks_to_too_much_is_refused(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "名单.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (80 * 1024 * 1024))
    with pytest.raises(RosterError, match="解压后达80 MB"):
        load_roster(tmp_path / "名单.xlsx")


@pytest.mark.parametrize("content, suffix, words", [
    (b"", ".txt", "没有单位名称"), (b"\x00\x01\x02binary", ".txt", "不是文本"), (b"PK\x03\x04broken", ".xlsx", "Excel"),
    (b"abc", ".pdf", "格式不支持")])
def test_bad_rosters_are_refused_in_chinese(tmp_path, content, suffix, words):
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(content)
    with pytest.raises(RosterError, match=words):
        load_roster(path)


def test_names_are_compared_normalised():
    assert normalize_name("某县　教育局（盖章）") == normalize_name("某县教育局") == normalize_name(" 某县教育局 ")
    assert normalize_name("某县(一中)") == normalize_name("某县（一中）")
    assert is_near("某县卫生建康局", "某县卫生健康局")
    assert is_near("教育局", "某县教育局") is False  # too short to be taken as the same unit
    assert is_near("某县教育局", "某县财政局") is False


def test_an_old_word_file_is_unreadable_with_the_reason(tmp_path):
    (tmp_path / "某县档案局.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "~$某县档案局.docx").write_bytes(b"lock")  # Word's lock file: not a report
    [unit] = ReviewWorkspace(tmp_path).refresh().units
    assert unit.status is Status.UNREADABLE and unit.agency == "某县档案局" and ".docx" in unit.error


def test_a_bad_folder_is_refused(tmp_path):
    with pytest.raises(ReviewFolderError, match="找不到文件夹"):
        scan_folder(tmp_path / "没有")
    (tmp_path / "文件.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ReviewFolderError, match="不是文件夹"):
        scan_folder(tmp_path / "文件.txt")


def test_only_changed_or_added_files_are_read_again(tmp_path, review_folder):
    folder = tmp_path / "folder"
    shutil.copytree(review_folder.path, folder)
    workspace = ReviewWorkspace(folder)
    first = workspace.refresh()
    assert first.files_read == len(review_folder.expected_status)
    assert workspace.refresh().files_read == 0
    touched = folder / "某县卫生健康局.gknb"
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # copied again: same bytes
    assert workspace.refresh().files_read == 0
    from disclosure_desktop.io.project_file import load_project, save_project

    report = load_project(folder / "某县财政局.gknb").report
    report.set_value("s3", "public", "commercial", report.value("s3", "public", "commercial") - 5)  # fixed
    save_project(report, folder / "某县财政局.gknb")
    shutil.copy(folder / "某县民政局.docx", folder / "某县民政局-重报.docx")
    again = workspace.refresh()
    assert again.files_read == 2
    units = {u.source: u for u in again.units}
    assert units["某县财政局.gknb"].status is Status.PASSED
    # The second copy of a unit's report is on the board, marked, and summed only once.
    assert units["某县民政局-重报.docx"].duplicate_of or units["某县民政局.docx"].duplicate_of
    rollup = next(r for r in again.rollups() if r.year == YEAR)
    assert [u.agency for u in rollup.units].count("某县民政局") == 1


def test_progress_reports_each_file_and_cancel_stops(review_folder):
    seen = []
    ReviewWorkspace(review_folder.path).refresh(progress=seen.append)
    total = len(review_folder.expected_status)
    assert [p.done for p in seen] == list(range(1, total + 1)) and {p.total for p in seen} == {total}
    assert {p.unit.source for p in seen} == set(review_folder.expected_status)

    calls = []
    result = ReviewWorkspace(review_folder.path).refresh(progress=calls.append, cancelled=lambda: len(calls) >= 3)
    assert result.cancelled and len(result.all_units) == 3


def test_missing_units_take_the_reviewed_year(result):
    missing = next(u for u in result.units if u.missing)
    assert missing.year == YEAR and missing.format == format_id_for_year(YEAR) and missing.source == ""
