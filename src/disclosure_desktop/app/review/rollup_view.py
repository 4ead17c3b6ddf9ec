"""The 汇总 tables in the official layout: the export builder's table blocks, shown in QTableWidgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget

from ...export.builder import section_table_blocks
from ...export.document import Align, CellRole, TableBlock
from ...review import Rollup
from ...review.rollup_document import rollup_fee_sentence

_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
          Align.RIGHT: Qt.AlignmentFlag.AlignRight}
HEADER_BACKGROUND = QColor("#eef1f5")


def block_table(block: TableBlock, parent=None) -> QTableWidget:
    """A read-only table drawing `block` cell for cell, spans included."""
    table = QTableWidget(len(block.rows), block.columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().hide()
    table.verticalHeader().hide()
    bold = QFont(table.font())
    bold.setBold(True)
    for placed in block.placed():
        cell = placed.cell
        item = QTableWidgetItem(cell.text)
        item.setTextAlignment(_ALIGN[cell.align] | Qt.AlignmentFlag.AlignVCenter)
        if cell.role in (CellRole.HEADER, CellRole.CAPTION, CellRole.NOTE):
            item.setBackground(HEADER_BACKGROUND)
            item.setFont(bold)
        if cell.key is not None:
            item.setData(Qt.ItemDataRole.UserRole, cell.key)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setItem(placed.row, placed.column, item)
        if cell.rowspan > 1 or cell.colspan > 1:
            table.setSpan(placed.row, placed.column, cell.rowspan, cell.colspan)
    widths = block.normalized_widths()
    total = 1100
    for column, weight in enumerate(widths):
        table.setColumnWidth(column, max(int(total * weight), 48))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeRowsToContents()
    return table


class RollupView(QTabWidget):
    """One tab per table section of the format (二、三、四), filled from a Rollup."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rollup: Rollup | None = None
        self.tables: dict[str, QTableWidget] = {}
        self.fee_label: QLabel | None = None

    def show_rollup(self, rollup: Rollup | None) -> None:
        self.clear()
        self.tables = {}
        self.fee_label = None
        self.rollup = rollup
        if rollup is None:
            return
        report = rollup.report
        fmt = report.spec
        for section in fmt.sections:
            if section.kind != "tables":
                continue
            block = next(b for b in section_table_blocks(report, fmt, section) if isinstance(b, TableBlock))
            table = block_table(block, self)
            table.setObjectName(f"rollup_{section.id}")
            self.tables[section.id] = table
            self.addTab(table, section.display_title)
        fees = rollup_fee_sentence(rollup)
        if fees:  # 信息处理费: three figures, a sentence as the printed 汇总 has it
            self.fee_label = QLabel(fees, self)
            self.fee_label.setObjectName("rollup_fees")
            self.fee_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fee_label.setWordWrap(True)
            self.fee_label.setMargin(12)
            self.fee_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.addTab(self.fee_label, fmt.fee_section().display_title)

    def value_cells(self, section_id: str) -> dict[tuple[str, str, str], str]:
        """(table, row, column) → the text shown: what a test compares with the sums."""
        table = self.tables[section_id]
        cells = {}
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.data(Qt.ItemDataRole.UserRole):
                    cells[tuple(item.data(Qt.ItemDataRole.UserRole))] = item.text()
        return cells
