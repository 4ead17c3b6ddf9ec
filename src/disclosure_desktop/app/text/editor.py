"""The editor of a narrative section (一、五、六): plain text, one paragraph per line.

Sub-headings (（一）…, 1. …) are highlighted as the exporters will set them; a character count
and "从表格插入" (standard sentences drafted from the numbers) sit in the toolbar.  The text
widget's own undo is off: every change goes through session.set_narrative, so Ctrl+Z is the
one undo of the window, and when undo/redo changes the text the cursor goes to the change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QKeySequence, QSyntaxHighlighter, QTextCharFormat, QTextCursor,
                           QTextDocument)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...core.text import heading_level, strip_control_characters
from ...core.narrative_templates import Draft, drafts_for
from ..document.session import ReportSession

# Heading level → (colour, bold): 一、 like the exporters' 黑体 line, （一） like 楷体, 1. plain bold.
HEADING_STYLES = {1: ("#102a5c", True), 2: ("#1a4f8b", True), 3: ("#2b2b2b", True), 4: ("#2b2b2b", False)}


class HeadingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats = {}
        for level, (color, bold) in HEADING_STYLES.items():
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(color))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[level] = fmt

    def highlightBlock(self, text: str) -> None:
        level = heading_level(text.strip())
        if level in self._formats:
            self.setFormat(0, len(text), self._formats[level])


class NarrativeTextEdit(QPlainTextEdit):
    """A QPlainTextEdit that leaves undo/redo keys to the window's actions.

    The text control claims Ctrl+Z / Ctrl+Y through ShortcutOverride even with its own undo
    switched off; declining the override lets the window's undo action (one stack for cells,
    text and cover fields) receive them.
    """

    WINDOW_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
    EXTRA_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))

    def _is_window_key(self, event) -> bool:
        if any(event.matches(key) for key in self.WINDOW_KEYS):
            return True
        combination = QKeySequence(event.keyCombination())
        return any(combination.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in self.EXTRA_KEYS)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_window_key(event):
            event.ignore()
            return True
        return super().event(event)


def changed_span(old: str, new: str) -> tuple[int, int]:
    """(start, end in `new`) of the part that differs between two texts."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_new


class NarrativeEditor(QWidget):
    """Edits session.report.narrative[section_id]."""

    message = Signal(str)

    def __init__(self, session: ReportSession, section_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.section_id = section_id
        self._applying = False

        self.edit = NarrativeTextEdit(self)
        self.edit.setObjectName("narrativeEdit")
        self.edit.setUndoRedoEnabled(False)  # the session's undo stack is the only one
        self.edit.setTabChangesFocus(True)  # Tab leaves the editor, as everywhere else in the window
        self.edit.setPlaceholderText(self.tr("在这里撰写正文，一段一行；子标题单独成一行，例如“（一）……”。"
                                          "可用上方的“从表格插入”按表格数字起草。"))
        self.edit.setAccessibleName(session.report.spec.section(section_id).title)
        self.highlighter = HeadingHighlighter(self.edit.document())

        self.insert_button = QPushButton(self.tr("从表格插入(&I)"), self)
        self.insert_button.setToolTip(self.tr("按表格中的数字起草标准表述，插入到光标处（可撤销）"))
        self.insert_menu = QMenu(self.insert_button)
        self.insert_menu.aboutToShow.connect(self._fill_insert_menu)
        self.insert_button.setMenu(self.insert_menu)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("charCount")

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.insert_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.edit, 1)

        self._set_text(self.session.report.narrative.get(section_id, ""), place_cursor=False)
        self.edit.textChanged.connect(self._text_edited)
        session.narrativeChanged.connect(self._narrative_changed)

    # --- typing → session ---------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.toPlainText()

    def _text_edited(self) -> None:
        if self._applying:
            return
        text = self.edit.toPlainText()
        clean = strip_control_characters(text)
        if clean != text:  # pasted from Word: form feeds, vertical tabs … cannot stand in a document
            self._set_text(clean, place_cursor=True)
            self.message.emit(self.tr("已删除粘贴内容中的控制字符。"))
        self.session.set_narrative(self.section_id, clean)
        self._update_count()

    # --- session → widget (undo/redo, insertion) ----------------------------------------------
    def _narrative_changed(self, section_id: str) -> None:
        if section_id != self.section_id:
            return
        text = self.session.report.narrative.get(section_id, "")
        if text != self.edit.toPlainText():
            self._set_text(text, place_cursor=True)

    def _set_text(self, text: str, *, place_cursor: bool) -> None:
        old = self.edit.toPlainText()
        bar = self.edit.verticalScrollBar()
        scroll = bar.value()
        self._applying = True
        try:
            cursor = QTextCursor(self.edit.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)  # one edit of the document keeps the view's layout stable
        finally:
            self._applying = False
        if place_cursor:
            _, end = changed_span(old, text)
            cursor = self.edit.textCursor()
            cursor.setPosition(min(end, len(text)))
            self.edit.setTextCursor(cursor)
            bar.setValue(scroll)
            self.edit.ensureCursorVisible()
        else:
            self.edit.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_count()

    def _update_count(self) -> None:
        text = self.edit.toPlainText()
        characters = sum(1 for ch in text if not ch.isspace())
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        self.count_label.setText(self.tr("{chars} 字，{paras} 段").format(chars=characters, paras=paragraphs))

    # --- 从表格插入 ---------------------------------------------------------------------------
    def drafts(self) -> list[Draft]:
        return drafts_for(self.session.report, self.session.table_values, self.section_id)

    def _fill_insert_menu(self) -> None:
        self.insert_menu.clear()
        drafts = self.drafts()
        for draft in drafts:
            action = self.insert_menu.addAction(draft.title)
            action.setToolTip(draft.text)
            action.triggered.connect(lambda _=False, d=draft: self.insert_draft(d))
        self.insert_menu.addSeparator()
        everything = self.insert_menu.addAction(self.tr("全部插入"))
        everything.triggered.connect(lambda: self.insert_text("\n".join(d.text for d in drafts)))
        self.insert_menu.setToolTipsVisible(True)

    def insert_draft(self, draft: Draft) -> None:
        self.insert_text(draft.text)

    def insert_text(self, paragraph: str) -> None:
        """Insert whole paragraphs at the cursor as one undo step of its own."""
        text = self.edit.toPlainText()
        position = self.edit.textCursor().position()
        # Paragraphs are lines: break the line at the cursor so the draft stands on its own.
        before, after = text[:position], text[position:]
        insertion = paragraph
        if before and not before.endswith("\n"):
            insertion = "\n" + insertion
        if after and not after.startswith("\n"):
            insertion += "\n"
        new_text = before + insertion + after
        # The session's narrativeChanged puts the new text into the widget.
        self.session.set_narrative(self.section_id, new_text, merge=False, label=self.tr("从表格插入"))
        cursor = self.edit.textCursor()
        cursor.setPosition(len(before) + len(insertion))
        self.edit.setTextCursor(cursor)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.emit(self.tr("已插入根据表格起草的文字，请按实际情况修改。"))

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
