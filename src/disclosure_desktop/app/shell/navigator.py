"""The section navigator: one entry per page of the guided flow, each with its state badge.

A plain QListWidget, so arrow keys, Home/End and type-ahead work as in any list; the badge is
painted by a delegate from the PageState the section_state module computes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QRegion, QStaticText
from PySide6.QtWidgets import (QAbstractItemView, QListWidget, QListWidgetItem, QStyledItemDelegate,
                               QStyleOptionViewItem)

from ...core.section_state import BLANKS, EMPTY, ERRORS, FILLED, READY, WARNINGS, PageState

WIDEST_BADGE = "99 个错误"  # the navigator is kept wide enough for this next to every title
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
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


class _BadgeDelegate(QStyledItemDelegate):
    """Title on the left (elided), the state badge right-aligned on the same line.

    The item background (selection, hover) is drawn by the base delegate with the text left
    out; the title and badge are drawn here.  (QStyle is not imported: PySide6 builds all of a
    class's Python enums when the class is imported, and QStyle has dozens — startup time.)
    """

    PADDING = 6

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        # Laid-out texts by (text, width, font): a badge changes on many keystrokes and Qt would
        # otherwise lay out (shape) each title and badge again on every repaint.
        self._texts: dict[tuple[str, int, str], QStaticText] = {}

    def _text(self, text: str, width: int, font) -> QStaticText:
        key = (text, width, font.key())
        line = self._texts.get(key)
        if line is None:
            if len(self._texts) > 256:
                self._texts.clear()
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width) if width >= 0 else text
            line = self._texts[key] = QStaticText(shown)
            line.setTextFormat(Qt.TextFormat.PlainText)
        return line

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self.parent()
        # QListView paints every entry within the bounding rectangle of what needs repainting;
        # when two badges far apart change (a section's and 检查与导出's), the entries between
        # them would be painted for nothing: only pixels inside the region reach the screen.
        if view is not None and view.dirty_region is not None and not view.dirty_region.intersects(option.rect):
            return
        state: PageState | None = index.data(STATE_ROLE)
        super().paint(painter, option, index)
        badge_text = state.badge if state else ""  # worded anew (translated) on each call
        badge = self._text(badge_text, -1, option.font) if badge_text else None
        badge_width = int(badge.size().width()) + 2 * self.PADDING if badge else 0
        rect = option.rect.adjusted(self.PADDING + 2, 0, -self.PADDING, 0)
        text_rect = QRect(rect.left(), rect.top(), rect.width() - badge_width - self.PADDING, rect.height())
        selected = view is not None and view.selectionModel().isSelected(index)
        painter.save()
        painter.setFont(option.font)
        group = QPalette.ColorGroup.Active if view is not None and view.isActiveWindow() else QPalette.ColorGroup.Inactive
        painter.setPen(option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        title = self._text(index.data(Qt.ItemDataRole.DisplayRole), text_rect.width(), option.font)
        painter.drawStaticText(QPointF(text_rect.left(), text_rect.center().y() - title.size().height() / 2 + 0.5), title)
        if badge:
            foreground, background = BADGE_COLORS[state.status]
            height = QFontMetrics(option.font).height() + 4
            badge_rect = QRect(rect.right() - badge_width, rect.center().y() - height // 2, badge_width, height)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(badge_rect, height / 2, height / 2)
            painter.setPen(QColor(foreground))
            painter.drawStaticText(QPointF(badge_rect.center().x() - badge.size().width() / 2 + 0.5,
                                           badge_rect.center().y() - badge.size().height() / 2 + 0.5), badge)
        painter.restore()

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
        self.setItemDelegate(_BadgeDelegate(self))
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
            item.setToolTip(title)
            self.addItem(item)
        self.blockSignals(False)
        ids = [page_id for page_id, _ in pages]
        self.setCurrentRow(ids.index(current) if current in ids else 0)

    def viewportEvent(self, event) -> bool:
        if event.type() != QEvent.Type.Paint:
            return super().viewportEvent(event)
        self.dirty_region = event.region()
        try:
            return super().viewportEvent(event)
        finally:
            self.dirty_region = None

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        # QListView answers any data change with a layout of all entries and a repaint of the
        # whole list; a new badge changes no entry's size (uniform sizes), so only the changed
        # entry is repainted — the badge changes on many keystrokes while a table is typed in.
        QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)

    def set_states(self, states: dict[str, PageState]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            state = states.get(item.data(PAGE_ROLE))
            if item.data(STATE_ROLE) != state:
                item.setData(STATE_ROLE, state)
                title = item.text()
                item.setToolTip(f"{title}：{state.badge}" if state else title)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}，{state.badge}" if state else title)

    def readable_width(self) -> int:
        """The width at which every title and its badge show in full (no "一、…" on small screens)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        widest = max((self.itemDelegate().sizeHint(option, self.model().index(row, 0)).width()
                      for row in range(self.count())), default=0)
        return widest + 2 * self.frameWidth()

    def page_ids(self) -> list[str]:
        return [self.item(row).data(PAGE_ROLE) for row in range(self.count())]

    def current_page(self) -> str | None:
        item = self.currentItem()
        return item.data(PAGE_ROLE) if item else None

    def select_page(self, page_id: str) -> None:
        ids = self.page_ids()
        if page_id in ids:
            self.setCurrentRow(ids.index(page_id))

    def state_of(self, page_id: str) -> PageState | None:
        ids = self.page_ids()
        return self.item(ids.index(page_id)).data(STATE_ROLE) if page_id in ids else None

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.count():
            self.pageSelected.emit(self.item(row).data(PAGE_ROLE))
