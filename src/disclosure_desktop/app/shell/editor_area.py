"""The guided flow: section navigator | current page with 上一步/下一步 | guidance pane.

Pages are built the first time they are shown, so opening a report costs one page, and are
rebuilt when the report changes format (the tables differ).  Badges and guidance follow the
findings, deferred (deferred.py): a burst of changes while typing costs one update.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QStackedWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from ...core.checks import Finding
from ..pages.cover import CoverPage
from ..pages.guidance import guidance_html
from .deferred import Deferred
from .navigator import SectionNavigator
from ..pages.base import SectionPage
from ...core.section_state import CHECK, COVER, page_ids, page_of_finding, page_short_title, page_states
from ..document.session import ReportSession


class _PageFrame(QScrollArea):
    """Scrolls a page that does not fit.  A page with wrapped labels is given the minimum height
    its layout needs at the current width (see SectionPage.heightForWidth: the minimum, so a
    long table scrolls inside its own view under its header)."""

    def resizeEvent(self, event) -> None:
        page = self.widget()
        if page is not None and page.layout() is not None and page.layout().hasHeightForWidth():
            page.setMinimumHeight(page.layout().totalMinimumHeightForWidth(self._viewport_width()))
        super().resizeEvent(event)

    def _viewport_width(self) -> int:
        # Worked out rather than asked of viewport(): see EditorArea._frames.
        scroll_bar = self.verticalScrollBar()
        return self.maximumViewportSize().width() - (scroll_bar.width() if scroll_bar.isVisible() else 0)


class EditorArea(QSplitter):
    message = Signal(str)
    formatSwitchRequested = Signal(str)
    pageChanged = Signal(str)

    def __init__(self, services, parent: QWidget | None = None):
        """`services` gives the pages what only the window has: prompter and settings."""
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editorArea")
        self.services = services
        self.session: ReportSession | None = None
        # page id → the scroll area holding the built page (frame.widget() is the page).  The
        # frame is kept rather than found through page.parentWidget(), and _PageFrame never asks
        # for viewport(): a widget returned from C++ whose class Python has not met yet (the
        # viewport) makes PySide6 load every widget class and create their enums, about 4 ms
        # that would otherwise come before the first frame.
        self._frames: dict[str, QScrollArea] = {}
        self._current: str | None = None

        self.navigator = SectionNavigator(self)
        self.navigator.pageSelected.connect(self.go_to)

        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        self.stack = QStackedWidget(center)
        center_layout.addWidget(self.stack, 1)
        nav_bar = QHBoxLayout()
        nav_bar.setContentsMargins(12, 4, 12, 6)
        self.previous_button = QPushButton(self.tr("◀ 上一步"))
        self.previous_button.setToolTip(self.tr("上一部分（Ctrl+PgUp 或 Alt+←）"))
        self.next_button = QPushButton(self.tr("下一步 ▶"))
        self.next_button.setToolTip(self.tr("下一部分（Ctrl+PgDown 或 Alt+→）"))
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        nav_bar.addWidget(self.previous_button)
        nav_bar.addStretch(1)
        nav_bar.addWidget(self.step_label)
        nav_bar.addStretch(1)
        nav_bar.addWidget(self.next_button)
        center_layout.addLayout(nav_bar)

        self.guidance = QTextBrowser(self)
        self.guidance.setObjectName("guidancePane")
        self.guidance.setOpenLinks(False)
        self.guidance.setAccessibleName(self.tr("填写指引"))

        self.addWidget(self.navigator)
        self.addWidget(center)
        self.addWidget(self.guidance)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setStretchFactor(2, 0)
        for index in range(3):
            self.setCollapsible(index, index != 1)
        em = self.fontMetrics().horizontalAdvance("中")
        self.guidance.setMinimumWidth(em * 10)
        self._sizes_chosen = False  # a saved layout or the user's drag: never refitted after that
        self.splitterMoved.connect(self._sizes_were_chosen)

        self._update_later = Deferred(self.update_states, self)

    # --- pane widths ----------------------------------------------------------------------------
    def restoreState(self, state) -> bool:
        self._sizes_chosen = super().restoreState(state)
        return self._sizes_chosen

    def _sizes_were_chosen(self, *_) -> None:
        self._sizes_chosen = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._sizes_chosen:
            self._fit_panes()

    def _fit_panes(self) -> None:
        """First layout (no saved one): navigator readable, the page as wide as it can be, the
        guidance pane only where it leaves the page room (it can be dragged open or shown from
        the 视图 menu)."""
        em = self.fontMetrics().horizontalAdvance("中")
        navigator = max(self.navigator.minimumWidth(), em * 12)
        guidance = em * 18
        page_room = self.width() - navigator - guidance - 2 * self.handleWidth()
        if page_room < em * 46:
            guidance = 0
        self.setSizes([navigator, max(self.width() - navigator - guidance, em * 20), guidance])

    # --- the session --------------------------------------------------------------------------
    def set_session(self, session: ReportSession | None) -> None:
        self._drop_pages()
        self.session = session
        self._current = None
        if session is None:
            self.navigator.clear()
            self.guidance.clear()
            return
        session.findingsChanged.connect(self._update_later.start)
        session.narrativeChanged.connect(self._update_later.start)
        session.metaChanged.connect(self._meta_changed)
        session.formatChanged.connect(self.rebuild)
        session.fullCheckChanged.connect(self._update_later.start)
        self._fill_navigator()
        self.update_states()

    def _fill_navigator(self) -> None:
        spec = self.session.report.spec
        self.navigator.set_pages([(page_id, page_short_title(spec, page_id)) for page_id in page_ids(spec)])
        self.navigator.setMinimumWidth(self.navigator.readable_width())
        if not self._sizes_chosen:
            self._fit_panes()
        if self._current is None or self._current not in page_ids(spec):
            self.go_to(COVER)

    def _meta_changed(self) -> None:
        self._update_later.start()

    def rebuild(self) -> None:
        """The format changed: its tables differ, so every page is built anew."""
        current = self._current
        self._drop_pages()
        self._current = None
        self._fill_navigator()
        self.go_to(current if current in self.navigator.page_ids() else COVER)
        self.update_states()

    def _drop_pages(self) -> None:
        import shiboken6

        for frame in self._frames.values():
            self.stack.removeWidget(frame)
            # Deleted now, not later: the pages listen to the session and must not hear the
            # tableChanged of a format they were not built for.
            shiboken6.delete(frame)
        self._frames.clear()

    # --- pages ----------------------------------------------------------------------------------
    def page(self, page_id: str) -> SectionPage:
        if page_id not in self._frames:
            page = self._make_page(page_id)
            # In a scroll area, so that a page taller than a small or scaled screen (1366×768 at
            # 150 % leaves about 500 logical pixels) scrolls instead of pushing the window off it.
            frame = _PageFrame(self.stack)
            frame.setWidgetResizable(True)
            frame.setFrameShape(QFrame.Shape.NoFrame)
            frame.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            frame.setWidget(page)
            self.stack.addWidget(frame)
            self._frames[page_id] = frame
        return self._frames[page_id].widget()

    def _make_page(self, page_id: str) -> SectionPage:
        session = self.session
        if page_id == COVER:
            page = CoverPage(session)
            page.formatSwitchRequested.connect(self.formatSwitchRequested)
            page.message.connect(self.message)
            return page
        if page_id == CHECK:
            from ..pages.check_export import CheckExportPage

            page = CheckExportPage(session, self.services.prompter, self.services.settings)
            page.jumpRequested.connect(self.show_finding)
            page.message.connect(self.message)
            return page
        section = session.report.spec.section(page_id)
        if section.kind == "narrative":
            from ..text.page import NarrativePage

            page = NarrativePage(session, page_id)
            page.message.connect(self.message)
            return page
        from ..tables.page import TableSectionPage

        page = TableSectionPage(session, page_id)
        page.message.connect(self.message)
        return page

    def current_page_id(self) -> str | None:
        return self._current

    def go_to(self, page_id: str, focus: bool = False) -> None:
        if self.session is None or page_id not in self.navigator.page_ids():
            return
        page = self.page(page_id)
        changed = page_id != self._current
        self._current = page_id
        self.stack.setCurrentWidget(self._frames[page_id])
        if self.navigator.current_page() != page_id:
            self.navigator.select_page(page_id)
        ids = self.navigator.page_ids()
        position = ids.index(page_id)
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(ids) - 1)
        self.step_label.setText(self.tr("第 {n} 步，共 {total} 步").format(n=position + 1, total=len(ids)))
        self.update_guidance()
        if focus:
            page.focus_first()
        if changed:
            self.pageChanged.emit(page_id)

    def next_page(self) -> None:
        self._step(1)

    def previous_page(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        ids = self.navigator.page_ids()
        if self._current in ids:
            target = ids.index(self._current) + delta
            if 0 <= target < len(ids):
                self.go_to(ids[target], focus=True)

    def run_full_check(self) -> None:
        """检查 (for a menu action or a shortcut): every finding, blanks included, is shown as what
        it is, and the 检查与导出 page lists what stands in the way of the final export."""
        self.go_to(CHECK, focus=True)
        self.page(CHECK).run_check()

    def show_finding(self, finding: Finding) -> None:
        page_id = page_of_finding(self.session.report.spec, finding)
        self.go_to(page_id)
        self.page(page_id).show_finding(finding)

    # --- badges and guidance ----------------------------------------------------------------
    def update_states(self) -> None:
        self._update_later.stop()
        if self.session is None:
            return
        self.navigator.set_states(page_states(self.session.report, self.session.findings,
                                              self.session.full_check, split=self.session.split))
        self.update_guidance()

    def update_guidance(self) -> None:
        if self.session is None or self._current is None:
            return
        html = guidance_html(self.session.report, self._current)
        if html != getattr(self, "_guidance_html", None):
            self._guidance_html = html
            self.guidance.setHtml(html)
