"""The dialog in which a finding gets its 出错说明 (explanation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...core.checks import Finding


class ExplanationDialog(QDialog):
    """Write or edit the 出错说明 of one finding."""

    def __init__(self, finding: Finding, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("填写出错说明"))
        self.finding = finding
        layout = QVBoxLayout(self)
        message = QLabel(finding.message)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        prompt = QLabel(self.tr("说明情况属实的原因（保存在项目文件中；填写后此项不再计入未处理的问题）："))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.edit = QPlainTextEdit(current)
        self.edit.setTabChangesFocus(True)
        prompt.setBuddy(self.edit)
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 280)

    def text(self) -> str:
        return self.edit.toPlainText().strip()
