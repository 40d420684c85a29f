# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'receive_lot_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ReceiveLotDialog(object):
    def setupUi(self, ReceiveLotDialog):
        if not ReceiveLotDialog.objectName():
            ReceiveLotDialog.setObjectName(u"ReceiveLotDialog")
        ReceiveLotDialog.resize(600, 460)
        self.mainLayout = QVBoxLayout(ReceiveLotDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.lotForm = QFormLayout()
        self.lotForm.setObjectName(u"lotForm")
        self.productEditLabel = QLabel(ReceiveLotDialog)
        self.productEditLabel.setObjectName(u"productEditLabel")

        self.lotForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.productEditLabel)

        self.productEdit = QLineEdit(ReceiveLotDialog)
        self.productEdit.setObjectName(u"productEdit")

        self.lotForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.productEdit)

        self.lotNumberEditLabel = QLabel(ReceiveLotDialog)
        self.lotNumberEditLabel.setObjectName(u"lotNumberEditLabel")

        self.lotForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lotNumberEditLabel)

        self.lotNumberEdit = QLineEdit(ReceiveLotDialog)
        self.lotNumberEdit.setObjectName(u"lotNumberEdit")

        self.lotForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lotNumberEdit)

        self.expiryEditLabel = QLabel(ReceiveLotDialog)
        self.expiryEditLabel.setObjectName(u"expiryEditLabel")

        self.lotForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.expiryEditLabel)

        self.expiryEdit = QLineEdit(ReceiveLotDialog)
        self.expiryEdit.setObjectName(u"expiryEdit")

        self.lotForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.expiryEdit)

        self.quantityEditLabel = QLabel(ReceiveLotDialog)
        self.quantityEditLabel.setObjectName(u"quantityEditLabel")

        self.lotForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.quantityEditLabel)

        self.quantityLayout = QHBoxLayout()
        self.quantityLayout.setObjectName(u"quantityLayout")
        self.quantityEdit = QLineEdit(ReceiveLotDialog)
        self.quantityEdit.setObjectName(u"quantityEdit")
        self.quantityEdit.setMaximumSize(QSize(100, 16777215))

        self.quantityLayout.addWidget(self.quantityEdit)

        self.unitEdit = QLineEdit(ReceiveLotDialog)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaximumSize(QSize(140, 16777215))

        self.quantityLayout.addWidget(self.unitEdit)

        self.quantitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quantityLayout.addItem(self.quantitySpacer)


        self.lotForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.quantityLayout)

        self.receivedOnEditLabel = QLabel(ReceiveLotDialog)
        self.receivedOnEditLabel.setObjectName(u"receivedOnEditLabel")

        self.lotForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receivedOnEditLabel)

        self.receivedOnEdit = QLineEdit(ReceiveLotDialog)
        self.receivedOnEdit.setObjectName(u"receivedOnEdit")

        self.lotForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receivedOnEdit)

        self.supplierEditLabel = QLabel(ReceiveLotDialog)
        self.supplierEditLabel.setObjectName(u"supplierEditLabel")

        self.lotForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.supplierEditLabel)

        self.supplierEdit = QLineEdit(ReceiveLotDialog)
        self.supplierEdit.setObjectName(u"supplierEdit")

        self.lotForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.supplierEdit)

        self.ingredientComboLabel = QLabel(ReceiveLotDialog)
        self.ingredientComboLabel.setObjectName(u"ingredientComboLabel")

        self.lotForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ingredientComboLabel)

        self.ingredientCombo = QComboBox(ReceiveLotDialog)
        self.ingredientCombo.setObjectName(u"ingredientCombo")

        self.lotForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ingredientCombo)

        self.notesEditLabel = QLabel(ReceiveLotDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.lotForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QLineEdit(ReceiveLotDialog)
        self.notesEdit.setObjectName(u"notesEdit")

        self.lotForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.lotForm)

        self.problemsLabel = QLabel(ReceiveLotDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(ReceiveLotDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ReceiveLotDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.productEditLabel.setBuddy(self.productEdit)
        self.lotNumberEditLabel.setBuddy(self.lotNumberEdit)
        self.expiryEditLabel.setBuddy(self.expiryEdit)
        self.quantityEditLabel.setBuddy(self.quantityEdit)
        self.receivedOnEditLabel.setBuddy(self.receivedOnEdit)
        self.supplierEditLabel.setBuddy(self.supplierEdit)
        self.ingredientComboLabel.setBuddy(self.ingredientCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.productEdit, self.lotNumberEdit)
        QWidget.setTabOrder(self.lotNumberEdit, self.expiryEdit)
        QWidget.setTabOrder(self.expiryEdit, self.quantityEdit)
        QWidget.setTabOrder(self.quantityEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.receivedOnEdit)
        QWidget.setTabOrder(self.receivedOnEdit, self.supplierEdit)
        QWidget.setTabOrder(self.supplierEdit, self.ingredientCombo)
        QWidget.setTabOrder(self.ingredientCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(ReceiveLotDialog)

        QMetaObject.connectSlotsByName(ReceiveLotDialog)
    # setupUi

    def retranslateUi(self, ReceiveLotDialog):
        ReceiveLotDialog.setWindowTitle(QCoreApplication.translate("ReceiveLotDialog", u"Receive a lot", None))
        self.productEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Product", None))
        self.productEdit.setPlaceholderText(QCoreApplication.translate("ReceiveLotDialog", u"e.g. Biotin 5 mg/mL \u2013 2 mL ampoule", None))
        self.lotNumberEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Lot number", None))
        self.lotNumberEdit.setPlaceholderText(QCoreApplication.translate("ReceiveLotDialog", u"as printed on the box", None))
        self.expiryEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Expiry date", None))
        self.expiryEdit.setPlaceholderText(QCoreApplication.translate("ReceiveLotDialog", u"YYYY-MM-DD", None))
        self.quantityEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Quantity received", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("ReceiveLotDialog", u"vials", None))
        self.receivedOnEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"Received &on", None))
        self.receivedOnEdit.setPlaceholderText(QCoreApplication.translate("ReceiveLotDialog", u"YYYY-MM-DD", None))
        self.supplierEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Supplier", None))
        self.ingredientComboLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"&Ingredient", None))
        self.notesEditLabel.setText(QCoreApplication.translate("ReceiveLotDialog", u"N&otes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("ReceiveLotDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

