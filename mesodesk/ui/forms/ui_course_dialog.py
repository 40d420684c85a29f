# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'course_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTableWidget, QVBoxLayout, QWidget)

class Ui_CourseDialog(object):
    def setupUi(self, CourseDialog):
        if not CourseDialog.objectName():
            CourseDialog.setObjectName(u"CourseDialog")
        CourseDialog.resize(640, 560)
        self.mainLayout = QVBoxLayout(CourseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.patientLabel = QLabel(CourseDialog)
        self.patientLabel.setObjectName(u"patientLabel")

        self.mainLayout.addWidget(self.patientLabel)

        self.courseForm = QFormLayout()
        self.courseForm.setObjectName(u"courseForm")
        self.protocolComboLabel = QLabel(CourseDialog)
        self.protocolComboLabel.setObjectName(u"protocolComboLabel")

        self.courseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.protocolComboLabel)

        self.protocolCombo = QComboBox(CourseDialog)
        self.protocolCombo.setObjectName(u"protocolCombo")

        self.courseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.protocolCombo)

        self.protocolDescriptionLabelLabel = QLabel(CourseDialog)
        self.protocolDescriptionLabelLabel.setObjectName(u"protocolDescriptionLabelLabel")

        self.courseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.protocolDescriptionLabelLabel)

        self.protocolDescriptionLabel = QLabel(CourseDialog)
        self.protocolDescriptionLabel.setObjectName(u"protocolDescriptionLabel")
        self.protocolDescriptionLabel.setWordWrap(True)

        self.courseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.protocolDescriptionLabel)

        self.startDateEditLabel = QLabel(CourseDialog)
        self.startDateEditLabel.setObjectName(u"startDateEditLabel")

        self.courseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startDateEditLabel)

        self.startDateEdit = QLineEdit(CourseDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")

        self.courseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.startDateEdit)

        self.notesEditLabel = QLabel(CourseDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.courseForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QLineEdit(CourseDialog)
        self.notesEdit.setObjectName(u"notesEdit")

        self.courseForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.courseForm)

        self.replaceActiveCheck = QCheckBox(CourseDialog)
        self.replaceActiveCheck.setObjectName(u"replaceActiveCheck")

        self.mainLayout.addWidget(self.replaceActiveCheck)

        self.previewTable = QTableWidget(CourseDialog)
        self.previewTable.setObjectName(u"previewTable")

        self.mainLayout.addWidget(self.previewTable)

        self.problemsLabel = QLabel(CourseDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(CourseDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.buttonBox = QDialogButtonBox(CourseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.protocolComboLabel.setBuddy(self.protocolCombo)
        self.protocolDescriptionLabelLabel.setBuddy(self.protocolDescriptionLabel)
        self.startDateEditLabel.setBuddy(self.startDateEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.protocolCombo, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.replaceActiveCheck)
        QWidget.setTabOrder(self.replaceActiveCheck, self.previewTable)
        QWidget.setTabOrder(self.previewTable, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(CourseDialog)

        QMetaObject.connectSlotsByName(CourseDialog)
    # setupUi

    def retranslateUi(self, CourseDialog):
        CourseDialog.setWindowTitle(QCoreApplication.translate("CourseDialog", u"Plan a course", None))
        self.protocolComboLabel.setText(QCoreApplication.translate("CourseDialog", u"&Protocol", None))
        self.protocolDescriptionLabelLabel.setText("")
        self.startDateEditLabel.setText(QCoreApplication.translate("CourseDialog", u"&First session", None))
        self.startDateEdit.setPlaceholderText(QCoreApplication.translate("CourseDialog", u"YYYY-MM-DD", None))
        self.notesEditLabel.setText(QCoreApplication.translate("CourseDialog", u"&Notes", None))
        self.replaceActiveCheck.setText(QCoreApplication.translate("CourseDialog", u"Stop the patient's active course and start this one", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("CourseDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

