# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'adjust_lot_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AdjustLotDialog(object):
    def setupUi(self, AdjustLotDialog):
        if not AdjustLotDialog.objectName():
            AdjustLotDialog.setObjectName(u"AdjustLotDialog")
        AdjustLotDialog.resize(520, 280)
        self.mainLayout = QVBoxLayout(AdjustLotDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lotLabel = QLabel(AdjustLotDialog)
        self.lotLabel.setObjectName(u"lotLabel")
        font = QFont()
        font.setPointSize(12)
        font.setBold(True)
        self.lotLabel.setFont(font)
        self.lotLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.lotLabel)

        self.stockLabel = QLabel(AdjustLotDialog)
        self.stockLabel.setObjectName(u"stockLabel")

        self.mainLayout.addWidget(self.stockLabel)

        self.adjustForm = QFormLayout()
        self.adjustForm.setObjectName(u"adjustForm")
        self.newQuantityEditLabel = QLabel(AdjustLotDialog)
        self.newQuantityEditLabel.setObjectName(u"newQuantityEditLabel")

        self.adjustForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newQuantityEditLabel)

        self.newQuantityEdit = QLineEdit(AdjustLotDialog)
        self.newQuantityEdit.setObjectName(u"newQuantityEdit")

        self.adjustForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newQuantityEdit)

        self.reasonEditLabel = QLabel(AdjustLotDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.adjustForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEdit = QLineEdit(AdjustLotDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.adjustForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.adjustForm)

        self.problemsLabel = QLabel(AdjustLotDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(AdjustLotDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(AdjustLotDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.newQuantityEditLabel.setBuddy(self.newQuantityEdit)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newQuantityEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(AdjustLotDialog)

        QMetaObject.connectSlotsByName(AdjustLotDialog)
    # setupUi

    def retranslateUi(self, AdjustLotDialog):
        AdjustLotDialog.setWindowTitle(QCoreApplication.translate("AdjustLotDialog", u"Adjust the quantity of a lot", None))
        self.newQuantityEditLabel.setText(QCoreApplication.translate("AdjustLotDialog", u"&New quantity left", None))
        self.reasonEditLabel.setText(QCoreApplication.translate("AdjustLotDialog", u"&Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("AdjustLotDialog", u"e.g. stock count, broken ampoule, disposed of", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("AdjustLotDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

