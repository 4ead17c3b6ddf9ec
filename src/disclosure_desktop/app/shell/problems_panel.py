"""The problems panel: every finding of the open report, filterable, with 出错说明.

Double-click (or Enter) asks the window to jump to the finding's section and cell.  A warning,
or an error the format allows to explain (C18), can be acknowledged with an explanation that
is saved in the project; acknowledged findings leave the open counts and show under 已说明.
The session says when its findings changed (it computes them once per edit); the panel then
touches only the rows that differ, deferred (deferred.py) so a burst of changes costs one update,
painted with the keystroke that caused it.

What is not filled yet (a blank cell, an empty section: core.section_state.split_findings) is
not listed among the problems until the user asks for the full check (检查): a line says how
much is left, and the 未填 filter lists each place in grey.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDockWidget, QHBoxLayout, QHeaderView, QLabel,
                               QStyledItemDelegate,
                               QPushButton, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...core.checks import ERROR, WARNING, Finding
from ...core.section_state import FindingSplit, page_ids, page_of_finding, page_short_title
from ..document.session import ReportSession
from .deferred import Deferred
from .dock_title_bar import DockTitleBar
from .elided_lines import ElidedLines
from .item_tooltips import answer_tooltip

ALL, ERRORS, WARNINGS, TO_FILL, EXPLAINED = "all", "errors", "warnings", "to_fill", "explained"
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLORS = {ERROR: "#c62828", WARNING: "#9a6700", "explained": "#5f6368", TO_FILL: "#5f6368"}


def matches(finding: Finding, kind: str, unfilled: bool = False) -> bool:
    """Whether the filter `kind` lists `finding`; `unfilled`: it is (still) only 未填."""
    if kind == TO_FILL or unfilled:
        return kind == TO_FILL and unfilled
    if kind == ERRORS:
        return finding.severity == ERROR and not finding.acknowledged
    if kind == WARNINGS:
        return finding.severity == WARNING and not finding.acknowledged
    if kind == EXPLAINED:
        return finding.acknowledged
    return True


class _Row(NamedTuple):
    """One row of the list; rows compare (and are matched) by what they show."""

    shows: tuple
    finding: Finding

    def __eq__(self, other) -> bool:
        return isinstance(other, _Row) and self.shows == other.shows

    def __ne__(self, other) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.shows)


_SEVERITY_QCOLORS = {name: QColor(name) for name in SEVERITY_COLORS.values()}  # for painting rows


class _RowHeight(QStyledItemDelegate):
    """Row sizes without laying out the text: the rows are painted by _ProblemList.drawRow, and
    with uniform row heights the view would otherwise lay out the first row's message again
    whenever the rows change (on many keystrokes while a table is typed in).  Only the height
    is answered (the view asks for it, column by column, with every change of the rows); how
    wide a column's texts are, for a double-click on a header divider, the list says itself
    (_ProblemList.sizeHintForColumn)."""

    def __init__(self, view: "_ProblemList"):
        super().__init__(view)
        self._view = view
        self._height: int | None = None
        self._measuring = False

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if self._measuring:
            option.text = "中"  # one line of text, whatever the row holds

    def sizeHint(self, option, index) -> QSize:
        if self._height is None:  # as Qt sizes a line of text in this style, measured once per font
            self._measuring = True
            try:
                self._height = super().sizeHint(option, index).height()
            finally:
                self._measuring = False
        return QSize(0, self._height)

    def font_changed(self) -> None:
        self._height = None


class _ColumnsHeader(QHeaderView):
    """The list's header.  The tree lays its header out again with every change of its rows,
    which repaints the header although its four columns stay as they are; that layout is left
    out while they do."""

    def __init__(self, view: QTreeWidget):
        super().__init__(Qt.Orientation.Horizontal, view)
        # As QTreeView sets up the header it makes itself.
        self.setSectionsMovable(True)
        self.setStretchLastSection(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def doItemsLayout(self) -> None:
        model = self.model()
        if model is None or self.count() != model.columnCount():
            super().doItemsLayout()


class _ProblemList(QTreeWidget):
    """The list.  Its rows are painted here in one call each, from laid-out lines kept in a
    cache, rather than cell by cell by a delegate: the rows change on many keystrokes while a
    table is typed in, and the delegate's way (a dozen calls into Python and the style per cell,
    the text shaped again to elide it and again to draw it) took a good part of a millisecond.

    The message column takes the width the other columns leave; fitted here rather than by a
    Stretch column: for a Stretch column Qt refits the header on a timer after every change of
    the rows, which repaints the window a second time for the keystroke that changed them.
    """

    MESSAGE_COLUMN, EXPLANATION_COLUMN = 2, 3
    SHOWN_BY_COLUMN = (0, 2, 3, 4)  # the place in a row's `shows` of each column's text
    MARGIN = 3  # the item view's text margin (PM_FocusFrameHMargin + 1)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeader(_ColumnsHeader(self))
        self.shown: list[_Row] = []  # what each top-level item shows, in order (set by the panel)
        self.lines = ElidedLines(self.font())
        self._row_height = _RowHeight(self)
        self.setItemDelegate(self._row_height)
        self.header().sectionResized.connect(self._section_resized)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.lines.set_font(self.font())
            self._row_height.font_changed()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        # What every row needs, worked out once per paint rather than once per row.
        header = self.header()
        self._columns = [(header.sectionViewportPosition(c) + self.MARGIN, header.sectionSize(c) - 2 * self.MARGIN)
                         for c in range(header.count())]
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isActiveWindow() else QPalette.ColorGroup.Inactive
        self._colors = {role: palette.color(group, role) for role in (
            QPalette.ColorRole.Text, QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText,
            QPalette.ColorRole.AlternateBase)}
        self._selected_rows = {index.row() for index in self.selectionModel().selectedIndexes()}
        self._focus_row = self.currentIndex().row() if self.hasFocus() else -1
        self._alternate = self.alternatingRowColors()
        super().paintEvent(event)

    def drawRow(self, painter, option, index) -> None:
        number = index.row()
        if number >= len(self.shown) or not hasattr(self, "_columns"):
            super().drawRow(painter, option, index)
            return
        level, color, where, message, explanation, _key = self.shown[number].shows
        rect = option.rect
        top, height = rect.top(), rect.height()
        colors = self._colors
        selected = number in self._selected_rows
        if selected:
            painter.fillRect(rect, colors[QPalette.ColorRole.Highlight])
            text_color = level_color = colors[QPalette.ColorRole.HighlightedText]
        else:
            if number % 2 and self._alternate:
                painter.fillRect(rect, colors[QPalette.ColorRole.AlternateBase])
            text_color, level_color = colors[QPalette.ColorRole.Text], _SEVERITY_QCOLORS[color]
        for (left, width), text, pen in zip(self._columns, (level, where, message, explanation),
                                            (level_color, text_color, text_color, text_color)):
            if text and width > 0:
                static, _width, text_height = self.lines.line(text, width)
                painter.setPen(pen)
                painter.drawStaticText(left, top + int((height - text_height) / 2), static)
        if number == self._focus_row:
            # Where the keyboard is: a frame around the row's first cell, as the style draws it.
            left, width = self._columns[0]
            painter.setPen(colors[QPalette.ColorRole.Highlight].darker(112))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(left - self.MARGIN + 1, top, width + 2 * self.MARGIN - 2, height - 1)

    def sizeHintForColumn(self, column: int) -> int:
        """The width the column's widest text needs (a double-click on a header divider)."""
        if not 0 <= column < len(self.SHOWN_BY_COLUMN):
            return -1
        shown = self.SHOWN_BY_COLUMN[column]
        return max((int(self.lines.advance(row.shows[shown])) + 2 * self.MARGIN + 1 for row in self.shown), default=-1)

    def viewportEvent(self, event) -> bool:
        # Tooltips are worded when asked for, not stored in every row on every keystroke: the
        # whole message (or explanation) of the row under the pointer.
        if event.type() == QEvent.Type.ToolTip:
            return answer_tooltip(self, event, self._tooltip)
        return super().viewportEvent(event)

    def _tooltip(self, index) -> str:
        column = index.column()
        if index.row() >= len(self.shown) or column not in (self.MESSAGE_COLUMN, self.EXPLANATION_COLUMN):
            return ""
        return self.shown[index.row()].shows[self.SHOWN_BY_COLUMN[column]]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_message_column()

    def _section_resized(self, column: int, *_sizes) -> None:
        if column != self.MESSAGE_COLUMN:
            self.fit_message_column()

    def fit_message_column(self) -> None:
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != self.MESSAGE_COLUMN)
        width = max(self.viewport().width() - others, header.minimumSectionSize() * 4)
        if header.sectionSize(self.MESSAGE_COLUMN) != width:
            header.resizeSection(self.MESSAGE_COLUMN, width)


