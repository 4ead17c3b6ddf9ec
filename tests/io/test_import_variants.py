"""Published wording, not the format's: every variant alone and all together, from a web page,
a Word file, a text copy and a PDF printed from the page — every cell right or listed unread,
0 wrong, and every wording the import interpreted reported (issue 14)."""

from __future__ import annotations

import pytest

from disclosure_desktop.io.importer import import_report
from tests.io.import_fixtures.builders import distinct_report
from tests.io.import_fixtures.expect import assert_every_cell_accounted
from tests.io.import_fixtures.variants import (ASSUMED_ROWS, RENAMED_SECTIONS, REWORDED_SECTIONS, VARIANTS, applicable,
                                               combined, pdf_from_html, variant_docx, variant_html, variant_text)

FORMATS = ("gov-2019", "gov-2021")
KINDS = ("html", "docx", "text", "pdf")
ALL = tuple(VARIANTS)


@pytest.fixture(scope="module", params=FORMATS)
def report(request):
    return distinct_report(request.param)


def _write(kind: str, report, mapping, tmp_path, **options):
    if kind == "html":
        path = tmp_path / "page.html"
        path.write_text(variant_html(report, mapping, **options), encoding="utf-8")
    elif kind == "docx":
        path = tmp_path / "report.docx"
        variant_docx(report, path, mapping, **options)
    elif kind == "text":
        path = tmp_path / "copy.txt"
        path.write_text(variant_text(report, mapping), encoding="utf-8")
    else:
        path = tmp_path / "report.pdf"
        pdf_from_html(variant_html(report, mapping, **options), path)
    return path


def assert_nothing_wrong(result, expected) -> set:
    """Every input cell is the expected value or blank and listed as unread; returns the unread."""
    assert_every_cell_accounted(result)
    unread = {(u.table, u.row, u.column) for u in result.unread if u.table}
    for table in expected.spec.tables:
        for row, column in table.input_cells():
            got = result.report.value(table.id, row.id, column.id)
            if (table.id, row.id, column.id) in unread:
                assert got is None
            else:
                assert got == expected.value(table.id, row.id, column.id), (table.id, row.id, column.id)
    return unread


def _assumed_rows(result) -> set:
    return {(a.table, a.row) for a in result.assumptions if a.table and a.row and not a.column}


def _check_variant(result, report, names) -> None:
    assert result.report.format == report.format
    unread = assert_nothing_wrong(result, report)
    fmt = report.spec
    expected_rows = set()
    for name in names:
        expected_rows |= {(t, r) for t, r in ASSUMED_ROWS.get(name, set())
                          if any(t == table.id and r in {x.id for x in table.data_rows} for table in fmt.tables)
                          and applicable(report, VARIANTS[name])}
    assert expected_rows <= _assumed_rows(result)
    assert not unread, [f"{u.where}：{u.reason}" for u in result.unread]
    renamed = set().union(*(RENAMED_SECTIONS.get(name, set()) for name in names))
    headings = {a.where for a in result.assumptions if a.where in {s.title for s in fmt.sections}}
    assert {fmt.section(s).title for s in renamed} <= headings
    warned = {f.section for f in result.findings if f.severity == "warning" and f.expected in
              {s.title for s in fmt.sections}}
    assert warned == set().union(*(REWORDED_SECTIONS.get(name, set()) for name in names))
    for section in fmt.narrative_sections:
        assert result.report.narrative.get(section.id), section.id


REPORTS = {format_id: distinct_report(format_id) for format_id in FORMATS}
# A variant only where the format has the texts it changes (normative_2019_label is gov-2021's).
CASES = [(f, n) for f in FORMATS for n in ALL if applicable(REPORTS[f], VARIANTS[n])]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("format_id", "name"), CASES)
def test_each_variant(tmp_path, format_id, kind, name, qapp):
    report = REPORTS[format_id]
    result = import_report(_write(kind, report, applicable(report, VARIANTS[name]), tmp_path))
    _check_variant(result, report, [name])


