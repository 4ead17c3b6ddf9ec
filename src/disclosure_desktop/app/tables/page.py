"""Pages of the table sections 二、三、四: one TableEditor per official table of the section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
                               QWidget)

from ...core.checks import Finding
from ..pages.base import SectionPage
from ..document.session import ReportSession
from .delegate import MOVE_LEFT, MOVE_UP
from .editor import TableEditor


class TableSectionPage(SectionPage):
    message = Signal(str)

    def __init__(self, session: ReportSession, section_id: str, parent: QWidget | None = None):
        super().__init__(session, section_id, parent)
        section = session.report.spec.section(section_id)
        self.editors: dict[str, TableEditor] = {}

        toolbar = QHBoxLayout()
        hint = QLabel(self.tr("直接输入数字；Enter 下移，Tab 右移，Delete 清除，Ctrl+V 粘贴从 Excel/WPS 复制的区域。"
                              "蓝色底纹的总计自动计算。"))
        hint.setObjectName("pageHint")
        hint.setWordWrap(True)
        toolbar.addWidget(hint, 1)
        self.fill_button = QPushButton(self.tr("空白处全部填0(&Z)"))
        self.fill_button.setToolTip(self.tr("把本部分所有表格中尚未填写的单元格填为0（一步，可撤销）"))
        self.fill_button.clicked.connect(self.fill_zero)
        toolbar.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(toolbar)

        for table_id in section.tables:
            editor = TableEditor(session, table_id, self)
            editor.message.connect(self.message)
            self.editors[table_id] = editor

        if len(self.editors) > 1:
            for editor in self.editors.values():
                editor.view.run_out = lambda direction, e=editor: self._carry_on(e, direction)
            # The 二 sub-tables are small: stack them in one scrolling column, labels aligned.
            container = QWidget()
            column = QVBoxLayout(container)
            column.setContentsMargins(0, 0, 8, 0)
            column.setSpacing(14)
            width = max(editor.label_width() for editor in self.editors.values())
            for editor in self.editors.values():
                editor.set_label_width(width)
                column.addWidget(editor)
            column.addStretch(1)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(container)
            self.body.addWidget(scroll, 1)
        else:
            for editor in self.editors.values():
                grows = editor.sizePolicy().verticalPolicy() != QSizePolicy.Policy.Fixed
                self.body.addWidget(editor, 1 if grows else 0)
                if not grows:  # a small table (四) stays under the hint instead of sinking to the bottom
                    self.body.addStretch(1)

    def blank_tables(self) -> list[str]:
        spec = self.session.report.spec
        return [table_id for table_id in self.editors
                if any(self.session.stored_value(table_id, row.id, column.id) is None
                       for row, column in spec.table(table_id).input_cells())]

    def fill_zero(self) -> int:
        """全部填0 for every table of the section, as one undo step; returns the tables changed."""
        tables = self.blank_tables()
        if not tables:
            self.message.emit(self.tr("本部分没有空白单元格需要填0。"))
            return 0
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("全部填0"))
        try:
            for table_id in tables:
                self.editors[table_id].fill_zero()
        finally:
            stack.endMacro()
        self.message.emit(self.tr("已把本部分的空白单元格填为0。"))
        return len(tables)

    def _carry_on(self, editor: TableEditor, direction: str) -> bool:
        """Enter/Tab ran past the end of one table: go on in the next (back: the previous) one."""
        editors = list(self.editors.values())
        step = -1 if direction in (MOVE_LEFT, MOVE_UP) else 1
        position = editors.index(editor) + step
        if not 0 <= position < len(editors):
            return False
        view = editors[position].view
        model = view.model()
        target = view.next_input(direction, *((0, -1) if step > 0 else (model.rowCount(), model.columnCount())))
        if not target.isValid():
            return False
        view.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
        view.setCurrentIndex(target)
        view.reveal(target)
        return True

    def focus_first(self) -> None:
        first = next(iter(self.editors.values()), None)
        if first:
            first.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_finding(self, finding: Finding) -> None:
        editor = self.editors.get(finding.table or "")
        if editor is None or not editor.focus_cell(finding.row, finding.column):
            self.focus_first()
