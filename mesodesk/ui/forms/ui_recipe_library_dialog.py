# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recipe_library_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableWidget, QVBoxLayout, QWidget)

class Ui_RecipeLibraryDialog(object):
    def setupUi(self, RecipeLibraryDialog):
        if not RecipeLibraryDialog.objectName():
            RecipeLibraryDialog.setObjectName(u"RecipeLibraryDialog")
        RecipeLibraryDialog.resize(1080, 660)
        self.mainLayout = QVBoxLayout(RecipeLibraryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(RecipeLibraryDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 6, 0)
        self.listTitleLabel = QLabel(self.listPane)
        self.listTitleLabel.setObjectName(u"listTitleLabel")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.listTitleLabel.setFont(font)

        self.listLayout.addWidget(self.listTitleLabel)

        self.recipeTableLayout = QVBoxLayout()
        self.recipeTableLayout.setObjectName(u"recipeTableLayout")

        self.listLayout.addLayout(self.recipeTableLayout)

        self.listActionsLayout = QHBoxLayout()
        self.listActionsLayout.setObjectName(u"listActionsLayout")
        self.newButton = QPushButton(self.listPane)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.listActionsLayout.addWidget(self.newButton)

        self.variantButton = QPushButton(self.listPane)
        self.variantButton.setObjectName(u"variantButton")
        self.variantButton.setAutoDefault(False)

        self.listActionsLayout.addWidget(self.variantButton)

        self.listActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listActionsLayout.addItem(self.listActionsSpacer)


        self.listLayout.addLayout(self.listActionsLayout)

        self.splitter.addWidget(self.listPane)
        self.editorPane = QWidget(self.splitter)
        self.editorPane.setObjectName(u"editorPane")
        self.editorLayout = QVBoxLayout(self.editorPane)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(6, 0, 0, 0)
        self.editorTitleLabel = QLabel(self.editorPane)
        self.editorTitleLabel.setObjectName(u"editorTitleLabel")
        self.editorTitleLabel.setFont(font)

        self.editorLayout.addWidget(self.editorTitleLabel)

        self.kindLabel = QLabel(self.editorPane)
        self.kindLabel.setObjectName(u"kindLabel")
        self.kindLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.kindLabel)

        self.recipeForm = QFormLayout()
        self.recipeForm.setObjectName(u"recipeForm")
        self.recipeForm.setHorizontalSpacing(12)
        self.nameEditLabel = QLabel(self.editorPane)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.recipeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(self.editorPane)
        self.nameEdit.setObjectName(u"nameEdit")

        self.recipeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.volumeEditLabel = QLabel(self.editorPane)
        self.volumeEditLabel.setObjectName(u"volumeEditLabel")

        self.recipeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.volumeEditLabel)

        self.volumeLayout = QHBoxLayout()
        self.volumeLayout.setSpacing(6)
        self.volumeLayout.setObjectName(u"volumeLayout")
        self.volumeEdit = QLineEdit(self.editorPane)
        self.volumeEdit.setObjectName(u"volumeEdit")
        self.volumeEdit.setMaximumSize(QSize(100, 16777215))

        self.volumeLayout.addWidget(self.volumeEdit)

        self.volumeUnitLabel = QLabel(self.editorPane)
        self.volumeUnitLabel.setObjectName(u"volumeUnitLabel")

        self.volumeLayout.addWidget(self.volumeUnitLabel)

        self.volumeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.volumeLayout.addItem(self.volumeSpacer)


        self.recipeForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.volumeLayout)


        self.editorLayout.addLayout(self.recipeForm)

        self.itemsTableLabel = QLabel(self.editorPane)
        self.itemsTableLabel.setObjectName(u"itemsTableLabel")

        self.editorLayout.addWidget(self.itemsTableLabel)

        self.itemsTable = QTableWidget(self.editorPane)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setMinimumSize(QSize(0, 160))

        self.editorLayout.addWidget(self.itemsTable)

        self.itemActionsLayout = QHBoxLayout()
        self.itemActionsLayout.setObjectName(u"itemActionsLayout")
        self.addRowButton = QPushButton(self.editorPane)
        self.addRowButton.setObjectName(u"addRowButton")
        self.addRowButton.setAutoDefault(False)

        self.itemActionsLayout.addWidget(self.addRowButton)

        self.removeRowButton = QPushButton(self.editorPane)
        self.removeRowButton.setObjectName(u"removeRowButton")
        self.removeRowButton.setAutoDefault(False)

        self.itemActionsLayout.addWidget(self.removeRowButton)

        self.itemActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemActionsLayout.addItem(self.itemActionsSpacer)


        self.editorLayout.addLayout(self.itemActionsLayout)

        self.differencesLabel = QLabel(self.editorPane)
        self.differencesLabel.setObjectName(u"differencesLabel")
        self.differencesLabel.setWordWrap(True)
        self.differencesLabel.setTextFormat(Qt.TextFormat.RichText)

        self.editorLayout.addWidget(self.differencesLabel)

        self.notesEditLabel = QLabel(self.editorPane)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.editorLayout.addWidget(self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.editorPane)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 80))
        self.notesEdit.setTabChangesFocus(True)

        self.editorLayout.addWidget(self.notesEdit)

        self.problemsLabel = QLabel(self.editorPane)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.editorLayout.addWidget(self.problemsLabel)

        self.acknowledgeCheck = QCheckBox(self.editorPane)
        self.acknowledgeCheck.setObjectName(u"acknowledgeCheck")

        self.editorLayout.addWidget(self.acknowledgeCheck)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.statusLabel = QLabel(self.editorPane)
        self.statusLabel.setObjectName(u"statusLabel")

        self.saveLayout.addWidget(self.statusLabel)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)

        self.saveAsNewButton = QPushButton(self.editorPane)
        self.saveAsNewButton.setObjectName(u"saveAsNewButton")
        self.saveAsNewButton.setAutoDefault(False)

        self.saveLayout.addWidget(self.saveAsNewButton)

        self.saveButton = QPushButton(self.editorPane)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)


        self.editorLayout.addLayout(self.saveLayout)

        self.splitter.addWidget(self.editorPane)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(RecipeLibraryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.volumeEditLabel.setBuddy(self.volumeEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newButton, self.variantButton)
        QWidget.setTabOrder(self.variantButton, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.volumeEdit)
        QWidget.setTabOrder(self.volumeEdit, self.addRowButton)
        QWidget.setTabOrder(self.addRowButton, self.removeRowButton)
        QWidget.setTabOrder(self.removeRowButton, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.acknowledgeCheck)
        QWidget.setTabOrder(self.acknowledgeCheck, self.saveAsNewButton)
        QWidget.setTabOrder(self.saveAsNewButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.buttonBox)

        self.retranslateUi(RecipeLibraryDialog)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(RecipeLibraryDialog)
    # setupUi

    def retranslateUi(self, RecipeLibraryDialog):
        RecipeLibraryDialog.setWindowTitle(QCoreApplication.translate("RecipeLibraryDialog", u"Recipes", None))
        self.listTitleLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"Templates", None))
        self.newButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"&New template", None))
        self.variantButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"Make &variant for patient", None))
        self.editorTitleLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"New template", None))
        self.nameEditLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"Na&me", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("RecipeLibraryDialog", u"e.g. AGA standard", None))
        self.volumeEditLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"&Total volume", None))
        self.volumeUnitLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"mL", None))
        self.itemsTableLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"Ingredients", None))
        self.addRowButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"&Add ingredient", None))
        self.removeRowButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"&Remove ingredient", None))
        self.notesEditLabel.setText(QCoreApplication.translate("RecipeLibraryDialog", u"N&otes", None))
        self.acknowledgeCheck.setText(QCoreApplication.translate("RecipeLibraryDialog", u"I have read the warnings above and want to save anyway", None))
        self.saveAsNewButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"Save as a ne&w recipe", None))
        self.saveButton.setText(QCoreApplication.translate("RecipeLibraryDialog", u"&Save", None))
    # retranslateUi

