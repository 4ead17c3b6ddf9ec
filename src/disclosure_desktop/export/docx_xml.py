"""WordprocessingML fragments the DOCX exporter and the template builder share.

Paragraphs and tables are written as XML text and parsed once per block: python-docx's cell
API rescans the whole table on every access, which makes a 26 × 10 table with merges several
times slower than writing its markup directly.  Every run carries w:rFonts with w:eastAsia, so
Word never falls back to a theme or Latin font for Chinese text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml

from .docx_style import RunFont

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'


def half_points(size_pt: float) -> int:
    return round(size_pt * 2)


def rpr_xml(font: RunFont, *, lang: bool = False, color: str | None = None, bold: bool | None = None,
            char_spacing: int | None = None) -> str:
    """<w:rPr> naming the Latin and East Asian fonts and the size (and zh-CN when `lang`).

    char_spacing: w:spacing in twentieths of a point (negative condenses)."""
    name_ea, name_latin = quoteattr(font.east_asian), quoteattr(font.latin)
    bold = font.bold if bold is None else bold
    size = half_points(font.size_pt)
    parts = [f'<w:rFonts w:ascii={name_latin} w:hAnsi={name_latin} w:eastAsia={name_ea} w:cs={name_latin} '
             f'w:hint="eastAsia"/>']
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if char_spacing is not None:
        parts.append(f'<w:spacing w:val="{char_spacing}"/>')
    parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    if lang:
        parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def text_xml(text: str) -> str:
    """<w:t> with xml:space preserved (leading spaces and U+3000 indents must survive)."""
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run_xml(text: str, font: RunFont, **rpr) -> str:
    """A run; line breaks inside `text` become <w:br/>."""
    lines = text.split("\n")
    body = "<w:br/>".join(text_xml(line) for line in lines)
    return f"<w:r>{rpr_xml(font, **rpr)}{body}</w:r>"


def paragraph_xml(text: str, style_id: str, font: RunFont, *, ppr_extra: str = "", **rpr) -> str:
    return (f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="{style_id}"/>{ppr_extra}</w:pPr>'
            f'{run_xml(text, font, **rpr) if text else ""}</w:p>')


def page_number_runs(font: RunFont) -> list:
    """`— n —`: em dashes around a PAGE field, every run in the page-number font."""
    rpr = rpr_xml(font)

    def run(inner: str) -> str:
        return f"<w:r {NSDECL}>{rpr}{inner}</w:r>"

    fragments = [
        run(text_xml("— ")),
        run('<w:fldChar w:fldCharType="begin"/>'),
        run('<w:instrText xml:space="preserve"> PAGE </w:instrText>'),
        run('<w:fldChar w:fldCharType="separate"/>'),
        run(text_xml("1")),
        run('<w:fldChar w:fldCharType="end"/>'),
        run(text_xml(" —")),
    ]
    return [parse_xml(f) for f in fragments]
