"""Child order of the WordprocessingML elements the DOCX exporter writes, per the ECMA-376
schema: Word refuses a document ("unreadable content") whose properties are out of order,
while python-docx and LibreOffice read it without complaint — so a test has to look."""

from __future__ import annotations

import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {name: tuple(children.split()) for name, children in {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "sectPr": "headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType "
              "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
             "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
}.items()}
SAME_SLOT = {"footerReference": "headerReference"}  # one choice group in sectPr


def order_problems(path) -> list[str]:
    problems = []
    package = zipfile.ZipFile(path)
    for name in package.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(package.read(name))
        for tag, sequence in ORDER.items():
            for element in root.iter(W + tag):
                children = [SAME_SLOT.get(etree.QName(c).localname, etree.QName(c).localname) for c in element]
                unknown = [c for c in children if c not in sequence]
                positions = [sequence.index(c) for c in children if c in sequence]
                if unknown or positions != sorted(positions):
                    problems.append(f"{name}: <w:{tag}> children {children}")
    return problems
