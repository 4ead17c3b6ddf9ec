"""Headers drawn like the printed official table.

The horizontal header paints the format's spanned header rows (table 三: 申请人情况 over seven
columns, 法人或其他组织 over five) from `table.print.header_rows`; the part of those rows that
sits over the label columns (the 勾稽 note of table 三, 信息内容 of the 二 sub-tables) is painted
in the view's top-left corner.  The vertical header paints the row labels indented by level,
group labels bold on a shaded background, long labels wrapped.  Every size comes from font
metrics, so the headers stay readable at 125–150 % scaling, and spans follow column resizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QTableView, QWidget

from ...core.formats import HeaderCell, Table
from .model import GROUP_BACKGROUND, CellKind, Roles

_PAD = 4  # text padding inside a header cell, in pixels at 100 %; scaled by the font below


def padding(metrics: QFontMetrics) -> int:
    return max(_PAD, metrics.height() // 4)


@dataclass(frozen=True)
class PlacedCell:
    """A header cell placed on the header grid (grid columns: label columns, then value columns)."""

    text: str
    row: int
    column: int
    rowspan: int
    colspan: int
    role: str = ""


@dataclass(frozen=True)
class HeaderGrid:
    label_columns: int
    rows: int
    cells: tuple[PlacedCell, ...]

    @property
    def corner_cells(self) -> tuple[PlacedCell, ...]:
        """Cells over the label columns, drawn in the view's corner."""
        return tuple(c for c in self.cells if c.column < self.label_columns)

    @property
    def value_cells(self) -> tuple[PlacedCell, ...]:
        """Cells over the value columns; their columns counted from the first value column."""
        return tuple(PlacedCell(c.text, c.row, c.column - self.label_columns, c.rowspan, c.colspan, c.role)
                     for c in self.cells if c.column >= self.label_columns)


