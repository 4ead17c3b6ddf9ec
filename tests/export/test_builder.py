"""build_document: the neutral document, driven by the format data and the front matter."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib import resources

import pytest

from disclosure_desktop.core import model
from disclosure_desktop.core.formats import format_from_dict
from disclosure_desktop.export.builder import build_document
from disclosure_desktop.export.document import (CellRole, Heading, Note, Paragraph, ParagraphRole, TableBlock,
                                                TableLayoutError, Title)

from .conftest import filled_2021, load_sample


def blocks_of(document, kind):
    return [b for b in document.blocks if isinstance(b, kind)]


def test_order_title_opening_six_sections_signature_date():
    document = build_document(load_sample(), draft=False)
    assert isinstance(document.blocks[0], Title)
    assert document.blocks[1].role is ParagraphRole.OPENING
    assert [h.text for h in blocks_of(document, Heading) if h.level == 1] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert [b.role for b in document.blocks[-2:]] == [ParagraphRole.SIGNATURE, ParagraphRole.DATE]
    assert [t.id for t in document.tables()] == ["s2", "s3", "s4"]
    assert document.meta.title == "重庆市开州区教育委员会2019年政府信息公开工作年度报告"
    assert document.meta.date == dt.date(2020, 6, 11) and document.meta.date_text == "2020年6月11日"


def test_every_table_tiles_its_grid():
    for report in (load_sample(), filled_2021()):
        for table in build_document(report, draft=False).tables():
            placed = table.placed()
            assert sum(p.cell.rowspan * p.cell.colspan for p in placed) == table.columns * len(table.rows)


def test_layout_errors_are_caught():
    from disclosure_desktop.export.document import Cell

    with pytest.raises(TableLayoutError):
        TableBlock("x", ((Cell("a", colspan=3),), (Cell("b"),)), columns=2).placed()
    with pytest.raises(TableLayoutError):
        TableBlock("x", ((Cell("a", rowspan=2), Cell("b")), (Cell("c"), Cell("d"))), columns=2).placed()


def test_long_title_breaks_by_meaning():
    title = build_document(load_sample(), draft=False).blocks[0]
    assert title.printed_lines == ("重庆市开州区教育委员会", "2019年政府信息公开工作年度报告")
    short = model.new_report(2023, "某局")
    assert build_document(short, draft=True).blocks[0].printed_lines == ("某局2023年政府信息公开工作年度报告",)


def test_opening_uses_only_the_filled_front_matter():
    report = filled_2021()
    report.front.period_start = dt.date(2023, 3, 1)
    opening = build_document(report, draft=False).blocks[1].text
    assert "本报告所列数据统计期限自2023年3月1日起至2023年12月31日止。" in opening
    assert "国办公开办函〔2021〕30号" in opening
    assert "查阅或下载" in opening and "联系" in opening
    report.front.published_at = "  "
    report.front.contact = ""
    opening = build_document(report, draft=False).blocks[1].text
    assert "查阅或下载" not in opening and "联系" not in opening


def test_signatory_and_placement_by_gb9704():
    report = filled_2021()
    signature, date = build_document(report, draft=False).blocks[-2:]
    # the date 4 characters in; the name centred over it, or at the right edge when it is longer
    assert signature.text == "某市某区市场监督管理局" and date.text == "2024年1月20日"
    assert date.right_indent == 4
    # 2024年1月20日 prints 6.5 characters wide plus five autospaces of 0.2 (2024 年 1 月 20 日)
    assert signature.right_indent == pytest.approx(4 + (7.5 - 11) / 2) and signature.keep_with_next
    report.front.signatory = "某局"
    signature, date = build_document(report, draft=False).blocks[-2:]
    assert signature.text == "某局" and signature.right_indent == pytest.approx(4 + (7.5 - 2) / 2)
    report.front.signatory = "某省某市某区人民政府办公室政务公开科"
    assert build_document(report, draft=False).blocks[-2].right_indent == 0
    report.front.signatory = "某局"
    report.front.published_on = None
    assert build_document(report, draft=False).blocks[-1] == Paragraph("某局", ParagraphRole.SIGNATURE, 4)


def test_last_body_paragraph_stays_with_the_signature():
    blocks = build_document(load_sample(), draft=False).blocks
    assert blocks[-3].keep_with_next and isinstance(blocks[-4], Heading)  # 六、 holds one paragraph
    assert not any(getattr(b, "keep_with_next", False) for b in blocks[:-3])


def test_narrative_headings_and_body():
    blocks = build_document(filled_2021(), draft=False).blocks
    heading = {b.text: b.level for b in blocks if isinstance(b, Heading)}
    assert heading["（一）主动公开"] == 2 and heading["1.加强考核"] == 3
    sample = build_document(load_sample(), draft=False).blocks
    numbered = next(b for b in sample if isinstance(b, Paragraph) and b.text.startswith("1.及时修订"))
    assert numbered.role is ParagraphRole.BODY  # a long numbered paragraph is body text


def test_fee_paragraph_only_when_filled_and_not_already_written():
    report = filled_2021()
    texts = [b.text for b in build_document(report, draft=False).blocks if isinstance(b, Paragraph)]
    assert any("发出收费通知3件" in t for t in texts)
    report.narrative["s6"] = "本年度发出收费通知3件，金额1200元。"
    texts = [b.text for b in build_document(report, draft=False).blocks if isinstance(b, Paragraph)]
    assert sum("收费通知" in t for t in texts) == 1
    sample = load_sample()
    sample.fees.notices = 2  # gov-2019 has no fee reporting
    assert not any("收费通知" in b.text for b in build_document(sample, draft=True).blocks
                   if isinstance(b, Paragraph))


def test_unit_note_only_where_the_label_lacks_the_unit():
    assert [n.text for n in blocks_of(build_document(load_sample(), draft=False), Note)] == [
        "注：“采购总金额”的单位为万元。"]
    assert blocks_of(build_document(filled_2021(), draft=False), Note) == []


def test_blank_cells_print_empty_and_values_keep_their_numbers():
    report = filled_2021()
    report.set_value("s4", "review", "upheld", None)
    s4 = build_document(report, draft=True).table("s4")
    values = s4.rows[-1]
    assert values[0].text == "" and values[0].value is None and values[0].key == ("s4", "review", "upheld")
    assert values[1].value == report.value("s4", "review", "corrected")
    assert values[4].value == sum(report.value("s4", "review", c) or 0 for c in ("corrected", "other", "pending"))


def test_control_characters_stripped_from_all_user_text():
    report = filled_2021()
    report.agency = "某市\x07某区市场监督管理局"
    report.front.signatory = "某\x0b局"
    report.front.contact = "办公室\x0c电话010-1"
    report.narrative["s1"] = "文字\x00一\ufeff。"
    document = build_document(report, draft=False)
    texts = [document.meta.title, document.meta.agency] + [getattr(b, "text", "") for b in document.blocks]
    assert not any(ch in t for t in texts for ch in "\x00\x07\x0b\x0c\ufeff")
    assert "文字一。" in texts and "某局" in texts


def test_draft_flag_and_reasons():
    report = filled_2021()
    report.narrative["s5"] = ""
    from disclosure_desktop.core.checks import check_report

    document = build_document(report, check_report(report), draft=True)
    assert document.meta.draft and len(document.meta.draft_reasons) == 1
    assert not build_document(report, draft=False).meta.draft


def test_labels_come_from_the_format_data(monkeypatch):
    """Rename every label in a copy of gov-2021: the document shows only the renamed ones."""
    data = json.loads(resources.files("disclosure_desktop.resources").joinpath("formats", "gov-2021.json")
                      .read_text("utf-8"))
    renamed = copy.deepcopy(data)
    for section in renamed["sections"]:
        section["title"] = "甲" + section["title"]
    for table in renamed["tables"]:
        for key in ("caption", "row_header"):
            if table.get(key):
                table[key] = "甲" + table[key]
        for item in table["columns"] + table["rows"]:
            item["label"] = "甲" + item["label"]
        for header_row in table["print"].get("header_rows", ()):
            for cell in header_row:
                cell["text"] = "甲" + cell["text"]
    fake = format_from_dict(renamed)
    monkeypatch.setattr(model, "get_format", lambda format_id: fake)
    document = build_document(filled_2021(), draft=False)
    labelled = [c for t in document.tables() for c in t.cells() if c.role is not CellRole.VALUE]
    assert labelled and all(c.text.startswith("甲") for c in labelled)
    assert all(h.text.startswith("甲") for h in blocks_of(document, Heading) if h.level == 1)