@pytest.mark.parametrize("kind", KINDS)
def test_all_variants_together(tmp_path, report, kind, qapp):
    names = [n for n in ALL if n not in ("heading_yu", "heading_he", "heading_typo")] + ["heading_typo"]
    result = import_report(_write(kind, report, applicable(report, combined(names)), tmp_path))
    _check_variant(result, report, names)


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_a_2021_table_under_2019_headers_is_not_read_into_2021_columns(tmp_path, kind, qapp):
    """A hybrid: 第二十条第（一）项 printed with the 2019 columns (本年新公开数量 is no 本年废止件数)."""
    report = REPORTS["gov-2021"]
    mapping = {"本年制发件数": "本年新制作数量", "本年废止件数": "本年新公开数量", "现行有效件数": "对外公开总数量"}
    result = import_report(_write(kind, report, mapping, tmp_path))
    assert result.report.format == "gov-2021"
    unread = assert_nothing_wrong(result, report)
    assert unread == {("s2_item1", r.id, c.id) for r in report.spec.table("s2_item1").data_rows
                      for c in report.spec.table("s2_item1").columns}
    assert all("另一种年报格式" in u.reason for u in result.unread)


@pytest.mark.parametrize("kind", ["html", "pdf"])
@pytest.mark.parametrize("format_id", FORMATS)
def test_a_label_split_over_two_cells(tmp_path, format_id, kind, qapp):
    report = REPORTS[format_id]
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    page = variant_html(report, {}).replace(
        f'<td colspan="2">{label}</td>', "<td>（二）部分公开</td><td>（区分处理的，只计这一情形，不计其他情形）</td>")
    assert "<td>（二）部分公开</td>" in page
    path = tmp_path / f"split.{kind}"
    if kind == "pdf":
        pdf_from_html(page, path)
    else:
        path.write_text(page, encoding="utf-8")
    result = import_report(path)
    assert not assert_nothing_wrong(result, report)


@pytest.mark.parametrize("format_id", FORMATS)
def test_headings_run_into_their_first_paragraph(tmp_path, format_id):
    """`<p><strong>一、总体情况</strong>2022年，…</p>`: the heading is found, the text keeps its words."""
    report = REPORTS[format_id]
    page = variant_html(report, {})
    for section in report.spec.narrative_sections:
        first = report.narrative[section.id].split("\n")[0]
        page = page.replace(f"<p><strong>{section.title}</strong></p>\n<p style=\"text-indent:2em\">&nbsp;&nbsp;{first}",
                            f"<p><strong>{section.title}</strong>{first}", 1)
        assert f"</strong>{first}" in page
    path = tmp_path / "inline.html"
    path.write_text(page, encoding="utf-8")
    result = import_report(path)
    assert not assert_nothing_wrong(result, report)
    for section in report.spec.narrative_sections:
        assert result.report.narrative[section.id] == report.narrative[section.id]


def test_a_2021_table_with_the_2019_row_for_other_handling(tmp_path):
    """（六）其他处理 printed as one row of values (2019) in a 2021 table: its three sub-rows
    cannot be split from it, so they are unread; every other cell is read."""
    import re

    report = REPORTS["gov-2021"]
    page = variant_html(report, {})
    table = report.spec.table("s3")
    sums = [sum(report.value("s3", r, c.id) for r in ("other_1", "other_2", "other_3")) for c in table.columns[:6]]
    sums.append(sum(sums))
    # the group cell and the three sub-rows become one row with the sums
    start = page.index("（六）其他处理")
    start = page.rindex("<tr>", 0, start)
    end = page.index("</tr>", page.index("3.其他")) + len("</tr>")
    row = "<tr><td colspan=\"3\">（六）其他处理</td>" + "".join(f"<td>{v}</td>" for v in sums) + "</tr>"
    page = page[:start] + row + page[end:]
    assert not re.search("申请人无正当理由逾期不补正", page)
    path = tmp_path / "hybrid.html"
    path.write_text(page, encoding="utf-8")
    result = import_report(path)
    unread = assert_nothing_wrong(result, report)
    assert {(t, r) for t, r, _ in unread} == {("s3", "other_1"), ("s3", "other_2"), ("s3", "other_3")}
