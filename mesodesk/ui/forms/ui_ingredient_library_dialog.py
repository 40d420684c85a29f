# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ingredient_library_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IngredientLibraryDialog(object):
    def setupUi(self, IngredientLibraryDialog):
        if not IngredientLibraryDialog.objectName():
            IngredientLibraryDialog.setObjectName(u"IngredientLibraryDialog")
        IngredientLibraryDialog.resize(940, 560)
        self.mainLayout = QVBoxLayout(IngredientLibraryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(IngredientLibraryDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.mainLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(IngredientLibraryDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.tableLayout = QVBoxLayout()
        self.tableLayout.setObjectName(u"tableLayout")

        self.mainLayout.addLayout(self.tableLayout)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.newButton = QPushButton(IngredientLibraryDialog)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.actionsLayout.addWidget(self.newButton)

        self.editButton = QPushButton(IngredientLibraryDialog)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setAutoDefault(False)

        self.actionsLayout.addWidget(self.editButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.countLabel = QLabel(IngredientLibraryDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.actionsLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.actionsLayout)

        self.buttonBox = QDialogButtonBox(IngredientLibraryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.newButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.buttonBox)

        self.retranslateUi(IngredientLibraryDialog)

        QMetaObject.connectSlotsByName(IngredientLibraryDialog)
    # setupUi

    def retranslateUi(self, IngredientLibraryDialog):
        IngredientLibraryDialog.setWindowTitle(QCoreApplication.translate("IngredientLibraryDialog", u"Ingredient library", None))
        self.titleLabel.setText(QCoreApplication.translate("IngredientLibraryDialog", u"Ingredient library", None))
        self.hintLabel.setText(QCoreApplication.translate("IngredientLibraryDialog", u"What recipes are made of. Double-click an ingredient or press Enter to edit it.", None))
        self.newButton.setText(QCoreApplication.translate("IngredientLibraryDialog", u"&New ingredient\u2026", None))
        self.editButton.setText(QCoreApplication.translate("IngredientLibraryDialog", u"&Edit\u2026", None))
    # retranslateUi

