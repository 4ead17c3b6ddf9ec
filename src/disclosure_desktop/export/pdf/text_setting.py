"""Setting text in lines: widths from Qt's font metrics, Chinese line breaking, justification.

Pure geometry in points; no painting.  Used for paragraphs (page_layout) and table cells
(table_layout).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..document import Align
from ..line_breaking import autospace_points, break_lines, units

if TYPE_CHECKING:  # fonts needs Qt, which only Measurer uses, on first measurement
    from .fonts import FontSet

# Space between an ideograph and a Latin letter or digit, as LibreOffice sets it (measured: 4.4 pt
# in 2号, 3.2 pt in 3号 — a fifth of the type size) and Word by default.
AUTOSPACE_EM = 0.2

# Where the em box sits on a line: its centre is 0.38 em above the baseline in CJK fonts.
EM_CENTRE_ABOVE_BASELINE = 0.38


# --- measuring ----------------------------------------------------------------------------------
_WIDTHS: dict[tuple[str, bool, float], dict[str, float]] = {}


class Measurer:
    """Text widths in points from Qt's font metrics at 7200 dpi.

    Qt sizes a font in whole device pixels: at 1200 dpi 3号 becomes 267 px = 16.02 pt, and 28
    characters no longer fit a line; at 7200 dpi every size in hundredths of a point is exact.
    The PDF is drawn at the same resolution (pdf_export.RESOLUTION_DPI).
    """

    DPI = 7200

    def __init__(self, fonts: "FontSet"):
        self._fonts = fonts
        self._sizes = {name: resolved.size_pt for name, resolved in fonts.fonts.items()}
        self._device = None   # a QImage at DPI, made on first use
        self._metrics: dict = {}  # (role, size) → QFontMetricsF
        self._tables: dict[tuple[str, float], dict[str, float]] = {}

    def size(self, role: str) -> float:
        return self._sizes[role]

    def width(self, role: str, text: str, size: float | None = None) -> float:
        size = size or self._sizes[role]
        if self._fonts[role].latin is None or text.isascii() or not any(ch.isascii() for ch in text):
            return self._width(role, text, size, latin=text.isascii() and bool(text))
        return sum(self._width(role, run, size, latin) for latin, run in script_runs(text))

    def _width(self, role: str, text: str, size: float, latin: bool) -> float:
        latin = latin and self._fonts[role].latin is not None
        table = self._tables.get((role, size, latin))
        if table is None:
            resolved = self._fonts[role]
            family = resolved.latin if latin else resolved.family
            # Widths are kept for the life of the process, per face and size: a second export
            # or the print preview measures nothing again.  (Only plain floats are kept; Qt
            # objects must not outlive the application.)
            table = self._tables[(role, size, latin)] = _WIDTHS.setdefault((family, resolved.role.bold, size), {})
        width = table.get(text)
        if width is None:
            width = table[text] = self._metrics_for(role, size, latin).horizontalAdvance(text) * 72 / self.DPI
        return width

    def _metrics_for(self, role: str, size: float, latin: bool = False):
        # Qt is imported here, not at the top: the page layout also runs without Qt, on the
        # fixed character widths of grid_measure (the DOCX export uses it to find page breaks).
        from PySide6.QtGui import QFontMetricsF, QImage

        metrics = self._metrics.get((role, size, latin))
        if metrics is None:
            if self._device is None:
                device = QImage(1, 1, QImage.Format.Format_ARGB32)
                dots_per_metre = round(self.DPI / 0.0254)
                device.setDotsPerMeterX(dots_per_metre)
                device.setDotsPerMeterY(dots_per_metre)
                self._device = device
            metrics = self._metrics[(role, size, latin)] = QFontMetricsF(self._fonts.qfont(role, size, latin),
                                                                         self._device)
        return metrics

    def measure(self, role: str):
        return lambda text: self.width(role, text)


def script_runs(text: str) -> list[tuple[bool, str]]:
    """(is ASCII, run) pieces of `text`: ASCII is set in the role's Latin face, the rest in its
    Chinese face."""
    runs: list[tuple[bool, str]] = []
    for ch in text:
        latin = ch.isascii()
        if runs and runs[-1][0] == latin:
            runs[-1] = (latin, runs[-1][1] + ch)
        else:
            runs.append((latin, ch))
    return runs


# --- laying out text ----------------------------------------------------------------------------
@dataclass(frozen=True)
class SetLine:
    """A line of text placed horizontally; the vertical place is decided by pagination.

    `pieces` gives the x of every character (Latin words stay whole) when the line is justified
    or tracked; empty when the line is drawn as one run at `x`.  (Qt's own letter spacing
    cannot be used: it is scaled by a whole-number factor of the device resolution.)
    """

    x: float
    text: str
    width: float
    pieces: tuple[tuple[float, str], ...] = ()


SET_MEMO_LIMIT = 4096  # set paragraphs a measurer keeps (a report has a few hundred)


def set_paragraph(measurer: Measurer, text: str, role: str, left: float, width: float, *,
                  indent_chars: float = 0, align: Align = Align.LEFT, justify: bool = True,
                  tracking: float = 0.0) -> list[SetLine]:
    """Break `text` into lines of `width` and place each: justified lines fill the width exactly.

    `tracking` is extra space between characters (negative: closer) that every line gets — the
    character grid of the body text (28 characters of 3号 in 156 mm).  A measurer keeps what it
    set: tables repeat the same short texts (0, 结果维持) in cells of the same width.
    """
    memo = measurer.__dict__.setdefault("_set_memo", {})
    key = (text, role, left, width, indent_chars, align, justify, tracking)
    lines = memo.get(key)
    if lines is None:
        if len(memo) >= SET_MEMO_LIMIT:  # the DOCX measurer lives as long as the program: bounded
            memo.clear()
        lines = memo[key] = tuple(_set_paragraph(measurer, text, role, left, width, indent_chars, align,
                                                 justify, tracking))
    return list(lines)


def _set_paragraph(measurer, text: str, role: str, left: float, width: float, indent_chars: float,
                   align: Align, justify: bool, tracking: float) -> list[SetLine]:
    indent = indent_chars * (measurer.size(role) + tracking)

    def measure(piece: str) -> float:
        if len(piece) == 1:
            return measurer.width(role, piece) + tracking
        return sum(measurer.width(role, piece[a:b]) + tracking for a, b in units(piece))

    autospace = AUTOSPACE_EM * measurer.size(role)
    points = autospace_points(text)

    def spacing(index: int) -> float:
        return autospace if index in points else 0.0

    result = []
    for number, line in enumerate(break_lines(text, width, measure, first_line_indent=indent, spacing=spacing)):
        x = left + (indent if number == 0 else 0.0)
        available = width - (indent if number == 0 else 0.0)
        bounds = units(line.text)
        pieces = [line.text[a:b] for a, b in bounds]
        widths = [measurer.width(role, piece) for piece in pieces]
        # space before each piece: autospace inside the line (none before its first piece)
        before = [0.0] + [spacing(line.start + a) for a, _ in bounds[1:]]
        gaps = len(pieces) - 1
        gap = tracking
        natural = sum(widths) + sum(before) + tracking * gaps
        if justify and not line.last and gaps and align == Align.LEFT:
            gap = tracking + max(available - natural, 0.0) / gaps
        elif align == Align.CENTER:
            x += max(available - natural, 0.0) / 2
        elif align == Align.RIGHT:
            x += max(available - natural, 0.0)
        drawn = sum(widths) + sum(before) + gap * gaps
        placed: tuple[tuple[float, str], ...] = ()
        if (abs(gap) > 1e-9 or any(before)) and gaps:
            positions, cursor = [], x
            for piece, piece_width, space in zip(pieces, widths, before):
                cursor += space
                if not piece.isspace():
                    positions.append((cursor, piece))
                cursor += piece_width + gap
            placed = tuple(positions)
        result.append(SetLine(x, line.text, drawn, placed))
    return result


def grid_tracking(text_width: float, size: float, chars_per_line: int = 28) -> float:
    """Space to add between characters so exactly `chars_per_line` characters of `size` fill a line."""
    return (text_width - chars_per_line * size) / (chars_per_line - 1)


def baseline_in(top: float, pitch: float, size: float) -> float:
    """The baseline that centres a `size` em box on a line of height `pitch` starting at `top`."""
    return top + pitch / 2 + EM_CENTRE_ABOVE_BASELINE * size
