"""The section navigator: one entry per page of the guided flow, each with its state badge.

A plain QListWidget, so arrow keys, Home/End and type-ahead work as in any list; the badge is
painted by a delegate from the PageState the section_state module computes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap, QRegion
from PySide6.QtWidgets import (QAbstractItemView, QListWidget, QListWidgetItem, QStyledItemDelegate,
                               QStyleOptionViewItem)

from ...core.section_state import BLANKS, EMPTY, ERRORS, FILLED, READY, WARNINGS, PageState
from .elided_lines import ElidedLines
from .item_tooltips import answer_tooltip

WIDEST_BADGE = "99 个错误"  # the navigator is kept wide enough for this next to every title
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2

# Badge colours (text, background): red for errors, amber for hints, green when done.
BADGE_COLORS = {
    EMPTY: ("#5f6368", "#e8eaed"),
    FILLED: ("#1e6b30", "#dcefe0"),
    READY: ("#1e6b30", "#dcefe0"),
    ERRORS: ("#ffffff", "#c62828"),
    WARNINGS: ("#5c3d00", "#ffe0a3"),
    BLANKS: ("#3c4043", "#fff3cd"),
}
_BADGE_COLORS = {status: (QColor(text), QColor(background)) for status, (text, background) in BADGE_COLORS.items()}

# QStyle.State flags, as ints (QStyle itself is not imported: PySide6 builds all of a class's
# Python enums when the class is first used, and QStyle has dozens — startup time).
_SELECTED, _ACTIVE, _HAS_FOCUS, _MOUSE_OVER = 0x8000, 0x10000, 0x100, 0x2000
_STYLED_STATES = _HAS_FOCUS | _MOUSE_OVER  # what only the style knows how to draw under an entry


class _BadgeDelegate(QStyledItemDelegate):
    """Title on the left (elided), the state badge right-aligned on the same line.

    A badge changes on many keystrokes, so an entry is drawn with as little as it needs: the
    title and badge from laid-out lines kept in a cache, the badge's pill from a pixmap kept per
    colour and size, the selection as a fill; only hover and focus are left to the style.
    """

    PADDING = 6

    def __init__(self, view: "SectionNavigator"):
        super().__init__(view)
        self._view = view
        self.lines = ElidedLines(view.font())
        self._pills: dict[tuple[str, int, int, float], QPixmap] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self._view
        rect = option.rect
        # QListView paints every entry within the bounding rectangle of what needs repainting;
        # when two badges far apart change (a section's and 检查与导出's), the entries between
        # them would be painted for nothing: only pixels inside the region reach the screen.
        if view.dirty_region is not None and not view.dirty_region.intersects(rect):
            return
        state_flags = option.state.value
        palette = option.palette
        group = QPalette.ColorGroup.Active if state_flags & _ACTIVE else QPalette.ColorGroup.Inactive
        if state_flags & _STYLED_STATES:
            super().paint(painter, option, index)
        elif state_flags & _SELECTED:
            painter.fillRect(rect, palette.color(group, QPalette.ColorRole.Highlight))
        entry = view.entry(index.row())
        if entry is None:
            return
        title, state = entry
        painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText if state_flags & _SELECTED
                                     else QPalette.ColorRole.Text))
        left, top, width, height = rect.left(), rect.top(), rect.width(), rect.height()
        badge_text = state.badge if state else ""  # worded anew (translated) on each call
        badge, badge_text_width, badge_text_height = self.lines.line(badge_text) if badge_text else (None, 0, 0)
        badge_width = int(badge_text_width) + 2 * self.PADDING if badge else 0
        title_width = width - 2 * self.PADDING - 2 - badge_width - self.PADDING
        line, _width, line_height = self.lines.line(title, title_width)
        middle = top + (height - 1) // 2
        painter.drawStaticText(QPointF(left + self.PADDING + 2, middle - line_height / 2 + 0.5), line)
        if badge:
            foreground, background = _BADGE_COLORS[state.status]
            pill_height = self.lines.height + 4
            pill = QRect(left + width - self.PADDING - 1 - badge_width, middle - pill_height // 2, badge_width, pill_height)
            painter.drawPixmap(pill.topLeft(), self._pill(state.status, background, pill.size(), painter.device()))
            painter.setPen(foreground)
            center = pill.center()
            painter.drawStaticText(QPointF(center.x() - badge_text_width / 2 + 0.5,
                                           center.y() - badge_text_height / 2 + 0.5), badge)

    def _pill(self, status: str, color: QColor, size: QSize, device) -> QPixmap:
        """The badge's rounded background, drawn (antialiased) once per colour and size."""
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (status, size.width(), size.height(), ratio)
        pixmap = self._pills.get(key)
        if pixmap is None:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRect(QPoint(0, 0), size), size.height() / 2, size.height() / 2)
            painter.end()
            if len(self._pills) > 64:
                self._pills.clear()
            self._pills[key] = pixmap
        return pixmap

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        return QSize(metrics.horizontalAdvance(title) + metrics.horizontalAdvance(WIDEST_BADGE) + 4 * self.PADDING + 4,
                     int(metrics.height() * 2.2))


