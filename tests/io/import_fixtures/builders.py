"""Copies of a report as offices publish them, made here from a Report, for the import tests.

Each builder writes the report the way a real copy does it — a content-system web page with
nested layout tables and site chrome, a one-cell-per-line text copy with ASCII punctuation and
U+2002 padding, a Word file with its own cell merges — independently of the importer's code:
labels come from the format data (as the official template prints them), the quirks are added
here on purpose.  Reports built by `distinct_report` hold a different number in every input
cell, so a value read into the wrong cell cannot pass a comparison.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from disclosure_desktop.core.computed import full_table
from disclosure_desktop.core.formats import Table, ValueType
from disclosure_desktop.core.model import Report, new_report
from disclosure_desktop.core.values import format_value

NARRATIVE = {
    "s1": ("{year}年，{short}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“公开为常态、不公开为例外”，"
           "全面推进政务公开工作。\n"
           "（一）主动公开\n"
           "全年在门户网站主动公开各类信息1286条，其中政策解读42篇；详见网站：http://www.example.gov.cn/zwgk/index.html。\n"
           "（二）依申请公开\n"
           "严格按照法定时限答复申请，答复率100%。\n"
           "（三）政府信息管理\n"
           "1.规范发布审核。落实“三审三校”制度。\n"
           "2.加强动态调整。及时清理失效文件（2件）。\n"
           "（四）政府信息公开平台建设\n"
           "优化门户网站栏目设置，开通政务新媒体账号2个。\n"
           "（五）监督保障\n"
           "将政务公开纳入年度考核，开展培训3次。"),
    "s5": ("（一）上年度问题整改情况\n"
           "针对上年度指出的栏目更新不及时问题，建立了周检查制度。\n"
           "（二）存在的主要问题及改进措施\n"
           "一是解读形式较为单一；二是基层公开质量有待提高。下一步将丰富解读形式，加强业务培训。"),
    "s6": "{year}年度发出收费通知2件，收费通知总金额150.5元，实际收取总金额100元。本机关无其他需要报告的事项。",
}


def distinct_report(format_id: str = "gov-2021", year: int | None = None,
                    agency: str = "重庆市某某区市场监督管理局") -> Report:
    """A report whose every input cell holds a value no other cell holds."""
    year = year or (2022 if format_id == "gov-2021" else 2019)
    report = new_report(year, agency, format_id=format_id)
    short = agency[-8:]
    report.narrative = {k: v.format(year=year, short=short) for k, v in NARRATIVE.items()}
    report.front.published_on = dt.date(year + 1, 1, 20)
    number = 0
    for table in report.spec.tables:
        for row, column in table.input_cells():
            number += 1
            if column.type is ValueType.DECIMAL:
                value: int | float = round(10 + number * 1.25 + 0.0625, 4)
            elif column.type is ValueType.SIGNED_COUNT:
                value = -number if number % 2 else number
            else:
                value = 100 + number * 3
            report.set_value(table.id, row.id, column.id, value)
    if format_id == "gov-2021":
        report.fees.notices, report.fees.amount_yuan, report.fees.collected_yuan = 2, 150.5, 100
    return report


# --- shared helpers ---------------------------------------------------------------------------
def printed_values(report: Report, table: Table, printed: dict | None = None) -> dict[str, dict[str, str]]:
    """row → column → printed text: values as stored, totals as computed, unless `printed`
    (row → column → text) says what the copy prints instead (a broken total, `/`, `251000元` …)."""
    values = full_table(table, report.tables.get(table.id, {}))
    texts = {row: {col: format_value(v) for col, v in cols.items()} for row, cols in values.items()}
    for row, cols in (printed or {}).items():
        texts[row].update(cols)
    return texts


def fold_ascii(text: str) -> str:
    """What web copies do to Chinese punctuation."""
    return text.translate(str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"}))


def group_spans(table: Table) -> dict[int, int]:
    """Row index of each group label → number of printed (data) rows its merged cell spans."""
    spans = {}
    for index, row in enumerate(table.rows):
        if not row.is_group:
            continue
        count = 0
        for later in table.rows[index + 1:]:
            if later.level <= row.level:
                break
            count += 0 if later.is_group else 1
        spans[index] = count
    return spans


# --- a content-system web page ---------------------------------------------------------------
PAGE_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_重庆市某某区人民政府</title>
<script>var _hmt = _hmt || []; document.write("<p>统计</p>");</script>
<style>td {{ font-size: 14px }}</style></head>
<body><div class="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div>
<nav>网站导航：首页 政务公开 政务服务 互动交流</nav>
<table width="100%" class="layout"><tr><td width="20%"><ul><li>政府信息公开指南</li><li>政府信息公开制度</li>
<li>政府信息公开年报</li></ul></td><td>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="#">政府信息公开年报</a></div>
"""
PAGE_TAIL = """</td></tr></table>
<div class="share">扫一扫在手机打开当前页</div><div>【打印本页】 【关闭窗口】</div>
<select><option>区县政府网站</option><option>万州区</option><option>黔江区</option></select>
<div class="links"><p>微博</p><p>微信</p><p>部门街镇</p><p>无障碍</p></div>
<div class="footer">主办单位：重庆市某某区人民政府办公室 网站标识码5001010001 渝ICP备00000000号</div>
</body></html>
"""


