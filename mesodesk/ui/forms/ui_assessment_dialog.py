# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assessment_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget, QVBoxLayout, QWidget)

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.resize(1100, 720)
        self.mainLayout = QVBoxLayout(AssessmentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.patientLabel = QLabel(AssessmentDialog)
        self.patientLabel.setObjectName(u"patientLabel")

        self.mainLayout.addWidget(self.patientLabel)

        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.diagnosisGroup = QGroupBox(AssessmentDialog)
        self.diagnosisGroup.setObjectName(u"diagnosisGroup")
        self.diagnosisLayout = QVBoxLayout(self.diagnosisGroup)
        self.diagnosisLayout.setObjectName(u"diagnosisLayout")
        self.diagnosisForm = QFormLayout()
        self.diagnosisForm.setObjectName(u"diagnosisForm")
        self.assessedOnEditLabel = QLabel(self.diagnosisGroup)
        self.assessedOnEditLabel.setObjectName(u"assessedOnEditLabel")

        self.diagnosisForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.assessedOnEditLabel)

        self.assessedOnEdit = QLineEdit(self.diagnosisGroup)
        self.assessedOnEdit.setObjectName(u"assessedOnEdit")

        self.diagnosisForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.assessedOnEdit)

        self.diagnosisComboLabel = QLabel(self.diagnosisGroup)
        self.diagnosisComboLabel.setObjectName(u"diagnosisComboLabel")

        self.diagnosisForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.diagnosisComboLabel)

        self.diagnosisCombo = QComboBox(self.diagnosisGroup)
        self.diagnosisCombo.setObjectName(u"diagnosisCombo")

        self.diagnosisForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.diagnosisCombo)

        self.diagnosisOtherEditLabel = QLabel(self.diagnosisGroup)
        self.diagnosisOtherEditLabel.setObjectName(u"diagnosisOtherEditLabel")

        self.diagnosisForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.diagnosisOtherEditLabel)

        self.diagnosisOtherEdit = QLineEdit(self.diagnosisGroup)
        self.diagnosisOtherEdit.setObjectName(u"diagnosisOtherEdit")

        self.diagnosisForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.diagnosisOtherEdit)


        self.diagnosisLayout.addLayout(self.diagnosisForm)

        self.contributorsLabel = QLabel(self.diagnosisGroup)
        self.contributorsLabel.setObjectName(u"contributorsLabel")

        self.diagnosisLayout.addWidget(self.contributorsLabel)

        self.contributorGrid = QGridLayout()
        self.contributorGrid.setObjectName(u"contributorGrid")
        self.stressCheck = QCheckBox(self.diagnosisGroup)
        self.stressCheck.setObjectName(u"stressCheck")

        self.contributorGrid.addWidget(self.stressCheck, 0, 0, 1, 1)

        self.allergyCheck = QCheckBox(self.diagnosisGroup)
        self.allergyCheck.setObjectName(u"allergyCheck")

        self.contributorGrid.addWidget(self.allergyCheck, 0, 1, 1, 1)

        self.scalpInflammationCheck = QCheckBox(self.diagnosisGroup)
        self.scalpInflammationCheck.setObjectName(u"scalpInflammationCheck")

        self.contributorGrid.addWidget(self.scalpInflammationCheck, 1, 0, 1, 1)

        self.hormonalCheck = QCheckBox(self.diagnosisGroup)
        self.hormonalCheck.setObjectName(u"hormonalCheck")

        self.contributorGrid.addWidget(self.hormonalCheck, 1, 1, 1, 1)

        self.nutritionalCheck = QCheckBox(self.diagnosisGroup)
        self.nutritionalCheck.setObjectName(u"nutritionalCheck")

        self.contributorGrid.addWidget(self.nutritionalCheck, 2, 0, 1, 1)

        self.postIllnessCheck = QCheckBox(self.diagnosisGroup)
        self.postIllnessCheck.setObjectName(u"postIllnessCheck")

        self.contributorGrid.addWidget(self.postIllnessCheck, 2, 1, 1, 1)

        self.medicationCheck = QCheckBox(self.diagnosisGroup)
        self.medicationCheck.setObjectName(u"medicationCheck")

        self.contributorGrid.addWidget(self.medicationCheck, 3, 0, 1, 1)

        self.otherContributorCheck = QCheckBox(self.diagnosisGroup)
        self.otherContributorCheck.setObjectName(u"otherContributorCheck")

        self.contributorGrid.addWidget(self.otherContributorCheck, 3, 1, 1, 1)


        self.diagnosisLayout.addLayout(self.contributorGrid)

        self.contributorsOtherEdit = QLineEdit(self.diagnosisGroup)
        self.contributorsOtherEdit.setObjectName(u"contributorsOtherEdit")

        self.diagnosisLayout.addWidget(self.contributorsOtherEdit)


        self.topRow.addWidget(self.diagnosisGroup)

        self.stagingGroup = QGroupBox(AssessmentDialog)
        self.stagingGroup.setObjectName(u"stagingGroup")
        self.stagingLayout = QVBoxLayout(self.stagingGroup)
        self.stagingLayout.setObjectName(u"stagingLayout")
        self.stagingForm = QFormLayout()
        self.stagingForm.setObjectName(u"stagingForm")
        self.scaleComboLabel = QLabel(self.stagingGroup)
        self.scaleComboLabel.setObjectName(u"scaleComboLabel")

        self.stagingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scaleComboLabel)

        self.scaleCombo = QComboBox(self.stagingGroup)
        self.scaleCombo.setObjectName(u"scaleCombo")

        self.stagingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scaleCombo)

        self.stageComboLabel = QLabel(self.stagingGroup)
        self.stageComboLabel.setObjectName(u"stageComboLabel")

        self.stagingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stageComboLabel)

        self.stageCombo = QComboBox(self.stagingGroup)
        self.stageCombo.setObjectName(u"stageCombo")

        self.stagingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.scale2ComboLabel = QLabel(self.stagingGroup)
        self.scale2ComboLabel.setObjectName(u"scale2ComboLabel")

        self.stagingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scale2ComboLabel)

        self.scale2Combo = QComboBox(self.stagingGroup)
        self.scale2Combo.setObjectName(u"scale2Combo")

        self.stagingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scale2Combo)

        self.stage2ComboLabel = QLabel(self.stagingGroup)
        self.stage2ComboLabel.setObjectName(u"stage2ComboLabel")

        self.stagingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.stage2ComboLabel)

        self.stage2Combo = QComboBox(self.stagingGroup)
        self.stage2Combo.setObjectName(u"stage2Combo")

        self.stagingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stage2Combo)


        self.stagingLayout.addLayout(self.stagingForm)

        self.saltGroup = QGroupBox(self.stagingGroup)
        self.saltGroup.setObjectName(u"saltGroup")
        self.saltForm = QFormLayout(self.saltGroup)
        self.saltForm.setObjectName(u"saltForm")
        self.saltVertexSpinLabel = QLabel(self.saltGroup)
        self.saltVertexSpinLabel.setObjectName(u"saltVertexSpinLabel")

        self.saltForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.saltVertexSpinLabel)

        self.saltVertexSpin = QDoubleSpinBox(self.saltGroup)
        self.saltVertexSpin.setObjectName(u"saltVertexSpin")
        self.saltVertexSpin.setMaximum(100.000000000000000)
        self.saltVertexSpin.setDecimals(1)

        self.saltForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.saltVertexSpin)

        self.saltPosteriorSpinLabel = QLabel(self.saltGroup)
        self.saltPosteriorSpinLabel.setObjectName(u"saltPosteriorSpinLabel")

        self.saltForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.saltPosteriorSpinLabel)

        self.saltPosteriorSpin = QDoubleSpinBox(self.saltGroup)
        self.saltPosteriorSpin.setObjectName(u"saltPosteriorSpin")
        self.saltPosteriorSpin.setMaximum(100.000000000000000)
        self.saltPosteriorSpin.setDecimals(1)

        self.saltForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.saltPosteriorSpin)

        self.saltRightSpinLabel = QLabel(self.saltGroup)
        self.saltRightSpinLabel.setObjectName(u"saltRightSpinLabel")

        self.saltForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.saltRightSpinLabel)

        self.saltRightSpin = QDoubleSpinBox(self.saltGroup)
        self.saltRightSpin.setObjectName(u"saltRightSpin")
        self.saltRightSpin.setMaximum(100.000000000000000)
        self.saltRightSpin.setDecimals(1)

        self.saltForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.saltRightSpin)

        self.saltLeftSpinLabel = QLabel(self.saltGroup)
        self.saltLeftSpinLabel.setObjectName(u"saltLeftSpinLabel")

        self.saltForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.saltLeftSpinLabel)

        self.saltLeftSpin = QDoubleSpinBox(self.saltGroup)
        self.saltLeftSpin.setObjectName(u"saltLeftSpin")
        self.saltLeftSpin.setMaximum(100.000000000000000)
        self.saltLeftSpin.setDecimals(1)

        self.saltForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.saltLeftSpin)

        self.saltResultLabelLabel = QLabel(self.saltGroup)
        self.saltResultLabelLabel.setObjectName(u"saltResultLabelLabel")

        self.saltForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.saltResultLabelLabel)

        self.saltResultLabel = QLabel(self.saltGroup)
        self.saltResultLabel.setObjectName(u"saltResultLabel")

        self.saltForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.saltResultLabel)


        self.stagingLayout.addWidget(self.saltGroup)


        self.topRow.addWidget(self.stagingGroup)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.conditionGroup = QGroupBox(AssessmentDialog)
        self.conditionGroup.setObjectName(u"conditionGroup")
        self.conditionForm = QFormLayout(self.conditionGroup)
        self.conditionForm.setObjectName(u"conditionForm")
        self.erythemaComboLabel = QLabel(self.conditionGroup)
        self.erythemaComboLabel.setObjectName(u"erythemaComboLabel")

        self.conditionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.erythemaComboLabel)

        self.erythemaCombo = QComboBox(self.conditionGroup)
        self.erythemaCombo.setObjectName(u"erythemaCombo")

        self.conditionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.erythemaCombo)

        self.scalingComboLabel = QLabel(self.conditionGroup)
        self.scalingComboLabel.setObjectName(u"scalingComboLabel")

        self.conditionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scalingComboLabel)

        self.scalingCombo = QComboBox(self.conditionGroup)
        self.scalingCombo.setObjectName(u"scalingCombo")

        self.conditionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.scalingCombo)

        self.itchComboLabel = QLabel(self.conditionGroup)
        self.itchComboLabel.setObjectName(u"itchComboLabel")

        self.conditionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.itchComboLabel)

        self.itchCombo = QComboBox(self.conditionGroup)
        self.itchCombo.setObjectName(u"itchCombo")

        self.conditionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.itchCombo)

        self.painComboLabel = QLabel(self.conditionGroup)
        self.painComboLabel.setObjectName(u"painComboLabel")

        self.conditionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.painComboLabel)

        self.painCombo = QComboBox(self.conditionGroup)
        self.painCombo.setObjectName(u"painCombo")

        self.conditionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.painCombo)

        self.inflammationComboLabel = QLabel(self.conditionGroup)
        self.inflammationComboLabel.setObjectName(u"inflammationComboLabel")

        self.conditionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.inflammationComboLabel)

        self.inflammationCombo = QComboBox(self.conditionGroup)
        self.inflammationCombo.setObjectName(u"inflammationCombo")

        self.conditionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.inflammationCombo)


        self.rightColumn.addWidget(self.conditionGroup)

        self.pullGroup = QGroupBox(AssessmentDialog)
        self.pullGroup.setObjectName(u"pullGroup")
        self.pullForm = QFormLayout(self.pullGroup)
        self.pullForm.setObjectName(u"pullForm")
        self.pulledSpinLabel = QLabel(self.pullGroup)
        self.pulledSpinLabel.setObjectName(u"pulledSpinLabel")

        self.pullForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pulledSpinLabel)

        self.pulledSpin = QSpinBox(self.pullGroup)
        self.pulledSpin.setObjectName(u"pulledSpin")
        self.pulledSpin.setMaximum(500)

        self.pullForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pulledSpin)

        self.extractedSpinLabel = QLabel(self.pullGroup)
        self.extractedSpinLabel.setObjectName(u"extractedSpinLabel")

        self.pullForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.extractedSpinLabel)

        self.extractedSpin = QSpinBox(self.pullGroup)
        self.extractedSpin.setObjectName(u"extractedSpin")
        self.extractedSpin.setMaximum(500)

        self.pullForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.extractedSpin)

        self.pullResultLabelLabel = QLabel(self.pullGroup)
        self.pullResultLabelLabel.setObjectName(u"pullResultLabelLabel")

        self.pullForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pullResultLabelLabel)

        self.pullResultLabel = QLabel(self.pullGroup)
        self.pullResultLabel.setObjectName(u"pullResultLabel")

        self.pullForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pullResultLabel)


        self.rightColumn.addWidget(self.pullGroup)


        self.topRow.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.topRow)

        self.trichoscopyGroup = QGroupBox(AssessmentDialog)
        self.trichoscopyGroup.setObjectName(u"trichoscopyGroup")
        self.trichoscopyLayout = QVBoxLayout(self.trichoscopyGroup)
        self.trichoscopyLayout.setObjectName(u"trichoscopyLayout")
        self.trichoscopyTable = QTableWidget(self.trichoscopyGroup)
        self.trichoscopyTable.setObjectName(u"trichoscopyTable")

        self.trichoscopyLayout.addWidget(self.trichoscopyTable)


        self.mainLayout.addWidget(self.trichoscopyGroup)

        self.notesEdit = QPlainTextEdit(AssessmentDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 60))

        self.mainLayout.addWidget(self.notesEdit)

        self.problemsLabel = QLabel(AssessmentDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(AssessmentDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.buttonBox = QDialogButtonBox(AssessmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.assessedOnEditLabel.setBuddy(self.assessedOnEdit)
        self.diagnosisComboLabel.setBuddy(self.diagnosisCombo)
        self.diagnosisOtherEditLabel.setBuddy(self.diagnosisOtherEdit)
        self.scaleComboLabel.setBuddy(self.scaleCombo)
        self.stageComboLabel.setBuddy(self.stageCombo)
        self.scale2ComboLabel.setBuddy(self.scale2Combo)
        self.stage2ComboLabel.setBuddy(self.stage2Combo)
        self.saltVertexSpinLabel.setBuddy(self.saltVertexSpin)
        self.saltPosteriorSpinLabel.setBuddy(self.saltPosteriorSpin)
        self.saltRightSpinLabel.setBuddy(self.saltRightSpin)
        self.saltLeftSpinLabel.setBuddy(self.saltLeftSpin)
        self.saltResultLabelLabel.setBuddy(self.saltResultLabel)
        self.erythemaComboLabel.setBuddy(self.erythemaCombo)
        self.scalingComboLabel.setBuddy(self.scalingCombo)
        self.itchComboLabel.setBuddy(self.itchCombo)
        self.painComboLabel.setBuddy(self.painCombo)
        self.inflammationComboLabel.setBuddy(self.inflammationCombo)
        self.pulledSpinLabel.setBuddy(self.pulledSpin)
        self.extractedSpinLabel.setBuddy(self.extractedSpin)
        self.pullResultLabelLabel.setBuddy(self.pullResultLabel)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.assessedOnEdit, self.diagnosisCombo)
        QWidget.setTabOrder(self.diagnosisCombo, self.diagnosisOtherEdit)
        QWidget.setTabOrder(self.diagnosisOtherEdit, self.stressCheck)
        QWidget.setTabOrder(self.stressCheck, self.allergyCheck)
        QWidget.setTabOrder(self.allergyCheck, self.scalpInflammationCheck)
        QWidget.setTabOrder(self.scalpInflammationCheck, self.hormonalCheck)
        QWidget.setTabOrder(self.hormonalCheck, self.nutritionalCheck)
        QWidget.setTabOrder(self.nutritionalCheck, self.postIllnessCheck)
        QWidget.setTabOrder(self.postIllnessCheck, self.medicationCheck)
        QWidget.setTabOrder(self.medicationCheck, self.otherContributorCheck)
        QWidget.setTabOrder(self.otherContributorCheck, self.contributorsOtherEdit)
        QWidget.setTabOrder(self.contributorsOtherEdit, self.scaleCombo)
        QWidget.setTabOrder(self.scaleCombo, self.stageCombo)
        QWidget.setTabOrder(self.stageCombo, self.scale2Combo)
        QWidget.setTabOrder(self.scale2Combo, self.stage2Combo)
        QWidget.setTabOrder(self.stage2Combo, self.saltVertexSpin)
        QWidget.setTabOrder(self.saltVertexSpin, self.saltPosteriorSpin)
        QWidget.setTabOrder(self.saltPosteriorSpin, self.saltRightSpin)
        QWidget.setTabOrder(self.saltRightSpin, self.saltLeftSpin)
        QWidget.setTabOrder(self.saltLeftSpin, self.erythemaCombo)
        QWidget.setTabOrder(self.erythemaCombo, self.scalingCombo)
        QWidget.setTabOrder(self.scalingCombo, self.itchCombo)
        QWidget.setTabOrder(self.itchCombo, self.painCombo)
        QWidget.setTabOrder(self.painCombo, self.inflammationCombo)
        QWidget.setTabOrder(self.inflammationCombo, self.pulledSpin)
        QWidget.setTabOrder(self.pulledSpin, self.extractedSpin)
        QWidget.setTabOrder(self.extractedSpin, self.trichoscopyTable)
        QWidget.setTabOrder(self.trichoscopyTable, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(AssessmentDialog)

        QMetaObject.connectSlotsByName(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        AssessmentDialog.setWindowTitle(QCoreApplication.translate("AssessmentDialog", u"Scalp assessment", None))
        self.diagnosisGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"Diagnosis", None))
        self.assessedOnEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Date", None))
        self.assessedOnEdit.setPlaceholderText(QCoreApplication.translate("AssessmentDialog", u"YYYY-MM-DD", None))
        self.diagnosisComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"D&iagnosis", None))
        self.diagnosisOtherEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Diagnosis (other)", None))
        self.contributorsLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Suspected contributors", None))
        self.stressCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Stress", None))
        self.allergyCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Allergy", None))
        self.scalpInflammationCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Chronic scalp inflammation", None))
        self.hormonalCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Hormonal", None))
        self.nutritionalCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Nutritional", None))
        self.postIllnessCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Post-illness", None))
        self.medicationCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Medication", None))
        self.otherContributorCheck.setText(QCoreApplication.translate("AssessmentDialog", u"Other", None))
        self.contributorsOtherEdit.setPlaceholderText(QCoreApplication.translate("AssessmentDialog", u"Other contributors", None))
        self.stagingGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"Staging", None))
        self.scaleComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"&Scale", None))
        self.stageComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"S&tage", None))
        self.scale2ComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Second scale", None))
        self.stage2ComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Second stage", None))
        self.saltGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"SALT calculator (% hair lost per region)", None))
        self.saltVertexSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Vertex (40 %)", None))
        self.saltVertexSpin.setSuffix(QCoreApplication.translate("AssessmentDialog", u" %", None))
        self.saltPosteriorSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Posterior (24 %)", None))
        self.saltPosteriorSpin.setSuffix(QCoreApplication.translate("AssessmentDialog", u" %", None))
        self.saltRightSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Right side (18 %)", None))
        self.saltRightSpin.setSuffix(QCoreApplication.translate("AssessmentDialog", u" %", None))
        self.saltLeftSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Left side (18 %)", None))
        self.saltLeftSpin.setSuffix(QCoreApplication.translate("AssessmentDialog", u" %", None))
        self.saltResultLabelLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Score", None))
        self.conditionGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"Scalp condition", None))
        self.erythemaComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Erythema", None))
        self.scalingComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Scaling / seborrhoea", None))
        self.itchComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Itch", None))
        self.painComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Pain", None))
        self.inflammationComboLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Follicular inflammation", None))
        self.pullGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"Pull test", None))
        self.pulledSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Hairs pulled", None))
        self.pulledSpin.setSpecialValueText(QCoreApplication.translate("AssessmentDialog", u"not done", None))
        self.extractedSpinLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Hairs extracted", None))
        self.pullResultLabelLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Result", None))
        self.trichoscopyGroup.setTitle(QCoreApplication.translate("AssessmentDialog", u"Trichoscopy", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("AssessmentDialog", u"Notes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("AssessmentDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

