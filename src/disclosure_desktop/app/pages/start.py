"""The start page shown while no report is open: the ways in (new, carried forward, open, the two
samples, 审核与汇总), and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCommandLinkButton, QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from ..document.samples import DEFAULT_SAMPLE, SAMPLES
from ..shell.settings import APPLICATION_TITLE

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class StartPage(QWidget):
    newRequested = Signal()
    carryForwardRequested = Signal()
    openRequested = Signal()
    sampleRequested = Signal(str)  # the sample's file name (document/samples.py)
    reviewRequested = Signal()
    recentRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(10)
        outer.addLayout(column, 6)
        outer.addStretch(1)

        title = QLabel(self.tr(APPLICATION_TITLE))
        title.setObjectName("startTitle")
        subtitle = QLabel(self.tr("按国务院办公厅规定的格式，逐步填写、自动核对并导出政府信息公开工作年度报告。"))
        subtitle.setWordWrap(True)
        subtitle.setObjectName("pageHint")
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(subtitle)

        grid = QGridLayout()
        grid.setSpacing(8)
        self.new_button = QCommandLinkButton(self.tr("新建年度报告"), self.tr("填写报告年度和机关名称，从空白年报开始"))
        self.carry_button = QCommandLinkButton(self.tr("基于上年报告新建"),
                                               self.tr("选择上年的年报项目文件，带入机关信息、上年结转数和正文草稿"))
        self.open_button = QCommandLinkButton(self.tr("打开…"), self.tr("打开已保存的年报项目文件（.gknb）"))
        self.sample_buttons = {}  # file name → button, newest format first
        for sample in SAMPLES:
            button = self.sample_buttons[sample.file_name] = QCommandLinkButton(sample.title, sample.description)
            button.clicked.connect(lambda _=False, name=sample.file_name: self.sampleRequested.emit(name))
        self.sample_button = self.sample_buttons[DEFAULT_SAMPLE.file_name]
        self.review_button = QCommandLinkButton(self.tr("审核与汇总…"),
                                                self.tr("审核一个文件夹中各单位报送的年报，导出审核意见和汇总表"))
        buttons = (self.new_button, self.carry_button, self.open_button, self.review_button,
                   *self.sample_buttons.values())  # the samples side by side in the last row
        for i, button in enumerate(buttons):
            button.setObjectName(f"startButton{i}")
            grid.addWidget(button, i // 2, i % 2)
        column.addLayout(grid)
        self.new_button.clicked.connect(self.newRequested)
        self.carry_button.clicked.connect(self.carryForwardRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.review_button.clicked.connect(self.reviewRequested)

        self.recent_label = QLabel(self.tr("最近打开(&R)："))
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(lambda item: self.recentRequested.emit(item.data(PATH_ROLE)))
        column.addWidget(self.recent_label)
        em = self.fontMetrics().height()
        self.recent_list.setMaximumHeight(em * 14)
        column.addWidget(self.recent_list, 2)
        column.addStretch(1)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip(self.tr("{path}（文件已不存在）").format(path=path))
            self.recent_list.addItem(item)
        has_recent = bool(paths)
        self.recent_label.setVisible(has_recent)
        self.recent_list.setVisible(has_recent)
        if has_recent:
            self.recent_list.setCurrentRow(0)

    def focus_first(self) -> None:
        (self.recent_list if self.recent_list.isVisible() else self.new_button).setFocus()