def _cell(text: str, tag: str = "td", rowspan: int = 1, colspan: int = 1) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<{tag}{attrs}>{text}</{tag}>"


def _pad(text: str, number: int) -> str:
    """Numbers padded as content systems do: &ensp; before or after, or spaces."""
    return ("&ensp;" + text, text + "&ensp;", "&nbsp;" + text, text)[number % 4]


def html_page(report: Report, *, layout: str = "official", printed: dict | None = None,
              charset: str = "utf-8", fold: bool = False) -> str:
    """A saved content-system page of the report.  layout "official": the tables as the format
    prints them; "different": group rows as full-width rows, captions outside the tables,
    table 四 as three labelled rows, single values not spanning the grid."""
    fmt = report.spec
    parts = [PAGE_HEAD.format(charset=charset, title=escape(report.title))]
    parts.append(f'<div class="article"><h1 style="text-align:center">{escape(report.title)}</h1>')
    if report.front.published_on:
        parts.append(f"<div class=\"info\">发布日期：{report.front.published_on.isoformat()}　来源：本站</div>")
    parts.append(f"<p>{escape(report.agency)}</p><p>{report.year}年政府信息公开工作年度报告</p>")
    for section in fmt.sections:
        parts.append(f"<p><strong>{escape(section.title)}</strong></p>")
        if section.kind == "narrative":
            for line in report.narrative.get(section.id, "").split("\n"):
                text = fold_ascii(line) if fold else line
                parts.append(f"<p style=\"text-indent:2em\">&nbsp;&nbsp;{escape(text)}\n</p>")
            continue
        for table_id in section.tables:
            table = fmt.table(table_id)
            table_printed = (printed or {}).get(table_id)
            if table.print.layout == "groups_across":
                parts.append(_html_s4(report, table, layout, table_printed))
            elif table.print.label_columns == 3:
                parts.append(_html_s3(report, table, layout, table_printed))
            else:
                parts.append(_html_s2(report, table, layout, table_printed))
    parts.append(f'<p style="text-align:right">{escape(report.agency)}</p>')
    if report.front.published_on:
        day = report.front.published_on
        parts.append(f'<p style="text-align:right">{day.year}年{day.month}月{day.day}日</p>')
    parts.append("</div>")
    parts.append(PAGE_TAIL)
    return "\n".join(parts)


def _html_s2(report: Report, table: Table, layout: str, printed: dict | None) -> str:
    values = printed_values(report, table, printed)
    grid = table.print.grid_value_columns or len(table.columns)
    rows = []
    if layout == "official":
        rows.append("<tr>" + _cell(escape(table.caption), colspan=grid + 1) + "</tr>")
        header = [_cell(escape(table.row_header))]
        header += [_cell(escape(c.label), colspan=span) for c, span in zip(table.columns, table.print.column_spans)]
        rows.append("<tr>" + "".join(header) + "</tr>")
        for number, row in enumerate(table.data_rows):
            cells = [_cell(escape(row.label))]
            cells += [_cell(_pad(values[row.id][c.id], number), colspan=span)
                      for c, span in zip(table.columns, table.print.column_spans)]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return "<table border=\"1\" cellspacing=\"0\">" + "".join(rows) + "</table>"
    # Different: the caption is a paragraph above; every value its own cell, and the grid
    # filled up with empty cells where the official table spans.
    header = [_cell(escape(table.row_header), "th")] + [_cell(escape(c.label), "th") for c in table.columns]
    header += [_cell("", "th")] * (grid - len(table.columns))
    rows.append("<thead><tr>" + "".join(header) + "</tr></thead><tbody>")
    for row in table.data_rows:
        cells = [_cell(escape(row.label))] + [_cell(values[row.id][c.id]) for c in table.columns]
        cells += [_cell("")] * (grid - len(table.columns))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<p>{escape(table.caption)}</p><table border=\"1\">" + "".join(rows) + "</tbody></table>"


