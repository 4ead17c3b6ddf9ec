"""Build the DOCX reference template resources/template/report-template.docx.

    python scripts/build_docx_template.py

The template is generated rather than drawn in Word so that every setting is reviewable here
and reproducible: A4 with the GB/T 9704 margins and a 22 × 28 grid, our own styles (no theme
fonts anywhere; document defaults in zh-CN), and page numbers `— n —` in 4号 宋体 on different
odd (right) and even (left) footers.  The numbers come from export/docx_style.py, which the
exporter uses too.  The body is empty; the exporter fills it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import docx
from docx.oxml import parse_xml
from docx.opc.constants import RELATIONSHIP_TYPE as RT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from disclosure_desktop.export import docx_style as S  # noqa: E402
from disclosure_desktop.export.docx_xml import W_NS, page_number_runs, rpr_xml  # noqa: E402

OUTPUT = ROOT / "resources" / "template" / "report-template.docx"
FIXED_TIME = dt.datetime(2024, 1, 1)
NSDECL = f'xmlns:w="{W_NS}"'


def _style(kind: str, style_id: str, name: str, *, based_on: str | None = None, next_style: str | None = None,
           default: bool = False, ppr: str = "", rpr: str = "", extra: str = "") -> str:
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append('<w:qFormat/>')
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(rpr)
    parts.append(extra)
    return f"<w:style {attrs}>{''.join(parts)}</w:style>"


def _spacing_exact(twips: int, before: int = 0, after: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{twips}" w:lineRule="exact"/>'


SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
NO_GRID = '<w:snapToGrid w:val="0"/>'
# Punctuation at a line end stays inside the line, as the PDF sets it (a character moves down
# instead, 标点避头尾).  LibreOffice reads w:overflowPunct inverted (val="0" turns its hanging
# punctuation ON, and it then clips the hanging 。 off the page; checked with soffice 7.4), so
# the value is "1": LibreOffice sets punctuation inside the line, and Word — for which "1" is
# its default, hanging punctuation — draws a line-end mark into the margin, visibly.
# The space between Chinese and Latin text or digits stays on (Word's default; LibreOffice
# applies it whatever the file says); the PDF adds the same (text_setting.AUTOSPACE_EM).
TYPESET = '<w:kinsoku/><w:overflowPunct w:val="1"/>'
INDENT_2 = f'<w:ind w:firstLineChars="200" w:firstLine="{round(S.SIZE_3HAO * 2 * 20)}"/>'
NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'


def styles_xml() -> str:
    pitch = S.LINE_PITCH_TWIPS
    body = S.BODY_FONT
    styles = [
        _style("paragraph", "Normal", "Normal", default=True,
               ppr=f'<w:widowControl/>{TYPESET}{_spacing_exact(pitch)}<w:jc w:val="both"/>',
               rpr=rpr_xml(body, char_spacing=S.BODY_CHAR_SPACING)),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True),
        _style("table", "TableNormal", "Normal Table", default=True,
               extra='<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                     '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                     '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'),
        _style("numbering", "NoList", "No List", default=True),
        _style("paragraph", S.STYLE_BODY, "Body Text", based_on="Normal", ppr=INDENT_2),
        _style("paragraph", S.STYLE_TITLE, "Title", based_on="Normal", next_style=S.STYLE_BODY,
               ppr=f'<w:keepNext/>{NO_GRID}{_spacing_exact(pitch, after=pitch)}{NO_INDENT}<w:jc w:val="center"/>',
               rpr=rpr_xml(S.TITLE_FONT, char_spacing=0)),
    ]
    for level, font in S.HEADING_FONTS.items():
        styles.append(_style("paragraph", S.STYLE_HEADING[level], f"heading {level}", based_on="Normal",
                             next_style=S.STYLE_BODY,
                             ppr=f'<w:keepNext/><w:keepLines/>{INDENT_2}<w:outlineLvl w:val="{level - 1}"/>',
                             rpr=rpr_xml(font)))
    styles += [
        _style("paragraph", S.STYLE_TABLE_TEXT, "Table Text", based_on="Normal",
               ppr=f'{NO_GRID}{_spacing_exact(S.TABLE_LINE_TWIPS)}{NO_INDENT}<w:jc w:val="center"/>',
               rpr=rpr_xml(S.TABLE_FONT, char_spacing=0)),
        _style("paragraph", S.STYLE_TABLE_NOTE, "Table Note", based_on="Normal", next_style=S.STYLE_BODY,
               ppr=f'{NO_GRID}{_spacing_exact(S.NOTE_LINE_TWIPS)}{NO_INDENT}',
               rpr=rpr_xml(S.NOTE_FONT, char_spacing=0)),
        # GB/T 9704 7.3.5: one empty line above the agency name; the exporter sets the right
        # indents from the document (date 4 characters in, the name centred over it).
        _style("paragraph", S.STYLE_SIGNATURE, "Signature", based_on="Normal",
               ppr=f'<w:keepNext/><w:keepLines/>{_spacing_exact(pitch, before=pitch)}<w:jc w:val="right"/>'),
        _style("paragraph", S.STYLE_DATE, "Date", based_on="Normal", ppr='<w:jc w:val="right"/>'),
        _style("paragraph", S.STYLE_HEADER, "header", based_on="Normal",
               ppr=f'{NO_GRID}{SINGLE}{NO_INDENT}<w:jc w:val="center"/>', rpr=rpr_xml(S.DRAFT_FONT, char_spacing=0)),
        _style("paragraph", S.STYLE_FOOTER, "footer", based_on="Normal",
               ppr=f'{NO_GRID}{SINGLE}', rpr=rpr_xml(S.PAGE_NUMBER_FONT, char_spacing=0)),
        _style("table", S.STYLE_TABLE, "Table Grid", based_on="TableNormal",
               extra='<w:tblPr><w:tblBorders>'
                     + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                               for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
                     + f'</w:tblBorders><w:tblCellMar><w:top w:w="{S.CELL_MARGIN_Y_TWIPS}" w:type="dxa"/>'
                       f'<w:left w:w="{S.CELL_MARGIN_TWIPS}" w:type="dxa"/>'
                       f'<w:bottom w:w="{S.CELL_MARGIN_Y_TWIPS}" w:type="dxa"/>'
                       f'<w:right w:w="{S.CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar></w:tblPr>'),
    ]
    defaults = (f'<w:docDefaults><w:rPrDefault>{rpr_xml(body, lang=True)}</w:rPrDefault>'
                '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
                '</w:docDefaults>')
    return f'<w:styles {NSDECL}>{defaults}{"".join(styles)}</w:styles>'


def font_table_xml() -> str:
    fonts = []
    for name, (alt, family) in S.FONT_TABLE.items():
        fonts.append(f'<w:font w:name={quoteattr(name)}><w:altName w:val={quoteattr(alt)}/>'
                     f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')
    fonts.append(f'<w:font w:name="{S.LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/>'
                 '<w:pitch w:val="variable"/></w:font>')
    return f'<w:fonts {NSDECL}>{"".join(fonts)}</w:fonts>'


def _replace_part_xml(document, reltype: str, xml: str) -> None:
    part = document.part.part_related_by(reltype)
    if hasattr(part, "_element"):
        part._element = parse_xml(xml)
    else:
        part._blob = xml.encode("utf-8")


def _drop_parts(document, reltypes: tuple[str, ...]) -> None:
    """Theme and Word-2010 'styles with effects' carry theme fonts; the template has no use for them."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in reltypes or rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            document.part.rels.pop(rel_id)
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)


