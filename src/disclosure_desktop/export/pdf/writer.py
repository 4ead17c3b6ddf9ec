"""PDF export without LibreOffice or Word: the Document laid out by page_layout, painted with Qt.

QPdfWriter embeds a subset of every font it draws with (CID TrueType), so the PDF prints the
same on any machine.  The pages are drawn at 7200 dpi into memory, the text layer is repaired
(pdf_tounicode), and the bytes replace the target atomically: a locked or read-only target
leaves no half-written file and a Chinese message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ..document import Document
from .fonts import NoChineseFontError, resolve_fonts
from ..page_layout import LaidOutDocument, Measurer, layout_document
from .page_painter import PagePainter
from .tounicode import fix_tounicode
from ..result import ExportError, ExportResult, write_bytes

RESOLUTION_DPI = Measurer.DPI  # draw at the resolution the layout was measured at
CREATOR = "政府信息公开年报编制助手"


def page_layout_a4() -> QPageLayout:
    """A4 portrait with no printer margins: the layout places everything itself."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def pdf_bytes(layout: LaidOutDocument, title: str = "") -> bytes:
    """The laid-out pages as a PDF document in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(page_layout_a4())
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("无法生成 PDF：Qt 的 PDF 引擎未能启动。")
    try:
        page_painter = PagePainter(layout)
        for number, page in enumerate(layout.pages):
            if number:
                writer.newPage()
            page_painter.paint(painter, page)
    finally:
        painter.end()
    buffer.close()
    return fix_tounicode(bytes(data), layout.fonts.families())


def render(document: Document, path: Path | str) -> ExportResult:
    """Write `document` as a PDF at `path`; the result names the fonts that stood in for missing ones."""
    path = Path(path)
    try:
        fonts = resolve_fonts()
    except NoChineseFontError as error:
        raise ExportError(f"无法导出“{path.name}”：{error}") from error
    layout = layout_document(document, fonts)
    write_bytes(path, pdf_bytes(layout, document.meta.title))
    meta = document.meta
    return ExportResult(path=path, format="pdf", pages=len(layout.pages),
                        substituted_fonts=list(fonts.describe_substitutions()), draft=meta.draft,
                        draft_reasons=list(meta.draft_reasons))
