"""The exported .docx opened with python-docx: page, fonts, tables cell by cell, draft mark."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from disclosure_desktop.core.checks import check_report
from disclosure_desktop.export import export_report
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.docx_export import table_page_breaks, template_bytes

from .conftest import filled_2021, load_sample
from .layout import S3_NOTE, docx_layout, expected_layouts, split_at_page_breaks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Final DOCX of the sample and of the filled gov-2021 report, and a draft of the sample."""
    folder = tmp_path_factory.mktemp("docx")
    reports = {"sample": load_sample(), "2021": filled_2021()}
    paths = {}
    for name, report in reports.items():
        paths[name] = folder / f"{name}.docx"
        assert export_report(report, paths[name]).draft is False
    paths["draft"] = folder / "draft.docx"
    assert export_report(reports["sample"], paths["draft"], draft=True).draft is True
    return reports, paths


def open_docx(path):
    return docx.Document(str(path))


def east_asian(run_element) -> str | None:
    fonts = run_element.find(f"{W}rPr/{W}rFonts")
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def size_pt(run_element) -> float:
    return int(run_element.find(f"{W}rPr/{W}sz").get(qn("w:val"))) / 2


# --- page -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sample", "2021"])
def test_a4_with_gb9704_margins(exported, name):
    section = open_docx(exported[1][name]).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(getattr(section, f"{side}_margin") - Mm(mm)) < Mm(0.1), side


