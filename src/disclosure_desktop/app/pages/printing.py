"""打印预览 and 打印 through the PDF export's own layout and painter, so paper matches the PDF.

The export package lays the document out in points (export.page_layout) and paints pages on any
QPainter (export.page_painter); here the painter is a QPrinter's, set to A4 with no printer
margins because the layout places the GB/T 9704 margins itself.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter

from ...export import ExportError


def print_document(document, printer) -> int:
    """Paint `document` (export.document.Document) on `printer`; returns the pages printed.

    Honours a page range chosen in the print dialog.  Raises ExportError (Chinese) when no
    Chinese font is installed or the printer cannot start.
    """
    from ...export.pdf.fonts import NoChineseFontError, resolve_fonts
    from ...export.page_layout import layout_document
    from ...export.pdf.page_painter import PagePainter
    from ...export.pdf.writer import page_layout_a4

    try:
        fonts = resolve_fonts()
    except NoChineseFontError as error:
        raise ExportError(f"无法打印：{error}") from error
    layout = layout_document(document, fonts)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout_a4())
    first, last = printer.fromPage(), printer.toPage()
    numbers = [n for n in range(1, len(layout.pages) + 1) if not first or first <= n <= (last or n)]
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("无法打印：打印机未能启动，请检查打印机是否可用。")
    try:
        page_painter = PagePainter(layout)
        for index, number in enumerate(numbers):
            if index:
                printer.newPage()
            page_painter.paint(painter, layout.pages[number - 1])
    finally:
        painter.end()
    return len(numbers)
