# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QVBoxLayout, QWidget)

from mesodesk.ui.widgets.scalp_map import ScalpMapWidget

class Ui_SessionForm(object):
    def setupUi(self, SessionForm):
        if not SessionForm.objectName():
            SessionForm.setObjectName(u"SessionForm")
        SessionForm.resize(1240, 740)
        self.mainLayout = QVBoxLayout(SessionForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.patientLabel = QLabel(SessionForm)
        self.patientLabel.setObjectName(u"patientLabel")

        self.mainLayout.addWidget(self.patientLabel)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.treatmentGroup = QGroupBox(SessionForm)
        self.treatmentGroup.setObjectName(u"treatmentGroup")
        self.treatmentLayout = QVBoxLayout(self.treatmentGroup)
        self.treatmentLayout.setObjectName(u"treatmentLayout")
        self.sessionForm = QFormLayout()
        self.sessionForm.setObjectName(u"sessionForm")
        self.performedAtEditLabel = QLabel(self.treatmentGroup)
        self.performedAtEditLabel.setObjectName(u"performedAtEditLabel")

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.performedAtEditLabel)

        self.performedAtEdit = QDateTimeEdit(self.treatmentGroup)
        self.performedAtEdit.setObjectName(u"performedAtEdit")
        self.performedAtEdit.setCalendarPopup(True)

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.performedAtEdit)

        self.practitionerComboLabel = QLabel(self.treatmentGroup)
        self.practitionerComboLabel.setObjectName(u"practitionerComboLabel")

        self.sessionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.practitionerComboLabel)

        self.practitionerCombo = QComboBox(self.treatmentGroup)
        self.practitionerCombo.setObjectName(u"practitionerCombo")

        self.sessionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.practitionerCombo)

        self.visitComboLabel = QLabel(self.treatmentGroup)
        self.visitComboLabel.setObjectName(u"visitComboLabel")

        self.sessionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.visitComboLabel)

        self.visitCombo = QComboBox(self.treatmentGroup)
        self.visitCombo.setObjectName(u"visitCombo")

        self.sessionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.visitCombo)

        self.recipeComboLabel = QLabel(self.treatmentGroup)
        self.recipeComboLabel.setObjectName(u"recipeComboLabel")

        self.sessionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.recipeComboLabel)

        self.recipeCombo = QComboBox(self.treatmentGroup)
        self.recipeCombo.setObjectName(u"recipeCombo")

        self.sessionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.recipeCombo)

        self.recipeSummaryLabelLabel = QLabel(self.treatmentGroup)
        self.recipeSummaryLabelLabel.setObjectName(u"recipeSummaryLabelLabel")

        self.sessionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.recipeSummaryLabelLabel)

        self.recipeSummaryLabel = QLabel(self.treatmentGroup)
        self.recipeSummaryLabel.setObjectName(u"recipeSummaryLabel")
        self.recipeSummaryLabel.setWordWrap(True)

        self.sessionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.recipeSummaryLabel)

        self.volumeSpinLabel = QLabel(self.treatmentGroup)
        self.volumeSpinLabel.setObjectName(u"volumeSpinLabel")

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.volumeSpinLabel)

        self.volumeSpin = QDoubleSpinBox(self.treatmentGroup)
        self.volumeSpin.setObjectName(u"volumeSpin")
        self.volumeSpin.setDecimals(1)
        self.volumeSpin.setMinimum(0.000000000000000)
        self.volumeSpin.setMaximum(200.000000000000000)
        self.volumeSpin.setSingleStep(0.500000000000000)

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.volumeSpin)

        self.gaugeSpinLabel = QLabel(self.treatmentGroup)
        self.gaugeSpinLabel.setObjectName(u"gaugeSpinLabel")

        self.sessionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.gaugeSpinLabel)

        self.gaugeSpin = QSpinBox(self.treatmentGroup)
        self.gaugeSpin.setObjectName(u"gaugeSpin")
        self.gaugeSpin.setMinimum(0)
        self.gaugeSpin.setMaximum(60)
        self.gaugeSpin.setSingleStep(1)

        self.sessionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.gaugeSpin)

        self.needleLengthComboLabel = QLabel(self.treatmentGroup)
        self.needleLengthComboLabel.setObjectName(u"needleLengthComboLabel")

        self.sessionForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.needleLengthComboLabel)

        self.needleLengthCombo = QComboBox(self.treatmentGroup)
        self.needleLengthCombo.setObjectName(u"needleLengthCombo")
        self.needleLengthCombo.setEditable(True)

        self.sessionForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.needleLengthCombo)

        self.techniqueComboLabel = QLabel(self.treatmentGroup)
        self.techniqueComboLabel.setObjectName(u"techniqueComboLabel")

        self.sessionForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.techniqueComboLabel)

        self.techniqueCombo = QComboBox(self.treatmentGroup)
        self.techniqueCombo.setObjectName(u"techniqueCombo")

        self.sessionForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.techniqueCombo)

        self.techniqueOtherEditLabel = QLabel(self.treatmentGroup)
        self.techniqueOtherEditLabel.setObjectName(u"techniqueOtherEditLabel")

        self.sessionForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.techniqueOtherEditLabel)

        self.techniqueOtherEdit = QLineEdit(self.treatmentGroup)
        self.techniqueOtherEdit.setObjectName(u"techniqueOtherEdit")

        self.sessionForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.techniqueOtherEdit)

        self.anaesthesiaComboLabel = QLabel(self.treatmentGroup)
        self.anaesthesiaComboLabel.setObjectName(u"anaesthesiaComboLabel")

        self.sessionForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.anaesthesiaComboLabel)

        self.anaesthesiaCombo = QComboBox(self.treatmentGroup)
        self.anaesthesiaCombo.setObjectName(u"anaesthesiaCombo")

        self.sessionForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.anaesthesiaCombo)

        self.painSpinLabel = QLabel(self.treatmentGroup)
        self.painSpinLabel.setObjectName(u"painSpinLabel")

        self.sessionForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.painSpinLabel)

        self.painSpin = QSpinBox(self.treatmentGroup)
        self.painSpin.setObjectName(u"painSpin")
        self.painSpin.setMinimum(-1)
        self.painSpin.setMaximum(10)

        self.sessionForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.painSpin)


        self.treatmentLayout.addLayout(self.sessionForm)

        self.lotsLabel = QLabel(self.treatmentGroup)
        self.lotsLabel.setObjectName(u"lotsLabel")

        self.treatmentLayout.addWidget(self.lotsLabel)

        self.lotTable = QTableWidget(self.treatmentGroup)
        self.lotTable.setObjectName(u"lotTable")
        self.lotTable.setColumnCount(3)
        self.lotTable.setMaximumSize(QSize(16777215, 110))

        self.treatmentLayout.addWidget(self.lotTable)

        self.lotButtons = QHBoxLayout()
        self.lotButtons.setObjectName(u"lotButtons")
        self.lotCombo = QComboBox(self.treatmentGroup)
        self.lotCombo.setObjectName(u"lotCombo")

        self.lotButtons.addWidget(self.lotCombo)

        self.addLotButton = QPushButton(self.treatmentGroup)
        self.addLotButton.setObjectName(u"addLotButton")

        self.lotButtons.addWidget(self.addLotButton)

        self.removeLotButton = QPushButton(self.treatmentGroup)
        self.removeLotButton.setObjectName(u"removeLotButton")

        self.lotButtons.addWidget(self.removeLotButton)


        self.treatmentLayout.addLayout(self.lotButtons)


        self.columns.addWidget(self.treatmentGroup)

        self.zonesGroup = QGroupBox(SessionForm)
        self.zonesGroup.setObjectName(u"zonesGroup")
        self.zonesLayout = QHBoxLayout(self.zonesGroup)
        self.zonesLayout.setObjectName(u"zonesLayout")
        self.scalpMap = ScalpMapWidget(self.zonesGroup)
        self.scalpMap.setObjectName(u"scalpMap")

        self.zonesLayout.addWidget(self.scalpMap)

        self.zoneTable = QTableWidget(self.zonesGroup)
        self.zoneTable.setObjectName(u"zoneTable")
        self.zoneTable.setColumnCount(5)

        self.zonesLayout.addWidget(self.zoneTable)

        self.zonesLayout.setStretch(0, 2)
        self.zonesLayout.setStretch(1, 3)

        self.columns.addWidget(self.zonesGroup)

        self.columns.setStretch(0, 2)
        self.columns.setStretch(1, 5)

        self.mainLayout.addLayout(self.columns)

        self.lowerRow = QHBoxLayout()
        self.lowerRow.setObjectName(u"lowerRow")
        self.reactionsGroup = QGroupBox(SessionForm)
        self.reactionsGroup.setObjectName(u"reactionsGroup")
        self.reactionsLayout = QVBoxLayout(self.reactionsGroup)
        self.reactionsLayout.setObjectName(u"reactionsLayout")
        self.reactionsEdit = QLineEdit(self.reactionsGroup)
        self.reactionsEdit.setObjectName(u"reactionsEdit")

        self.reactionsLayout.addWidget(self.reactionsEdit)

        self.noAdverseCheck = QCheckBox(self.reactionsGroup)
        self.noAdverseCheck.setObjectName(u"noAdverseCheck")

        self.reactionsLayout.addWidget(self.noAdverseCheck)

        self.adverseTable = QTableWidget(self.reactionsGroup)
        self.adverseTable.setObjectName(u"adverseTable")
        self.adverseTable.setColumnCount(4)
        self.adverseTable.setMaximumSize(QSize(16777215, 100))

        self.reactionsLayout.addWidget(self.adverseTable)

        self.adverseButtons = QHBoxLayout()
        self.adverseButtons.setObjectName(u"adverseButtons")
        self.addAdverseButton = QPushButton(self.reactionsGroup)
        self.addAdverseButton.setObjectName(u"addAdverseButton")

        self.adverseButtons.addWidget(self.addAdverseButton)

        self.removeAdverseButton = QPushButton(self.reactionsGroup)
        self.removeAdverseButton.setObjectName(u"removeAdverseButton")

        self.adverseButtons.addWidget(self.removeAdverseButton)

        self.adverseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.adverseButtons.addItem(self.adverseSpacer)


        self.reactionsLayout.addLayout(self.adverseButtons)


        self.lowerRow.addWidget(self.reactionsGroup)

        self.notesGroup = QGroupBox(SessionForm)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesLayout = QVBoxLayout(self.notesGroup)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)

        self.reasonEdit = QLineEdit(self.notesGroup)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.notesLayout.addWidget(self.reasonEdit)

        self.overrideEdit = QLineEdit(self.notesGroup)
        self.overrideEdit.setObjectName(u"overrideEdit")

        self.notesLayout.addWidget(self.overrideEdit)


        self.lowerRow.addWidget(self.notesGroup)


        self.mainLayout.addLayout(self.lowerRow)

        self.problemsLabel = QLabel(SessionForm)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(SessionForm)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.statusLabel = QLabel(SessionForm)
        self.statusLabel.setObjectName(u"statusLabel")

        self.buttonRow.addWidget(self.statusLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(SessionForm)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)

        self.saveDraftButton = QPushButton(SessionForm)
        self.saveDraftButton.setObjectName(u"saveDraftButton")

        self.buttonRow.addWidget(self.saveDraftButton)

        self.signButton = QPushButton(SessionForm)
        self.signButton.setObjectName(u"signButton")

        self.buttonRow.addWidget(self.signButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.performedAtEditLabel.setBuddy(self.performedAtEdit)
        self.practitionerComboLabel.setBuddy(self.practitionerCombo)
        self.visitComboLabel.setBuddy(self.visitCombo)
        self.recipeComboLabel.setBuddy(self.recipeCombo)
        self.recipeSummaryLabelLabel.setBuddy(self.recipeSummaryLabel)
        self.volumeSpinLabel.setBuddy(self.volumeSpin)
        self.gaugeSpinLabel.setBuddy(self.gaugeSpin)
        self.needleLengthComboLabel.setBuddy(self.needleLengthCombo)
        self.techniqueComboLabel.setBuddy(self.techniqueCombo)
        self.techniqueOtherEditLabel.setBuddy(self.techniqueOtherEdit)
        self.anaesthesiaComboLabel.setBuddy(self.anaesthesiaCombo)
        self.painSpinLabel.setBuddy(self.painSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.performedAtEdit, self.practitionerCombo)
        QWidget.setTabOrder(self.practitionerCombo, self.visitCombo)
        QWidget.setTabOrder(self.visitCombo, self.recipeCombo)
        QWidget.setTabOrder(self.recipeCombo, self.volumeSpin)
        QWidget.setTabOrder(self.volumeSpin, self.gaugeSpin)
        QWidget.setTabOrder(self.gaugeSpin, self.needleLengthCombo)
        QWidget.setTabOrder(self.needleLengthCombo, self.techniqueCombo)
        QWidget.setTabOrder(self.techniqueCombo, self.techniqueOtherEdit)
        QWidget.setTabOrder(self.techniqueOtherEdit, self.anaesthesiaCombo)
        QWidget.setTabOrder(self.anaesthesiaCombo, self.painSpin)
        QWidget.setTabOrder(self.painSpin, self.lotTable)
        QWidget.setTabOrder(self.lotTable, self.lotCombo)
        QWidget.setTabOrder(self.lotCombo, self.addLotButton)
        QWidget.setTabOrder(self.addLotButton, self.removeLotButton)
        QWidget.setTabOrder(self.removeLotButton, self.scalpMap)
        QWidget.setTabOrder(self.scalpMap, self.zoneTable)
        QWidget.setTabOrder(self.zoneTable, self.reactionsEdit)
        QWidget.setTabOrder(self.reactionsEdit, self.noAdverseCheck)
        QWidget.setTabOrder(self.noAdverseCheck, self.adverseTable)
        QWidget.setTabOrder(self.adverseTable, self.addAdverseButton)
        QWidget.setTabOrder(self.addAdverseButton, self.removeAdverseButton)
        QWidget.setTabOrder(self.removeAdverseButton, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.overrideEdit)
        QWidget.setTabOrder(self.overrideEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.saveDraftButton)
        QWidget.setTabOrder(self.saveDraftButton, self.signButton)

        self.retranslateUi(SessionForm)

        QMetaObject.connectSlotsByName(SessionForm)
    # setupUi

    def retranslateUi(self, SessionForm):
        SessionForm.setWindowTitle(QCoreApplication.translate("SessionForm", u"Treatment session", None))
        self.treatmentGroup.setTitle(QCoreApplication.translate("SessionForm", u"Treatment", None))
        self.performedAtEditLabel.setText(QCoreApplication.translate("SessionForm", u"&Date and time", None))
        self.performedAtEdit.setDisplayFormat(QCoreApplication.translate("SessionForm", u"dd.MM.yyyy HH:mm", None))
        self.practitionerComboLabel.setText(QCoreApplication.translate("SessionForm", u"&Practitioner", None))
        self.visitComboLabel.setText(QCoreApplication.translate("SessionForm", u"Course &visit", None))
        self.recipeComboLabel.setText(QCoreApplication.translate("SessionForm", u"&Mixture", None))
        self.recipeSummaryLabelLabel.setText("")
        self.volumeSpinLabel.setText(QCoreApplication.translate("SessionForm", u"&Volume injected", None))
        self.volumeSpin.setSuffix(QCoreApplication.translate("SessionForm", u" mL", None))
        self.gaugeSpinLabel.setText(QCoreApplication.translate("SessionForm", u"Needle &gauge", None))
        self.gaugeSpin.setSuffix(QCoreApplication.translate("SessionForm", u" G", None))
        self.needleLengthComboLabel.setText(QCoreApplication.translate("SessionForm", u"Needle &length", None))
        self.techniqueComboLabel.setText(QCoreApplication.translate("SessionForm", u"&Technique", None))
        self.techniqueOtherEditLabel.setText(QCoreApplication.translate("SessionForm", u"Technique (other)", None))
        self.anaesthesiaComboLabel.setText(QCoreApplication.translate("SessionForm", u"&Anaesthesia", None))
        self.painSpinLabel.setText(QCoreApplication.translate("SessionForm", u"Pain score (0\u201310)", None))
        self.painSpin.setSpecialValueText(QCoreApplication.translate("SessionForm", u"not recorded", None))
        self.lotsLabel.setText(QCoreApplication.translate("SessionForm", u"Lots used", None))
        self.addLotButton.setText(QCoreApplication.translate("SessionForm", u"Add &lot", None))
        self.removeLotButton.setText(QCoreApplication.translate("SessionForm", u"Remove", None))
        self.zonesGroup.setTitle(QCoreApplication.translate("SessionForm", u"Scalp zones \u2014 click the map, then enter depth, volume and points", None))
        self.reactionsGroup.setTitle(QCoreApplication.translate("SessionForm", u"Reactions and adverse events", None))
        self.reactionsEdit.setPlaceholderText(QCoreApplication.translate("SessionForm", u"Immediate reactions (e.g. mild erythema, pinpoint bleeding)", None))
        self.noAdverseCheck.setText(QCoreApplication.translate("SessionForm", u"No adverse events", None))
        self.addAdverseButton.setText(QCoreApplication.translate("SessionForm", u"Add adverse &event", None))
        self.removeAdverseButton.setText(QCoreApplication.translate("SessionForm", u"Remove", None))
        self.notesGroup.setTitle(QCoreApplication.translate("SessionForm", u"Notes", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("SessionForm", u"Reason for this amendment (required)", None))
        self.overrideEdit.setPlaceholderText(QCoreApplication.translate("SessionForm", u"Reason to override the hard stop (required to save)", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("SessionForm", u"I have read the warnings above and want to save anyway", None))
        self.cancelButton.setText(QCoreApplication.translate("SessionForm", u"Cancel", None))
        self.saveDraftButton.setText(QCoreApplication.translate("SessionForm", u"Save &draft", None))
        self.signButton.setText(QCoreApplication.translate("SessionForm", u"Save and &sign", None))
    # retranslateUi

