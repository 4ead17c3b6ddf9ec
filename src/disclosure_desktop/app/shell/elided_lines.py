"""One-line texts laid out once and drawn many times, elided to a width.

The problems list and the navigator draw short Chinese texts whose content changes on many
keystrokes (a new difference in a message, a new count in a badge).  Qt would shape such a text
twice for every new string — once to measure it for eliding (QFontMetrics.elidedText), once to
draw it — and again on every repaint.  Here a text is measured from a cache of character
advances (a CJK font gives each character its own fixed advance; kerning is not applied to
such lines), elided by those sums, shaped once into a QStaticText and kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QStaticText, QTransform

ELLIPSIS = "…"
_PLAIN = Qt.TextFormat.PlainText


class ElidedLines:
    """Laid-out lines in one font, by (text, width); `set_font` when the widget's font changes."""

    LIMIT = 2048  # texts kept; a long session of typing makes many messages that never come back

    def __init__(self, font: QFont):
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self._metrics = QFontMetricsF(self.font)
        self.height = QFontMetrics(self.font).height()  # of a line of text
        self._advances: dict[str, float] = {}
        self._lines: dict[tuple[str, int], tuple[QStaticText, float, float]] = {}

    def advance(self, text: str) -> float:
        """The width of `text` on one line."""
        advances = self._advances
        total = 0.0
        for char in text:
            width = advances.get(char)
            if width is None:
                width = advances[char] = self._metrics.horizontalAdvance(char)
            total += width
        return total

    def line(self, text: str, width: int | None = None) -> tuple[QStaticText, float, float]:
        """`text` on one line (line breaks become spaces), elided with … to `width` pixels
        (None: in full), with its width and height."""
        key = (text, -1 if width is None else width)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= self.LIMIT:
                self._lines.clear()
            shown = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
            if width is not None:
                shown = self._elided(shown, width)
            static = QStaticText(shown)
            static.setTextFormat(_PLAIN)
            static.prepare(QTransform(), self.font)
            size = static.size()
            line = self._lines[key] = (static, size.width(), size.height())
        return line

    def _elided(self, text: str, width: int) -> str:
        if self.advance(text) <= width:
            return text
        room = width - self.advance(ELLIPSIS)
        advances = self._advances
        used = 0.0
        for end, char in enumerate(text):
            used += advances[char]  # measured by advance() above
            if used > room:
                return text[:end] + ELLIPSIS if end else ""
        return text
