"""The printed tables as the spec draws them, written here independently of export/builder.py,
and readers that recover the same grid from a DOCX, HTML or XLSX table.

A layout is {(row, column): (text, rowspan, colspan)} for the cells' top-left positions.  The
labels come from the format data (they ARE the official labels), the header blocks of tables
三 and 四 are spelled out from the spec (docs/spec/report-formats.md), and the placement
rules are the spec's: caption row, 信息内容 header row, level-0 rows spanning the three label
columns of table 三, group labels merged down over the rows they head, table 四 as one row of
15 values.
"""

from __future__ import annotations

from html.parser import HTMLParser

from docx.oxml.ns import qn

from disclosure_desktop.core.formats import Format

Layout = dict[tuple[int, int], tuple[str, int, int]]

S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
S3_HEADER: Layout = {
    (0, 0): (S3_NOTE, 3, 3), (0, 3): ("申请人情况", 1, 7),
    (1, 3): ("自然人", 2, 1), (1, 4): ("法人或其他组织", 1, 5), (1, 9): ("总计", 2, 1),
    (2, 4): ("商业企业", 1, 1), (2, 5): ("科研机构", 1, 1), (2, 6): ("社会公益组织", 1, 1),
    (2, 7): ("法律服务机构", 1, 1), (2, 8): ("其他", 1, 1),
}
_FIVE = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
S4_HEADER: Layout = {
    (0, 0): ("行政复议", 1, 5), (0, 5): ("行政诉讼", 1, 10),
    **{(1, i): (label, 2, 1) for i, label in enumerate(_FIVE)},
    (1, 5): ("未经复议直接起诉", 1, 5), (1, 10): ("复议后起诉", 1, 5),
    **{(2, 5 + i): (label, 1, 1) for i, label in enumerate(_FIVE)},
    **{(2, 10 + i): (label, 1, 1) for i, label in enumerate(_FIVE)},
}
S4_GROUPS = ("review", "suit_direct", "suit_after_review")
S4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def number_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return repr(value)
    return str(int(value))


def expected_values(fmt: Format, report) -> dict[str, dict[str, dict[str, object]]]:
    """Every printed value with the totals computed here (C2 row, C3/C4 columns)."""
    result = {}
    for table in fmt.tables:
        inputs = report.tables.get(table.id, {})
        rows = {}
        for row in table.data_rows:
            rows[row.id] = {c.id: inputs.get(row.id, {}).get(c.id) for c in table.columns}
        if table.id == "s3":
            leaves = [r.id for r in table.data_rows if r.level >= 1 and r.id != "results_total"]
            for column in table.columns:
                if column.id != "total":
                    rows["results_total"][column.id] = sum(rows[r][column.id] or 0 for r in leaves)
            for row_id, values in rows.items():
                values["total"] = sum(v or 0 for k, v in values.items() if k != "total")
        if table.id == "s4":
            for values in rows.values():
                values["total"] = sum(v or 0 for k, v in values.items() if k != "total")
        result[table.id] = rows
    return result


def expected_s2(fmt: Format, values) -> Layout:
    layout: Layout = {}
    r = 0
    for table in (t for t in fmt.tables if t.section == "s2"):
        layout[(r, 0)] = (table.caption, 1, 4)
        n = len(table.columns)
        spans = [1] * (n - 1) + [3 - (n - 1)]  # a single value column spans all three
        layout[(r + 1, 0)] = ("信息内容", 1, 1)
        c = 1
        for column, span in zip(table.columns, spans):
            layout[(r + 1, c)] = (column.label, 1, span)
            c += span
        r += 2
        for row in table.data_rows:
            layout[(r, 0)] = (row.label, 1, 1)
            c = 1
            for column, span in zip(table.columns, spans):
                layout[(r, c)] = (number_text(values[table.id][row.id][column.id]), 1, span)
                c += span
            r += 1
    return layout


def expected_s3(fmt: Format, values) -> Layout:
    table = fmt.table("s3")
    layout: Layout = dict(S3_HEADER)
    r = 3
    rows = list(table.rows)
    open_groups = []
    for index, row in enumerate(rows):
        if row.id is None:
            heads = 0
            for later in rows[index + 1:]:
                if later.level <= row.level:
                    break
                heads += later.id is not None
            open_groups.append((row, heads))
            continue
        for group, heads in open_groups:
            layout[(r, group.level)] = (group.label, heads, 1)
        open_groups = []
        layout[(r, row.level)] = (row.label, 1, 3 - row.level)
        for i, column in enumerate(table.columns):
            layout[(r, 3 + i)] = (number_text(values["s3"][row.id][column.id]), 1, 1)
        r += 1
    return layout


