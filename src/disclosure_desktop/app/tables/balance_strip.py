"""The balance strip under table 三: per column 一+二 against 三（七）+四, live while typing.

Which rows are summed and what the two sums are called come from the format's balance rule
(C1: params left/right, left_text/right_text).  The strip paints its cells under the view's
columns, so it stays aligned when columns are resized or the table scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QTableView, QToolTip, QWidget

from ...core.formats import Rule, Table
from ...core.values import format_value
from ..document.session import ReportSession
from ..shell.elided_lines import ElidedLines
from .header import draw_cell_border, padding

EQUAL_BACKGROUND, EQUAL_TEXT = QColor("#d5efd9"), QColor("#1d6b2f")
UNEQUAL_BACKGROUND, UNEQUAL_TEXT = QColor("#f6c4c0"), QColor("#9b1c12")


def balance_rule(session: ReportSession, table_id: str) -> Rule | None:
    """The format's balance rule (C1) for this table, if it has one."""
    for rule in session.report.spec.rules:
        if rule.check == "balance" and rule.params.get("table") == table_id:
            return rule
    return None


def _number(value) -> int | float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


class BalanceStrip(QWidget):
    def __init__(self, session: ReportSession, table: Table, rule: Rule, view: QTableView, parent=None):
        super().__init__(parent)
        self.session, self.table, self.rule, self.view = session, table, rule, view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("勾稽关系核对"))
        # Worded once: the strip is painted on many keystrokes.
        self._words = {"equal": self.tr("相等"), "differ": self.tr("相差{n}"), "result": self.tr("核对结果")}
        # The sums and differences are drawn from lines laid out once per text: a keystroke
        # repaints a column or two of them.
        self._set_fonts()
        self.sums = self._compute()
        session.tableChanged.connect(self._on_table_changed)
        view.horizontalHeader().sectionResized.connect(self.update)
        view.horizontalHeader().geometriesChanged.connect(self.update)
        view.verticalHeader().geometriesChanged.connect(self.update)
        view.horizontalScrollBar().valueChanged.connect(self.update)

    # --- data -----------------------------------------------------------------------------
    def _compute(self) -> list[tuple[object, object] | None]:
        """Per column (left sum, right sum), or None while the column's rows are all blank."""
        values = self.session.table_values(self.table.id)
        left_rows, right_rows = self.rule.params["left"], self.rule.params["right"]
        sums = []
        for column in self.table.columns:
            cells = [values[r][column.id] for r in (*left_rows, *right_rows)]
            if all(v is None for v in cells):
                sums.append(None)
                continue
            sums.append((sum(_number(values[r][column.id]) for r in left_rows),
                         sum(_number(values[r][column.id]) for r in right_rows)))
        return sums

    def _on_table_changed(self, table_id: str) -> None:
        if table_id == self.table.id:
            sums = self._compute()
            changed = [c for c, (a, b) in enumerate(zip(self.sums, sums)) if a != b]
            self.sums = sums
            for column in changed:  # a keystroke changes one column (and the total column)
                self.update(self._column_rect(column))

    def status(self, column: int) -> str:
        """What the third line says for a column: 相等, 相差N, or nothing while blank."""
        sums = self.sums[column]
        if sums is None:
            return ""
        left, right = sums
        return self._words["equal"] if left == right else self._words["differ"].format(n=format_value(abs(left - right)))

    # --- layout ---------------------------------------------------------------------------
    def _set_fonts(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        self._lines, self._bold_lines = ElidedLines(self.font()), ElidedLines(bold)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._set_fonts()
        super().changeEvent(event)

    def _line_height(self) -> int:
        return self.fontMetrics().height() + 2 * padding(self.fontMetrics())

    def sizeHint(self) -> QSize:
        return QSize(self.view.sizeHint().width(), 3 * self._line_height() + 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 3 * self._line_height() + 1)

    def _label_rect(self) -> QRect:
        header = self.view.verticalHeader()
        x = self.mapFromGlobal(header.mapToGlobal(QPoint(0, 0))).x()
        return QRect(x, 0, header.width(), self.height())

    def _column_rect(self, column: int) -> QRect:
        viewport = self.view.viewport()
        origin = self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).x()
        header = self.view.horizontalHeader()
        return QRect(origin + header.sectionViewportPosition(column), 0, header.sectionSize(column), self.height())

    def _viewport_clip(self) -> QRect:
        viewport = self.view.viewport()
        origin = self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).x()
        return QRect(origin, 0, viewport.width(), self.height())

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        line = self._line_height()
        pad = padding(self.fontMetrics())
        labels = (self.rule.params["left_text"], self.rule.params["right_text"], self._words["result"])
        label_rect = self._label_rect()
        # A keystroke repaints one or two columns (update(rect) in _on_table_changed): only the
        # cells inside the event's region are drawn, the rest of the strip is still on screen
        # (not its bounding rectangle: the columns between two far apart are not drawn).
        dirty = event.region()
        labels = labels if dirty.intersects(label_rect) else ()
        for i, text in enumerate(labels):
            cell = QRect(label_rect.x(), i * line, label_rect.width(), line)
            painter.fillRect(cell, palette.color(QPalette.ColorRole.Button))
            draw_cell_border(painter, cell, palette)
            painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            self._draw_right_aligned(painter, cell.adjusted(pad, 0, -pad, 0), self._bold_lines, text)

        # Outer left and top edges (cells draw their right and bottom ones).
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(label_rect.x(), 0, label_rect.x(), self.height() - 1)
        if self.sums:
            last = self._column_rect(len(self.sums) - 1)
            painter.drawLine(label_rect.x(), 0, min(last.right(), self._viewport_clip().right()), 0)

        painter.setClipRect(self._viewport_clip())
        viewport = self.view.viewport()
        origin = self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).x()
        header = self.view.horizontalHeader()
        for column, sums in enumerate(self.sums):
            rect = QRect(origin + header.sectionViewportPosition(column), 0, header.sectionSize(column), self.height())
            if not dirty.intersects(rect):
                continue
            texts = ("", "", "") if sums is None else (format_value(sums[0]), format_value(sums[1]), self.status(column))
            equal = sums is not None and sums[0] == sums[1]
            text_color = EQUAL_TEXT if equal else UNEQUAL_TEXT
            for i, text in enumerate(texts):
                cell = QRect(rect.x(), i * line, rect.width(), line)
                if sums is None:
                    painter.fillRect(cell, palette.color(QPalette.ColorRole.Window))
                else:
                    painter.fillRect(cell, EQUAL_BACKGROUND if equal else UNEQUAL_BACKGROUND)
                draw_cell_border(painter, cell, palette)
                if text:
                    painter.setPen(text_color)
                    self._draw_right_aligned(painter, cell.adjusted(pad, 0, -pad, 0),
                                             self._bold_lines if i == 2 else self._lines, text)
        painter.end()

    @staticmethod
    def _draw_right_aligned(painter: QPainter, box: QRect, lines: ElidedLines, text: str) -> None:
        """`text` right-aligned and centred in `box`, cut at its left edge when it is too wide
        (as drawText in a rectangle does).  (A QStaticText is drawn in the painter's font.)"""
        static, width, height = lines.line(text)
        painter.setFont(lines.font)
        too_wide = width > box.width()
        if too_wide:
            painter.save()
            painter.setClipRect(box, Qt.ClipOperation.IntersectClip)
        painter.drawStaticText(QPointF(box.right() + 1 - width, box.top() + (box.height() - height) / 2), static)
        if too_wide:
            painter.restore()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            column = next((c for c in range(len(self.table.columns))
                           if self._column_rect(c).contains(event.pos())), None)
            if column is not None and self.sums[column] is not None:
                left, right = self.sums[column]
                p = self.rule.params
                QToolTip.showText(event.globalPos(), f"{self.table.columns[column].label}：{p['left_text']}＝"
                                  f"{format_value(left)}，{p['right_text']}＝{format_value(right)}", self)
            else:
                QToolTip.showText(event.globalPos(), self.rule.title, self)
            return True
        return super().event(event)