class SectionNavigator(QListWidget):
    """Emits pageSelected(page id) when the user moves to another entry."""

    pageSelected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.dirty_region: QRegion | None = None  # while the entries are painted: what needs it
        self._entries: list[tuple[str, PageState | None]] = []  # (title, state) by row, for painting
        self._page_ids: list[str] = []
        self._delegate = _BadgeDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setAccessibleName(self.tr("章节导航"))
        self.currentRowChanged.connect(self._row_changed)

    def set_pages(self, pages: list[tuple[str, str]]) -> None:
        """(page id, title) in order; keeps the current page when it still exists."""
        current = self.current_page()
        self.blockSignals(True)
        self.clear()
        for page_id, title in pages:
            item = QListWidgetItem(title)
            item.setData(PAGE_ROLE, page_id)
            self.addItem(item)
        self._entries = [(title, None) for _page_id, title in pages]
        self._page_ids = [page_id for page_id, _title in pages]
        self.blockSignals(False)
        ids = [page_id for page_id, _ in pages]
        self.setCurrentRow(ids.index(current) if current in ids else 0)

    def clear(self) -> None:
        super().clear()
        self._entries, self._page_ids = [], []

    def entry(self, row: int) -> tuple[str, PageState | None] | None:
        """(title, state) of the entry in `row`."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._delegate.lines.set_font(self.font())
        super().changeEvent(event)

    def viewportEvent(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:  # worded when asked for, not whenever a badge changes
            return answer_tooltip(self, event, self._tooltip)
        if kind != QEvent.Type.Paint:
            return super().viewportEvent(event)
        self.dirty_region = event.region()
        try:
            return super().viewportEvent(event)
        finally:
            self.dirty_region = None

    def _tooltip(self, index: QModelIndex) -> str:
        entry = self.entry(index.row())
        if entry is None:
            return ""
        title, state = entry
        return f"{title}：{state.badge}" if state else title

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        # QListView answers any data change with a layout of all entries and a repaint of the
        # whole list; a new badge changes no entry's size (uniform sizes), so only the changed
        # entry is repainted — the badge changes on many keystrokes while a table is typed in.
        QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)

    def set_states(self, states: dict[str, PageState]) -> None:
        for row, page_id in enumerate(self.page_ids()):
            title, shown = self._entries[row]
            state = states.get(page_id)
            if shown != state:
                self._entries[row] = (title, state)
                # (the new accessible text repaints the entry, from _entries)
                self.item(row).setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}，{state.badge}" if state else title)

    def readable_width(self) -> int:
        """The width at which every title and its badge show in full (no "一、…" on small screens)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        widest = max((self.itemDelegate().sizeHint(option, self.model().index(row, 0)).width()
                      for row in range(self.count())), default=0)
        return widest + 2 * self.frameWidth()

    def page_ids(self) -> list[str]:
        return self._page_ids

    def current_page(self) -> str | None:
        item = self.currentItem()
        return item.data(PAGE_ROLE) if item else None

    def select_page(self, page_id: str) -> None:
        ids = self.page_ids()
        if page_id in ids:
            self.setCurrentRow(ids.index(page_id))

    def state_of(self, page_id: str) -> PageState | None:
        ids = self.page_ids()
        return self._entries[ids.index(page_id)][1] if page_id in ids else None

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.count():
            self.pageSelected.emit(self.item(row).data(PAGE_ROLE))