def _page_setup(document) -> None:
    section = document.sections[0]
    sect = section._sectPr
    for child in list(sect):
        if child.tag.rsplit("}", 1)[1] in ("pgSz", "pgMar", "cols", "docGrid"):
            sect.remove(child)
    width, height = (S.twips(v) for v in S.PAGE_MM)
    m = {k: S.twips(v) for k, v in S.MARGIN_MM.items()}
    sect.append(parse_xml(f'<w:pgSz {NSDECL} w:w="{width}" w:h="{height}"/>'))
    sect.append(parse_xml(
        f'<w:pgMar {NSDECL} w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" w:left="{m["left"]}" '
        f'w:header="{S.twips(S.HEADER_MM)}" w:footer="{S.twips(S.FOOTER_MM)}" w:gutter="0"/>'))
    sect.append(parse_xml(f'<w:cols {NSDECL} w:space="425"/>'))
    sect.append(parse_xml(f'<w:docGrid {NSDECL} w:type="lines" w:linePitch="{S.LINE_PITCH_TWIPS}"/>'))

    document.settings.odd_and_even_pages_header_footer = True  # w:evenAndOddHeaders
    indent = round(S.SIZE_4HAO * 20)  # one 4号 character in from the edge of the text block
    for footer, align, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        for child in list(p):
            p.remove(child)
        p.append(parse_xml(f'<w:pPr {NSDECL}><w:pStyle w:val="{S.STYLE_FOOTER}"/>'
                           f'<w:ind w:{side}="{indent}" w:{side}Chars="100"/><w:jc w:val="{align}"/></w:pPr>'))
        for run in page_number_runs(S.PAGE_NUMBER_FONT):
            p.append(run)
    # Empty headers in the header style: the exporter writes the 草稿 mark there for drafts.
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        p = header.paragraphs[0]._p
        for child in list(p):
            p.remove(child)
        p.append(parse_xml(f'<w:pPr {NSDECL}><w:pStyle w:val="{S.STYLE_HEADER}"/></w:pPr>'))


def _settings(document) -> None:
    settings = document.settings.element
    for child in settings:
        if child.tag == f"{{{W_NS}}}themeFontLang":
            child.set(f"{{{W_NS}}}eastAsia", "zh-CN")
    for child in list(settings):
        if child.tag in (f"{{{W_NS}}}rsids", f"{{{W_NS}}}attachedTemplate"):
            settings.remove(child)


def build(output: Path = OUTPUT) -> Path:
    document = docx.Document()
    _replace_part_xml(document, RT.STYLES, styles_xml())
    _replace_part_xml(document, RT.FONT_TABLE, font_table_xml())
    _drop_parts(document, (RT.THEME,))
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    _page_setup(document)
    _settings(document)
    props = document.core_properties
    props.author = props.last_modified_by = "政府信息公开年报编制助手"
    props.title = props.subject = props.keywords = props.comments = ""
    props.language = "zh-CN"
    props.revision = 1
    props.created = props.modified = FIXED_TIME
    output.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    document.save(buffer)
    output.write_bytes(_reproducible(buffer.getvalue()))
    return output


def _reproducible(package: bytes) -> bytes:
    """The same input gives the same bytes: fixed timestamps on every zip member."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


if __name__ == "__main__":
    print(f"已生成模板：{build()}")
