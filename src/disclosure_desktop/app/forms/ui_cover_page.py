# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cover_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_CoverPage(object):
    def setupUi(self, CoverPage):
        if not CoverPage.objectName():
            CoverPage.setObjectName(u"CoverPage")
        self.mainLayout = QVBoxLayout(CoverPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formatNotice = QFrame(CoverPage)
        self.formatNotice.setObjectName(u"formatNotice")
        self.formatNotice.setFrameShape(QFrame.StyledPanel)
        self.formatNoticeLayout = QHBoxLayout(self.formatNotice)
        self.formatNoticeLayout.setObjectName(u"formatNoticeLayout")
        self.formatNoticeLabel = QLabel(self.formatNotice)
        self.formatNoticeLabel.setObjectName(u"formatNoticeLabel")
        self.formatNoticeLabel.setWordWrap(True)
        self.formatNoticeLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.formatNoticeLayout.addWidget(self.formatNoticeLabel)

        self.switchFormatButton = QPushButton(self.formatNotice)
        self.switchFormatButton.setObjectName(u"switchFormatButton")

        self.formatNoticeLayout.addWidget(self.switchFormatButton)


        self.mainLayout.addWidget(self.formatNotice)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.agencyLabel = QLabel(CoverPage)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyEdit = QLineEdit(CoverPage)
        self.agencyEdit.setObjectName(u"agencyEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyEdit)

        self.yearLabel = QLabel(CoverPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearLayout = QHBoxLayout()
        self.yearLayout.setObjectName(u"yearLayout")
        self.yearSpin = QSpinBox(CoverPage)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2008)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setKeyboardTracking(False)

        self.yearLayout.addWidget(self.yearSpin)

        self.yearSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearLayout.addItem(self.yearSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.yearLayout)

        self.formatCaption = QLabel(CoverPage)
        self.formatCaption.setObjectName(u"formatCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.formatCaption)

        self.formatLayout = QHBoxLayout()
        self.formatLayout.setObjectName(u"formatLayout")
        self.formatLabel = QLabel(CoverPage)
        self.formatLabel.setObjectName(u"formatLabel")
        self.formatLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.formatLabel.sizePolicy().hasHeightForWidth())
        self.formatLabel.setSizePolicy(sizePolicy)
        self.formatLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.formatLayout.addWidget(self.formatLabel)

        self.changeFormatButton = QPushButton(CoverPage)
        self.changeFormatButton.setObjectName(u"changeFormatButton")

        self.formatLayout.addWidget(self.changeFormatButton)

        self.formatSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.formatLayout.addItem(self.formatSpacer)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.formatLayout)

        self.kindLabel = QLabel(CoverPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.departmentRadio = QRadioButton(CoverPage)
        self.departmentRadio.setObjectName(u"departmentRadio")

        self.kindLayout.addWidget(self.departmentRadio)

        self.governmentRadio = QRadioButton(CoverPage)
        self.governmentRadio.setObjectName(u"governmentRadio")

        self.kindLayout.addWidget(self.governmentRadio)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.kindLayout)

        self.rulemakingCaption = QLabel(CoverPage)
        self.rulemakingCaption.setObjectName(u"rulemakingCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rulemakingCaption)

        self.rulemakingCheck = QCheckBox(CoverPage)
        self.rulemakingCheck.setObjectName(u"rulemakingCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rulemakingCheck)

        self.periodLabel = QLabel(CoverPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.periodStartEdit = QDateEdit(CoverPage)
        self.periodStartEdit.setObjectName(u"periodStartEdit")
        self.periodStartEdit.setCalendarPopup(True)

        self.periodLayout.addWidget(self.periodStartEdit)

        self.periodToLabel = QLabel(CoverPage)
        self.periodToLabel.setObjectName(u"periodToLabel")

        self.periodLayout.addWidget(self.periodToLabel)

        self.periodEndEdit = QDateEdit(CoverPage)
        self.periodEndEdit.setObjectName(u"periodEndEdit")
        self.periodEndEdit.setCalendarPopup(True)

        self.periodLayout.addWidget(self.periodEndEdit)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.periodLayout)

        self.publishedOnLabel = QLabel(CoverPage)
        self.publishedOnLabel.setObjectName(u"publishedOnLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.publishedOnLabel)

        self.publishedOnLayout = QHBoxLayout()
        self.publishedOnLayout.setObjectName(u"publishedOnLayout")
        self.publishedOnEdit = QDateEdit(CoverPage)
        self.publishedOnEdit.setObjectName(u"publishedOnEdit")
        self.publishedOnEdit.setCalendarPopup(True)

        self.publishedOnLayout.addWidget(self.publishedOnEdit)

        self.deadlineLabel = QLabel(CoverPage)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.publishedOnLayout.addWidget(self.deadlineLabel)

        self.publishedOnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.publishedOnLayout.addItem(self.publishedOnSpacer)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.publishedOnLayout)

        self.publishedAtLabel = QLabel(CoverPage)
        self.publishedAtLabel.setObjectName(u"publishedAtLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.publishedAtLabel)

        self.publishedAtEdit = QLineEdit(CoverPage)
        self.publishedAtEdit.setObjectName(u"publishedAtEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.publishedAtEdit)

        self.contactLabel = QLabel(CoverPage)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(CoverPage)
        self.contactEdit.setObjectName(u"contactEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.signatoryLabel = QLabel(CoverPage)
        self.signatoryLabel.setObjectName(u"signatoryLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.signatoryLabel)

        self.signatoryEdit = QLineEdit(CoverPage)
        self.signatoryEdit.setObjectName(u"signatoryEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.signatoryEdit)

        self.titleCaption = QLabel(CoverPage)
        self.titleCaption.setObjectName(u"titleCaption")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titlePreview = QLabel(CoverPage)
        self.titlePreview.setObjectName(u"titlePreview")
        self.titlePreview.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.titlePreview)


        self.mainLayout.addLayout(self.formLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.agencyLabel.setBuddy(self.agencyEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.periodLabel.setBuddy(self.periodStartEdit)
        self.publishedOnLabel.setBuddy(self.publishedOnEdit)
        self.publishedAtLabel.setBuddy(self.publishedAtEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.signatoryLabel.setBuddy(self.signatoryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.agencyEdit, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.changeFormatButton)
        QWidget.setTabOrder(self.changeFormatButton, self.departmentRadio)
        QWidget.setTabOrder(self.departmentRadio, self.governmentRadio)
        QWidget.setTabOrder(self.governmentRadio, self.rulemakingCheck)
        QWidget.setTabOrder(self.rulemakingCheck, self.periodStartEdit)
        QWidget.setTabOrder(self.periodStartEdit, self.periodEndEdit)
        QWidget.setTabOrder(self.periodEndEdit, self.publishedOnEdit)
        QWidget.setTabOrder(self.publishedOnEdit, self.publishedAtEdit)
        QWidget.setTabOrder(self.publishedAtEdit, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.signatoryEdit)

        self.retranslateUi(CoverPage)

        QMetaObject.connectSlotsByName(CoverPage)
    # setupUi

    def retranslateUi(self, CoverPage):
        self.switchFormatButton.setText(QCoreApplication.translate("CoverPage", u"\u6539\u7528\u89c4\u5b9a\u7684\u683c\u5f0f(&U)", None))
        self.agencyLabel.setText(QCoreApplication.translate("CoverPage", u"\u673a\u5173\u5168\u79f0(&A)\uff1a", None))
        self.agencyEdit.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u91cd\u5e86\u5e02\u5f00\u5dde\u533a\u6559\u80b2\u59d4\u5458\u4f1a", None))
        self.yearLabel.setText(QCoreApplication.translate("CoverPage", u"\u62a5\u544a\u5e74\u5ea6(&Y)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("CoverPage", u" \u5e74", None))
        self.formatCaption.setText(QCoreApplication.translate("CoverPage", u"\u5e74\u62a5\u683c\u5f0f\uff1a", None))
        self.changeFormatButton.setText(QCoreApplication.translate("CoverPage", u"\u66f4\u6539\u683c\u5f0f(&M)\u2026", None))
        self.kindLabel.setText(QCoreApplication.translate("CoverPage", u"\u673a\u5173\u7c7b\u578b\uff1a", None))
        self.departmentRadio.setText(QCoreApplication.translate("CoverPage", u"\u653f\u5e9c\u90e8\u95e8(&D)", None))
        self.governmentRadio.setText(QCoreApplication.translate("CoverPage", u"\u4e00\u7ea7\u4eba\u6c11\u653f\u5e9c(&N)", None))
        self.rulemakingCaption.setText(QCoreApplication.translate("CoverPage", u"\u89c4\u7ae0\u5236\u5b9a\u6743\uff1a", None))
        self.rulemakingCheck.setText(QCoreApplication.translate("CoverPage", u"\u672c\u673a\u5173\u6709\u89c4\u7ae0\u5236\u5b9a\u6743(&R)\uff08\u56fd\u52a1\u9662\u90e8\u95e8\u3001\u7701\u7ea7\u653f\u5e9c\u3001\u8bbe\u533a\u7684\u5e02\u653f\u5e9c\uff09", None))
        self.periodLabel.setText(QCoreApplication.translate("CoverPage", u"\u7edf\u8ba1\u671f\u9650(&P)\uff1a", None))
        self.periodStartEdit.setDisplayFormat(QCoreApplication.translate("CoverPage", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.periodToLabel.setText(QCoreApplication.translate("CoverPage", u"\u81f3", None))
        self.periodEndEdit.setDisplayFormat(QCoreApplication.translate("CoverPage", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.publishedOnLabel.setText(QCoreApplication.translate("CoverPage", u"\u516c\u5f00\u65e5\u671f(&O)\uff1a", None))
        self.publishedOnEdit.setDisplayFormat(QCoreApplication.translate("CoverPage", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.publishedAtLabel.setText(QCoreApplication.translate("CoverPage", u"\u516c\u5f00\u7f51\u7ad9\u6216\u5e73\u53f0(&W)\uff1a", None))
        self.publishedAtEdit.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4f8b\u5982\uff1a\u91cd\u5e86\u5e02\u5f00\u5dde\u533a\u4eba\u6c11\u653f\u5e9c\u7f51\u7ad9\uff08www.cqkz.gov.cn\uff09", None))
        self.contactLabel.setText(QCoreApplication.translate("CoverPage", u"\u8054\u7cfb\u65b9\u5f0f(&C)\uff1a", None))
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u54a8\u8be2\u673a\u5173\u3001\u5730\u5740\u3001\u90ae\u7f16\u3001\u7535\u8bdd\uff0c\u4f8b\u5982\uff1a\u533a\u6559\u59d4\u529e\u516c\u5ba4\uff0c\u7535\u8bdd023-00000000", None))
        self.signatoryLabel.setText(QCoreApplication.translate("CoverPage", u"\u843d\u6b3e\u673a\u5173(&S)\uff1a", None))
        self.signatoryEdit.setPlaceholderText(QCoreApplication.translate("CoverPage", u"\u4e3a\u7a7a\u65f6\u4f7f\u7528\u673a\u5173\u5168\u79f0", None))
        self.titleCaption.setText(QCoreApplication.translate("CoverPage", u"\u5e74\u62a5\u6807\u9898\uff1a", None))
        pass
    # retranslateUi

