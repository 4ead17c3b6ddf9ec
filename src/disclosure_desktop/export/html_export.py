"""Document → one self-contained .html file for the agency's website content system.

Semantic markup only: headings, paragraphs, and <table> with <caption>, <thead>, colspan and
rowspan.  Government sites are held to GB/T 37668 (accessibility): every table has a caption
(section 二's sub-tables are separate tables captioned 第二十条第（一）项 …, 三 and 四 carry their
section's name), and every header cell is a <th scope=…> — col/colgroup for the column heads,
row/rowgroup for the row labels — so a screen reader announces the merged headings of a cell.
Formatting is a few inline style attributes (no <style> block, no classes), because web
editors keep inline styles when the page is pasted in and drop style sheets; there are no
scripts, images, fonts or links to anything outside the file.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .document import (Align, Cell, CellRole, Document, Heading, Note, Paragraph, ParagraphRole, TableBlock,
                       Title)
from .result import ExportResult, write_bytes

BODY_STYLE = "font-size:16px;line-height:1.9"
TABLE_STYLE = "border-collapse:collapse;table-layout:fixed;width:100%;font-size:14px;line-height:1.5"
CELL_STYLE = "border:1px solid #000;padding:4px 6px;vertical-align:middle"
TEXT_INDENT = "text-indent:2em"
CAPTION_STYLE = "font-weight:bold;padding:4px;text-align:center"
DRAFT_STYLE = "color:#c00000;font-weight:bold;text-align:center;border:2px solid #c00000;padding:4px"


def render(document: Document, path: Path) -> ExportResult:
    write_bytes(path, to_html(document).encode("utf-8"))
    return ExportResult(path=Path(path), format="html", pages=None, substituted_fonts=[],
                        draft=document.meta.draft, draft_reasons=list(document.meta.draft_reasons))


def to_html(document: Document) -> str:
    meta = document.meta
    title = meta.title + ("（草稿）" if meta.draft else "")
    body: list[str] = []
    if meta.draft:
        body.append(f'<p style="{DRAFT_STYLE}">{escape(meta.draft_label)}</p>')
    section = ""
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            section = block.text
        if isinstance(block, TableBlock):
            body.extend(table_html(table, _without_number(section)) for table in block.sub_tables())
        else:
            body.append(block_html(block))
    return (f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n</head>\n<body style=\"{BODY_STYLE}\">\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def block_html(block) -> str:
    if isinstance(block, Title):
        lines = "<br>".join(escape(line) for line in block.printed_lines)
        return f'<h1 style="text-align:center;font-size:26px">{lines}</h1>'
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3) + 1  # 一、 → h2, （一） → h3, 1. → h4
        indent = "" if level == 2 else f' style="{TEXT_INDENT};font-size:16px"'
        return f"<h{level}{indent}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Note):
        return f'<p style="font-size:14px">{escape(block.text)}</p>'
    if isinstance(block, TableBlock):
        return table_html(block)
    raise TypeError(f"unknown block {block!r}")


def _paragraph(block: Paragraph) -> str:
    if block.role in (ParagraphRole.SIGNATURE, ParagraphRole.DATE):
        return f'<p style="text-align:right;margin-right:{block.right_indent:g}em">{escape(block.text)}</p>'
    if block.role is ParagraphRole.NOTE:
        return f'<p style="font-size:14px">{escape(block.text)}</p>'
    return f'<p style="{TEXT_INDENT}">{escape(block.text)}</p>'


def _without_number(title: str) -> str:
    """三、收到和处理政府信息公开申请情况 → 收到和处理政府信息公开申请情况: the heading above already numbers it."""
    head, sep, rest = title.partition("、")
    return rest if sep and len(head) <= 3 else title


def table_html(block: TableBlock, caption: str = "") -> str:
    """One table; a leading full-width caption row (第二十条第（一）项) becomes its <caption>."""
    widths = block.normalized_widths()
    rows = list(block.rows)
    header_rows = block.header_rows
    if rows and block.starts_sub_table(0) and len(rows[0]) == 1:
        caption = rows[0][0].text
        rows = rows[1:]
        header_rows = max(header_rows - 1, 0)
    out = [f'<table border="1" cellspacing="0" cellpadding="4" style="{TABLE_STYLE}">']
    if caption:
        out.append(f'<caption style="{CAPTION_STYLE}">{escape(caption)}</caption>')
    out.append("<colgroup>")
    out += [f'<col style="width:{w * 100:.1f}%">' for w in widths]
    out.append("</colgroup>")
    if header_rows:
        out.append("<thead>")
    for index, row in enumerate(rows):
        if index == header_rows:
            if header_rows:
                out.append("</thead>")
            out.append("<tbody>")
        out.append("<tr>" + "".join(_cell_html(cell) for cell in row) + "</tr>")
    out.append("</tbody></table>" if len(rows) > header_rows else "</thead></table>")
    return "\n".join(out)


_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


def _cell_html(cell: Cell) -> str:
    tag = "th" if cell.role in (CellRole.HEADER, CellRole.CAPTION, CellRole.LABEL) else "td"
    attrs = ""
    if cell.role is CellRole.LABEL:
        attrs += f' scope="{"rowgroup" if cell.rowspan > 1 else "row"}"'
    elif tag == "th":
        attrs += f' scope="{"colgroup" if cell.colspan > 1 else "col"}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    style = f"{CELL_STYLE};text-align:{_ALIGN[cell.align]}"
    if tag == "th":
        style += ";font-weight:normal"
    if cell.indent:
        style += f";padding-left:{cell.indent + 0.5:g}em"
    return f'<{tag}{attrs} style="{style}">{escape(cell.text)}</{tag}>'
