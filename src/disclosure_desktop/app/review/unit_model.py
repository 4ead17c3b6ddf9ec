"""The board: one row per unit (review.Unit), sortable by a key per column, filtered by status and search."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from ...core.formats import get_format
from ...review import Status, Unit
from ...review.summary import copies_text, remark
from ...review.units import STATUS_ORDER

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_COLORS = {Status.PASSED: "#2e7d32", Status.WARNINGS: "#9a6700", Status.ERRORS: "#c62828",
                 Status.UNREADABLE: "#6a1b9a", Status.MISSING: "#5f6368"}


def _date(value) -> str:
    return f"{value.year}-{value.month:02}-{value.day:02}" if value else ""


def _format_name(unit: Unit) -> str:
    """The format by the document that issued it (国办公开办函〔2021〕30号): short, and what clerks cite."""
    return get_format(unit.format).issued_by if unit.format else ""


def _deadline(unit: Unit) -> str:
    if not unit.deadline:
        return ""
    return _date(unit.deadline) + ("（逾期）" if unit.late else "")


def _copies(unit: Unit) -> str:
    return copies_text(unit) if unit.readable else ""


# (header, display text, sort key)
COLUMNS = (
    ("状态", lambda u: u.status.value, lambda u: STATUS_ORDER[u.status]),
    ("单位", lambda u: u.agency, lambda u: u.agency),
    ("年度", lambda u: str(u.year or ""), lambda u: u.year or 0),
    ("格式", _format_name, _format_name),
    ("类型", lambda u: u.agency_kind_name, lambda u: u.agency_kind_name),
    ("来源文件", lambda u: u.source, lambda u: u.source),
    ("错误", lambda u: str(u.errors) if u.readable else "", lambda u: u.errors if u.readable else -1),
    ("提示", lambda u: str(u.warnings) if u.readable else "", lambda u: u.warnings if u.readable else -1),
    ("公开日期", lambda u: _date(u.published_on), lambda u: _date(u.published_on)),
    ("法定期限", _deadline, lambda u: (u.late, _date(u.deadline))),
    ("文字雷同", _copies, lambda u: len(u.copies)),
    ("说明", remark, remark),
)
STATUS_COLUMN, AGENCY_COLUMN, FORMAT_COLUMN, DEADLINE_COLUMN, COPIES_COLUMN = 0, 1, 3, 9, 10


class UnitTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.units: list[Unit] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        _header, text, key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(unit)
        if role == SORT_ROLE:
            return key(unit)
        if role == UNIT_ROLE:
            return unit
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == STATUS_COLUMN:
                return QColor(STATUS_COLORS[unit.status])
            if index.column() == DEADLINE_COLUMN and unit.late or index.column() == COPIES_COLUMN and unit.copies:
                return QColor(STATUS_COLORS[Status.WARNINGS])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == FORMAT_COLUMN and unit.format:
                return get_format(unit.format).name
            if unit.error:
                return unit.error
            problem = unit.first_problem
            return problem.message if problem else None
        return None

    def append_units(self, units: list[Unit]) -> None:
        """Units as they were read (the board fills while the folder is read)."""
        if not units:
            return
        row = len(self.units)
        self.beginInsertRows(QModelIndex(), row, row + len(units) - 1)
        self.units.extend(units)
        self.endInsertRows()

    def set_units(self, units: list[Unit]) -> None:
        self.beginResetModel()
        self.units = list(units)
        self.endResetModel()


class UnitFilterProxy(QSortFilterProxyModel):
    """Sort by each column's key; keep the rows of one status (or all) whose unit or file contains the search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status: Status | None = None
        self._search = ""

    def set_status(self, status: Status | str | None) -> None:
        """A Status (or its Chinese name, as a combo box hands it back), None for every status."""
        self._refilter(lambda: setattr(self, "_status", Status(status) if status else None))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_search", text.strip()))

    def _refilter(self, change) -> None:
        # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange(); 6.5–6.9 lack the latter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        unit = self.sourceModel().units[row]
        if self._status is not None and unit.status is not self._status:
            return False
        return not self._search or self._search in unit.agency or self._search in unit.source

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
