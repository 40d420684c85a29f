# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'patient_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_PatientDialog(object):
    def setupUi(self, PatientDialog):
        if not PatientDialog.objectName():
            PatientDialog.setObjectName(u"PatientDialog")
        PatientDialog.resize(860, 620)
        self.mainLayout = QVBoxLayout(PatientDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.identityGroup = QGroupBox(PatientDialog)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityForm = QFormLayout(self.identityGroup)
        self.identityForm.setObjectName(u"identityForm")
        self.recordNumberEditLabel = QLabel(self.identityGroup)
        self.recordNumberEditLabel.setObjectName(u"recordNumberEditLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recordNumberEditLabel)

        self.recordNumberEdit = QLineEdit(self.identityGroup)
        self.recordNumberEdit.setObjectName(u"recordNumberEdit")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recordNumberEdit)

        self.familyNameEditLabel = QLabel(self.identityGroup)
        self.familyNameEditLabel.setObjectName(u"familyNameEditLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.familyNameEditLabel)

        self.familyNameEdit = QLineEdit(self.identityGroup)
        self.familyNameEdit.setObjectName(u"familyNameEdit")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.familyNameEdit)

        self.givenNamesEditLabel = QLabel(self.identityGroup)
        self.givenNamesEditLabel.setObjectName(u"givenNamesEditLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.givenNamesEditLabel)

        self.givenNamesEdit = QLineEdit(self.identityGroup)
        self.givenNamesEdit.setObjectName(u"givenNamesEdit")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.givenNamesEdit)

        self.birthDateEditLabel = QLabel(self.identityGroup)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthDateEditLabel)

        self.birthDateEdit = QLineEdit(self.identityGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.identityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.sexComboLabel = QLabel(self.identityGroup)
        self.sexComboLabel.setObjectName(u"sexComboLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sexComboLabel)

        self.sexCombo = QComboBox(self.identityGroup)
        self.sexCombo.setObjectName(u"sexCombo")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.phoneEditLabel = QLabel(self.identityGroup)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(self.identityGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.identityForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailEditLabel = QLabel(self.identityGroup)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(self.identityGroup)
        self.emailEdit.setObjectName(u"emailEdit")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.addressEditLabel = QLabel(self.identityGroup)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.identityForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressEditLabel)

        self.addressEdit = QPlainTextEdit(self.identityGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setTabChangesFocus(True)
        self.addressEdit.setMaximumSize(QSize(16777215, 60))

        self.identityForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressEdit)


        self.columns.addWidget(self.identityGroup)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.historyGroup = QGroupBox(PatientDialog)
        self.historyGroup.setObjectName(u"historyGroup")
        self.historyLayout = QVBoxLayout(self.historyGroup)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyGrid = QGridLayout()
        self.historyGrid.setObjectName(u"historyGrid")
        self.anticoagulantsCheck = QCheckBox(self.historyGroup)
        self.anticoagulantsCheck.setObjectName(u"anticoagulantsCheck")

        self.historyGrid.addWidget(self.anticoagulantsCheck, 0, 0, 1, 1)

        self.diabetesCheck = QCheckBox(self.historyGroup)
        self.diabetesCheck.setObjectName(u"diabetesCheck")

        self.historyGrid.addWidget(self.diabetesCheck, 0, 1, 1, 1)

        self.immuneDiseaseCheck = QCheckBox(self.historyGroup)
        self.immuneDiseaseCheck.setObjectName(u"immuneDiseaseCheck")

        self.historyGrid.addWidget(self.immuneDiseaseCheck, 1, 0, 1, 1)

        self.cancerCheck = QCheckBox(self.historyGroup)
        self.cancerCheck.setObjectName(u"cancerCheck")

        self.historyGrid.addWidget(self.cancerCheck, 1, 1, 1, 1)

        self.pregnantCheck = QCheckBox(self.historyGroup)
        self.pregnantCheck.setObjectName(u"pregnantCheck")

        self.historyGrid.addWidget(self.pregnantCheck, 2, 0, 1, 1)

        self.breastfeedingCheck = QCheckBox(self.historyGroup)
        self.breastfeedingCheck.setObjectName(u"breastfeedingCheck")

        self.historyGrid.addWidget(self.breastfeedingCheck, 2, 1, 1, 1)

        self.planningConceptionCheck = QCheckBox(self.historyGroup)
        self.planningConceptionCheck.setObjectName(u"planningConceptionCheck")

        self.historyGrid.addWidget(self.planningConceptionCheck, 3, 0, 1, 1)

        self.activeScalpInfectionCheck = QCheckBox(self.historyGroup)
        self.activeScalpInfectionCheck.setObjectName(u"activeScalpInfectionCheck")

        self.historyGrid.addWidget(self.activeScalpInfectionCheck, 3, 1, 1, 1)

        self.herpesCheck = QCheckBox(self.historyGroup)
        self.herpesCheck.setObjectName(u"herpesCheck")

        self.historyGrid.addWidget(self.herpesCheck, 4, 0, 1, 1)

        self.keloidTendencyCheck = QCheckBox(self.historyGroup)
        self.keloidTendencyCheck.setObjectName(u"keloidTendencyCheck")

        self.historyGrid.addWidget(self.keloidTendencyCheck, 4, 1, 1, 1)


        self.historyLayout.addLayout(self.historyGrid)

        self.historyNotesEdit = QLineEdit(self.historyGroup)
        self.historyNotesEdit.setObjectName(u"historyNotesEdit")

        self.historyLayout.addWidget(self.historyNotesEdit)


        self.rightColumn.addWidget(self.historyGroup)

        self.treatmentsGroup = QGroupBox(PatientDialog)
        self.treatmentsGroup.setObjectName(u"treatmentsGroup")
        self.treatmentsLayout = QVBoxLayout(self.treatmentsGroup)
        self.treatmentsLayout.setObjectName(u"treatmentsLayout")
        self.treatmentsGrid = QGridLayout()
        self.treatmentsGrid.setObjectName(u"treatmentsGrid")
        self.minoxidilCheck = QCheckBox(self.treatmentsGroup)
        self.minoxidilCheck.setObjectName(u"minoxidilCheck")

        self.treatmentsGrid.addWidget(self.minoxidilCheck, 0, 0, 1, 1)

        self.finasterideCheck = QCheckBox(self.treatmentsGroup)
        self.finasterideCheck.setObjectName(u"finasterideCheck")

        self.treatmentsGrid.addWidget(self.finasterideCheck, 0, 1, 1, 1)

        self.dutasterideCheck = QCheckBox(self.treatmentsGroup)
        self.dutasterideCheck.setObjectName(u"dutasterideCheck")

        self.treatmentsGrid.addWidget(self.dutasterideCheck, 0, 2, 1, 1)

        self.prpCheck = QCheckBox(self.treatmentsGroup)
        self.prpCheck.setObjectName(u"prpCheck")

        self.treatmentsGrid.addWidget(self.prpCheck, 1, 0, 1, 1)

        self.transplantCheck = QCheckBox(self.treatmentsGroup)
        self.transplantCheck.setObjectName(u"transplantCheck")

        self.treatmentsGrid.addWidget(self.transplantCheck, 1, 1, 1, 1)


        self.treatmentsLayout.addLayout(self.treatmentsGrid)

        self.otherTreatmentsEdit = QLineEdit(self.treatmentsGroup)
        self.otherTreatmentsEdit.setObjectName(u"otherTreatmentsEdit")

        self.treatmentsLayout.addWidget(self.otherTreatmentsEdit)


        self.rightColumn.addWidget(self.treatmentsGroup)

        self.allergyGroup = QGroupBox(PatientDialog)
        self.allergyGroup.setObjectName(u"allergyGroup")
        self.allergyLayout = QVBoxLayout(self.allergyGroup)
        self.allergyLayout.setObjectName(u"allergyLayout")
        self.allergiesEdit = QLineEdit(self.allergyGroup)
        self.allergiesEdit.setObjectName(u"allergiesEdit")

        self.allergyLayout.addWidget(self.allergiesEdit)


        self.rightColumn.addWidget(self.allergyGroup)

        self.consentGroup = QGroupBox(PatientDialog)
        self.consentGroup.setObjectName(u"consentGroup")
        self.consentLayout = QVBoxLayout(self.consentGroup)
        self.consentLayout.setObjectName(u"consentLayout")
        self.consentTreatmentCheck = QCheckBox(self.consentGroup)
        self.consentTreatmentCheck.setObjectName(u"consentTreatmentCheck")

        self.consentLayout.addWidget(self.consentTreatmentCheck)

        self.consentPhotosCheck = QCheckBox(self.consentGroup)
        self.consentPhotosCheck.setObjectName(u"consentPhotosCheck")

        self.consentLayout.addWidget(self.consentPhotosCheck)


        self.rightColumn.addWidget(self.consentGroup)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.notesEdit = QPlainTextEdit(PatientDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.mainLayout.addWidget(self.notesEdit)

        self.problemsLabel = QLabel(PatientDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(PatientDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.buttonBox = QDialogButtonBox(PatientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recordNumberEditLabel.setBuddy(self.recordNumberEdit)
        self.familyNameEditLabel.setBuddy(self.familyNameEdit)
        self.givenNamesEditLabel.setBuddy(self.givenNamesEdit)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.sexComboLabel.setBuddy(self.sexCombo)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.addressEditLabel.setBuddy(self.addressEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recordNumberEdit, self.familyNameEdit)
        QWidget.setTabOrder(self.familyNameEdit, self.givenNamesEdit)
        QWidget.setTabOrder(self.givenNamesEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.anticoagulantsCheck)
        QWidget.setTabOrder(self.anticoagulantsCheck, self.diabetesCheck)
        QWidget.setTabOrder(self.diabetesCheck, self.immuneDiseaseCheck)
        QWidget.setTabOrder(self.immuneDiseaseCheck, self.cancerCheck)
        QWidget.setTabOrder(self.cancerCheck, self.pregnantCheck)
        QWidget.setTabOrder(self.pregnantCheck, self.breastfeedingCheck)
        QWidget.setTabOrder(self.breastfeedingCheck, self.planningConceptionCheck)
        QWidget.setTabOrder(self.planningConceptionCheck, self.activeScalpInfectionCheck)
        QWidget.setTabOrder(self.activeScalpInfectionCheck, self.herpesCheck)
        QWidget.setTabOrder(self.herpesCheck, self.keloidTendencyCheck)
        QWidget.setTabOrder(self.keloidTendencyCheck, self.historyNotesEdit)
        QWidget.setTabOrder(self.historyNotesEdit, self.minoxidilCheck)
        QWidget.setTabOrder(self.minoxidilCheck, self.finasterideCheck)
        QWidget.setTabOrder(self.finasterideCheck, self.dutasterideCheck)
        QWidget.setTabOrder(self.dutasterideCheck, self.prpCheck)
        QWidget.setTabOrder(self.prpCheck, self.transplantCheck)
        QWidget.setTabOrder(self.transplantCheck, self.otherTreatmentsEdit)
        QWidget.setTabOrder(self.otherTreatmentsEdit, self.allergiesEdit)
        QWidget.setTabOrder(self.allergiesEdit, self.consentTreatmentCheck)
        QWidget.setTabOrder(self.consentTreatmentCheck, self.consentPhotosCheck)
        QWidget.setTabOrder(self.consentPhotosCheck, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(PatientDialog)

        QMetaObject.connectSlotsByName(PatientDialog)
    # setupUi

    def retranslateUi(self, PatientDialog):
        PatientDialog.setWindowTitle(QCoreApplication.translate("PatientDialog", u"Patient", None))
        self.identityGroup.setTitle(QCoreApplication.translate("PatientDialog", u"Identity and contact", None))
        self.recordNumberEditLabel.setText(QCoreApplication.translate("PatientDialog", u"Record &no.", None))
        self.recordNumberEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"assigned automatically", None))
        self.familyNameEditLabel.setText(QCoreApplication.translate("PatientDialog", u"&Family name", None))
        self.givenNamesEditLabel.setText(QCoreApplication.translate("PatientDialog", u"&Given names", None))
        self.birthDateEditLabel.setText(QCoreApplication.translate("PatientDialog", u"&Birth date", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"YYYY-MM-DD or DD.MM.YYYY", None))
        self.sexComboLabel.setText(QCoreApplication.translate("PatientDialog", u"&Sex", None))
        self.phoneEditLabel.setText(QCoreApplication.translate("PatientDialog", u"&Phone", None))
        self.emailEditLabel.setText(QCoreApplication.translate("PatientDialog", u"E-&mail", None))
        self.addressEditLabel.setText(QCoreApplication.translate("PatientDialog", u"A&ddress", None))
        self.historyGroup.setTitle(QCoreApplication.translate("PatientDialog", u"Medical history", None))
        self.anticoagulantsCheck.setText(QCoreApplication.translate("PatientDialog", u"Anticoagulants", None))
        self.diabetesCheck.setText(QCoreApplication.translate("PatientDialog", u"Diabetes", None))
        self.immuneDiseaseCheck.setText(QCoreApplication.translate("PatientDialog", u"Immune disease", None))
        self.cancerCheck.setText(QCoreApplication.translate("PatientDialog", u"Cancer", None))
        self.pregnantCheck.setText(QCoreApplication.translate("PatientDialog", u"Pregnant", None))
        self.breastfeedingCheck.setText(QCoreApplication.translate("PatientDialog", u"Breastfeeding", None))
        self.planningConceptionCheck.setText(QCoreApplication.translate("PatientDialog", u"Planning conception", None))
        self.activeScalpInfectionCheck.setText(QCoreApplication.translate("PatientDialog", u"Active scalp infection", None))
        self.herpesCheck.setText(QCoreApplication.translate("PatientDialog", u"Herpes", None))
        self.keloidTendencyCheck.setText(QCoreApplication.translate("PatientDialog", u"Keloid tendency", None))
        self.historyNotesEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"Other history (medication, conditions)", None))
        self.treatmentsGroup.setTitle(QCoreApplication.translate("PatientDialog", u"Hair-loss treatments (current or past)", None))
        self.minoxidilCheck.setText(QCoreApplication.translate("PatientDialog", u"Minoxidil", None))
        self.finasterideCheck.setText(QCoreApplication.translate("PatientDialog", u"Finasteride", None))
        self.dutasterideCheck.setText(QCoreApplication.translate("PatientDialog", u"Dutasteride", None))
        self.prpCheck.setText(QCoreApplication.translate("PatientDialog", u"PRP", None))
        self.transplantCheck.setText(QCoreApplication.translate("PatientDialog", u"Hair transplant", None))
        self.otherTreatmentsEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"Other treatments", None))
        self.allergyGroup.setTitle(QCoreApplication.translate("PatientDialog", u"Allergies", None))
        self.allergiesEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"e.g. lidocaine, nickel, biotin", None))
        self.consentGroup.setTitle(QCoreApplication.translate("PatientDialog", u"Consent", None))
        self.consentTreatmentCheck.setText(QCoreApplication.translate("PatientDialog", u"Consents to treatment", None))
        self.consentPhotosCheck.setText(QCoreApplication.translate("PatientDialog", u"Consents to clinical photography", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("PatientDialog", u"Notes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("PatientDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