class ProblemsPanel(QDockWidget):
    jumpRequested = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("问题"), parent)
        self.setObjectName("problemsDock")
        self.session: ReportSession | None = None
        self.prompter = None  # set by the window: asks for explanations
        self._kind = ALL
        self._row_cache: dict[tuple[Finding, str, bool], _Row] = {}
        self._rows_spec = None  # the format the cached rows were made for
        self._refresh_later = Deferred(self.refresh, self)
        # Words the panel shows, translated once (refresh runs on many keystrokes).
        self._texts = {**self._filter_names(), "title": self.tr("问题（{e} 个错误，{w} 个提示）"),
                       "title_to_fill": self.tr("，{n} 处未填）"), "none": self.tr("没有发现问题。"),
                       "none_filled": self.tr("已填写的内容中没有发现问题。"), "none_here": self.tr("此类中没有问题。")}
        self._counts: dict[str, int] | None = None  # what the filter buttons and the title show
        self._buttons_for: tuple | None = None  # (finding, acknowledged) the buttons were set for

        self.setTitleBarWidget(DockTitleBar(self))
        body = QWidget(self)
        # Opaque, so that what changes in the panel is painted without the dock and the window
        # behind it (which would be painted first, then covered).
        body.setAutoFillBackground(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        bar = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QToolButton] = {}
        for kind in (ALL, ERRORS, WARNINGS, TO_FILL, EXPLAINED):
            button = QToolButton(body)
            button.setCheckable(True)
            button.setObjectName(f"filter_{kind}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # A fixed size that fits any count: a button whose size may change makes every new
            # count (many keystrokes change one) lay out the whole window again.
            button.setText(f"{self._filter_names()[kind]} 999")
            button.setFixedSize(button.sizeHint())
            button.clicked.connect(lambda _=False, k=kind: self.set_filter(k))
            self.filter_group.addButton(button)
            self.filter_buttons[kind] = button
            bar.addWidget(button)
        self.filter_buttons[ALL].setChecked(True)
        bar.addStretch(1)
        self.goto_button = QPushButton(self.tr("转到(&J)"), body)
        self.explain_button = QPushButton(self.tr("填写说明(&X)…"), body)
        self.explain_button.setToolTip(self.tr("提示（以及年报格式与年度不符）如情况属实，可填写出错说明后不再计入"))
        self.remove_button = QPushButton(self.tr("删除说明"), body)
        for button in (self.goto_button, self.explain_button, self.remove_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.unfilled_label = QLabel(body)
        self.unfilled_label.setObjectName("unfilledSummary")
        self.unfilled_label.setWordWrap(True)
        self.unfilled_label.linkActivated.connect(lambda _link: self.set_filter(TO_FILL))
        self.unfilled_label.hide()
        layout.addWidget(self.unfilled_label)

        self.tree = _ProblemList(body)
        self.tree.setObjectName("problemsList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        # While a table is typed in, findings come and go on many keystrokes; a scroll bar that
        # appeared and disappeared with them would resize the list and repaint the whole panel
        # each time.
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("级别"), self.tr("位置"), self.tr("问题"), self.tr("出错说明")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        # As wide as the widest level word, set once: sized to its contents the column (and the
        # whole list) would be measured and repainted whenever a row comes or goes.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # fitted by _ProblemList
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        levels = (self.tr("级别"), self.tr("错误"), self.tr("提示"), self.tr("未填"), self.tr("已说明"))
        header.resizeSection(0, max(self.fontMetrics().horizontalAdvance(text) for text in levels) + 12)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance("中") * 12)
        self.tree.setAccessibleName(self.tr("问题列表"))
        self.tree.itemActivated.connect(lambda item, _column: self._jump(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        self.empty_label = QLabel(self.tr("没有发现问题。"), body)
        self.empty_label.setObjectName("pageHint")
        layout.addWidget(self.empty_label)
        self.setWidget(body)

        self.goto_button.clicked.connect(lambda: self._jump(self.tree.currentItem()))
        self.explain_button.clicked.connect(self.explain_current)
        self.remove_button.clicked.connect(self.remove_current_explanation)
        explain = QShortcut(QKeySequence("F2"), self.tree, self.explain_current)
        # Set here: PySide6 ignores a context given to the constructor, and as a window-wide
        # shortcut F2 took the key from the table editor (where it opens the cell for editing).
        explain.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_filter_texts([])
        self._update_buttons()

    # --- wiring ---------------------------------------------------------------------------------
    def set_session(self, session: ReportSession | None) -> None:
        if self.session is not None:
            try:
                self.session.findingsChanged.disconnect(self.schedule_refresh)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        if session is not None:
            # The location column as wide as the longest page title of the report's format.
            spec = session.report.spec
            widest = max(self.fontMetrics().horizontalAdvance(page_short_title(spec, p)) for p in page_ids(spec))
            self.tree.header().resizeSection(1, widest + 16)
            session.findingsChanged.connect(self.schedule_refresh)
            session.fullCheckChanged.connect(lambda _on, s=session: self.session is s and self.refresh())
        self.refresh()

    def schedule_refresh(self) -> None:
        self._refresh_later.start()

    def set_filter(self, kind: str) -> None:
        self._kind = kind
        self.filter_buttons[kind].setChecked(True)
        self.refresh()

    # --- contents ---------------------------------------------------------------------------
    @property
    def _rows(self) -> list[_Row]:
        """What the list shows, in order (kept by the list, which paints from it)."""
        return self.tree.shown

    def findings(self) -> list[Finding]:
        return list(self.session.findings) if self.session else []

    def visible_findings(self) -> list[Finding]:
        return [self.tree.topLevelItem(i).data(0, FINDING_ROLE) for i in range(self.tree.topLevelItemCount())]

    def refresh(self) -> None:
        """Show the session's findings: only rows whose finding (or explanation) changed are
        touched, so the selection, the scroll position and the rest of the list stay put."""
        self._refresh_later.stop()
        findings = self.findings()
        if self.session is None or self.session.report.spec is not self._rows_spec:
            self._row_cache = {}  # another report or format: places are named anew
            self._rows_spec = self.session.report.spec if self.session else None
        split = self.session.split if self.session is not None else FindingSplit((), ())
        to_fill = set(split.to_fill)
        rows = [self._row(finding, finding in to_fill) for finding in findings
                if matches(finding, self._kind, finding in to_fill)]
        # Rows of the findings shown now, for the next refresh (a finding's row never changes).
        self._row_cache = {(row.finding, row.shows[4], row.finding in to_fill): row for row in rows}
        tree = self.tree
        current = tree.currentItem()
        current_key = current.data(0, FINDING_ROLE).key if current else None
        if rows != self._rows:
            self._apply_rows(self._rows, rows)
            self.tree.shown = rows
            # Laid out now rather than on the view's own timer, which fires after the repaint of
            # this keystroke and so would cost a second repaint of the window.
            tree.executeDelayedItemsLayout()
            if current_key is not None and tree.currentItem() is None:
                for i in range(tree.topLevelItemCount()):
                    if tree.topLevelItem(i).data(0, FINDING_ROLE).key == current_key:
                        tree.setCurrentItem(tree.topLevelItem(i))
                        break
        has_rows = bool(rows)
        if tree.isVisibleTo(self) != has_rows:
            tree.setVisible(has_rows)
        if self.empty_label.isVisibleTo(self) == has_rows:
            self.empty_label.setVisible(not has_rows)
        if not has_rows:
            self.empty_label.setText(self._texts["none"] if not findings else
                                     self._texts["none_filled"] if len(to_fill) == len(findings) else
                                     self._texts["none_here"])
        self._update_unfilled(split.to_fill_summary())
        self._update_filter_texts(findings, to_fill)
        self._update_buttons()

    def _update_unfilled(self, summary: str) -> None:
        """The line that says what is left to fill (nothing is called a mistake for being blank)."""
        if summary:
            text = self.tr("{summary}。<a href=\"to_fill\">逐项列出</a>；填好后到“检查与导出”核对全文。").format(summary=summary)
            if self.unfilled_label.text() != text:
                self.unfilled_label.setText(text)
        if self.unfilled_label.isVisibleTo(self) != bool(summary):
            self.unfilled_label.setVisible(bool(summary))

    def _row(self, finding: Finding, unfilled: bool = False) -> "_Row":
        """What one row shows: (level, colour, where, message, explanation, key), and its finding."""
        explanation = self.session.report.explanations.get(finding.key, "")
        row = self._row_cache.get((finding, explanation, unfilled))
        if row is None:
            row = self._row_cache[(finding, explanation, unfilled)] = self._new_row(finding, explanation, unfilled)
        return row

    def _new_row(self, finding: Finding, explanation: str, unfilled: bool = False) -> "_Row":
        if unfilled:
            level, color = self._texts[TO_FILL], SEVERITY_COLORS[TO_FILL]
        elif finding.acknowledged:
            level, color = self._texts[EXPLAINED], SEVERITY_COLORS["explained"]
        elif finding.severity == ERROR:
            level, color = self._texts[ERRORS], SEVERITY_COLORS[ERROR]
        else:
            level, color = self._texts[WARNINGS], SEVERITY_COLORS[WARNING]
        spec = self.session.report.spec
        where = page_short_title(spec, page_of_finding(spec, finding))
        return _Row((level, color, where, finding.message, explanation, finding.key), finding)

    def _apply_rows(self, shown: list[tuple], rows: list[tuple]) -> None:
        """Turn the list showing `shown` into one showing `rows`, row by row."""
        tree = self.tree
        if not shown:  # a report just opened: no list to compare with
            items = []
            for row in rows:
                items.append(QTreeWidgetItem())
                self._fill(items[-1], row)
            tree.addTopLevelItems(items)
            return
        from difflib import SequenceMatcher  # on the first edit, not at startup (a few ms to import)

        # From the end, so the positions still to visit are not shifted by earlier edits.
        opcodes = SequenceMatcher(None, shown, rows, autojunk=False).get_opcodes()
        for tag, old_start, old_end, new_start, new_end in reversed(opcodes):
            if tag == "equal":
                for offset in range(old_end - old_start):  # shown alike; keep what the row refers to
                    if shown[old_start + offset].finding != rows[new_start + offset].finding:
                        tree.topLevelItem(old_start + offset).setData(0, FINDING_ROLE, rows[new_start + offset].finding)
                continue
            reused = min(old_end - old_start, new_end - new_start)
            for offset in range(reused):  # same place, new content: the item (and selection) stays
                self._fill(tree.topLevelItem(old_start + offset), rows[new_start + offset])
            for index in range(old_end - 1, old_start + reused - 1, -1):
                tree.takeTopLevelItem(index)
            added = []
            for offset in range(reused, new_end - new_start):
                added.append(QTreeWidgetItem())
                self._fill(added[-1], rows[new_start + offset])
            if added:  # in one go: the view hears of one insertion
                tree.insertTopLevelItems(old_start + reused, added)

    @staticmethod
    def _fill(item: QTreeWidgetItem, row: "_Row") -> None:
        level, color, where, message, explanation, _key = row.shows
        for column, text in enumerate((level, where, message, explanation)):
            item.setText(column, text)
        item.setForeground(0, QColor(color))
        item.setData(0, FINDING_ROLE, row.finding)

    def _filter_names(self) -> dict[str, str]:
        return {ALL: self.tr("全部"), ERRORS: self.tr("错误"), WARNINGS: self.tr("提示"), TO_FILL: self.tr("未填"),
                EXPLAINED: self.tr("已说明")}

    def _update_filter_texts(self, findings: list[Finding], to_fill: set[Finding] = frozenset()) -> None:
        counts = {kind: sum(1 for f in findings if matches(f, kind, f in to_fill)) for kind in self.filter_buttons}
        if counts == self._counts:
            return  # (most keystrokes change a message, not how many there are)
        before, self._counts = self._counts or {}, counts
        for kind, button in self.filter_buttons.items():
            if before.get(kind) != counts[kind]:  # (a new text repaints the button)
                button.setText(f"{self._texts[kind]} {counts[kind]}")
        title = self._texts["title"].format(e=counts[ERRORS], w=counts[WARNINGS])
        if counts[TO_FILL]:
            title = title[:-1] + self._texts["title_to_fill"].format(n=counts[TO_FILL])
        self.setWindowTitle(title)

    def _current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item else None

    def _can_explain(self, finding: Finding | None) -> bool:
        if finding is None or self.session is None:
            return False
        return self.session.report.spec.rule(finding.rule).can_be_acknowledged

    def _update_buttons(self) -> None:
        finding = self._current_finding()
        shown = (finding, finding is not None and finding.acknowledged)
        if shown == self._buttons_for:
            return
        self._buttons_for = shown
        self.goto_button.setEnabled(finding is not None)
        self.explain_button.setEnabled(self._can_explain(finding))
        self.explain_button.setText(self.tr("修改说明(&X)…") if finding and finding.acknowledged else self.tr("填写说明(&X)…"))
        self.remove_button.setEnabled(bool(finding and finding.acknowledged))

    # --- actions ------------------------------------------------------------------------------
    def _jump(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.jumpRequested.emit(item.data(0, FINDING_ROLE))


    def explain_current(self) -> None:
        finding = self._current_finding()
        if not self._can_explain(finding):
            if finding is not None and self.session is not None:
                self.window().statusBar().showMessage(
                    self.tr("错误不能通过填写说明消除，请改正。"), 6000)
            return
        from .explanation_dialog import ExplanationDialog  # built on first use, not at startup

        current = self.session.report.explanations.get(finding.key, "")
        dialog = ExplanationDialog(finding, current, self.window())
        if self.prompter.run_dialog(dialog):
            self.session.set_explanation(finding.key, dialog.text())

    def remove_current_explanation(self) -> None:
        finding = self._current_finding()
        if finding is not None and finding.acknowledged:
            self.session.set_explanation(finding.key, "")