def _html_s3(report: Report, table: Table, layout: str, printed: dict | None) -> str:
    values = printed_values(report, table, printed)
    width = len(table.columns)
    rows = []
    if layout == "official":
        for header_row in table.print.header_rows:
            rows.append("<tr>" + "".join(_cell(escape(h.text), "td", h.rowspan, h.colspan) for h in header_row) + "</tr>")
    else:  # the note above the table; the header in two rows, 总计 spanning both
        rows.append("<tr>" + _cell("", "th", 2, 2) + _cell("自然人", "th", 2) + _cell("法人或其他组织", "th", 1, 5)
                    + _cell("总计", "th", 2) + "</tr>")
        rows.append("<tr>" + "".join(_cell(escape(c.label), "th") for c in table.columns[1:6]) + "</tr>")
    spans = group_spans(table)
    pending = ""  # a group label cell that opens on the next data row
    for index, row in enumerate(table.rows):
        if row.is_group:
            if layout == "official":
                column_span = 1
                pending += _cell(escape(row.label), rowspan=spans[index], colspan=column_span)
            else:  # a full-width row without values
                rows.append("<tr>" + _cell(escape(row.label), colspan=2 + width) + "</tr>")
            continue
        if layout == "official":
            label = _cell(escape(row.label), colspan=3 - row.level if row.level < 2 else 1)
        else:
            label = _cell(escape(row.label), colspan=2)
        cells = "".join(_cell(_pad(values[row.id][c.id], n)) for n, c in enumerate(table.columns))
        rows.append("<tr>" + pending + label + cells + "</tr>")
        pending = ""
    note = "" if layout == "official" else f"<p>{escape(table.print.header_rows[0][0].text)}</p>"
    return note + "<table border=\"1\" cellspacing=\"0\"><tbody>" + "".join(rows) + "</tbody></table>"


