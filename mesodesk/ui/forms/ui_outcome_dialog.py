# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

class Ui_OutcomeDialog(object):
    def setupUi(self, OutcomeDialog):
        if not OutcomeDialog.objectName():
            OutcomeDialog.setObjectName(u"OutcomeDialog")
        OutcomeDialog.resize(560, 440)
        self.mainLayout = QVBoxLayout(OutcomeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.patientLabel = QLabel(OutcomeDialog)
        self.patientLabel.setObjectName(u"patientLabel")

        self.mainLayout.addWidget(self.patientLabel)

        self.outcomeForm = QFormLayout()
        self.outcomeForm.setObjectName(u"outcomeForm")
        self.measuredOnEditLabel = QLabel(OutcomeDialog)
        self.measuredOnEditLabel.setObjectName(u"measuredOnEditLabel")

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.measuredOnEditLabel)

        self.measuredOnEdit = QLineEdit(OutcomeDialog)
        self.measuredOnEdit.setObjectName(u"measuredOnEdit")

        self.outcomeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.measuredOnEdit)

        self.checkpointComboLabel = QLabel(OutcomeDialog)
        self.checkpointComboLabel.setObjectName(u"checkpointComboLabel")

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.checkpointComboLabel)

        self.checkpointCombo = QComboBox(OutcomeDialog)
        self.checkpointCombo.setObjectName(u"checkpointCombo")

        self.outcomeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.checkpointCombo)

        self.densityEditLabel = QLabel(OutcomeDialog)
        self.densityEditLabel.setObjectName(u"densityEditLabel")

        self.outcomeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.densityEditLabel)

        self.densityEdit = QLineEdit(OutcomeDialog)
        self.densityEdit.setObjectName(u"densityEdit")

        self.outcomeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.densityEdit)

        self.diameterEditLabel = QLabel(OutcomeDialog)
        self.diameterEditLabel.setObjectName(u"diameterEditLabel")

        self.outcomeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.diameterEditLabel)

        self.diameterEdit = QLineEdit(OutcomeDialog)
        self.diameterEdit.setObjectName(u"diameterEdit")

        self.outcomeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.diameterEdit)

        self.globalComboLabel = QLabel(OutcomeDialog)
        self.globalComboLabel.setObjectName(u"globalComboLabel")

        self.outcomeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.globalComboLabel)

        self.globalCombo = QComboBox(OutcomeDialog)
        self.globalCombo.setObjectName(u"globalCombo")

        self.outcomeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.globalCombo)

        self.satisfactionSpinLabel = QLabel(OutcomeDialog)
        self.satisfactionSpinLabel.setObjectName(u"satisfactionSpinLabel")

        self.outcomeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.satisfactionSpinLabel)

        self.satisfactionSpin = QSpinBox(OutcomeDialog)
        self.satisfactionSpin.setObjectName(u"satisfactionSpin")
        self.satisfactionSpin.setMinimum(-1)
        self.satisfactionSpin.setMaximum(10)

        self.outcomeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.satisfactionSpin)

        self.notesEditLabel = QLabel(OutcomeDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.outcomeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(OutcomeDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.outcomeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.outcomeForm)

        self.problemsLabel = QLabel(OutcomeDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(OutcomeDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.buttonBox = QDialogButtonBox(OutcomeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.measuredOnEditLabel.setBuddy(self.measuredOnEdit)
        self.checkpointComboLabel.setBuddy(self.checkpointCombo)
        self.densityEditLabel.setBuddy(self.densityEdit)
        self.diameterEditLabel.setBuddy(self.diameterEdit)
        self.globalComboLabel.setBuddy(self.globalCombo)
        self.satisfactionSpinLabel.setBuddy(self.satisfactionSpin)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.measuredOnEdit, self.checkpointCombo)
        QWidget.setTabOrder(self.checkpointCombo, self.densityEdit)
        QWidget.setTabOrder(self.densityEdit, self.diameterEdit)
        QWidget.setTabOrder(self.diameterEdit, self.globalCombo)
        QWidget.setTabOrder(self.globalCombo, self.satisfactionSpin)
        QWidget.setTabOrder(self.satisfactionSpin, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(OutcomeDialog)

        QMetaObject.connectSlotsByName(OutcomeDialog)
    # setupUi

    def retranslateUi(self, OutcomeDialog):
        OutcomeDialog.setWindowTitle(QCoreApplication.translate("OutcomeDialog", u"Record an outcome", None))
        self.measuredOnEditLabel.setText(QCoreApplication.translate("OutcomeDialog", u"&Date", None))
        self.measuredOnEdit.setPlaceholderText(QCoreApplication.translate("OutcomeDialog", u"YYYY-MM-DD", None))
        self.checkpointComboLabel.setText(QCoreApplication.translate("OutcomeDialog", u"&Checkpoint", None))
        self.densityEditLabel.setText(QCoreApplication.translate("OutcomeDialog", u"&Density change vs baseline", None))
        self.densityEdit.setPlaceholderText(QCoreApplication.translate("OutcomeDialog", u"% (e.g. 12.5 or -3)", None))
        self.diameterEditLabel.setText(QCoreApplication.translate("OutcomeDialog", u"D&iameter change vs baseline", None))
        self.diameterEdit.setPlaceholderText(QCoreApplication.translate("OutcomeDialog", u"%", None))
        self.globalComboLabel.setText(QCoreApplication.translate("OutcomeDialog", u"&Global photographic assessment", None))
        self.satisfactionSpinLabel.setText(QCoreApplication.translate("OutcomeDialog", u"Patient &satisfaction", None))
        self.satisfactionSpin.setSpecialValueText(QCoreApplication.translate("OutcomeDialog", u"not asked", None))
        self.satisfactionSpin.setSuffix(QCoreApplication.translate("OutcomeDialog", u" / 10", None))
        self.notesEditLabel.setText(QCoreApplication.translate("OutcomeDialog", u"&Notes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("OutcomeDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

