"""Pages of the narrative sections 一、五、六; 六 of gov-2021 adds the 信息处理费 figures."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ...core.checks import Finding
from ...core.formats import ValueType
from ...core.model import FeeReport, Report
from ...core.values import CellValueError, format_value, parse_cell_text
from .editor import NarrativeEditor
from ..pages.base import SectionPage
from ..document.session import ReportSession


def has_fee_form(report: Report, section_id: str) -> bool:
    """Whether the format asks for the 信息处理费 figures in this section."""
    fee_form = report.spec.capabilities.fee_form
    return fee_form is not None and fee_form.section == section_id


class FeeForm(QGroupBox):
    """The three 信息处理费 figures (report.fees); amounts in 元, unlike table （八）."""

    message = Signal(str)

    FIELDS = (("notices", ValueType.COUNT), ("amount_yuan", ValueType.DECIMAL), ("collected_yuan", ValueType.DECIMAL))

    def __init__(self, session: ReportSession, parent: QWidget | None = None):
        super().__init__(self.tr("信息处理费"), parent)
        self.session = session
        self.edits: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        note = QLabel(self.tr("按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取的情况。"
                              "金额以元为单位，与表（八）的万元不同。"))
        note.setObjectName("pageHint")
        note.setWordWrap(True)
        layout.addRow(note)
        for name, value_type in self.FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"fee_{name}")
            edit.setPlaceholderText(self.tr("没有的填0"))
            edit.editingFinished.connect(lambda n=name, t=value_type: self._edited(n, t))
            layout.addRow(FeeReport.model_fields[name].description + "：", edit)
            self.edits[name] = edit
        session.metaChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for name, edit in self.edits.items():
            text = format_value(getattr(self.session.report.fees, name))
            if edit.text() != text:
                edit.setText(text)
            edit.setToolTip("")
            edit.setProperty("severity", "")
            edit.style().polish(edit)

    def _edited(self, name: str, value_type: ValueType) -> None:
        edit = self.edits[name]
        try:
            value = parse_cell_text(edit.text(), value_type)
        except CellValueError:
            hint = self.tr("请填写0或正整数。") if value_type is ValueType.COUNT else self.tr("请填写金额（元），可带小数，例如 150.5。")
            edit.setToolTip(hint)
            edit.setProperty("severity", "error")
            edit.style().polish(edit)
            self.message.emit(self.tr("“{text}”不是有效的数字。").format(text=edit.text()) + hint)
            return
        if value != getattr(self.session.report.fees, name):
            self.session.set_meta(lambda r: setattr(r.fees, name, value), self.tr("修改信息处理费"))
        else:
            self.refresh()


class NarrativePage(SectionPage):
    message = Signal(str)

    def __init__(self, session: ReportSession, section_id: str, parent: QWidget | None = None):
        super().__init__(session, section_id, parent)
        self.editor = NarrativeEditor(session, section_id, self)
        self.editor.message.connect(self.message)
        self.body.addWidget(self.editor, 1)
        self.fee_form = FeeForm(session, self) if has_fee_form(session.report, section_id) else None
        if self.fee_form:
            self.fee_form.message.connect(self.message)
            self.body.addWidget(self.fee_form)

    def focus_first(self) -> None:
        self.editor.focus_editor()

    def show_finding(self, finding: Finding) -> None:
        if self.fee_form and finding.rule == self.session.report.spec.capabilities.fee_form.rule:
            self.fee_form.edits["notices"].setFocus()
        else:
            self.editor.focus_editor()
