"""A PDF with a text layer (what Word, WPS, LibreOffice and our own exporter write) → lines.

PDFium (pypdfium2: one binary wheel, no other dependency, works offline and in the bundle)
lays the characters of each page out into lines, putting a space where a gap separates two
runs of text — so a table row prints as `行政许可 14 0 17`, exactly what a text copied out of a
PDF viewer looks like; blocks.tokens() splits such lines into a label and its values, and a
label wrapped over two lines of its cell is joined by the table reader (tables.py) as in any
text copy.  What a PDF adds: page numbers printed on the same line as the last table row
(`… 0 0 — 5 —`), repeated on every page; and scanned pages that have no text at all.
"""

from __future__ import annotations

import re

from .blocks import Block, Line
from .errors import ImportRefused

# A page number at the end or start of a line (`— 5 —`, `- 5 -`, `第 5 页`, `5 / 10`).
_PAGE_NUMBER_EDGE = re.compile(r"(?:^|\s)(?:[-—－–]+\s*\d{1,3}\s*[-—－–]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?"
                               r"|\d{1,3}\s*/\s*\d{1,3})\s*$")
MIN_TEXT_CHARS = 20  # fewer characters in the whole file: a scan (or an empty page), not a text PDF


def _page_lines(text: str) -> list[str]:
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _PAGE_NUMBER_EDGE.sub("", line.replace("\ufffe", "").replace("\x02", "")).strip()
        if line:
            lines.append(line)
    return lines


def read_pdf(data: bytes, name: str = "PDF") -> list[Block]:
    """The lines of every page, in reading order.  Raises ImportRefused for a broken or
    password-protected file and for a scan without a text layer."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ImportRefused(f"“{name}”是加密的 PDF，需要密码才能打开。请先取消密码保护（或另存为不加密的 PDF）再导入。",
                                "bad_pdf") from None
        raise ImportRefused(f"“{name}”不是可以读取的 PDF 文件（可能已损坏）。", "bad_pdf") from None
    blocks: list[Block] = []
    characters = 0
    try:
        for page in document:
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            characters += sum(1 for ch in text if not ch.isspace())
            blocks += [Line(line) for line in _page_lines(text)]
    except pdfium.PdfiumError:
        raise ImportRefused(f"“{name}”的页面无法读取（PDF 文件可能已损坏）。", "bad_pdf") from None
    finally:
        document.close()
    if characters < MIN_TEXT_CHARS:
        raise ImportRefused(
            f"“{name}”是扫描件或图片 PDF，没有文字层，无法读取其中的文字和数字。"
            "请导入网页版、Word 版或带文字的 PDF（用 Word/WPS“另存为 PDF”生成的文件）。", "scanned_pdf")
    return blocks