def place(header_rows, label_columns: int) -> HeaderGrid:
    """Put rows of spanned cells on a grid, the way an HTML table places rowspan/colspan cells."""
    taken: set[tuple[int, int]] = set()
    cells = []
    for r, row in enumerate(header_rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            cells.append(PlacedCell(cell.text, r, c, cell.rowspan, cell.colspan, cell.role))
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
    return HeaderGrid(label_columns, len(header_rows), tuple(cells))


def header_grid(table: Table) -> HeaderGrid:
    """The editor's header for `table`.

    Table 三 uses its printed header rows as they are.  The 二 sub-tables print one header row
    (信息内容 + column labels) under the caption, which the editor shows above the table.  Table 四
    prints its three groups side by side; the editor shows them as rows, so its header is the
    five column labels.
    """
    if table.print.layout == "rows" and table.print.header_rows:
        return place(table.print.header_rows, table.print.label_columns)
    corner = HeaderCell(table.row_header or "")
    return place(((corner, *(HeaderCell(c.label) for c in table.columns)),), 1)


def _wrapped_height(metrics: QFontMetrics, width: int, text: str) -> int:
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    return metrics.boundingRect(QRect(0, 0, max(1, width), 10_000), flags, text).height()


def draw_cell_border(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """Right and bottom edges only, so neighbouring cells share one line, as the grid does."""
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
    right, bottom = rect.right(), rect.bottom()
    painter.drawLine(right, rect.top(), right, bottom)
    painter.drawLine(rect.left(), bottom, right, bottom)


def _paint_cell(painter: QPainter, rect: QRect, text: str, palette: QPalette, *, note: bool = False) -> None:
    painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
    draw_cell_border(painter, rect, palette)
    painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
    pad = padding(painter.fontMetrics())
    flags = Qt.TextFlag.TextWordWrap | (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter if note
                                        else Qt.AlignmentFlag.AlignCenter)
    painter.drawText(rect.adjusted(pad, 0, -pad, 0), flags, text)


class SpannedHeaderView(QHeaderView):
    """Horizontal header painting the spanned header rows over the value columns."""

    def __init__(self, grid: HeaderGrid, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.grid = grid
        self._row_heights: list[int] = [0] * max(1, grid.rows)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        # Spans cross section boundaries: repaint the whole strip and re-measure the wrapping.
        self.sectionResized.connect(self._relayout)

    def row_heights(self) -> list[int]:
        return list(self._row_heights)

    def set_row_heights(self, heights: list[int]) -> None:
        if heights != self._row_heights:
            self._row_heights = heights
            self.updateGeometry()
            self.geometriesChanged.emit()  # QTableView re-reads sizeHint() and moves its viewport
        self.viewport().update()

    def _relayout(self, *_) -> None:
        self.set_row_heights(self.measure_rows())

    def measure_rows(self, corner_width: int | None = None) -> list[int]:
        """Header row heights that fit every cell's wrapped text (the corner's too, if given)."""
        metrics = self.fontMetrics()
        pad = padding(metrics)
        heights = [metrics.height() + 2 * pad] * max(1, self.grid.rows)
        cells = list(self.grid.value_cells)
        widths = {id(c): self._span_width(c) for c in cells}
        if corner_width is not None:
            label_span = max(1, self.grid.label_columns)
            for c in self.grid.corner_cells:
                cells.append(c)
                widths[id(c)] = corner_width * c.colspan // label_span
        # Single-row cells first, then grow the last row of a spanning cell that still does not fit.
        for cell in sorted(cells, key=lambda c: c.rowspan):
            need = _wrapped_height(metrics, widths[id(cell)] - 2 * pad, cell.text) + 2 * pad
            rows = range(cell.row, min(cell.row + cell.rowspan, len(heights)))
            have = sum(heights[r] for r in rows)
            if need > have:
                heights[rows[-1]] += need - have
        return heights

    def _span_width(self, cell: PlacedCell) -> int:
        return sum(self.sectionSize(c) for c in range(cell.column, min(cell.column + cell.colspan, self.count())))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), sum(self._row_heights))

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        tops = [sum(self._row_heights[:r]) for r in range(len(self._row_heights))]
        for cell in self.grid.value_cells:
            if cell.column >= self.count():
                continue
            x = self.sectionViewportPosition(cell.column)
            height = sum(self._row_heights[cell.row:cell.row + cell.rowspan])
            rect = QRect(x, tops[cell.row], self._span_width(cell), height)
            if rect.intersects(event.rect()):
                _paint_cell(painter, rect, cell.text, palette)
        painter.end()


class RowHeaderView(QHeaderView):
    """Vertical header: row labels indented by level; group labels bold and shaded; long labels wrap."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self._width = 0
        self._labels: dict = {}
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def indent(self) -> int:
        return int(self.fontMetrics().horizontalAdvance("中") * 1.5)

    def label_rect(self, rect: QRect, level: int) -> QRect:
        pad = padding(self.fontMetrics())
        return rect.adjusted(pad + level * self.indent(), 0, -pad, 0)

    def natural_width(self) -> int:
        """Width that shows every label on one line."""
        model = self.model()
        if model is None:
            return 0
        metrics = QFontMetrics(self._bold_font())
        pad = padding(metrics)
        return max((metrics.horizontalAdvance(model.headerData(r, Qt.Orientation.Vertical) or "")
                    + 2 * pad + (model.headerData(r, Qt.Orientation.Vertical, Roles.LEVEL) or 0) * self.indent()
                    for r in range(model.rowCount())), default=0)

    def set_label_width(self, width: int) -> None:
        self._width = width
        self.fit_rows()
        self.updateGeometry()
        self.geometriesChanged.emit()

    def fit_rows(self) -> None:
        """Row heights: one line, or as many as the wrapped label needs at the current width."""
        model = self.model()
        if model is None:
            return
        metrics = QFontMetrics(self._bold_font())
        pad = padding(metrics)
        base = metrics.height() + 2 * pad
        for r in range(model.rowCount()):
            level = model.headerData(r, Qt.Orientation.Vertical, Roles.LEVEL) or 0
            text = model.headerData(r, Qt.Orientation.Vertical) or ""
            width = self.label_rect(QRect(0, 0, self._width, 10), level).width()
            lines = _wrapped_height(metrics, width, text)
            self.resizeSection(r, max(base, lines + 2 * pad))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._width or hint.width(), hint.height())

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._labels.clear()
        super().changeEvent(event)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        model = self.model()
        if model is None or not rect.isValid():
            return
        # Row labels never change while editing: lay each one out once (per width and font).
        key = (logical_index, rect.width(), rect.height(), self.font().key())
        entry = self._labels.get(key)
        if entry is None:
            group = model.headerData(logical_index, Qt.Orientation.Vertical, Roles.KIND) == CellKind.GROUP
            level = model.headerData(logical_index, Qt.Orientation.Vertical, Roles.LEVEL) or 0
            text = model.headerData(logical_index, Qt.Orientation.Vertical) or ""
            bold = group or level == 0
            label = self.label_rect(QRect(0, 0, rect.width(), rect.height()), level)
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextWidth(label.width())
            static.prepare(QTransform(), self._bold_font() if bold else self.font())
            top = (rect.height() - int(static.size().height() + 0.5)) // 2
            entry = self._labels[key] = (group, bold, static, label.left(), max(0, top))
        group, bold, static, left, top = entry
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, GROUP_BACKGROUND if group else palette.color(QPalette.ColorRole.Base))
        draw_cell_border(painter, rect, palette)
        if bold:
            painter.setFont(self._bold_font())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawStaticText(rect.left() + left, rect.top() + top, static)
        painter.restore()


class CornerPainter(QObject):
    """Paints the header cells that sit over the label columns into QTableView's corner button.

    QTableView has no API for its top-left corner; its corner button is the one QAbstractButton
    child of the view, so an event filter paints over it.
    """

    def __init__(self, view: QTableView, header: SpannedHeaderView):
        super().__init__(view)
        self.grid = header.grid
        self.header = header
        self.button = next((w for w in view.findChildren(QAbstractButton) if w.parent() is view), None)
        if self.button is not None:
            self.button.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.button and event.type() == QEvent.Type.Paint:
            painter = QPainter(self.button)
            rect = self.button.rect()
            palette = self.button.palette()
            cells = self.grid.corner_cells
            if not cells:
                _paint_cell(painter, rect, "", palette)
            heights = self.header.row_heights()
            label_span = max(1, self.grid.label_columns)
            for cell in cells:
                x = rect.width() * cell.column // label_span
                w = rect.width() * (cell.column + cell.colspan) // label_span - x
                y = sum(heights[:cell.row])
                h = sum(heights[cell.row:cell.row + cell.rowspan])
                _paint_cell(painter, QRect(x, y, w, h), cell.text, palette, note=cell.role == "note")
            painter.end()
            return True
        return False
