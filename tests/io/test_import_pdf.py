"""PDF import (text layer rebuilt from character boxes), the messages for scans, broken and old
files, and what the import report says about printed totals (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desktop.cli import main
from disclosure_desktop.export import export_report
from disclosure_desktop.io.importer import ImportRefused, SUPPORTED_SUFFIXES, describe, import_report
from disclosure_desktop.io.importer.source import read_source
from tests.io.import_fixtures.builders import distinct_report, html_page
from tests.io.import_fixtures.expect import assert_every_cell_accounted, assert_same_report
from tests.io.import_fixtures.variants import pdf_from_html, variant_docx, variant_html

FORMATS = ("gov-2019", "gov-2021")


@pytest.mark.parametrize("format_id", FORMATS)
def test_our_own_pdf_export_imports_to_the_same_report(tmp_path, format_id, qapp):
    report = distinct_report(format_id)
    path = tmp_path / "年报.pdf"
    export_report(report, path, draft=True)
    result = import_report(path)
    assert result.source_kind == "pdf" and result.unread == []
    assert_same_report(result, report, narrative=False)
    assert_every_cell_accounted(result)
    # Paragraphs wrapped over several lines of the page come back whole.
    for section in report.spec.narrative_sections:
        assert result.report.narrative[section.id].replace("\n", "") == report.narrative[section.id].replace("\n", "")


def test_a_pdf_whose_text_layer_has_look_alike_radicals(tmp_path, qapp):
    report = distinct_report("gov-2021")
    path = tmp_path / "qt.pdf"
    pdf_from_html(html_page(report), path)
    raw = "".join(chr(c) for c in range(0x2E80, 0x2FE0))
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    layer = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    assert any(ch in raw for ch in layer)  # Qt really writes ⼈ for 人 …
    result = import_report(path)
    assert result.unread == []
    assert_same_report(result, report, narrative=False)
    assert any("部首" in note for note in result.notes)
    assert not any(ch in raw for ch in result.report.narrative["s1"])
    assert "中华人民共和国" in result.report.narrative["s1"]


def test_character_boxes_are_one_font_size_high_whichever_pdfium_reads_them(tmp_path, qapp):
    """PDFium builds disagree on a character's loose box: the font size high, or (pypdfium2 5.15)
    the font's ascent plus descent, 1.45 em for Noto CJK, under which the border between two
    labels of table 三 no longer fell between their boxes and the labels were read as one.  The
    reader measures in ems whichever build it runs on."""
    import pypdfium2

    from disclosure_desktop.export.docx_style import SIZE_TABLE
    from disclosure_desktop.io.importer.pdf_reader import _page_chars

    path = tmp_path / "年报.pdf"
    export_report(distinct_report("gov-2019"), path, draft=True)
    document = pypdfium2.PdfDocument(str(path))
    try:
        chars = [char for page in document for char in _page_chars(page, {})]
    finally:
        document.close()
    text = "".join(char.text for char in chars)
    label = "3.要求提供公开出版物"
    start = text.index(label)
    for char in chars[start:start + len(label)]:
        assert abs(char.height - SIZE_TABLE) < 0.05, (char.text, char.height)
    following = chars[text.index("4.无正当理由大量反复申请")]
    assert chars[start].bottom > following.top  # two rows: their boxes do not overlap


def test_a_group_label_beside_a_wrapped_row_label_is_read_before_that_row():
    """三、本年度办理结果 stands in a tall merged cell left of the row labels.  Where its first line
    falls between the two lines of a wrapped row label, above that row's values (as our own
    export set it once Liberation Serif stood in for Times New Roman), the row still reads
    label, then values."""
    from disclosure_desktop.io.importer.pdf_reader import _Char, _Rules, _page_blocks, _visual_lines

    def text_at(text: str, left: float, middle: float, advance: float = 10.5) -> list[_Char]:
        return [_Char(ch, left + i * advance, left + (i + 1) * advance, middle - 5.25, middle + 5.25)
                for i, ch in enumerate(text)]

    group, label, first_value, second_value = (79, 113), (157, 280), (280, 314), (314, 348)
    row_rules = [(462.0, label[0], second_value[1]), (427.0, label[0], second_value[1])]
    group_rules = [(470.0, *group), (420.0, *group)]
    rules = _Rules(horizontal=row_rules + group_rules, strokes=row_rules + group_rules,
                   vertical=[(x, 400.0, 480.0) for x in (*group, *label[1:], *first_value[1:], *second_value[1:])])
    chars = [*text_at("3.补正后申请内", 160, 455), *text_at("三、", 86, 448), *text_at("385", 289, 448, 5.25),
             *text_at("388", 322, 448, 5.25), *text_at("明确", 160, 441), *text_at("本年", 86, 434)]
    texts = [block.text for block in _page_blocks(_visual_lines(chars), rules)]
    assert texts == ["三、本年", "3.补正后申请内明确", "385", "388"]
    # A header cell to the right is no row waiting for its values: the next row stays after it.
    header = [*text_at("对外公开", 290, 475), *text_at("规章", 160, 450), *text_at("103", 289, 450, 5.25)]
    ruled = _Rules(horizontal=[(463.0, 79, 348)], strokes=[(463.0, 79, 348)],
                   vertical=[(x, 400.0, 490.0) for x in (79, 157, 280, 348)])
    assert [block.text for block in _page_blocks(_visual_lines(header), ruled)] == ["对外公开", "规章", "103"]


def test_table_rows_placed_close_together_stay_apart(tmp_path, qapp):
    """PDFium's own text runs Qt's table rows into one line (`规章 103 106 109 行政规范性文件 …`)."""
    report = distinct_report("gov-2021")
    path = tmp_path / "close.pdf"
    pdf_from_html(html_page(report), path)
    texts = [block.text for block in read_source(path).blocks]
    assert texts[texts.index("规章") + 1: texts.index("规章") + 5] == ["103", "106", "109", "行政规范性文件"]


def test_scanned_pdf_without_text_is_refused_with_its_reason(tmp_path, qapp, capsys):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter.drawImage(0, 0, image)
    painter.end()
    del writer
    with pytest.raises(ImportRefused) as error:
        import_report(path)
    assert error.value.reason == "scanned_pdf" and "扫描件" in str(error.value)
    assert main(["import", str(path), "-o", str(tmp_path / "x.gknb")]) == 2
    assert "没有文字层" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"%PDF-1.4\n%garbage that is no PDF\n", b"%PDF-1.7\n" + bytes(range(256)) * 4])
def test_broken_pdf_is_refused(tmp_path, content):
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as error:
        import_report(path)
    assert error.value.reason == "bad_pdf" and "PDF" in str(error.value)


@pytest.mark.parametrize("name,content", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ("rtf.doc", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}}\\f0 \\'c4\\'ea\\'b1\\'a8}"),
    ("odd.wps", bytes(range(1, 200)) * 10),
])
def test_old_word_and_wps_files_get_the_save_as_advice(tmp_path, name, content, capsys):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as error:
        import_report(path)
    assert error.value.reason == "old_doc"
    assert "另存为 .docx" in str(error.value) and "不是文本" not in str(error.value)


def test_a_word_web_page_saved_as_doc_is_still_read(tmp_path):
    report = distinct_report("gov-2021")
    path = tmp_path / "page.doc"
    path.write_text(html_page(report), encoding="utf-8")
    assert import_report(path).unread == []


def test_pdf_is_offered_by_the_import_dialog_and_the_cli(tmp_path, qapp, capsys):
    assert ".pdf" in SUPPORTED_SUFFIXES  # the app's 导入 dialog builds its filter from this
    report = distinct_report("gov-2019")
    source = tmp_path / "report.pdf"
    export_report(report, source, draft=True)
    assert main(["import", str(source), "-o", str(tmp_path / "r.gknb"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source_kind"] == "pdf" and data["cells_read"] == data["cells_total"]


# --- what the import saw: rows left out, printed totals that are wrong ---------------------------------
@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_a_row_left_out_of_table_two_is_unread_not_guessed(tmp_path, kind, qapp):
    report = distinct_report("gov-2021")
    if kind == "docx":
        path = tmp_path / "r.docx"
        variant_docx(report, path, {}, omit_rows=("规章",))
    else:
        page = variant_html(report, {}, omit_rows=("规章",))
        path = tmp_path / f"r.{kind}"
        if kind == "pdf":
            pdf_from_html(page, path)
        else:
            path.write_text(page, encoding="utf-8")
    result = import_report(path)
    unread = {(u.table, u.row, u.column) for u in result.unread}
    assert unread == {("s2_item1", "regulations", c.id) for c in report.spec.table("s2_item1").columns}
    assert_every_cell_accounted(result)
    for table in report.spec.tables:
        for row, column in table.input_cells():
            if (table.id, row.id, column.id) not in unread:
                assert result.report.value(table.id, row.id, column.id) == report.value(table.id, row.id, column.id)
    assert result.exit_code == 1


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_table_four_total_printed_0_while_upheld_is_1_is_a_finding_with_its_place(tmp_path, kind, qapp):
    report = distinct_report("gov-2021")
    for row in report.spec.table("s4").data_rows:
        for column in report.spec.table("s4").input_cells():
            pass
    report.set_value("s4", "review", "upheld", 1)
    for column in ("corrected", "other", "pending"):
        report.set_value("s4", "review", column, 0)
    page = html_page(report, printed={"s4": {"review": {"total": "0"}}})
    path = tmp_path / f"r.{kind}"
    if kind == "pdf":
        pdf_from_html(page, path)
    else:
        path.write_text(page, encoding="utf-8")
    result = import_report(path)
    [finding] = [f for f in result.total_findings if f.table == "s4"]
    assert (finding.row, finding.column, finding.actual, finding.expected) == ("review", "total", 0, 1)
    address = result.source_address(finding)
    assert address and address.startswith("原文")
    line = next(line for line in describe(result).splitlines() if "行政复议" in line and "原文总计为0" in line)
    assert address in line
    if kind == "html":  # the address names the printed cell itself
        import re

        blocks = read_source(path).blocks
        table_number, row, cell = map(int, re.findall(r"\d+", address))
        tables = [b for b in blocks if hasattr(b, "rows")]
        assert tables[table_number - 1].rows[row - 1][cell - 1].text.strip() == "0"


# --- PDFs LibreOffice made from Word files (committed; import_fixtures/make_pdfs.py remakes them) ------
PDFS = Path(__file__).resolve().parent / "import_fixtures" / "pdf"


def test_a_word_export_printed_to_pdf_by_libreoffice():
    report = distinct_report("gov-2019")
    result = import_report(PDFS / "lo-export-gov-2019.pdf")
    assert result.unread == []
    assert_same_report(result, report, narrative=False)
    for section in report.spec.narrative_sections:
        assert result.report.narrative[section.id].replace("\n", "") == report.narrative[section.id].replace("\n", "")


def test_every_variant_at_once_in_a_libreoffice_pdf():
    """Nothing wrong; table 四's wrapped three-digit numbers (565 printed as 56 / 5) unread."""
    report = distinct_report("gov-2021")
    result = import_report(PDFS / "lo-variants-gov-2021.pdf")
    assert_every_cell_accounted(result)
    unread = {(u.table, u.row, u.column) for u in result.unread}
    assert unread == {("s4", r.id, c.id) for r, c in report.spec.table("s4").cells()}
    for table_id, row_id, column_id in result.read_cells:
        if not report.spec.table(table_id).is_computed(row_id, column_id):
            assert result.report.value(table_id, row_id, column_id) == report.value(table_id, row_id, column_id)
    assumed = {(a.table, a.row) for a in result.assumptions if a.table and a.row}
    assert {("s3", "withheld_2"), ("s3", "other_1"), ("s3", "withheld_7"), ("s2_item1", "normative_docs")} <= assumed
    renamed = {f.section for f in result.findings if f.severity == "warning" and f.expected in
               {s.title for s in report.spec.sections}}
    assert renamed == {"s4", "s5", "s6"}  # 行政法复议, 改进措施, 需报告: reworded, not only suffixed


