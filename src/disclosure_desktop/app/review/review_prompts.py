"""The dialogs of the review window, in one object that tests replace."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class ReviewPrompts:
    def choose_folder(self, parent: QWidget, title: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title) or None

    def open_file(self, parent: QWidget, title: str, filter: str) -> str | None:
        return QFileDialog.getOpenFileName(parent, title, "", filter)[0] or None

    def save_file(self, parent: QWidget, title: str, suggested: str, filter: str) -> str | None:
        return QFileDialog.getSaveFileName(parent, title, suggested, filter)[0] or None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def information(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)