def _html_s4(report: Report, table: Table, layout: str, printed: dict | None) -> str:
    values = printed_values(report, table, printed)
    rows = []
    if layout == "official":
        for header_row in table.print.header_rows:
            rows.append("<tr>" + "".join(_cell(escape(h.text), "td", h.rowspan, h.colspan) for h in header_row) + "</tr>")
        cells = [_cell(_pad(values[r.id][c.id], n)) for r in table.data_rows for n, c in enumerate(table.columns)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    else:
        rows.append("<tr>" + _cell("", "th") + "".join(_cell(escape(c.label), "th") for c in table.columns) + "</tr>")
        for row in table.data_rows:
            cells = "".join(_cell(values[row.id][c.id]) for c in table.columns)
            rows.append("<tr>" + _cell(escape(row.label)) + cells + "</tr>")
    return "<table border=\"1\" cellspacing=\"0\">" + "".join(rows) + "</table>"


# --- a plain-text copy (select all, copy, paste) -------------------------------------------------
def text_copy(report: Report, *, printed: dict | None = None, fold: bool = True, tabs: bool = False) -> str:
    """Like the published text copies (tests/samples): one cell per line with blank lines between, ASCII punctuation,
    U+2002 padding, truncated headers, table 三's header in its odd order, chrome around.
    `tabs`: the table rows as tab-separated lines instead (a copy from a spreadsheet view)."""
    fmt = report.spec
    f = fold_ascii if fold else (lambda s: s)
    lines = ["您当前的位置:首页 >政府信息公开年报", report.title]
    if report.front.published_on:
        lines.append(f"日期:{report.front.published_on.isoformat()}")
    lines += [report.agency, f"{report.year}年政府信息公开工作年度报告"]
    pads = ("\u20020", "0\u2002", " 0", "\u2002 0")

    def pad(text: str, number: int) -> str:
        return pads[number % 4].replace("0", text, 1) if text else text

    def row(label: str, cells: list[str]) -> None:
        if tabs:
            lines.append("\t".join([f(label)] + cells))
        else:
            lines.append(f(label))
            lines.extend(cells)

    for section in fmt.sections:
        lines.append(section.title)
        if section.kind == "narrative":
            lines += [f(line) for line in report.narrative.get(section.id, "").split("\n")]
            continue
        for table_id in section.tables:
            table = fmt.table(table_id)
            values = printed_values(report, table, (printed or {}).get(table_id))
            if table.caption:
                lines.append(f(table.caption))
            if table.print.layout == "groups_across":
                lines += [h.text for header_row in table.print.header_rows for h in header_row]
                flat = [pad(values[r.id][c.id], n) for r in table.data_rows for n, c in enumerate(table.columns)]
                if tabs:
                    lines.append("\t".join(flat))
                else:
                    lines += flat
                continue
            if table.print.label_columns == 3:
                lines.append(f(table.print.header_rows[0][0].text))
                lines += ["申请人情况", "自然人", "法人或其他组织", "总计"] + [c.label for c in table.columns[1:6]]
            else:
                lines.append(table.row_header)
                lines += [c.label.replace("增/减", "增/") for c in table.columns]
            for number, data_row in enumerate(table.rows):
                if data_row.is_group:
                    lines.append(f(data_row.label))
                    continue
                row(data_row.label, [pad(values[data_row.id][c.id], number + k) for k, c in enumerate(table.columns)])
    lines += ["", "扫一扫在手机打开当前页", "微博", "微信", "部门街镇", "无障碍", "市政府部门网站", "区县政府网站"]
    return "\n\n".join(lines) + "\n"


# --- text taken from a PDF or a printed page -------------------------------------------------------
def pdf_text(report: Report, *, wrap: int = 18) -> str:
    """What copying the text out of a PDF gives: a table row per line, its cells separated by
    spaces, long labels wrapped with the values after the second part, page numbers `— n —` in
    the middle of tables, no blank lines."""
    fmt = report.spec
    lines = [report.agency, f"{report.year}年政府信息公开工作年度报告"]
    page = 1
    for section in fmt.sections:
        lines.append(section.title)
        if section.kind == "narrative":
            lines += report.narrative.get(section.id, "").split("\n")
            continue
        for table_id in section.tables:
            table = fmt.table(table_id)
            values = printed_values(report, table)
            if table.caption:
                lines.append(table.caption)
            if table.print.layout == "groups_across":
                lines += [" ".join(h.text for h in header_row) for header_row in table.print.header_rows]
                lines.append(" ".join(values[r.id][c.id] for r in table.data_rows for c in table.columns))
                continue
            if table.print.label_columns == 3:
                lines.append(table.print.header_rows[0][0].text)
                lines += [" ".join(h.text for h in header_row) for header_row in table.print.header_rows[1:]]
            else:
                lines.append(" ".join([table.row_header] + [c.label for c in table.columns]))
            for number, row in enumerate(table.rows):
                if row.is_group:
                    lines.append(row.label)
                    continue
                cells = " ".join(values[row.id][c.id] for c in table.columns)
                if len(row.label) > wrap:
                    lines += [row.label[:wrap], f"{row.label[wrap:]} {cells}"]
                else:
                    lines.append(f"{row.label} {cells}")
                if number == 12:
                    page += 1
                    lines.append(f"— {page} —")
    lines += [report.agency]
    return "\n".join(lines) + "\n"


# --- a Word file built with python-docx, with merges of its own -----------------------------------
def docx_copy(report: Report, path, *, printed: dict | None = None) -> None:
    """The report as a .docx with merges unlike our exporter's: section 二 as one table with
    merged caption rows, table 三 with two label columns and its group rows as merged
    full-width rows, table 四 with the official merged header."""
    import docx

    fmt = report.spec
    document = docx.Document()
    document.add_paragraph(report.agency)
    document.add_paragraph(f"{report.year}年政府信息公开工作年度报告")
    for section in fmt.sections:
        document.add_paragraph(section.title)
        if section.kind == "narrative":
            for line in report.narrative.get(section.id, "").split("\n"):
                document.add_paragraph(line)
            continue
        if section.id == "s2":
            _docx_s2(document, report, [fmt.table(t) for t in section.tables], printed or {})
            continue
        table = fmt.table(section.tables[0])
        table_printed = (printed or {}).get(table.id)
        if table.print.layout == "groups_across":
            _docx_s4(document, report, table, table_printed)
        else:
            _docx_s3(document, report, table, table_printed)
    document.add_paragraph(report.agency)
    if report.front.published_on:
        day = report.front.published_on
        document.add_paragraph(f"{day.year}年{day.month}月{day.day}日")
    document.save(str(path))


def _docx_s2(document, report: Report, tables: list[Table], printed: dict) -> None:
    grid = max(t.print.grid_value_columns or len(t.columns) for t in tables)
    row_count = sum(2 + len(t.data_rows) for t in tables)
    sheet = document.add_table(rows=row_count, cols=grid + 1)
    r = 0
    for table in tables:
        values = printed_values(report, table, printed.get(table.id))
        caption = sheet.cell(r, 0).merge(sheet.cell(r, grid))
        caption.text = table.caption
        spans = table.print.column_spans or (1,) * len(table.columns)
        texts = [[table.row_header] + [c.label for c in table.columns]]
        texts += [[row.label] + [values[row.id][c.id] for c in table.columns] for row in table.data_rows]
        for offset, cells in enumerate(texts, start=1):
            sheet.cell(r + offset, 0).text = cells[0]
            column = 1
            for text, span in zip(cells[1:], spans):
                cell = sheet.cell(r + offset, column)
                if span > 1:
                    cell = cell.merge(sheet.cell(r + offset, column + span - 1))
                cell.text = text
                column += span
        r += len(texts) + 1


def _docx_s3(document, report: Report, table: Table, printed: dict | None) -> None:
    values = printed_values(report, table, printed)
    width = len(table.columns)
    printed_rows = len(table.rows)
    sheet = document.add_table(rows=2 + printed_rows, cols=2 + width)
    note = sheet.cell(0, 0).merge(sheet.cell(1, 1))
    note.text = table.print.header_rows[0][0].text
    sheet.cell(0, 2).merge(sheet.cell(1, 2)).text = table.columns[0].label
    sheet.cell(0, 3).merge(sheet.cell(0, 7)).text = "法人或其他组织"
    sheet.cell(0, 8).merge(sheet.cell(1, 8)).text = table.columns[-1].label
    for k, column in enumerate(table.columns[1:6]):
        sheet.cell(1, 3 + k).text = column.label
    spans = group_spans(table)
    r = 2
    for index, row in enumerate(table.rows):
        if row.is_group and row.level == 0:
            sheet.cell(r, 0).merge(sheet.cell(r, 1 + width)).text = row.label
            r += 1
            continue
        if row.is_group:  # a level-1 group: merged vertically over its rows in column 0
            sheet.cell(r, 0).merge(sheet.cell(r + spans[index] - 1, 0)).text = row.label
            continue
        label_cell = sheet.cell(r, 1) if row.level == 2 else sheet.cell(r, 0).merge(sheet.cell(r, 1))
        label_cell.text = row.label
        for k, column in enumerate(table.columns):
            sheet.cell(r, 2 + k).text = values[row.id][column.id]
        r += 1


def _docx_s4(document, report: Report, table: Table, printed: dict | None) -> None:
    values = printed_values(report, table, printed)
    width = len(table.columns)
    groups = len(table.data_rows)
    sheet = document.add_table(rows=4, cols=width * groups)
    sheet.cell(0, 0).merge(sheet.cell(0, width - 1)).text = table.rows[0].label
    sheet.cell(0, width).merge(sheet.cell(0, width * groups - 1)).text = "行政诉讼"
    for k, column in enumerate(table.columns):
        sheet.cell(1, k).merge(sheet.cell(2, k)).text = column.label
    for g, row in enumerate(table.data_rows[1:], start=1):
        sheet.cell(1, g * width).merge(sheet.cell(1, (g + 1) * width - 1)).text = row.label
        for k, column in enumerate(table.columns):
            sheet.cell(2, g * width + k).text = column.label
    for g, row in enumerate(table.data_rows):
        for k, column in enumerate(table.columns):
            sheet.cell(3, g * width + k).text = values[row.id][column.id]
