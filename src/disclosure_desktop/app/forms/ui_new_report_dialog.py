# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_report_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewReportDialog(object):
    def setupUi(self, NewReportDialog):
        if not NewReportDialog.objectName():
            NewReportDialog.setObjectName(u"NewReportDialog")
        self.mainLayout = QVBoxLayout(NewReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(NewReportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(NewReportDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(NewReportDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2008)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setKeyboardTracking(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.agencyLabel = QLabel(NewReportDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyEdit = QLineEdit(NewReportDialog)
        self.agencyEdit.setObjectName(u"agencyEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyEdit)

        self.kindLabel = QLabel(NewReportDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.departmentRadio = QRadioButton(NewReportDialog)
        self.departmentRadio.setObjectName(u"departmentRadio")
        self.departmentRadio.setChecked(True)

        self.kindLayout.addWidget(self.departmentRadio)

        self.governmentRadio = QRadioButton(NewReportDialog)
        self.governmentRadio.setObjectName(u"governmentRadio")

        self.kindLayout.addWidget(self.governmentRadio)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.kindLayout)

        self.titleCaption = QLabel(NewReportDialog)
        self.titleCaption.setObjectName(u"titleCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titlePreview = QLabel(NewReportDialog)
        self.titlePreview.setObjectName(u"titlePreview")
        self.titlePreview.setWordWrap(True)
        self.titlePreview.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.titlePreview)

        self.formatCaption = QLabel(NewReportDialog)
        self.formatCaption.setObjectName(u"formatCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.formatCaption)

        self.formatPreview = QLabel(NewReportDialog)
        self.formatPreview.setObjectName(u"formatPreview")
        self.formatPreview.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.formatPreview)


        self.mainLayout.addLayout(self.formLayout)

        self.carryForwardNote = QLabel(NewReportDialog)
        self.carryForwardNote.setObjectName(u"carryForwardNote")
        self.carryForwardNote.setWordWrap(True)

        self.mainLayout.addWidget(self.carryForwardNote)

        self.advancedGroup = QGroupBox(NewReportDialog)
        self.advancedGroup.setObjectName(u"advancedGroup")
        self.advancedGroup.setCheckable(True)
        self.advancedGroup.setChecked(False)
        self.advancedLayout = QVBoxLayout(self.advancedGroup)
        self.advancedLayout.setObjectName(u"advancedLayout")
        self.formatCombo = QComboBox(self.advancedGroup)
        self.formatCombo.setObjectName(u"formatCombo")

        self.advancedLayout.addWidget(self.formatCombo)

        self.overrideWarning = QLabel(self.advancedGroup)
        self.overrideWarning.setObjectName(u"overrideWarning")
        self.overrideWarning.setWordWrap(True)

        self.advancedLayout.addWidget(self.overrideWarning)


        self.mainLayout.addWidget(self.advancedGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(NewReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.agencyLabel.setBuddy(self.agencyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.agencyEdit)
        QWidget.setTabOrder(self.agencyEdit, self.departmentRadio)
        QWidget.setTabOrder(self.departmentRadio, self.governmentRadio)
        QWidget.setTabOrder(self.governmentRadio, self.advancedGroup)
        QWidget.setTabOrder(self.advancedGroup, self.formatCombo)

        self.retranslateUi(NewReportDialog)
        self.buttonBox.rejected.connect(NewReportDialog.reject)

        QMetaObject.connectSlotsByName(NewReportDialog)
    # setupUi

    def retranslateUi(self, NewReportDialog):
        NewReportDialog.setWindowTitle(QCoreApplication.translate("NewReportDialog", u"\u65b0\u5efa\u5e74\u5ea6\u62a5\u544a", None))
        self.introLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u586b\u5199\u62a5\u544a\u5e74\u5ea6\u548c\u673a\u5173\u540d\u79f0\u3002\u5e74\u62a5\u683c\u5f0f\u6309\u62a5\u544a\u5e74\u5ea6\u81ea\u52a8\u9009\u62e9\u3002", None))
        self.yearLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u62a5\u544a\u5e74\u5ea6(&Y)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("NewReportDialog", u" \u5e74", None))
        self.agencyLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u673a\u5173\u5168\u79f0(&A)\uff1a", None))
        self.agencyEdit.setPlaceholderText(QCoreApplication.translate("NewReportDialog", u"\u4f8b\u5982\uff1a\u91cd\u5e86\u5e02\u5f00\u5dde\u533a\u6559\u80b2\u59d4\u5458\u4f1a", None))
        self.kindLabel.setText(QCoreApplication.translate("NewReportDialog", u"\u673a\u5173\u7c7b\u578b\uff1a", None))
        self.departmentRadio.setText(QCoreApplication.translate("NewReportDialog", u"\u653f\u5e9c\u90e8\u95e8(&D)", None))
        self.governmentRadio.setText(QCoreApplication.translate("NewReportDialog", u"\u4e00\u7ea7\u4eba\u6c11\u653f\u5e9c(&G)", None))
        self.titleCaption.setText(QCoreApplication.translate("NewReportDialog", u"\u5e74\u62a5\u6807\u9898\uff1a", None))
        self.formatCaption.setText(QCoreApplication.translate("NewReportDialog", u"\u5e74\u62a5\u683c\u5f0f\uff1a", None))
        self.advancedGroup.setTitle(QCoreApplication.translate("NewReportDialog", u"\u9ad8\u7ea7\uff1a\u6307\u5b9a\u5e74\u62a5\u683c\u5f0f", None))
    # retranslateUi