def expected_s4(values) -> Layout:
    layout: Layout = dict(S4_HEADER)
    for g, group in enumerate(S4_GROUPS):
        for c, column in enumerate(S4_COLUMNS):
            layout[(3, g * 5 + c)] = (number_text(values["s4"][group][column]), 1, 1)
    return layout


def expected_layouts(fmt: Format, report) -> dict[str, Layout]:
    values = expected_values(fmt, report)
    return {"s2": expected_s2(fmt, values), "s3": expected_s3(fmt, values), "s4": expected_s4(values)}


# --- readers --------------------------------------------------------------------------------
def docx_layout(table) -> tuple[Layout, list]:
    """Layout of a python-docx table read from its XML (gridSpan, vMerge), and its <w:tr> elements."""
    starts: dict[tuple[int, int], list] = {}
    trs = table._tbl.findall(qn("w:tr"))
    column_of_restart: dict[int, tuple[int, int]] = {}
    for r, tr in enumerate(trs):
        c = 0
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                origin = column_of_restart[c]
                starts[origin][1] += 1
                assert text == "", f"continued merge cell at {r},{c} holds text {text!r}"
            else:
                starts[(r, c)] = [text, 1, span]
                if vmerge is not None:
                    column_of_restart[c] = (r, c)
            c += span
    return {k: (v[0], v[1], v[2]) for k, v in starts.items()}, trs


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self._cell = None
        self._section = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "table":
            self.tables.append({"rows": [], "thead_rows": 0, "caption": None})
        elif tag == "caption":
            self.tables[-1]["caption"] = ""
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
            if self._section == "thead":
                self.tables[-1]["thead_rows"] += 1
        elif tag in ("td", "th"):
            self._cell = [tag, "", int(attrs.get("rowspan", 1)), int(attrs.get("colspan", 1))]
            self.tables[-1].setdefault("scopes", []).append((tag, attrs.get("scope"), self._section))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(self._cell)
            self._cell = None
        elif tag in ("thead", "tbody"):
            self._section = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data
        elif self.tags and self.tags[-1][0] == "caption" and self.tables and self.tables[-1]["caption"] == "":
            self.tables[-1]["caption"] = data


def parse_html(text: str) -> _TableParser:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    return parser


def html_layout(rows: list[list]) -> Layout:
    """Resolve rowspan/colspan of parsed HTML rows into top-left positions, as a browser does."""
    occupied: set[tuple[int, int]] = set()
    layout: Layout = {}
    for r, row in enumerate(rows):
        c = 0
        for _tag, text, rowspan, colspan in row:
            while (r, c) in occupied:
                c += 1
            layout[(r, c)] = (text, rowspan, colspan)
            occupied.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return layout


def xlsx_layout(sheet, first_row: int) -> Layout:
    """Layout of the worksheet grid starting at `first_row` (1-based), from merged ranges."""
    spans = {}
    covered = set()
    for merged in sheet.merged_cells.ranges:
        if merged.min_row < first_row:
            continue
        spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                    merged.max_col - merged.min_col + 1)
        covered.update((r, c) for r in range(merged.min_row, merged.max_row + 1)
                       for c in range(merged.min_col, merged.max_col + 1))
    layout: Layout = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            key = (cell.row, cell.column)
            if key in covered and key not in spans:
                continue
            if cell.value is None and key not in spans and not cell.border.left.style:
                continue
            rowspan, colspan = spans.get(key, (1, 1))
            text = number_text(cell.value) if isinstance(cell.value, (int, float)) else (cell.value or "")
            layout[(cell.row - first_row, cell.column - 1)] = (text, rowspan, colspan)
    return layout


def split_at_page_breaks(layout: Layout, breaks) -> Layout:
    """The layout with every labelled merged cell that runs over a page-break row started again
    there (what the DOCX export does so a continued page shows its group labels)."""
    result = dict(layout)
    for row in sorted(breaks):
        for (r, c), (text, rowspan, colspan) in list(result.items()):
            if text and r < row <= r + rowspan - 1:
                result[(r, c)] = (text, row - r, colspan)
                result[(row, c)] = (text, r + rowspan - row, colspan)
    return result
