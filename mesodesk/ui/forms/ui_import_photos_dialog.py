# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_photos_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_ImportPhotosDialog(object):
    def setupUi(self, ImportPhotosDialog):
        if not ImportPhotosDialog.objectName():
            ImportPhotosDialog.setObjectName(u"ImportPhotosDialog")
        ImportPhotosDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(ImportPhotosDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filesLabel = QLabel(ImportPhotosDialog)
        self.filesLabel.setObjectName(u"filesLabel")
        font = QFont()
        font.setPointSize(12)
        font.setBold(True)
        self.filesLabel.setFont(font)
        self.filesLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.filesLabel)

        self.optionsForm = QFormLayout()
        self.optionsForm.setObjectName(u"optionsForm")
        self.viewComboLabel = QLabel(ImportPhotosDialog)
        self.viewComboLabel.setObjectName(u"viewComboLabel")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.viewComboLabel)

        self.viewCombo = QComboBox(ImportPhotosDialog)
        self.viewCombo.setObjectName(u"viewCombo")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.viewCombo)

        self.siteEditLabel = QLabel(ImportPhotosDialog)
        self.siteEditLabel.setObjectName(u"siteEditLabel")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.siteEditLabel)

        self.siteEdit = QLineEdit(ImportPhotosDialog)
        self.siteEdit.setObjectName(u"siteEdit")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.siteEdit)

        self.magnificationSpinLabel = QLabel(ImportPhotosDialog)
        self.magnificationSpinLabel.setObjectName(u"magnificationSpinLabel")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.magnificationSpinLabel)

        self.magnificationSpin = QSpinBox(ImportPhotosDialog)
        self.magnificationSpin.setObjectName(u"magnificationSpin")
        self.magnificationSpin.setMaximum(1000)

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.magnificationSpin)

        self.sessionComboLabel = QLabel(ImportPhotosDialog)
        self.sessionComboLabel.setObjectName(u"sessionComboLabel")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sessionComboLabel)

        self.sessionCombo = QComboBox(ImportPhotosDialog)
        self.sessionCombo.setObjectName(u"sessionCombo")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sessionCombo)


        self.mainLayout.addLayout(self.optionsForm)

        self.progressBar = QProgressBar(ImportPhotosDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.mainLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(ImportPhotosDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.summaryText = QPlainTextEdit(ImportPhotosDialog)
        self.summaryText.setObjectName(u"summaryText")
        self.summaryText.setReadOnly(True)

        self.mainLayout.addWidget(self.summaryText)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ImportPhotosDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.viewComboLabel.setBuddy(self.viewCombo)
        self.siteEditLabel.setBuddy(self.siteEdit)
        self.magnificationSpinLabel.setBuddy(self.magnificationSpin)
        self.sessionComboLabel.setBuddy(self.sessionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.viewCombo, self.siteEdit)
        QWidget.setTabOrder(self.siteEdit, self.magnificationSpin)
        QWidget.setTabOrder(self.magnificationSpin, self.sessionCombo)
        QWidget.setTabOrder(self.sessionCombo, self.summaryText)
        QWidget.setTabOrder(self.summaryText, self.buttonBox)

        self.retranslateUi(ImportPhotosDialog)

        QMetaObject.connectSlotsByName(ImportPhotosDialog)
    # setupUi

    def retranslateUi(self, ImportPhotosDialog):
        ImportPhotosDialog.setWindowTitle(QCoreApplication.translate("ImportPhotosDialog", u"Import photos", None))
        self.viewComboLabel.setText(QCoreApplication.translate("ImportPhotosDialog", u"Standard &view", None))
        self.siteEditLabel.setText(QCoreApplication.translate("ImportPhotosDialog", u"Trichoscopy &site", None))
        self.siteEdit.setPlaceholderText(QCoreApplication.translate("ImportPhotosDialog", u"e.g. vertex, 2 cm left of the midline", None))
        self.magnificationSpinLabel.setText(QCoreApplication.translate("ImportPhotosDialog", u"&Magnification", None))
        self.magnificationSpin.setSpecialValueText(QCoreApplication.translate("ImportPhotosDialog", u"not recorded", None))
        self.magnificationSpin.setSuffix(QCoreApplication.translate("ImportPhotosDialog", u" \u00d7", None))
        self.sessionComboLabel.setText(QCoreApplication.translate("ImportPhotosDialog", u"S&ession", None))
    # retranslateUi

