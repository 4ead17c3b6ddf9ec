"""Copies with the wording real offices publish, not the format's: made from the builders'
copies by replacing whole labels, headings and cells, in a web page, a Word file, a text copy
and a PDF printed by Qt from the page.

Each variant is a mapping {official text: published text} of whole cells, paragraphs or lines
(a text that a format does not have is simply not there to replace), or a row left out.  The
published wordings come from the issue (real pages of 2019–2025) and from common practice; the
importer must read every cell right or list it as unread, and report every wording it
interpreted.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from disclosure_desktop.core.model import Report

from .builders import docx_copy, html_page, text_copy

SUFFIX = "（有关情况附表）"

VARIANTS: dict[str, dict[str, str]] = {
    "heading_suffix": {
        "二、主动公开政府信息情况": "二、主动公开政府信息情况" + SUFFIX,
        "三、收到和处理政府信息公开申请情况": "三、收到和处理政府信息公开申请情况\u3000\u3000" + SUFFIX,
        "四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政复议、行政诉讼情况" + SUFFIX,
    },
    "heading_typo": {"四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政法复议、行政诉讼情况"},
    "heading_yu": {"四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政复议与行政诉讼情况"},
    "heading_he": {"四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公开行政复议和行政诉讼情况"},
    "renamed_5_6": {"五、存在的主要问题及改进情况": "五、存在的主要问题及改进措施",
                    "六、其他需要报告的事项": "六、其他需报告的事项"},
    "row_words": {
        "2.其他法律行政法规禁止公开": "2.其他法律和行政法规禁止公开",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":
            "1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请",
        "1.属于国家秘密": "（1）属于国家秘密",
        "3.危及“三安全一稳定”": "3、危及“三安全一稳定”",
        "5.属于三类内部事务信息": "(5)属于三类内部事务信息",
        "7.属于行政执法案卷": "6.属于行政执法案卷",  # misnumbered
        "一、本年新收政府信息公开申请数量": "（一）本年新收受理政府信息公开申请数量",  # 受理 added, renumbered
    },
    "normative_2019_label": {"行政规范性文件": "规范性文件"},
    "unknown_label": {"4.保护第三方合法权益": "4.涉及商业秘密、个人隐私"},
}
# Rows (table, row) each variant makes the import interpret, hence report as an assumption.
ASSUMED_ROWS: dict[str, set[tuple[str, str]]] = {
    "row_words": {("s3", "withheld_2"), ("s3", "other_1"), ("s3", "withheld_7"), ("s3", "new")},
    "normative_2019_label": {("s2_item1", "normative_docs")},
    "unknown_label": {("s3", "withheld_4")},
}
# Sections whose heading each variant changes (the import reports how it read the heading) …
RENAMED_SECTIONS = {"heading_suffix": {"s2", "s3", "s4"}, "heading_typo": {"s4"}, "heading_yu": {"s4"},
                    "heading_he": {"s4"}, "renamed_5_6": {"s5", "s6"}}
# … and those where the words differ, not only 与 for 、 or a suffix: C19 warns with the official title.
REWORDED_SECTIONS = {"heading_typo": {"s4"}, "renamed_5_6": {"s5", "s6"}}


def combined(names) -> dict[str, str]:
    """Several variants at once (later ones win where two change the same text)."""
    mapping: dict[str, str] = {}
    for name in names:
        mapping.update(VARIANTS[name])
    return mapping


def applicable(report: Report, mapping: dict[str, str]) -> dict[str, str]:
    """The part of a mapping whose official texts the report's format has."""
    fmt = report.spec
    texts = {s.title for s in fmt.sections} | {r.label for t in fmt.tables for r in t.rows}
    return {old: new for old, new in mapping.items() if old in texts}


def variant_html(report: Report, mapping: dict[str, str], *, printed: dict | None = None,
                 omit_rows: tuple[str, ...] = ()) -> str:
    page = html_page(report, printed=printed)
    for old, new in mapping.items():
        page = page.replace(f">{escape(old)}<", f">{escape(new)}<")
    for label in omit_rows:  # the whole <tr> that holds this label
        marker = f">{escape(label)}<"
        at = page.index(marker)
        start, end = page.rindex("<tr>", 0, at), page.index("</tr>", at) + len("</tr>")
        page = page[:start] + page[end:]
    return page


def variant_text(report: Report, mapping: dict[str, str]) -> str:
    return "\n".join(mapping.get(line.strip(), line) for line in text_copy(report, fold=False).split("\n"))


def variant_docx(report: Report, path: Path, mapping: dict[str, str], *, omit_rows: tuple[str, ...] = (),
                 borders: bool = False) -> None:
    """`borders`: the tables ruled (python-docx's "Table Grid"), as offices print them."""
    import docx

    docx_copy(report, path)
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        if borders:
            table.style = document.styles["Table Grid"]
        for row in table.rows:
            cells = {id(c._tc): c for c in row.cells}.values()
            texts = [c.text.strip() for c in cells]
            if any(label in texts for label in omit_rows):
                row._tr.getparent().remove(row._tr)
                continue
            for cell in cells:
                paragraphs += cell.paragraphs
    for paragraph in paragraphs:
        new = mapping.get(paragraph.text.strip())
        if new is not None:
            paragraph.text = new
    document.save(str(path))


def pdf_from_html(page: str, path: Path) -> None:
    """Print a page to PDF with Qt's rich-text engine (needs a QGuiApplication).  Qt writes
    look-alike radicals into the text layer for some ideographs, as several real generators do."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    # A named font, not the application's: which fallback font Qt picks otherwise depends on what
    # earlier code in the process loaded (after the app's tests, one whose text layer is garbage).
    document.setDefaultFont(QFont("Noto Sans CJK SC", 10))
    document.setHtml(page)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    del writer  # the file is finished when the writer goes
