"""What every page of the guided flow offers the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.checks import Finding
from ...core.section_state import page_title
from ..document.session import ReportSession


class SectionPage(QWidget):
    """A page: a title line and the page's editor below it.

    Subclasses fill `self.body` (a QVBoxLayout) and may override `focus_first` and
    `show_finding` so the problems panel can jump to the right widget.
    """

    def __init__(self, session: ReportSession, page_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.page_id = page_id
        self.setObjectName(f"page_{page_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        self.title_label = QLabel(page_title(session.report.spec, page_id))
        self.title_label.setObjectName("pageTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.body, 1)

    def heightForWidth(self, width: int) -> int:
        # The page's scroll area gives the page this height: the minimum its layout needs (wrapped
        # labels whole), not the preferred one, so a long table (三) fits the screen and scrolls
        # inside its own view under a header that stays visible.
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth() else -1

    def focus_first(self) -> None:
        """Put the keyboard focus on the first thing to fill in."""
        self.focusNextChild()

    def show_finding(self, finding: Finding) -> None:
        """Bring the widget a finding is about into view and focus it."""
        self.focus_first()
