# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lot_library_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget)

class Ui_LotLibraryDialog(object):
    def setupUi(self, LotLibraryDialog):
        if not LotLibraryDialog.objectName():
            LotLibraryDialog.setObjectName(u"LotLibraryDialog")
        LotLibraryDialog.resize(1120, 700)
        self.mainLayout = QVBoxLayout(LotLibraryDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(LotLibraryDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        font = QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.titleLabel.setFont(font)

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.showExpiredCheck = QCheckBox(LotLibraryDialog)
        self.showExpiredCheck.setObjectName(u"showExpiredCheck")
        self.showExpiredCheck.setChecked(True)

        self.headerLayout.addWidget(self.showExpiredCheck)


        self.mainLayout.addLayout(self.headerLayout)

        self.splitter = QSplitter(LotLibraryDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.lotsPane = QWidget(self.splitter)
        self.lotsPane.setObjectName(u"lotsPane")
        self.lotsLayout = QVBoxLayout(self.lotsPane)
        self.lotsLayout.setObjectName(u"lotsLayout")
        self.lotsLayout.setContentsMargins(0, 0, 0, 0)
        self.lotTableLayout = QVBoxLayout()
        self.lotTableLayout.setObjectName(u"lotTableLayout")

        self.lotsLayout.addLayout(self.lotTableLayout)

        self.lotActionsLayout = QHBoxLayout()
        self.lotActionsLayout.setObjectName(u"lotActionsLayout")
        self.receiveButton = QPushButton(self.lotsPane)
        self.receiveButton.setObjectName(u"receiveButton")
        self.receiveButton.setAutoDefault(False)

        self.lotActionsLayout.addWidget(self.receiveButton)

        self.adjustButton = QPushButton(self.lotsPane)
        self.adjustButton.setObjectName(u"adjustButton")
        self.adjustButton.setAutoDefault(False)

        self.lotActionsLayout.addWidget(self.adjustButton)

        self.recallButton = QPushButton(self.lotsPane)
        self.recallButton.setObjectName(u"recallButton")
        self.recallButton.setAutoDefault(False)

        self.lotActionsLayout.addWidget(self.recallButton)

        self.lotActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lotActionsLayout.addItem(self.lotActionsSpacer)

        self.countLabel = QLabel(self.lotsPane)
        self.countLabel.setObjectName(u"countLabel")

        self.lotActionsLayout.addWidget(self.countLabel)


        self.lotsLayout.addLayout(self.lotActionsLayout)

        self.splitter.addWidget(self.lotsPane)
        self.recallBox = QGroupBox(self.splitter)
        self.recallBox.setObjectName(u"recallBox")
        self.recallLayout = QVBoxLayout(self.recallBox)
        self.recallLayout.setObjectName(u"recallLayout")
        self.recallLabel = QLabel(self.recallBox)
        self.recallLabel.setObjectName(u"recallLabel")
        self.recallLabel.setWordWrap(True)
        self.recallLabel.setTextFormat(Qt.TextFormat.RichText)

        self.recallLayout.addWidget(self.recallLabel)

        self.recallTableLayout = QVBoxLayout()
        self.recallTableLayout.setObjectName(u"recallTableLayout")

        self.recallLayout.addLayout(self.recallTableLayout)

        self.recallActionsLayout = QHBoxLayout()
        self.recallActionsLayout.setObjectName(u"recallActionsLayout")
        self.copyButton = QPushButton(self.recallBox)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.recallActionsLayout.addWidget(self.copyButton)

        self.recallActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recallActionsLayout.addItem(self.recallActionsSpacer)


        self.recallLayout.addLayout(self.recallActionsLayout)

        self.splitter.addWidget(self.recallBox)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(LotLibraryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.showExpiredCheck, self.receiveButton)
        QWidget.setTabOrder(self.receiveButton, self.adjustButton)
        QWidget.setTabOrder(self.adjustButton, self.recallButton)
        QWidget.setTabOrder(self.recallButton, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.buttonBox)

        self.retranslateUi(LotLibraryDialog)

        QMetaObject.connectSlotsByName(LotLibraryDialog)
    # setupUi

    def retranslateUi(self, LotLibraryDialog):
        LotLibraryDialog.setWindowTitle(QCoreApplication.translate("LotLibraryDialog", u"Product lots and recall", None))
        self.titleLabel.setText(QCoreApplication.translate("LotLibraryDialog", u"Product lots", None))
        self.showExpiredCheck.setText(QCoreApplication.translate("LotLibraryDialog", u"Show e&xpired lots", None))
        self.receiveButton.setText(QCoreApplication.translate("LotLibraryDialog", u"&Receive lot\u2026", None))
        self.adjustButton.setText(QCoreApplication.translate("LotLibraryDialog", u"&Adjust quantity\u2026", None))
#if QT_CONFIG(tooltip)
        self.recallButton.setToolTip(QCoreApplication.translate("LotLibraryDialog", u"List every patient and session that received the selected lot", None))
#endif // QT_CONFIG(tooltip)
        self.recallButton.setText(QCoreApplication.translate("LotLibraryDialog", u"Re&call: who received this lot?", None))
        self.recallBox.setTitle(QCoreApplication.translate("LotLibraryDialog", u"Recall", None))
        self.recallLabel.setText(QCoreApplication.translate("LotLibraryDialog", u"Select a lot and click Recall to list every patient and session that received it.", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(QCoreApplication.translate("LotLibraryDialog", u"Copy the recall list as a table, to paste into a spreadsheet or a letter", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(QCoreApplication.translate("LotLibraryDialog", u"C&opy list", None))
    # retranslateUi

