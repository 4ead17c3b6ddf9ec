"""HTML read back with html.parser and XLSX with openpyxl, against the same printed layout as DOCX."""

from __future__ import annotations

import openpyxl
import pytest

from disclosure_desktop.export import export_report
from disclosure_desktop.export.xlsx_export import FIRST_TABLE_ROW

from .conftest import filled_2021, load_sample
from .layout import expected_layouts, html_layout, parse_html, xlsx_layout

REPORTS = {"sample": load_sample, "2021": filled_2021}


@pytest.mark.parametrize("name", ["sample", "2021"])
def test_html_tables_cell_by_cell(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "report.html"
    export_report(report, path)
    parsed = parse_html(path.read_text("utf-8"))
    expected = expected_layouts(report.spec, report)
    fmt = report.spec
    sections = [s for s in fmt.sections if s.kind == "tables"]
    assert len(parsed.tables) == sum(len(s.tables) for s in sections)
    tables = iter(parsed.tables)
    for section in sections:
        grid = 1 + max(c for _, c in expected[section.id])
        rows: list = []
        for table_id in section.tables:
            table = next(tables)
            caption = fmt.table(table_id).caption
            # A sub-table's caption row is the table's <caption>; 三 and 四 are captioned by their section.
            assert table["caption"] == (caption or section.title.split("、", 1)[1]), table_id
            if caption:
                rows.append([["th", caption, 1, grid]])
            rows.extend(table["rows"])
            head = table["thead_rows"]
            assert head == (1 if caption else 3)
            # head cells are <th scope=col|colgroup> (the 勾稽 note is no heading), row labels <th scope=row…>
            for tag, scope, part in table["scopes"]:
                if tag == "th":
                    assert scope in (("col", "colgroup") if part == "thead" else ("row", "rowgroup")), table_id
        assert html_layout(rows) == expected[section.id], section.id


def test_html_is_self_contained_without_scripts(tmp_path):
    path = tmp_path / "report.html"
    export_report(filled_2021(), path)
    parsed = parse_html(path.read_text("utf-8"))
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "style", "base", "form"}
    for tag, attrs in parsed.tags:
        assert not {"src", "href", "srcset", "action", "class"} & set(attrs), tag
        assert not any(name.startswith("on") for name in attrs), tag
        assert "url(" not in attrs.get("style", "")
    assert ("html", {"lang": "zh-CN"}) in parsed.tags
    assert ("meta", {"charset": "utf-8"}) in parsed.tags


def test_html_text_is_escaped(tmp_path):
    report = filled_2021()
    report.narrative["s6"] = "<script>alert(1)</script> & <b>粗体</b>"
    path = tmp_path / "report.html"
    export_report(report, path)
    text = path.read_text("utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in text


def test_html_draft_is_marked(tmp_path):
    path = tmp_path / "draft.html"
    export_report(load_sample(), path, draft=True)
    text = path.read_text("utf-8")
    assert "<title>重庆市开州区教育委员会2019年政府信息公开工作年度报告（草稿）</title>" in text
    assert ">草稿</p>" in text


def _sheets_per_section(report):
    """Section → its sheet names: 二's sub-tables by caption, the others by section title."""
    fmt = report.spec
    return {s.id: [fmt.table(t).caption or s.title for t in s.tables] for s in fmt.sections if s.kind == "tables"}


@pytest.mark.parametrize("name", ["sample", "2021"])
def test_xlsx_sheets_like_the_printed_tables(tmp_path, name):
    report = REPORTS[name]()
    path = tmp_path / "report.xlsx"
    export_report(report, path)
    workbook = openpyxl.load_workbook(path, data_only=True)  # totals read as their cached values
    expected = expected_layouts(report.spec, report)
    per_section = _sheets_per_section(report)
    assert workbook.sheetnames == [name for names in per_section.values() for name in names]
    for table_id, names in per_section.items():
        # The sub-tables of 二 stacked again must give the printed grid.
        stacked, offset = {}, 0
        for name in names:
            sheet = workbook[name]
            assert sheet["A1"].value == report.title
            assert sheet["A2"].value == name
            layout = xlsx_layout(sheet, FIRST_TABLE_ROW)
            rows = 1 + max(r for r, _ in expected[table_id])
            layout = {k: v for k, v in layout.items() if k[0] < rows - offset and not v[0].startswith("注：")}
            stacked.update({(r + offset, c): v for (r, c), v in layout.items()})
            offset += 1 + max(r for r, _ in layout)
        assert stacked == expected[table_id], table_id


def test_xlsx_numbers_are_numbers(tmp_path):
    report = filled_2021()
    path = tmp_path / "report.xlsx"
    export_report(report, path)
    sheet = openpyxl.load_workbook(path, data_only=True)["三、收到和处理政府信息公开申请情况"]
    row = FIRST_TABLE_ROW + 3  # 一、本年新收…
    values = [sheet.cell(row=row, column=c).value for c in range(4, 11)]
    assert all(type(v) is int for v in values)
    assert values[:6] == [report.value("s3", "new", c) for c in
                          ("natural", "commercial", "research", "public_interest", "legal_service", "other_org")]
    assert values[6] == sum(values[:6])
    s2 = openpyxl.load_workbook(path)["第二十条第（八）项"]
    amounts = [c for row in s2.iter_rows() for c in row if isinstance(c.value, float)]
    assert [c.value for c in amounts] == [12.75]
    assert amounts[0].number_format == "0.00####"


def test_xlsx_readable_widths_header_repeat_and_draft_mark(tmp_path):
    path = tmp_path / "draft.xlsx"
    export_report(load_sample(), path, draft=True)
    workbook = openpyxl.load_workbook(path)
    s3 = workbook["三、收到和处理政府信息公开申请情况"]
    assert s3.column_dimensions["C"].width > 3 * s3.column_dimensions["D"].width  # the long labels
    assert s3.column_dimensions["D"].width >= 6
    assert s3.print_title_rows == f"${FIRST_TABLE_ROW}:${FIRST_TABLE_ROW + 2}"
    assert "草稿" in s3["A1"].value and s3.oddHeader.center.text == "草稿"
    final = tmp_path / "final.xlsx"
    export_report(load_sample(), final)
    assert "草稿" not in openpyxl.load_workbook(final).worksheets[1]["A1"].value


def test_blank_cells_print_empty(tmp_path):
    report = filled_2021()
    report.set_value("s3", "public", "natural", None)
    for suffix in (".html", ".xlsx"):
        path = tmp_path / f"draft{suffix}"
        export_report(report, path, draft=True)
    sheet = openpyxl.load_workbook(tmp_path / "draft.xlsx", data_only=True)["三、收到和处理政府信息公开申请情况"]
    assert sheet.cell(row=FIRST_TABLE_ROW + 5, column=2).value == "（一）予以公开"  # spans B:C
    assert sheet.cell(row=FIRST_TABLE_ROW + 5, column=4).value is None
    rows = parse_html((tmp_path / "draft.html").read_text("utf-8")).tables[-2]["rows"]
    public = next(row for row in rows if any(cell[1] == "（一）予以公开" for cell in row))
    label_index = next(i for i, cell in enumerate(public) if cell[1] == "（一）予以公开")
    assert public[label_index + 1][1] == ""
