"""The result of 导入已发布的年报: a summary first, every detail in a list that scrolls.

The summary says how many cells were read and not read, how many printed totals disagree
with their parts, what was assumed and what the checks found; the list below names each of
them.  A row that is about a cell jumps to it: double-click or Enter closes the dialog and
`target()` is the place (as a Finding) for MainWindow.show_finding.  The dialog never grows
beyond the screen's free area (a message box with 196 unread cells was 4934 px tall).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ...core.checks import ERROR, WARNING, Finding
from ...io.importer import ImportResult, describe
from ...io.importer.result import cell_name
from .screen_fit import fit_to_screen

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
PREFERRED_SIZE = (820, 620)


def _place(where: str, table: str | None, row: str | None, column: str | None) -> Finding:
    """An unread cell or an assumption as a place the editor can show (a Finding without a rule)."""
    return Finding(rule="", severity=WARNING, message=where, table=table, row=row, column=column)


class ImportResultDialog(QDialog):
    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importResultDialog")
        self.setWindowTitle(self.tr("导入结果"))
        self.import_result = result
        self._target: Finding | None = None

        self.summary = QLabel(self._summary_text())
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QTreeWidget()
        self.details.setObjectName("importDetails")
        self.details.setColumnCount(2)
        self.details.setHeaderLabels([self.tr("位置"), self.tr("说明")])
        self.details.setRootIsDecorated(True)
        self.details.setUniformRowHeights(True)
        self.details.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.details.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.details.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.details.header().setStretchLastSection(True)
        self._fill()
        self.details.itemActivated.connect(self._activated)  # double-click, Enter
        hint = QLabel(self.tr("双击一行（或选中后按 Enter）关闭本窗口并转到该单元格。未能读取的单元格在项目中保持空白，"
                              "请对照原文填写。"))
        hint.setWordWrap(True)
        hint.setObjectName("pageHint")

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("复制全文"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("把完整的导入报告复制到剪贴板，可粘贴到文档中留存"))
        self.copy_button.clicked.connect(self.copy_report)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        close.setDefault(False)
        close.setAutoDefault(False)  # Enter in the list jumps; it must not close the dialog instead
        self.copy_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # As tall as the list needs (a complete import lists two or three rows), at most the
        # preferred size, and never more than the screen's free area.
        self.details.expandAll()
        lines = sum(1 + group.childCount() for group in map(self.details.topLevelItem,
                                                            range(self.details.topLevelItemCount())))
        row_height = max(self.details.sizeHintForRow(0), self.fontMetrics().height())
        needed = self.sizeHint().height() - self.details.sizeHint().height() + (lines + 3) * row_height
        fit_to_screen(self, PREFERRED_SIZE[0], min(PREFERRED_SIZE[1], max(needed, PREFERRED_SIZE[1] // 2)))
        self.details.setColumnWidth(0, int(self.width() * 0.55))
        self.details.setFocus()

    # --- content -------------------------------------------------------------------------------
    def _summary_text(self) -> str:
        result, tr = self.import_result, self.tr
        totals = result.total_findings
        others = result.other_findings
        errors = sum(f.severity == ERROR for f in others)
        printed = sum(len(columns) for rows in result.stated_totals.values() for columns in rows.values())
        checked = printed - len(result.unchecked_totals)
        lines = [
            result.report.title,
            tr("来源：{kind}　格式：{format}").format(kind=result.source_kind_name, format=result.report.spec.name),
            tr("单元格：共 {total} 个，已读取 {read} 个，未能读取 {unread} 个").format(
                total=result.cell_count, read=len(result.read_cells), unread=len(result.unread)),
            tr("原文总计：核对 {checked} 个，与各项之和不符 {wrong} 个，暂无法核对 {unchecked} 个").format(
                checked=checked, wrong=len(totals), unchecked=len(result.unchecked_totals)),
            tr("假设与换算 {assumed} 项；其他检查发现 {errors} 个错误、{warnings} 个提示").format(
                assumed=len(result.assumptions), errors=errors, warnings=len(others) - errors),
        ]
        return "\n".join(lines)

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.details, [title.format(n=count)])
        group.setFirstColumnSpanned(True)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setExpanded(True)
        return group

    def _row(self, group: QTreeWidgetItem, where: str, text: str, target: Finding | None) -> None:
        item = QTreeWidgetItem(group, [where, text])
        item.setToolTip(0, where)
        item.setToolTip(1, text)
        item.setData(0, TARGET_ROLE, target)

    def _fill(self) -> None:
        result, tr = self.import_result, self.tr
        fmt = result.report.spec
        if result.notes:
            group = self._group(tr("注意（{n}项）"), len(result.notes))
            for note in result.notes:
                self._row(group, tr("原文"), note, None)
        if result.unread:
            group = self._group(tr("未能读取（{n}项，保持空白）"), len(result.unread))
            for cell in result.unread:
                self._row(group, cell.where, cell.reason, _place(cell.where, cell.table, cell.row, cell.column))
        if result.total_findings:
            group = self._group(tr("原文总计与各项之和不符（{n}项，项目中使用计算值）"), len(result.total_findings))
            for finding in result.total_findings:
                address = result.source_address(finding)
                self._row(group, cell_name(fmt, finding.table, finding.row, finding.column) if finding.table else "",
                          finding.message + (tr("（{address}）").format(address=address) if address else ""), finding)
        if result.unchecked_totals:
            group = self._group(tr("暂无法核对的原文总计（{n}项，含未能读取的单元格）"), len(result.unchecked_totals))
            for table, row, column in result.unchecked_totals:
                where = cell_name(fmt, table, row, column)
                self._row(group, where, tr("填写各项后在检查中核对"), _place(where, table, row, column))
        if result.assumptions:
            group = self._group(tr("假设与换算（{n}项）"), len(result.assumptions))
            for item in result.assumptions:
                target = _place(item.where, item.table, item.row, item.column) if item.table else None
                self._row(group, item.where, item.message, target)
        if result.other_findings:
            group = self._group(tr("其他检查发现（{n}项）"), len(result.other_findings))
            for finding in result.other_findings:
                label = tr("错误") if finding.severity == ERROR else tr("提示")
                self._row(group, f"{finding.rule} {label}", finding.message, finding)
        if self.details.topLevelItemCount() == 0:
            QTreeWidgetItem(self.details, [tr("所有单元格均已读取，没有需要注意的地方。")]).setFirstColumnSpanned(True)
        first = self.details.topLevelItem(0)
        if first is not None:
            self.details.setCurrentItem(first.child(0) or first)

    # --- use -------------------------------------------------------------------------------------
    def rows(self) -> list[QTreeWidgetItem]:
        """Every detail row (not the group headings), in order."""
        return [group.child(i) for group in map(self.details.topLevelItem, range(self.details.topLevelItemCount()))
                for i in range(group.childCount())]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, Finding):
            self._target = target
            self.accept()

    def target(self) -> Finding | None:
        """Where the user asked to go (a row activated), else None."""
        return self._target

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(describe(self.import_result))
