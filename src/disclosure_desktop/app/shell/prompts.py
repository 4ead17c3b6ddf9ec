"""Every question the main window asks the user, in one replaceable object.

The window never calls QMessageBox or QFileDialog directly but goes through `window.prompter`,
so a test can answer the questions (a scripted Prompter) while everything else runs for real.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

# QMessageBox and QFileDialog are imported where used: nothing is asked before the first
# frame, and their Python bindings cost startup time.

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"
OPEN_LOG_FOLDER, CONTINUE = "open_log_folder", "continue"
OPEN_RECOVERY, OPEN_BACKUP, CLOSE = "open_recovery", "open_backup", "close"

SHOWN_LINES = 4  # of a long message (a damaged file's 165 problems): the rest goes behind 显示详情…


def summarized(message: str, shown: int = SHOWN_LINES) -> tuple[str, str]:
    """(what the message box shows, its details): a message longer than `shown` lines is cut
    there, says how much more there is, and is given whole as the details, so the box fits
    a 1024×600 screen however many problems a file has."""
    lines = message.splitlines()
    if len(lines) <= shown:
        return message, ""
    more = len(lines) - shown
    return "\n".join(lines[:shown]) + "\n" + tr("……以下还有{n}行，点“显示详情…”查看全部。").format(n=more), message


def tr(text: str) -> str:
    return QCoreApplication.translate("Prompter", text)


class Prompter:
    """The real dialogs."""

    @staticmethod
    def _ask_three(parent: QWidget, warning: bool, title: str, text: str, detail: str,
                   accept: tuple[str, str], destroy: tuple[str, str], reject: tuple[str, str]) -> str:
        """A question with an accept (default), a destructive and a reject (Esc) button, each
        given as (label, answer); returns the answer of the button pressed."""
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
        box = QMessageBox(icon, title, text, parent=parent)
        box.setInformativeText(detail)
        answers = {}
        for (label, answer), role in ((accept, QMessageBox.ButtonRole.AcceptRole),
                                      (destroy, QMessageBox.ButtonRole.DestructiveRole),
                                      (reject, QMessageBox.ButtonRole.RejectRole)):
            answers[box.addButton(label, role)] = answer
        buttons = list(answers)
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[2])
        box.exec()
        return answers.get(box.clickedButton(), reject[1])

    def unsaved_changes(self, parent: QWidget, name: str) -> str:
        return self._ask_three(parent, True, tr("保存更改"), tr("“{name}”有尚未保存的更改。是否保存？").format(name=name),
                               tr("不保存，本次所做的更改将会丢失。"),
                               (tr("保存"), SAVE), (tr("不保存"), DISCARD), (tr("取消"), CANCEL))

    def error(self, parent: QWidget, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        if not details:
            QMessageBox.critical(parent, title, text)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
        box.setDetailedText(details)
        box.exec()

    def choose(self, parent: QWidget, title: str, text: str, details: str, choices: list[tuple[str, str]],
               close: str) -> str:
        """A warning offering `choices` ((label, answer), the first the default) and a `close`
        button (Esc), with `details` behind 显示详情…; returns the answer, CLOSE for close."""
        box, answers = self.choice_box(parent, title, text, details, choices, close)
        box.exec()
        return answers.get(box.clickedButton(), CLOSE)

    @staticmethod
    def choice_box(parent: QWidget, title: str, text: str, details: str, choices: list[tuple[str, str]],
                   close: str, question: bool = False):
        """The box `choose` shows (a question's icon for `confirm`), and its buttons' answers."""
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Question if question else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, parent=parent)
        if details:
            box.setDetailedText(details)
        answers = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): answer for label, answer in choices}
        close_button = box.addButton(close, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(answers)))
        box.setEscapeButton(close_button)
        return box, answers

    def warning(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def information(self, parent: QWidget, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
        box, answers = self.choice_box(parent, title, text, "", [(yes, "yes")], no, question=True)
        box.exec()
        return answers.get(box.clickedButton()) == "yes"

    def recover(self, parent: QWidget, title: str, saved_at: str, original: str) -> str:
        text = (tr("上次程序没有正常关闭，发现一份自动保存的年报：\n\n{title}\n自动保存于：{time}\n原文件：{original}")
                .format(title=title, time=saved_at.replace("T", " "), original=original))
        return self._ask_three(parent, False, tr("恢复未保存的年报"), text, tr("恢复后请检查内容并保存。丢弃后将无法再恢复。"),
                               (tr("恢复"), RESTORE), (tr("丢弃"), DISCARD), (tr("以后再说"), LATER))

    def open_file(self, parent: QWidget, title: str, folder: str, filter: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filter)
        return path or None

    def save_file(self, parent: QWidget, title: str, suggested: str, filter: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter)
        return path or None

    def crash(self, parent: QWidget | None, title: str, text: str, details: str) -> str:
        """An unexpected error (crash_handler.py): OPEN_LOG_FOLDER or CONTINUE."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
        box.setDetailedText(details)  # the traceback, behind 显示详细信息…
        open_folder = box.addButton(tr("打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
        carry_on = box.addButton(tr("继续使用"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(carry_on)
        box.setEscapeButton(carry_on)
        box.exec()
        return OPEN_LOG_FOLDER if box.clickedButton() is open_folder else CONTINUE

    def run_dialog(self, dialog) -> bool:
        """Show a modal dialog of the app (new report, explanation); True when accepted."""
        return bool(dialog.exec())
