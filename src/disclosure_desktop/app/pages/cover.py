"""封面信息: agency, year, format, agency kind and the front matter, each edit one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from ...core.checks import Finding
from ...core.formats import format_id_for_year, format_ids, get_format
from ...core.model import Report
from ..forms.ui_cover_page import Ui_CoverPage
from .guidance import deadline_text
from .base import SectionPage
from ...core.section_state import COVER
from ..document.session import ReportSession

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date field, shown as “未填写”


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else NO_DATE


def _pydate(day: QDate) -> dt.date | None:
    return None if day == NO_DATE else dt.date(day.year(), day.month(), day.day())


def format_label(format_id: str) -> str:
    spec = get_format(format_id)
    return f"《{spec.name}》（{spec.issued_by}）"


class CoverPage(SectionPage):
    """Emits formatSwitchRequested(format id); the window asks the user and applies it."""

    formatSwitchRequested = Signal(str)
    message = Signal(str)

    def __init__(self, session: ReportSession, parent: QWidget | None = None):
        super().__init__(session, COVER, parent)
        self.form = QWidget(self)
        self.ui = Ui_CoverPage()
        self.ui.setupUi(self.form)
        self.body.addWidget(self.form)
        ui = self.ui
        ui.formatNotice.setObjectName("noticeBanner")
        ui.formatNoticeLayout.setStretch(0, 1)
        for edit in (ui.periodStartEdit, ui.periodEndEdit, ui.publishedOnEdit):
            edit.setKeyboardTracking(False)
            edit.setMinimumDate(NO_DATE)
        ui.publishedOnEdit.setSpecialValueText(self.tr("未填写"))
        self._season = _OpensAtPublicationSeason(ui.publishedOnEdit, lambda: self.session.report.year)
        self._format_menu = QMenu(self)
        ui.changeFormatButton.setMenu(self._format_menu)
        self._wrapped_format_label = _GrowWithWrappedText(ui.formatLabel)

        ui.agencyEdit.editingFinished.connect(self._agency_edited)
        ui.yearSpin.valueChanged.connect(self._year_edited)
        ui.departmentRadio.toggled.connect(lambda on: on and self._set_front("agency_kind", "department", self.tr("修改机关类型")))
        ui.governmentRadio.toggled.connect(lambda on: on and self._set_front("agency_kind", "government", self.tr("修改机关类型")))
        ui.rulemakingCheck.toggled.connect(lambda on: self._set_front("has_rulemaking_power", on, self.tr("修改规章制定权")))
        ui.periodStartEdit.dateChanged.connect(lambda d: self._set_period("period_start", d))
        ui.periodEndEdit.dateChanged.connect(lambda d: self._set_period("period_end", d))
        ui.publishedOnEdit.dateChanged.connect(
            lambda d: self._set_front("published_on", _pydate(d), self.tr("修改公开日期")))
        ui.publishedAtEdit.editingFinished.connect(
            lambda: self._set_front("published_at", ui.publishedAtEdit.text().strip(), self.tr("修改公开网站")))
        ui.contactEdit.editingFinished.connect(
            lambda: self._set_front("contact", ui.contactEdit.text().strip(), self.tr("修改联系方式")))
        ui.signatoryEdit.editingFinished.connect(
            lambda: self._set_front("signatory", ui.signatoryEdit.text().strip(), self.tr("修改落款机关")))
        ui.switchFormatButton.clicked.connect(
            lambda: self.formatSwitchRequested.emit(format_id_for_year(self.session.report.year)))

        session.metaChanged.connect(self.refresh)
        session.findingsChanged.connect(self._findings_changed)
        self._notice_stale = False
        self.refresh()

    # --- from the report to the widgets ---------------------------------------------------
    def refresh(self) -> None:
        report, ui = self.session.report, self.ui
        widgets = (ui.agencyEdit, ui.yearSpin, ui.departmentRadio, ui.governmentRadio, ui.rulemakingCheck,
                   ui.periodStartEdit, ui.periodEndEdit, ui.publishedOnEdit, ui.publishedAtEdit,
                   ui.contactEdit, ui.signatoryEdit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if ui.agencyEdit.text() != report.agency:
                ui.agencyEdit.setText(report.agency)
            ui.yearSpin.setValue(report.year)
            ui.departmentRadio.setChecked(report.front.agency_kind == "department")
            ui.governmentRadio.setChecked(report.front.agency_kind == "government")
            ui.rulemakingCheck.setChecked(report.front.has_rulemaking_power)
            start, end = report.period
            ui.periodStartEdit.setDate(_qdate(start))
            ui.periodEndEdit.setDate(_qdate(end))
            ui.publishedOnEdit.setDate(_qdate(report.front.published_on))
            ui.publishedAtEdit.setText(report.front.published_at)
            ui.contactEdit.setText(report.front.contact)
            ui.signatoryEdit.setText(report.front.signatory)
            ui.signatoryEdit.setPlaceholderText(self.tr("为空时使用机关全称：{agency}").format(agency=report.agency))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        ui.titlePreview.setText(report.title)
        ui.formatLabel.setText(format_label(report.format))
        self._format_menu.clear()
        for format_id in format_ids():
            if format_id != report.format:
                action = self._format_menu.addAction(self.tr("改用{format}").format(format=format_label(format_id)))
                action.triggered.connect(lambda _=False, f=format_id: self.formatSwitchRequested.emit(f))
        deadline = deadline_text(report)
        ui.deadlineLabel.setText(self.tr("法定期限：{deadline}").format(deadline=deadline) if deadline else "")
        self._refresh_notice()

    def _findings_changed(self) -> None:
        if self.isVisible():
            self._refresh_notice()
        else:
            self._notice_stale = True  # refreshed when shown: typing in a table does not pay for it

    def showEvent(self, event) -> None:
        if self._notice_stale:
            self._refresh_notice()
        super().showEvent(event)

    def _refresh_notice(self) -> None:
        self._notice_stale = False
        report = self.session.report
        required = format_id_for_year(report.year)
        mismatch = required != report.format
        self.ui.formatNotice.setVisible(mismatch)
        if mismatch:
            acknowledged = any(f.acknowledged for f in self._findings_beside("year"))
            text = self.tr("{year}年度的报告应使用{required}，当前使用的是{current}。"
                           "改用规定的格式时，两种格式共有的单元格都会保留，其余的会列出后删除。").format(
                year=report.year, required=format_label(required), current=format_label(report.format))
            if acknowledged:
                text += self.tr("（已填写出错说明，按说明继续使用当前格式。）")
            self.ui.formatNoticeLabel.setText(text)
            self.ui.switchFormatButton.setToolTip(self.tr("改用{format}").format(format=format_label(required)))
        late = any(not f.acknowledged for f in self._findings_beside("published_on"))
        severity = "warning" if late else ""
        label = self.ui.deadlineLabel
        if (label.property("severity") or "") != severity:
            label.setProperty("severity", severity)
            # Re-polished only on a change: style() brings in QStyle's Python class with its many
            # enums, which cost the startup time of a report that needs no re-polish.
            label.style().polish(label)

    def _findings_beside(self, field: str) -> list[Finding]:
        """The findings the format shows beside a cover field (the deadline beside 公开日期 …)."""
        capabilities = self.session.report.spec.capabilities
        return [f for f in self.session.findings if capabilities.cover_field_of(f.rule) == field]

    # --- from the widgets to the report (undoable) ------------------------------------------
    def _agency_edited(self) -> None:
        text = self.ui.agencyEdit.text().strip()
        if not text:
            self.ui.agencyEdit.setText(self.session.report.agency)
            self.message.emit(self.tr("机关全称不能为空。"))
            return
        self.session.set_meta(lambda r: setattr(r, "agency", text), self.tr("修改机关全称"))

    def _year_edited(self, year: int) -> None:
        self.session.set_meta(lambda r: setattr(r, "year", year), self.tr("修改报告年度"))

    def _set_front(self, field: str, value, text: str) -> None:
        self.session.set_meta(lambda r: setattr(r.front, field, value), text)

    def _set_period(self, field: str, day: QDate) -> None:
        value = _pydate(day)
        default = dt.date(self.session.report.year, 1, 1) if field == "period_start" else dt.date(self.session.report.year, 12, 31)

        def update(report: Report) -> None:
            setattr(report.front, field, None if value == default else value)
        self.session.set_meta(update, self.tr("修改统计期限"))

    # --- page interface ---------------------------------------------------------------------
    def focus_first(self) -> None:
        self.ui.agencyEdit.setFocus()

    def show_finding(self, finding: Finding) -> None:
        field = self.session.report.spec.capabilities.cover_field_of(finding.rule)
        if field == "published_on":
            self.ui.publishedOnEdit.setFocus()
        elif field == "year":
            (self.ui.switchFormatButton if self.ui.formatNotice.isVisible() else self.ui.yearSpin).setFocus()
        else:
            self.focus_first()


class _OpensAtPublicationSeason(QObject):
    """An unset publication date is shown as 2000-01-01 (the field's minimum, “未填写”); its
    calendar opens instead at January of the year after the report year, when reports are
    published."""

    def __init__(self, edit, report_year):
        super().__init__(edit)
        self._edit, self._report_year = edit, report_year
        edit.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and self._edit.date() == self._edit.minimumDate():
            watched.setCurrentPage(self._report_year() + 1, 1)
        return False


class _GrowWithWrappedText(QObject):
    """A form row holding a wrapped label inside a nested layout does not grow with the text
    (QFormLayout asks the layout, not the label, for its height); on a narrow or scaled screen
    the format name would be cut.  The label's minimum height follows its wrapped text."""

    def __init__(self, label):
        super().__init__(label)
        self._label = label
        label.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            needed = self._label.heightForWidth(self._label.width())
            if needed > 0 and needed != self._label.minimumHeight():
                self._label.setMinimumHeight(needed)
        return False
