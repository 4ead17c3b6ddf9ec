"""新建年度报告 (and 基于上年报告新建): year, agency, agency kind, with a preview of the format
the year requires and an expert override that states the C18 error it causes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core.carry_forward import carry_forward, carry_forward_note
from ...core.checks import check_report
from ...core.formats import format_id_for_year, format_ids, get_format
from ...core.model import Report, new_report
from .cover import format_label
from ..forms.ui_new_report_dialog import Ui_NewReportDialog


def default_year(today: dt.date | None = None) -> int:
    """Reports are written early in the year about the year before."""
    return (today or dt.date.today()).year - 1


class NewReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, last_year: Report | None = None):
        super().__init__(parent)
        self.ui = Ui_NewReportDialog()
        self.ui.setupUi(self)
        self.last_year = last_year
        ui = self.ui
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("创建(&C)"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self._accept_if_valid)
        for format_id in format_ids():
            ui.formatCombo.addItem(format_label(format_id), format_id)
        ui.overrideWarning.setObjectName("errorText")
        if last_year is not None:
            self.setWindowTitle(self.tr("基于上年报告新建"))
            ui.yearSpin.setValue(last_year.year + 1)
            ui.agencyEdit.setText(last_year.agency)
            (ui.governmentRadio if last_year.front.agency_kind == "government" else ui.departmentRadio).setChecked(True)
            ui.carryForwardNote.setText(carry_forward_note(last_year, last_year.year + 1))
        else:
            ui.yearSpin.setValue(default_year())
            ui.carryForwardNote.hide()
        ui.yearSpin.valueChanged.connect(self._update_preview)
        ui.agencyEdit.textChanged.connect(self._update_preview)
        ui.advancedGroup.toggled.connect(self._update_preview)
        ui.formatCombo.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        ui.agencyEdit.setFocus()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    # --- what the dialog says -----------------------------------------------------------------
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def agency(self) -> str:
        return self.ui.agencyEdit.text().strip()

    def agency_kind(self) -> str:
        return "government" if self.ui.governmentRadio.isChecked() else "department"

    def chosen_format(self) -> str:
        if self.ui.advancedGroup.isChecked():
            return self.ui.formatCombo.currentData()
        return format_id_for_year(self.year())

    def _update_preview(self) -> None:
        ui = self.ui
        required = format_id_for_year(self.year())
        ui.formatPreview.setText(format_label(required))
        if not ui.advancedGroup.isChecked():
            ui.formatCombo.blockSignals(True)
            ui.formatCombo.setCurrentIndex(format_ids().index(required))
            ui.formatCombo.blockSignals(False)
        agency = self.agency() or self.tr("（机关全称）")
        ui.titlePreview.setText(self.tr("{agency}{year}年政府信息公开工作年度报告").format(agency=agency, year=self.year()))
        chosen = self.chosen_format()
        if chosen != required:
            # The same wording the checker will report, so the user sees now what C18 will say.
            probe = new_report(self.year(), agency, format_id=chosen)
            year_rules = probe.spec.capabilities.cover_field_rules.get("year", ())
            finding = next((f for f in check_report(probe) if f.rule in year_rules), None)
            ui.overrideWarning.setText(self.tr("错误（{rule}）：").format(rule=finding.rule) + finding.message
                                       if finding else "")
            ui.overrideWarning.show()
        else:
            ui.overrideWarning.setText(self.tr("与报告年度相符。"))
            ui.overrideWarning.setVisible(ui.advancedGroup.isChecked())
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.agency()))
        # The wrapped warning needs height for its width: grow (never shrink) to show it whole.
        self.layout().activate()
        needed = max(self.sizeHint().height(), self.layout().heightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    def _accept_if_valid(self) -> None:
        if self.agency():
            self.accept()

    # --- the result ---------------------------------------------------------------------------
    def report(self) -> Report:
        """The new report as the dialog describes it."""
        if self.last_year is not None:
            report = carry_forward(self.last_year, self.year())
            report.agency = self.agency()
            report.front.agency_kind = self.agency_kind()
            chosen = self.chosen_format()
            if chosen != report.format:
                from ...core.format_switch import switch_format

                report = switch_format(report, chosen).report
            return report
        return new_report(self.year(), self.agency(), format_id=self.chosen_format(), agency_kind=self.agency_kind())