def test_22_lines_of_28_characters(exported):
    word = open_docx(exported[1]["sample"])
    section = word.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))
    assert abs(pitch / 20 - 28.9) < 0.2  # fixed line pitch ≈ 28.9 pt
    text_height = (section.page_height - section.top_margin - section.bottom_margin) / 635 * 0.05  # EMU → pt
    assert int(text_height // (pitch / 20)) == 22
    normal = word.styles["Normal"].element
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert spacing.get(qn("w:lineRule")) == "exact" and int(spacing.get(qn("w:line"))) == pitch
    # 28 body characters (16 pt, condensed by the style's character spacing) fill the line, 29 do not.
    condense = int(normal.find(f"{W}rPr/{W}spacing").get(qn("w:val"))) / 20
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635 * 0.05
    assert 28 * (16 + condense) <= text_width < 29 * (16 + condense)


def test_document_defaults_are_chinese_without_theme_fonts():
    package = zipfile.ZipFile(io.BytesIO(template_bytes()))
    styles = package.read("word/styles.xml").decode("utf-8")
    assert "Theme" not in styles and "theme" not in styles
    assert not any(name.startswith("word/theme") for name in package.namelist())
    word = docx.Document(io.BytesIO(template_bytes()))
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(qn("w:eastAsia")) == "zh-CN"
    assert defaults.find(f"{W}rFonts").get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_template_is_what_the_build_script_writes(tmp_path):
    """The committed template can be regenerated: scripts/build_docx_template.py writes it byte for byte."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_docx_template.py"
    spec = importlib.util.spec_from_file_location("build_docx_template", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "t.docx").read_bytes()
    assert built == template_bytes(), "the template is out of date: run scripts/build_docx_template.py"


# --- fonts ----------------------------------------------------------------------------------
def test_title_body_and_headings_name_their_east_asian_fonts(exported):
    word = open_docx(exported[1]["sample"])
    paragraphs = word.paragraphs
    title = paragraphs[0]
    assert title.style.name == "Title" and title.style.paragraph_format.alignment == 1  # centred
    assert [east_asian(r._r) for r in title.runs] == ["方正小标宋简体"]
    assert size_pt(title.runs[0]._r) == 22
    assert title.text == "重庆市开州区教育委员会\n2019年政府信息公开工作年度报告"

    by_text = {p.text: p for p in paragraphs}
    heading1 = by_text["一、总体情况"]
    heading2 = by_text["（一）建立政务公开组织机构"]
    body = next(p for p in paragraphs if p.text.startswith("2019年，开州区教育委员会认真贯彻落实"))
    assert {east_asian(r._r) for r in heading1.runs} == {"黑体"}
    assert {east_asian(r._r) for r in heading2.runs} == {"楷体_GB2312"}
    assert {east_asian(r._r) for r in body.runs} == {"仿宋_GB2312"}
    assert {size_pt(r._r) for p in (heading1, heading2, body) for r in p.runs} == {16}
    # body: first line indented 2 characters (by its style)
    indent = word.styles[body.style.name].element.find(f"{W}pPr/{W}ind")
    assert indent.get(qn("w:firstLineChars")) == "200"


@pytest.mark.parametrize("name", ["sample", "2021", "draft"])
def test_every_run_names_an_east_asian_font(exported, name):
    word = open_docx(exported[1][name])
    parts = [word.element.body]
    section = word.sections[0]
    for part in (section.header, section.even_page_header, section.footer, section.even_page_footer):
        parts.append(part._element)
    runs = [r for part in parts for r in part.iter(f"{W}r")]
    assert len(runs) > 300
    missing = [("".join(t.text for t in r.iter(f"{W}t")), r) for r in runs if not east_asian(r)]
    assert not missing


def test_tables_use_smaller_type_than_body(exported):
    word = open_docx(exported[1]["sample"])
    sizes = {size_pt(r) for table in word.tables for r in table._tbl.iter(f"{W}r")}
    assert sizes and max(sizes) < 16 and min(sizes) >= 10.5


# --- page numbers and draft mark ------------------------------------------------------------
def test_page_numbers_odd_right_even_left(exported):
    word = open_docx(exported[1]["sample"])
    assert word.settings.odd_and_even_pages_header_footer
    section = word.sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph._p.find(f"{W}pPr/{W}jc").get(qn("w:val")) == alignment
        instructions = "".join(t.text for t in paragraph._p.iter(f"{W}instrText"))
        assert instructions.strip() == "PAGE"
        texts = [t.text for t in paragraph._p.iter(f"{W}t")]
        assert texts[0] == "— " and texts[-1] == " —"
        runs = list(paragraph._p.iter(f"{W}r"))
        assert {east_asian(r) for r in runs} == {"宋体"} and {size_pt(r) for r in runs} == {14}


def test_final_has_no_draft_mark_and_draft_has_it(exported):
    final, draft = open_docx(exported[1]["sample"]), open_docx(exported[1]["draft"])
    for word, marked in ((final, False), (draft, True)):
        section = word.sections[0]
        for header in (section.header, section.even_page_header):
            xml = header._element.xml
            assert ("草稿" in header.paragraphs[0].text) is marked
            assert ("PowerPlusWaterMarkObject" in xml) is marked
        assert ("草稿" in word.core_properties.title) is marked
    # the text itself is the same
    assert [p.text for p in final.paragraphs] == [p.text for p in draft.paragraphs]


# --- tables ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sample", "2021"])
def test_every_label_and_number_in_its_cell(exported, name):
    """All three printed tables, cell by cell, against the layout the spec draws."""
    report = exported[0][name]
    word = open_docx(exported[1][name])
    expected = expected_layouts(report.spec, report)
    breaks = table_page_breaks(build_document(report, check_report(report), draft=False))
    assert len(word.tables) == 3
    for table, table_id in zip(word.tables, ("s2", "s3", "s4")):
        actual, _ = docx_layout(table)
        assert actual == split_at_page_breaks(expected[table_id], breaks.get(table_id, ())), table_id


def test_numbers_of_the_filled_report_all_printed(exported):
    """Each of the pairwise different input numbers appears exactly once in the tables."""
    report = exported[0]["2021"]
    word = open_docx(exported[1]["2021"])
    printed = [cell for table in word.tables for cell in docx_layout(table)[0].values()]
    texts = [text for text, _, _ in printed]
    for table in report.tables.values():
        for row in table.values():
            for value in row.values():
                assert texts.count(str(value)) == 1, value


def test_merged_structure_of_tables_3_and_4(exported):
    word = open_docx(exported[1]["2021"])
    s3, _ = docx_layout(word.tables[1])
    assert s3[(0, 0)] == (S3_NOTE, 3, 3)
    assert s3[(1, 4)] == ("法人或其他组织", 1, 5)
    groups = {(5, 0): ("三、本年度办理结果", 22, 1),  # gov-2021: 22 result rows under it
              (7, 1): ("（三）不予公开", 8, 1), (23, 1): ("（六）其他处理", 3, 1)}
    report = exported[0]["2021"]
    breaks = table_page_breaks(build_document(report, check_report(report), draft=False))["s3"]
    assert breaks  # this report's table 三 runs over a page break: the labels start again there
    for position, cell in split_at_page_breaks(groups, breaks).items():
        assert s3[position] == cell, position
    assert s3[(3, 0)][2] == 3 and s3[(5, 1)][2] == 2 and s3[(7, 2)][2] == 1
    s4, _ = docx_layout(word.tables[2])
    assert s4[(0, 5)] == ("行政诉讼", 1, 10)
    assert s4[(1, 5)] == ("未经复议直接起诉", 1, 5) and s4[(1, 10)] == ("复议后起诉", 1, 5)
    assert len([k for k in s4 if k[0] == 3]) == 15


def test_header_rows_repeat_and_rows_never_split(exported):
    word = open_docx(exported[1]["2021"])
    for table, header_rows in zip(word.tables, (0, 3, 3)):
        _, rows = docx_layout(table)
        for index, tr in enumerate(rows):
            trpr = tr.find(qn("w:trPr"))
            assert trpr.find(qn("w:cantSplit")) is not None
            assert (trpr.find(qn("w:tblHeader")) is not None) is (index < header_rows)


def test_tables_fit_the_text_width(exported):
    word = open_docx(exported[1]["sample"])
    text_width = round((210 - 28 - 26) / 25.4 * 1440)
    for table in word.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) == text_width
        assert int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == text_width


def test_numbers_are_centred_labels_left(exported):
    word = open_docx(exported[1]["2021"])
    row = word.tables[1]._tbl.findall(qn("w:tr"))[3]  # 一、本年新收…
    alignments = [tc.find(f"{W}p/{W}pPr/{W}jc").get(qn("w:val")) for tc in row.findall(qn("w:tc"))]
    assert alignments == ["left"] + ["center"] * 7


# --- text -----------------------------------------------------------------------------------
def test_opening_and_closing_from_front_matter(exported):
    word = open_docx(exported[1]["2021"])
    texts = [p.text for p in word.paragraphs]
    opening = texts[1]
    assert "《中华人民共和国政府信息公开条例》" in opening
    assert "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。" in opening
    assert "某市某区人民政府门户网站（www.example.gov.cn）" in opening
    assert "010-12345678" in opening
    for part in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                 "存在的主要问题及改进情况", "其他需要报告的事项"):
        assert part in opening
    assert texts[-2:] == ["某市某区市场监督管理局", "2024年1月20日"]
    fee = next(t for t in texts if "收费通知" in t)
    assert "3件" in fee and "1200元" in fee and "800.5元" in fee


def test_sample_without_contact_leaves_those_sentences_out(exported):
    opening = open_docx(exported[1]["sample"]).paragraphs[1].text
    assert "查阅或下载" not in opening and "联系" not in opening
    assert "本报告所列数据统计期限自2019年1月1日起至2019年12月31日止。" in opening


def test_unit_footnote_for_procurement_amount(exported):
    texts = [p.text for p in open_docx(exported[1]["sample"]).paragraphs]
    assert "注：“采购总金额”的单位为万元。" in texts
    assert not any(t.startswith("注：") for t in (p.text for p in open_docx(exported[1]["2021"]).paragraphs))


def test_control_characters_in_narrative_do_not_break_the_document(tmp_path):
    report = filled_2021()
    report.narrative["s1"] = "第一段\x0b粘贴自Word\x0c的文字\x07。\r\n（一）小标题\x00\n第二段\ufeff内容。"
    report.agency = "某市\x01某区市场监督管理局"
    path = tmp_path / "control.docx"
    export_report(report, path)
    word = open_docx(path)
    texts = [p.text for p in word.paragraphs]
    assert "第一段粘贴自Word的文字。" in texts
    assert "（一）小标题" in texts and "第二段内容。" in texts
    assert texts[0].startswith("某市某区市场监督管理局")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert not any(ch in xml for ch in "\x00\x01\x07\x0b\x0c\ufeff")


@pytest.mark.parametrize("name", ["sample", "2021", "draft"])
def test_properties_in_schema_order(exported, name):
    from .ooxml_order import order_problems

    assert order_problems(exported[1][name]) == []
    assert order_problems(io.BytesIO(template_bytes())) == []


def test_caption_and_heading_rows_keep_with_the_row_below(exported):
    """第二十条第（一）项 and its 信息内容 row never end a page on their own."""
    word = open_docx(exported[1]["2021"])
    rows = word.tables[0]._tbl.findall(qn("w:tr"))
    kept = []
    for tr in rows:
        paragraphs = tr.findall(f".//{qn('w:p')}")
        kept.append(all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs))
    texts = ["".join(t.text or "" for t in tr.iter(qn("w:t"))) for tr in rows]
    for keep, text in zip(kept, texts):
        heading = text.startswith("第二十条") or text.startswith("信息内容")
        assert keep is heading, text
