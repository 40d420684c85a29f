# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ingredient_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IngredientDialog(object):
    def setupUi(self, IngredientDialog):
        if not IngredientDialog.objectName():
            IngredientDialog.setObjectName(u"IngredientDialog")
        IngredientDialog.resize(580, 400)
        self.mainLayout = QVBoxLayout(IngredientDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.ingredientForm = QFormLayout()
        self.ingredientForm.setObjectName(u"ingredientForm")
        self.ingredientForm.setHorizontalSpacing(12)
        self.nameEditLabel = QLabel(IngredientDialog)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.ingredientForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(IngredientDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.ingredientForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.classComboLabel = QLabel(IngredientDialog)
        self.classComboLabel.setObjectName(u"classComboLabel")

        self.ingredientForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.classComboLabel)

        self.classCombo = QComboBox(IngredientDialog)
        self.classCombo.setObjectName(u"classCombo")

        self.ingredientForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.classCombo)

        self.concentrationEditLabel = QLabel(IngredientDialog)
        self.concentrationEditLabel.setObjectName(u"concentrationEditLabel")

        self.ingredientForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.concentrationEditLabel)

        self.concentrationLayout = QHBoxLayout()
        self.concentrationLayout.setSpacing(6)
        self.concentrationLayout.setObjectName(u"concentrationLayout")
        self.concentrationEdit = QLineEdit(IngredientDialog)
        self.concentrationEdit.setObjectName(u"concentrationEdit")
        self.concentrationEdit.setMaximumSize(QSize(120, 16777215))

        self.concentrationLayout.addWidget(self.concentrationEdit)

        self.unitCombo = QComboBox(IngredientDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.concentrationLayout.addWidget(self.unitCombo)

        self.concentrationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.concentrationLayout.addItem(self.concentrationSpacer)


        self.ingredientForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.concentrationLayout)

        self.pregnancyCheck = QCheckBox(IngredientDialog)
        self.pregnancyCheck.setObjectName(u"pregnancyCheck")

        self.ingredientForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pregnancyCheck)

        self.notesEditLabel = QLabel(IngredientDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.ingredientForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(IngredientDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 140))
        self.notesEdit.setTabChangesFocus(True)

        self.ingredientForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.ingredientForm)

        self.problemsLabel = QLabel(IngredientDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(IngredientDialog)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.mainLayout.addWidget(self.acknowledgeCheck)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(IngredientDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.classComboLabel.setBuddy(self.classCombo)
        self.concentrationEditLabel.setBuddy(self.concentrationEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.classCombo)
        QWidget.setTabOrder(self.classCombo, self.concentrationEdit)
        QWidget.setTabOrder(self.concentrationEdit, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.pregnancyCheck)
        QWidget.setTabOrder(self.pregnancyCheck, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.buttonBox)

        self.retranslateUi(IngredientDialog)

        QMetaObject.connectSlotsByName(IngredientDialog)
    # setupUi

    def retranslateUi(self, IngredientDialog):
        IngredientDialog.setWindowTitle(QCoreApplication.translate("IngredientDialog", u"Ingredient", None))
        self.nameEditLabel.setText(QCoreApplication.translate("IngredientDialog", u"&Name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IngredientDialog", u"e.g. Biotin", None))
        self.classComboLabel.setText(QCoreApplication.translate("IngredientDialog", u"&Class", None))
        self.concentrationEditLabel.setText(QCoreApplication.translate("IngredientDialog", u"&Default concentration", None))
        self.concentrationEdit.setPlaceholderText(QCoreApplication.translate("IngredientDialog", u"optional", None))
        self.pregnancyCheck.setText(QCoreApplication.translate("IngredientDialog", u"Not in &pregnancy, breastfeeding or planned conception", None))
        self.notesEditLabel.setText(QCoreApplication.translate("IngredientDialog", u"N&otes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("IngredientDialog", u"I have read the warnings above and want to save anyway", None))
    # retranslateUi