def test_a_pdf_of_thousands_of_pages_is_refused_before_reading_them(tmp_path):
    import pypdfium2

    from disclosure_desktop.io.importer.pdf_reader import MAX_PAGES

    document = pypdfium2.PdfDocument.new()
    for _ in range(MAX_PAGES + 1):
        document.new_page(100, 100)
    path = tmp_path / "many.pdf"
    document.save(str(path))
    document.close()
    with pytest.raises(ImportRefused) as error:
        import_report(path)
    assert error.value.reason == "too_large" and f"{MAX_PAGES + 1}页" in str(error.value)


@pytest.mark.parametrize("seed", range(12))
def test_cut_or_damaged_pdfs_are_refused_or_read_honestly(tmp_path, seed):
    import random

    data = bytearray((PDFS / "lo-export-gov-2019.pdf").read_bytes())
    rng = random.Random(seed)
    if seed % 2:
        data = data[:rng.randrange(100, len(data))]
    else:
        for _ in range(40):
            data[rng.randrange(len(data))] = rng.randrange(256)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        result = import_report(path)
    except ImportRefused as error:
        assert error.reason in ("bad_pdf", "not_a_report", "scanned_pdf", "empty")
        return
    assert_every_cell_accounted(result)


def _drawn_pdf(path, pages):
    """A PDF whose pages hold the given (x, y, text) in points from the top left (Qt draws it)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 12))
    for number, items in enumerate(pages):
        if number:
            writer.newPage()
        for x, y, text in items:
            painter.drawText(QPointF(x, y), text)
    painter.end()


def test_page_numbers_in_the_margin_are_no_values_but_a_lone_last_value_is(tmp_path, qapp):
    path = tmp_path / "pages.pdf"
    _drawn_pdf(path, [
        [(80, 700, "行政许可"), (300, 700, "121"), (80, 720, "行政处罚"), (300, 738, "124"), (280, 800, "— 1 —")],
        [(280, 40, "第 2 页"), (80, 100, "行政强制"), (300, 100, "127"), (290, 800, "3/9")],
    ])
    texts = [block.text for block in read_source(path).blocks]
    assert texts == ["行政许可", "121", "行政处罚", "124", "行政强制", "127"]
