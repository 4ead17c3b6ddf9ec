"""The cell editor: a line edit that accepts only what the cell's value type allows.

Every keystroke is checked with the same parser the model, the paste handler and the importer
use (core.values), so a cell accepts the same text however it arrives.  Text the cell cannot
take stays visible in red with the reason (a dropped keystroke would turn 2.5 into 25), is
never committed, and the totals keep showing the stored value; valid text is sent to the
session as a live preview, so totals and checks follow the typing before the value is committed.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QStaticText, QTransform, QValidator
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QToolTip, QWidget

from ...core.formats import ValueType
from ...core.values import CellValueError, MAX_DIGITS, input_rule, normalize_number_text, parse_cell_text
from ..document.session import ReportSession
from .model import _BACKGROUND, _DISPLAY, _FONT, _FOREGROUND, Roles, TableModel

_UNFILLED = int(Roles.UNFILLED)

_SELECTED = QStyle.StateFlag.State_Selected.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value

# Where Enter/Tab send the cursor after committing (handled by the view).
MOVE_DOWN, MOVE_UP, MOVE_RIGHT, MOVE_LEFT = "down", "up", "right", "left"


def _incomplete(text: str, value_type: ValueType) -> bool:
    """Text on the way to a valid value: a lone sign, or a decimal point still waiting for digits."""
    if text in ("", "+") or (text == "-" and value_type is ValueType.SIGNED_COUNT):
        return True
    if value_type is ValueType.DECIMAL and re.fullmatch(r"\+?\d+\.", text):
        return len(text.lstrip("+").split(".")[0].lstrip("0")) <= MAX_DIGITS
    return False


def _completed(text: str) -> str:
    """The text as it stands, made whole: '12.' → '12', '-' → '' (used by fixup and the preview)."""
    return "" if text in ("+", "-") else text.rstrip(".")


def preview_value(text: str, value_type: ValueType):
    """The value to preview for what is in the editor now (incomplete text counts as its whole
    part); raises CellValueError for text the cell cannot take."""
    return parse_cell_text(_completed(normalize_number_text(text)), value_type)


def refusal_reason(text: str, value_type: ValueType) -> str:
    """Why `text` cannot be (the start of) a value of this type, in Chinese ('' when it can)."""
    cleaned = normalize_number_text(text)
    # "-" in a count is refused because counts are never negative: say that, not "not a number".
    attempt = cleaned + "1" if cleaned in ("+", "-") else cleaned + "0" if cleaned.endswith(".") else cleaned
    try:
        parse_cell_text(attempt, value_type)
    except CellValueError as error:
        return f"{input_rule(value_type)}：{error}"
    return ""


UNFILLED_TEXT = "未填"


def shown_text(roles: dict) -> tuple[str, bool]:
    """What a cell shows: its value, or 「未填」 (grey, a placeholder) for a cell never filled in,
    which is neutral until 检查 — not an error, not a 0."""
    text = roles.get(_DISPLAY) or ""
    if not text and roles.get(_UNFILLED):
        return UNFILLED_TEXT, True
    return text, False


class CellValidator(QValidator):
    """Validates typed text for one value type; converts full-width digits as they are typed."""

    refused = Signal(str)  # the Chinese reason a keystroke was refused

    def __init__(self, value_type: ValueType, parent=None):
        super().__init__(parent)
        self.value_type = value_type
        # Qt validates the same text again (hasAcceptableInput, the editor's red mark): the last
        # verdict is kept, so a keystroke is parsed once and a refusal is said once.
        self._last: tuple[str, QValidator.State, str] | None = None

    def verdict(self, cleaned: str) -> tuple[QValidator.State, str]:
        """(state, the Chinese reason when refused) for normalised text."""
        if self._last is None or self._last[0] != cleaned:
            if _incomplete(cleaned, self.value_type):
                state, reason = QValidator.State.Intermediate, ""
            else:
                reason = refusal_reason(cleaned, self.value_type)
                # Refused text is kept as typed (Intermediate: shown, never committed), so the
                # user sees what is wrong.
                state = QValidator.State.Intermediate if reason else QValidator.State.Acceptable
            self._last = (cleaned, state, reason)
        return self._last[1], self._last[2]

    def validate(self, text: str, pos: int):
        cleaned = normalize_number_text(text)  # full-width → ASCII, drop spaces and 1,234 separators
        pos = max(0, min(len(cleaned), pos - (len(text) - len(cleaned))))
        known = self._last is not None and self._last[0] == cleaned
        state, reason = self.verdict(cleaned)
        if reason and not known:
            self.refused.emit(reason)
        return state, cleaned, pos

    def fixup(self, text: str) -> str:
        return _completed(normalize_number_text(text))


class CellLineEdit(QLineEdit):
    """The editor widget; `loaded` guards against the view reloading it while the user types."""

    def __init__(self, value_type: ValueType, parent: QWidget | None = None):
        super().__init__(parent)
        self.value_type = value_type
        self.loaded = False
        self.last_refusal = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFrame(False)
        self.validator_ = CellValidator(value_type, self)
        self.validator_.refused.connect(self.show_refusal)
        self.setValidator(self.validator_)
        self.textChanged.connect(self._mark_refused_text)

    @property
    def refused_text(self) -> bool:
        """The editor holds text the cell cannot take (shown in red, never committed)."""
        return bool(self.validator_.verdict(normalize_number_text(self.text()))[1])

    def _mark_refused_text(self, _text: str = "") -> None:
        refused = self.refused_text
        if refused != bool(self.property("refused")):
            self.setProperty("refused", refused)
            self.setStyleSheet("QLineEdit { color: #c62828; }" if refused else "")

    def show_refusal(self, reason: str) -> None:
        self.last_refusal = reason
        # Below the cell, so the tooltip does not hide what is being typed.
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), reason, self)


class CellDelegate(QStyledItemDelegate):
    """Creates the cell editors of one TableModel and drives the live preview."""

    navigate = Signal(str)  # after Enter/Tab committed: MOVE_DOWN, MOVE_UP, MOVE_RIGHT or MOVE_LEFT
    refused = Signal(str)  # Chinese status text: typed text that was not stored, and why

    def __init__(self, session: ReportSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._colour_cache: dict = {}
        self._texts: dict = {}
        self.padding_px = 4
        self.focused = True  # set by the view before each paint
        # Commit and cancel both end the preview (a commit that changes nothing leaves one behind).
        self.closeEditor.connect(lambda *_: session.clear_preview())

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        model: TableModel = index.model()
        column = model.columns[index.column()]
        editor = CellLineEdit(column.type, parent)
        editor.setFont(option.font)
        cell = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self._preview(cell, column.type, text))
        # An editor can also vanish without closeEditor (the model is reset while typing).
        editor.destroyed.connect(self._editor_gone)
        return editor

    def _editor_gone(self, *_) -> None:
        if shiboken6.isValid(self.session):  # not when the whole window is being torn down
            self.session.clear_preview()

    def _preview(self, cell: QPersistentModelIndex, value_type: ValueType, text: str) -> None:
        if not cell.isValid():
            return
        model: TableModel = cell.model()
        try:
            value = preview_value(text, value_type)
        except CellValueError:  # refused text: the totals keep showing the stored value
            self.session.clear_preview()
            return
        self.session.set_preview(model.table_id, model.rows[cell.row()].id, model.columns[cell.column()].id, value)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        # The view calls this again whenever the cell's data changes — which the preview itself
        # causes on every keystroke.  Load once, or the typed text would be replaced.
        if isinstance(editor, CellLineEdit):
            if not editor.loaded:
                editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
                editor.loaded = True
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, CellLineEdit):
            # The model parses again and refuses what is still invalid ("-" alone): nothing is stored,
            # and when the editor closes by a click elsewhere the status bar says so.
            text = editor.validator_.fixup(editor.text())
            if not model.setData(index, text, Qt.ItemDataRole.EditRole) and editor.refused_text:
                kept = index.data(Qt.ItemDataRole.EditRole)
                self.refused.emit(self.tr("“{text}”没有填入：{reason}。单元格保留原值{kept}。").format(
                    text=editor.text(), reason=input_rule(editor.value_type), kept=kept or self.tr("（空白）")))
            return
        super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:
        editor.setGeometry(option.rect)

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        """Paint a cell from the model's role cache in one call.

        QStyledItemDelegate asks the model for a dozen roles per cell, each a call from C++ into
        Python; opening or closing an editor moves the focus, which repaints the whole view, so
        this path is kept to a few Qt calls per cell (flags compared as ints, colours cached).
        """
        model = index.model()
        if not isinstance(model, TableModel):
            super().paint(painter, option, index)
            return
        roles = model.cell_roles(index.row(), index.column())
        state = option.state.value
        colours = self._colours(option.palette, bool(state & _ACTIVE))
        rect = option.rect
        selected = state & _SELECTED and self.focused
        if selected:
            painter.fillRect(rect, colours[0])
        elif state & _SELECTED:
            painter.fillRect(rect, roles.get(_BACKGROUND) or colours[4])
            painter.fillRect(rect, colours[5])
        else:
            background = roles.get(_BACKGROUND)
            if background is not None:
                painter.fillRect(rect, background)
        text, placeholder = shown_text(roles)
        font = roles.get(_FONT)
        if text:
            if selected:
                painter.setPen(colours[1])
            elif placeholder:
                painter.setPen(colours[6])
            else:
                foreground = roles.get(_FOREGROUND)
                painter.setPen(colours[2] if foreground is None else foreground.color())
            if font is not None:
                painter.setFont(font)
            static, width, height = self._static_text(text, font is not None, painter)
            painter.drawStaticText(rect.right() - self.padding_px - width,
                                   rect.top() + (rect.height() - height) // 2, static)
            if font is not None:
                painter.setFont(option.font)
        if state & _HAS_FOCUS:
            # The current cell: a frame in the highlight colour, visible on any background.
            painter.setPen(colours[3])
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def _colours(self, palette: QPalette, active: bool):
        """(highlight, highlighted text, text, focus pen, base, faint highlight, placeholder text), once
        per palette."""
        key = (palette.cacheKey(), active)
        colours = self._colour_cache.get(key)
        if colours is None:
            group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
            pen = QPen(palette.color(group, QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            faint = QColor(palette.color(group, QPalette.ColorRole.Highlight))
            faint.setAlpha(50)  # a selection left behind in a table that is not being worked in
            colours = self._colour_cache[key] = (palette.color(group, QPalette.ColorRole.Highlight),
                                                 palette.color(group, QPalette.ColorRole.HighlightedText),
                                                 palette.color(group, QPalette.ColorRole.Text), pen,
                                                 palette.color(group, QPalette.ColorRole.Base), faint,
                                                 palette.color(group, QPalette.ColorRole.PlaceholderText))
        return colours

    def _static_text(self, text: str, bold: bool, painter: QPainter):
        """Laid-out text, cached: a table shows the same few numbers over and over."""
        key = (text, bold)
        entry = self._texts.get(key)
        if entry is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), painter.font())
            size = static.size()
            entry = self._texts[key] = (static, int(size.width() + 0.5), int(size.height() + 0.5))
            if len(self._texts) > 4096:  # numbers typed over a long session
                self._texts.clear()
        return entry

    def set_font(self, font) -> None:
        """The view's font changed (scaling): sizes and laid-out texts are measured again."""
        self.padding_px = QFontMetrics(font).horizontalAdvance("0") // 2 + 2
        self._texts.clear()

    def eventFilter(self, editor, event) -> bool:
        if isinstance(editor, CellLineEdit) and event.type() == QEvent.Type.KeyPress:
            direction = _direction(event)
            if direction:
                if not self._commit(editor):
                    return True
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                self.navigate.emit(direction)
                return True
        return super().eventFilter(editor, event)

    def _commit(self, editor: CellLineEdit) -> bool:
        if not editor.hasAcceptableInput():
            editor.setText(editor.validator_.fixup(editor.text()))
        if not editor.hasAcceptableInput():
            reason = refusal_reason(editor.text(), editor.value_type)
            editor.show_refusal(reason)
            self.refused.emit(self.tr("“{text}”没有填入。{reason}").format(text=editor.text(), reason=reason))
            return False
        self.commitData.emit(editor)
        return True


def _direction(event) -> str | None:
    key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return MOVE_UP if shift else MOVE_DOWN
    if key == Qt.Key.Key_Tab:
        return MOVE_LEFT if shift else MOVE_RIGHT
    if key == Qt.Key.Key_Backtab:
        return MOVE_LEFT
    return None
