"""The importer's parts on small inputs: readers, decoding, labels, values, title and chrome."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from disclosure_desktop.core.formats import get_format
from disclosure_desktop.io.importer.blocks import Cell, Line, TableBlock, tokens
from disclosure_desktop.io.importer.cell_values import is_value_text, read_value
from disclosure_desktop.io.importer.decode import decode_text, declared_charset
from disclosure_desktop.io.importer.errors import ImportRefused
from disclosure_desktop.io.importer.format_detect import decide_format
from disclosure_desktop.io.importer.front import find_published_on, find_title
from disclosure_desktop.io.importer.html_reader import read_html
from disclosure_desktop.io.importer.labels import EXACT, TRUNCATED, WITHOUT_NUMBERING, label_key, match_quality
from disclosure_desktop.io.importer.narrative import restore, split_closing

S2 = get_format("gov-2019").table("s2_item9")
AMOUNT = S2.column("amount")
COUNT = S2.column("projects")
CHANGE = get_format("gov-2019").table("s2_item5").column("change")


# --- HTML ------------------------------------------------------------------------------------
def test_html_closes_what_pages_leave_open_and_keeps_spans():
    blocks, title = read_html(
        "<html><head><title>某局2020年政府信息公开工作年度报告_某市政府网</title>"
        "<body><p>第一段<p>第二段<br>第三行"
        "<table><tr><td rowspan=2>合并<td colspan=3>三列<tr><td>1<td>2<td>3</table>"
        "<script>document.write('<p>不要</p>')</script><select><option>区县政府网站</select>")
    assert title == "某局2020年政府信息公开工作年度报告_某市政府网"
    assert blocks[:3] == [Line("第一段"), Line("第二段"), Line("第三行")]
    assert blocks[3] == TableBlock(((Cell("合并", 2, 1), Cell("三列", 1, 3)), (Cell("1"), Cell("2"), Cell("3"))))
    assert len(blocks) == 4  # no script text, no site list


def test_html_table_caption_comes_before_the_table():
    blocks, _ = read_html("<table><caption>第二十条第（九）项</caption><tr><td>政府集中采购</td><td>2</td></tr></table>")
    assert blocks == [Line("第二十条第（九）项"), TableBlock(((Cell("政府集中采购"), Cell("2")),))]


def test_html_joins_source_line_breaks_between_chinese_characters():
    blocks, _ = read_html("<p>本机关认真\n    贯彻落实条例，\n  Open Data 平台</p><table><tr><td>商业<br>企业</td><td>0</td></tr></table>")
    assert blocks[0] == Line("本机关认真贯彻落实条例， Open Data 平台")  # as a browser shows it
    assert blocks[1].rows[0][0].text == "商业 企业"  # a cell's lines: spaces, which labels ignore


def test_html_layout_tables_are_flattened():
    blocks, _ = read_html("<table><tr><td>菜单</td><td><p>一、总体情况</p>"
                          "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>"
                          f"<table><tr><td>{'长文' * 200}</td><td>x</td></tr></table>")
    assert blocks[:2] == [Line("菜单"), Line("一、总体情况")]
    assert blocks[2] == TableBlock(((Cell("规章"), Cell("0")),))
    assert blocks[3] == Line("长文" * 200)  # an article-sized cell: a layout table


# --- Word grid ---------------------------------------------------------------------------------
def test_docx_grid_merges_become_single_cells(tmp_path):
    import docx

    from disclosure_desktop.io.importer.docx_reader import read_docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "纵向"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "横向"
    for row in (1, 2):
        for column in (1, 2, 3):
            table.cell(row, column).text = str(row * 10 + column)
    buffer = io.BytesIO()
    document.save(buffer)
    blocks = read_docx(buffer.getvalue())
    [grid] = [b for b in blocks if isinstance(b, TableBlock)]
    assert grid.rows == (
        (Cell("纵向", 3, 1), Cell("横向", 1, 3)),
        (Cell("11"), Cell("12"), Cell("13")),
        (Cell("21"), Cell("22"), Cell("23")),
    )
    assert [t.text for t in tokens([grid])] == ["纵向", "横向", "11", "12", "13", "21", "22", "23"]


# --- decoding ----------------------------------------------------------------------------------
def test_decoding_order():
    text = "政府信息公开“三安全一稳定”"
    assert decode_text(text.encode("gbk"), html=True)[:2] == (text, "gb18030")
    assert decode_text(("\ufeff" + text).encode("utf-8"))[:2] == (text, "utf-8")
    assert decode_text(text.encode("utf-16"))[0] == text
    page = f'<meta charset="gbk"><p>{text}</p>'.encode("utf-8")  # stale declaration
    decoded, codec, notes = decode_text(page, html=True)
    assert codec == "utf-8" and text in decoded and "实际内容为utf-8" in notes[0]
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">') == "gb18030"
    with pytest.raises(ImportRefused):
        decode_text(b"\x00\x01\x02binary\x00")


# --- labels and values ---------------------------------------------------------------------------
@pytest.mark.parametrize("found, label, quality", [
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", EXACT),
    ("商业 企业", "商业企业", EXACT),
    ("１．属于国家秘密", "1.属于国家秘密", EXACT),
    ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", EXACT),
    ("(1)属于国家秘密", "1.属于国家秘密", EXACT),
    ("属于国家秘密", "1.属于国家秘密", WITHOUT_NUMBERING),
    ("本年增/", "本年增/减", 0),  # too short to trust as a cut-off label
    ("5.要求行政机关确认或重新出具", "5.要求行政机关确认或重新出具已获取信息", TRUNCATED),
    ("规范性文件", "行政规范性文件", 0),
    ("总计", "（七）总计", WITHOUT_NUMBERING),
    ("", "规章", 0),
])
def test_label_matching(found, label, quality):
    assert match_quality(found, label) == quality


def test_label_key_keeps_only_letters_digits_and_chinese():
    assert label_key("3.危及“三安全一稳定”") == "3危及三安全一稳定"


@pytest.mark.parametrize("text, column, value", [
    ("\u2002 6", COUNT, 6), ("0\u2002", COUNT, 0), ("25件", COUNT, 25), ("１２", COUNT, 12),
    ("-3", CHANGE, -3), ("32.2", AMOUNT, 32.2), ("160.5964万元", AMOUNT, 160.5964),
    ("251000元", AMOUNT, 25.1), ("75394432.52元", AMOUNT, 7539.443252), ("1.5亿元", AMOUNT, 15000),
    ("/", COUNT, 0), ("—", COUNT, 0), ("", COUNT, 0),
])
def test_cell_values(text, column, value):
    reading = read_value(text, column)
    assert reading.error is None and reading.value == value and type(reading.value) is type(value)


@pytest.mark.parametrize("text, column", [("-3", COUNT), ("2.5", COUNT), ("12元", COUNT), ("1234567890", COUNT)])
def test_cell_values_refused(text, column):
    assert read_value(text, column).error


def test_value_or_label():
    assert is_value_text("\u20020", False) and is_value_text("—", False) and is_value_text("", True)
    assert not is_value_text("", False) and not is_value_text("1.属于国家秘密", False)
    assert not is_value_text("2019年", False)


# --- title, dates, format ------------------------------------------------------------------------
@pytest.mark.parametrize("lines, hint, agency, year", [
    (["您当前的位置:首页 >政府信息公开年报", "重庆市开州区教育委员会2019年政府信息公开工作年度报告"], None, "重庆市开州区教育委员会", 2019),
    (["重庆市某某局", "2021年政府信息公开工作年度报告"], None, "重庆市某某局", 2021),
    (["2022年度某某区人民政府政府信息公开工作年度报告"], None, "某某区人民政府", 2022),
    (["首页>信息公开>某某街道办事处2020年政府信息公开工作年度报告"], None, "某某街道办事处", 2020),
    (["欢迎访问"], "某某镇人民政府2023年政府信息公开工作年度报告_某某区人民政府网", "某某镇人民政府", 2023),
])
def test_find_title(lines, hint, agency, year):
    title = find_title(lines, hint)
    assert (title.agency, title.year) == (agency, year)


def test_publication_date_lines():
    assert find_published_on(["日期:2020-06-11"]) == dt.date(2020, 6, 11)
    assert find_published_on(["发布时间：2021年01月29日 10:23　来源：本站"]) == dt.date(2021, 1, 29)
    assert find_published_on(["2020-06-11"]) is None  # a bare date is no 日期 line


def test_format_decided_by_the_labels_only_one_format_has():
    assert decide_format(["本年制发件数", "本年废止件数"], 2019)[0] == "gov-2021"
    assert decide_format(["本年新制作数量", "第二十条第(九)项"], 2022)[0] == "gov-2019"
    assert decide_format(["规章", "行政许可"], 2022)[0] == "gov-2021"  # shared labels: the year


# --- narrative -------------------------------------------------------------------------------------
def test_restore_keeps_addresses():
    assert restore("详见:http://www.a.gov.cn:8080/b/c.html?id=1,电话:023-1234(办公室),邮箱:gk@a.gov.cn;") == \
        "详见：http://www.a.gov.cn:8080/b/c.html?id=1，电话：023-1234（办公室），邮箱：gk@a.gov.cn；"


def test_closing_lines_are_not_narrative():
    body, closing = split_closing(["无其他需要报告的事项。", "重庆市某某局", "2021年1月20日", "扫一扫在手机打开当前页", "微博"])
    assert body == ["无其他需要报告的事项。"] and closing == ["重庆市某某局", "2021年1月20日"]
    body, closing = split_closing(["（一）信息处理费", "无", "重庆市某某局"], "重庆市某某局")
    assert body == ["（一）信息处理费", "无"] and closing == ["重庆市某某局"]
    body, _ = split_closing(["（一）信息处理费", "无"])
    assert body == ["（一）信息处理费", "无"]  # short lines that are text, not a site list


def test_sections_start_only_at_exact_titles():
    from disclosure_desktop.io.importer.sections import find_sections

    lines = ["一、总体情况", "二、主动公开政府信息情况", "具体数据见“三、收到和处理政府信息公开申请情况”。",
             "四、结转下年度继续办理", "三、收到和处理政府信息公开申请情况", "四、结转下年度继续办理", "0",
             "四、政府信息公开行政复议、行政诉讼情况"]
    spans = find_sections(tokens([Line(text) for text in lines]))
    assert {k: v.title_index for k, v in spans.items()} == {"s1": 0, "s2": 1, "s3": 4, "s4": 7}


def test_fee_figures_from_section_six():
    from disclosure_desktop.core.model import FeeReport
    from disclosure_desktop.io.importer.fees import read_fees

    assert read_fees("本年度发出收费通知3件，总金额1,250.5元，实际收取1000元。") == \
        FeeReport(notices=3, amount_yuan=1250.5, collected_yuan=1000)
    assert read_fees("出具收费通知书共2份，收费通知总金额为0.12万元，实际收取金额0.1万元。") == \
        FeeReport(notices=2, amount_yuan=1200, collected_yuan=1000)
    assert read_fees("本机关无其他需要报告的事项。") is None


def test_table_of_contents_is_skipped():
    from disclosure_desktop.io.importer.sections import find_sections

    titles = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    toc = [part for title in titles for part in (title, "3")]  # title, page number
    body = [part for title in titles for part in (title, "正文")]
    spans = find_sections(tokens([Line(text) for text in ["目录", *toc, *body]]))
    assert [spans[f"s{n}"].title_index for n in range(1, 7)] == [13, 15, 17, 19, 21, 23]
