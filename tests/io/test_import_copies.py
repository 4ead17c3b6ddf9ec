"""Copies of a report in every supported form import to exactly the values they were made from.

The reports hold a different number in every input cell (import_fixtures.builders), in both
formats, so a value read into the wrong row or column fails the comparison.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from disclosure_desktop.io.importer import import_report
from tests.io.import_fixtures.builders import distinct_report, docx_copy, html_page, pdf_text, text_copy
from tests.io.import_fixtures.expect import assert_every_cell_accounted, assert_same_report

FORMATS = ("gov-2019", "gov-2021")


@pytest.fixture(scope="module", params=FORMATS)
def report(request):
    return distinct_report(request.param)


def _import(path: Path, report):
    result = import_report(path)
    assert result.unread == [], [f"{u.where}：{u.reason}" for u in result.unread]
    assert result.report.format == report.format
    assert_same_report(result, report)
    assert_every_cell_accounted(result)
    assert result.exit_code == 0
    return result


def test_distinct_numbers_really_are_distinct(report):
    values = [v for rows in report.tables.values() for cells in rows.values() for v in cells.values()]
    assert len(values) == len(set(values)) == sum(1 for t in report.spec.tables for _ in t.input_cells())


# --- web pages ---------------------------------------------------------------------------------
def test_html_page_utf8(tmp_path, report):
    path = tmp_path / "page.html"
    path.write_text(html_page(report), encoding="utf-8")
    result = _import(path, report)
    assert result.source_kind == "html" and result.encoding == "utf-8"
    assert result.report.front.published_on == report.front.published_on
    assert "扫一扫" not in result.report.narrative["s6"]


@pytest.mark.parametrize("meta", ["gbk", "gb2312", None, "utf-8"], ids=["meta-gbk", "meta-gb2312", "no-meta", "stale-meta-utf8"])
def test_html_page_reencoded_as_gbk(tmp_path, report, meta):
    page = html_page(report, charset=meta or "x")
    if meta is None:
        page = re.sub(r"<meta[^>]*>", "", page)
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really GBK, not UTF-8 in disguise
    result = _import(path, report)
    assert result.encoding == "gb18030"


def test_html_page_with_a_different_table_layout(tmp_path, report):
    """Group rows as full-width rows, captions outside the tables, 四 as labelled rows, the note
    above table 三, single values not spanning the grid (empty cells instead)."""
    path = tmp_path / "different.html"
    path.write_text(html_page(report, layout="different"), encoding="utf-8")
    _import(path, report)


def test_html_page_with_ascii_punctuation(tmp_path, report):
    path = tmp_path / "folded.html"
    path.write_text(html_page(report, fold=True), encoding="utf-8")
    result = _import(path, report)
    assert "http://www.example.gov.cn/zwgk/index.html" in result.report.narrative["s1"]  # the URL kept its ASCII


def test_html_exported_by_our_own_exporter(tmp_path, report):
    from disclosure_desktop.export import export_report

    report = report.model_copy(deep=True)
    report.front.published_at = "重庆市某某区人民政府网（http://www.example.gov.cn）"
    report.front.contact = "区市场监管局办公室（电话：023-12345678）"
    path = tmp_path / "exported.html"
    export_report(report, path, draft=True)
    result = _import(path, report)
    assert result.report.front == report.front
    assert result.report.fees == report.fees
    # …and the same page re-encoded as GBK, without its meta charset.
    page = re.sub(r"<meta[^>]*>", "", path.read_text(encoding="utf-8"))
    gbk = tmp_path / "exported-gbk.html"
    gbk.write_bytes(page.encode("gbk"))
    _import(gbk, report)


# --- text copies -------------------------------------------------------------------------------
def test_text_copy_one_cell_per_line(tmp_path, report):
    """As the published sample: ASCII punctuation, U+2002 padding, 本年增/ cut short, table 三's
    header in its odd order, chrome before and after."""
    text = text_copy(report)
    assert "\u2002" in text and "本年增/\n" in text or report.format == "gov-2021"
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    result = _import(path, report)
    assert result.source_kind == "text"
    assert any("全角标点" in a.message for a in result.assumptions)


def test_text_copy_with_tab_separated_rows(tmp_path, report):
    path = tmp_path / "tabs.txt"
    path.write_text(text_copy(report, tabs=True), encoding="utf-8")
    _import(path, report)


def test_text_copy_in_gb18030_with_crlf(tmp_path, report):
    path = tmp_path / "copy-gbk.txt"
    path.write_bytes(text_copy(report).replace("\n", "\r\n").encode("gb18030"))
    result = _import(path, report)
    assert result.encoding == "gb18030"


def test_text_copy_with_line_wrapped_labels(tmp_path, report):
    """Long labels broken over two lines, and 商业 企业 with a space in it."""
    text = text_copy(report)
    text = text.replace("\n\n商业企业\n", "\n\n商业 企业\n")
    text = text.replace("(区分处理的,只计这一情形,", "(区分处理的,只计这一情形,\n\n", 1)
    text = text.replace("5.要求行政机关确认", "5.要求行政机关\n\n确认", 1)
    assert "商业 企业" in text and "这一情形,\n\n不计" in text
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    _import(path, report)


def test_text_copy_with_labels_cut_short_renumbered_and_repunctuated(tmp_path, report):
    """`，` for `、`, numbering 1、 for 1., a long label cut off by a narrow column."""
    text = text_copy(report)
    edits = [("1.属于国家秘密", "1、属于国家秘密"), ("4.保护第三方合法权益", "4.保护第三方合法"),
             ("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具\n\n已获")]  # cut and wrapped
    if report.format == "gov-2021":
        edits += [("逾期不补正、行政机关", "逾期不补正,行政机关"), ("缴纳费用、行政机关", "缴纳费用，行政机关")]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "labels.txt"
    path.write_text(text, encoding="utf-8")
    _import(path, report)


def test_text_taken_from_a_pdf(tmp_path, report):
    """A row per line with its values after spaces, wrapped labels, page numbers inside table 三."""
    text = pdf_text(report)
    assert "— 2 —" in text and "（二）部分公开（区分处理的，只计这一\n情形，不计其他情形） " in text
    path = tmp_path / "from-pdf.txt"
    path.write_text(text, encoding="utf-8")
    _import(path, report)


# --- Word files ----------------------------------------------------------------------------------
def test_docx_built_with_python_docx_and_different_merges(tmp_path, report):
    path = tmp_path / "built.docx"
    docx_copy(report, path)
    result = _import(path, report)
    assert result.source_kind == "docx"
    assert result.report.front.published_on == report.front.published_on


def test_docx_exported_by_our_own_exporter(tmp_path, report):
    from disclosure_desktop.export import export_report

    path = tmp_path / "exported.docx"
    export_report(report, path, draft=True)
    result = _import(path, report)
    assert result.report.front == report.front


def test_python_docx_reads_merged_cells_repeatedly_but_we_do_not(tmp_path, report):
    """Why the reader walks the grid itself: python-docx's row.cells repeats a merged cell."""
    import docx

    path = tmp_path / "built.docx"
    docx_copy(report, path)
    tables = docx.Document(str(path)).tables
    s3 = tables[1]
    repeated = [c.text for c in s3.rows[0].cells]
    assert repeated.count(repeated[0]) > 1  # the merged note block, once per grid column


def test_docx_whose_content_sits_in_a_layout_table(tmp_path, report):
    """Some offices paste the whole report into a one-cell table (a frame): the tables inside
    it are nested, the frame is no data table."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    path = tmp_path / "framed.docx"
    docx_copy(report, path)
    document = docx.Document(str(path))
    body = document.element.body
    frame = etree.SubElement(body, qn("w:tbl"))
    cell = etree.SubElement(etree.SubElement(frame, qn("w:tr")), qn("w:tc"))
    for child in list(body):
        if child is not frame and child.tag != qn("w:sectPr"):
            cell.append(child)
    etree.SubElement(cell, qn("w:p"))  # a cell ends with a paragraph
    body.insert(0, frame)
    document.save(str(path))
    assert len(docx.Document(str(path)).tables) == 1
    _import(path, report)
