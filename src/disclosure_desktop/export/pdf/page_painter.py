"""Draw laid-out pages (page_layout) on any QPainter: the PDF writer, a printer, a preview image.

Layout is in points; the painter is left untransformed and every coordinate is scaled by the
device's resolution here, so fonts sized in points come out right on every device.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from .. import docx_style as S
from ..page_layout import LaidOutDocument, Page, Rule, TextRun
from .text_setting import Measurer, script_runs

INK = QColor(0, 0, 0)
DRAFT_HEADER_INK = QColor(f"#{S.DRAFT_COLOR}")  # as the DOCX's
# Light enough to read the text over it, dark enough to survive a photocopier (grey, as the
# DOCX export's watermark).
WATERMARK_INK = QColor(0, 0, 0, 48)


class PagePainter:
    """Paints pages of one laid-out document; keeps its fonts and pens between pages."""

    def __init__(self, layout: LaidOutDocument):
        self.layout = layout
        self._fonts: dict[tuple[str, float | None, bool], QFont] = {}
        self._measurer = Measurer(layout.fonts)

    def _font(self, run: TextRun, latin: bool = False) -> QFont:
        key = (run.role, run.size, latin)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = self.layout.fonts.qfont(run.role, run.size, latin)
        return font

    def paint(self, painter: QPainter, page: Page) -> None:
        device = painter.device()
        scale = device.logicalDpiX() / 72  # points → device pixels
        pen = QPen(INK)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        painter.save()
        for item in page.items:
            if isinstance(item, Rule):
                pen.setWidthF(item.width * scale)
                painter.setPen(pen)
                painter.drawLine(QLineF(item.x1 * scale, item.y1 * scale, item.x2 * scale, item.y2 * scale))
            elif item.kind == "draft_watermark":
                self._paint_watermark(painter, item, scale)
            else:
                painter.setPen(DRAFT_HEADER_INK if item.kind == "draft_header" else INK)
                painter.setFont(self._font(item))
                self._draw_text(painter, item, scale)
        painter.restore()

    def _draw_text(self, painter: QPainter, run: TextRun, scale: float) -> None:
        y = run.baseline * scale
        if not run.pieces:
            self._draw_mixed(painter, run, run.x, run.text, y, scale)
            return
        for piece in run.pieces:
            x, text = piece[0], piece[1]
            stretch = piece[2] if len(piece) > 2 else 1.0
            if stretch == 1.0:
                self._draw_mixed(painter, run, x, text, y, scale)
            else:
                painter.save()
                painter.translate(x * scale, y)
                painter.scale(stretch, 1.0)
                painter.drawText(QPointF(0, 0), text)
                painter.restore()

    def _draw_mixed(self, painter: QPainter, run: TextRun, x: float, text: str, y: float, scale: float) -> None:
        """ASCII in the role's Latin face (Times New Roman, as the DOCX sets it), the rest in its
        Chinese face; each run starts where the layout measured the one before to end."""
        if self.layout.fonts[run.role].latin is None or not any(ch.isascii() for ch in text):
            painter.drawText(QPointF(x * scale, y), text)
            return
        for latin, part in script_runs(text):
            painter.setFont(self._font(run, latin))
            painter.drawText(QPointF(x * scale, y), part)
            x += self._measurer.width(run.role, part, run.size)
        painter.setFont(self._font(run))

    def _paint_watermark(self, painter: QPainter, run: TextRun, scale: float) -> None:
        """The 草稿 mark across the middle of the page, rising at 45°."""
        g = self.layout.geometry
        cx, cy = g.width / 2, g.height / 2
        painter.save()
        painter.translate(cx * scale, cy * scale)
        painter.rotate(-45)
        painter.setPen(WATERMARK_INK)
        painter.setFont(self._font(run))
        painter.drawText(QPointF((run.x - cx) * scale, (run.baseline - cy) * scale), run.text)
        painter.restore()

