# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMainWindow, QMenu,
    QMenuBar, QPushButton, QSizePolicy, QSplitter,
    QStatusBar, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 760)
        self.actionNewPatient = QAction(MainWindow)
        self.actionNewPatient.setObjectName(u"actionNewPatient")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionPrintSummary = QAction(MainWindow)
        self.actionPrintSummary.setObjectName(u"actionPrintSummary")
        self.actionBackUpNow = QAction(MainWindow)
        self.actionBackUpNow.setObjectName(u"actionBackUpNow")
        self.actionRestoreBackup = QAction(MainWindow)
        self.actionRestoreBackup.setObjectName(u"actionRestoreBackup")
        self.actionCloseTab = QAction(MainWindow)
        self.actionCloseTab.setObjectName(u"actionCloseTab")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionEditPatient = QAction(MainWindow)
        self.actionEditPatient.setObjectName(u"actionEditPatient")
        self.actionNewAssessment = QAction(MainWindow)
        self.actionNewAssessment.setObjectName(u"actionNewAssessment")
        self.actionNewSession = QAction(MainWindow)
        self.actionNewSession.setObjectName(u"actionNewSession")
        self.actionPlanCourse = QAction(MainWindow)
        self.actionPlanCourse.setObjectName(u"actionPlanCourse")
        self.actionNewOutcome = QAction(MainWindow)
        self.actionNewOutcome.setObjectName(u"actionNewOutcome")
        self.actionToday = QAction(MainWindow)
        self.actionToday.setObjectName(u"actionToday")
        self.actionIngredients = QAction(MainWindow)
        self.actionIngredients.setObjectName(u"actionIngredients")
        self.actionRecipes = QAction(MainWindow)
        self.actionRecipes.setObjectName(u"actionRecipes")
        self.actionLots = QAction(MainWindow)
        self.actionLots.setObjectName(u"actionLots")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(8, 8, 8, 4)
        self.splitter = QSplitter(self.central)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.registryPanel = QWidget(self.splitter)
        self.registryPanel.setObjectName(u"registryPanel")
        self.registryLayout = QVBoxLayout(self.registryPanel)
        self.registryLayout.setObjectName(u"registryLayout")
        self.registryLayout.setContentsMargins(0, 0, 0, 0)
        self.registryTitle = QLabel(self.registryPanel)
        self.registryTitle.setObjectName(u"registryTitle")

        self.registryLayout.addWidget(self.registryTitle)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(self.registryPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.newPatientButton = QPushButton(self.registryPanel)
        self.newPatientButton.setObjectName(u"newPatientButton")

        self.searchRow.addWidget(self.newPatientButton)


        self.registryLayout.addLayout(self.searchRow)

        self.patientTable = QTableView(self.registryPanel)
        self.patientTable.setObjectName(u"patientTable")
        self.patientTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.patientTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.patientTable.setAlternatingRowColors(True)
        self.patientTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.patientTable.setSortingEnabled(False)
        self.patientTable.horizontalHeader().setStretchLastSection(True)
        self.patientTable.verticalHeader().setVisible(False)

        self.registryLayout.addWidget(self.patientTable)

        self.resultCountLabel = QLabel(self.registryPanel)
        self.resultCountLabel.setObjectName(u"resultCountLabel")

        self.registryLayout.addWidget(self.resultCountLabel)

        self.splitter.addWidget(self.registryPanel)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.splitter.addWidget(self.tabs)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuPatient = QMenu(self.menubar)
        self.menuPatient.setObjectName(u"menuPatient")
        self.menuClinic = QMenu(self.menubar)
        self.menuClinic.setObjectName(u"menuClinic")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuPatient.menuAction())
        self.menubar.addAction(self.menuClinic.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewPatient)
        self.menuFile.addAction(self.actionFind)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionPrintSummary)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackUpNow)
        self.menuFile.addAction(self.actionRestoreBackup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionCloseTab)
        self.menuFile.addAction(self.actionQuit)
        self.menuPatient.addAction(self.actionEditPatient)
        self.menuPatient.addAction(self.actionNewAssessment)
        self.menuPatient.addAction(self.actionNewSession)
        self.menuPatient.addAction(self.actionPlanCourse)
        self.menuPatient.addAction(self.actionNewOutcome)
        self.menuClinic.addAction(self.actionToday)
        self.menuClinic.addAction(self.actionIngredients)
        self.menuClinic.addAction(self.actionRecipes)
        self.menuClinic.addAction(self.actionLots)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"MesoDesk", None))
        self.actionNewPatient.setText(QCoreApplication.translate("MainWindow", u"&New patient\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewPatient.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Find patient", None))
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionPrintSummary.setText(QCoreApplication.translate("MainWindow", u"&Print treatment summary\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionPrintSummary.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionBackUpNow.setText(QCoreApplication.translate("MainWindow", u"&Back up now", None))
#if QT_CONFIG(tooltip)
        self.actionBackUpNow.setToolTip(QCoreApplication.translate("MainWindow", u"Take a verified backup of the database into the backup folder", None))
#endif // QT_CONFIG(tooltip)
        self.actionRestoreBackup.setText(QCoreApplication.translate("MainWindow", u"&Restore from a backup\u2026", None))
        self.actionCloseTab.setText(QCoreApplication.translate("MainWindow", u"&Close tab", None))
#if QT_CONFIG(shortcut)
        self.actionCloseTab.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+W", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionEditPatient.setText(QCoreApplication.translate("MainWindow", u"&Edit patient\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionEditPatient.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewAssessment.setText(QCoreApplication.translate("MainWindow", u"New &assessment\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewAssessment.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+A", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewSession.setText(QCoreApplication.translate("MainWindow", u"New &session\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewSession.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionPlanCourse.setText(QCoreApplication.translate("MainWindow", u"&Plan course\u2026", None))
        self.actionNewOutcome.setText(QCoreApplication.translate("MainWindow", u"Record &outcome\u2026", None))
        self.actionToday.setText(QCoreApplication.translate("MainWindow", u"&Today's sessions", None))
#if QT_CONFIG(shortcut)
        self.actionToday.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+T", None))
#endif // QT_CONFIG(shortcut)
        self.actionIngredients.setText(QCoreApplication.translate("MainWindow", u"&Ingredient library\u2026", None))
        self.actionRecipes.setText(QCoreApplication.translate("MainWindow", u"&Recipes\u2026", None))
        self.actionLots.setText(QCoreApplication.translate("MainWindow", u"Product &lots and recall\u2026", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About MesoDesk", None))
        self.registryTitle.setText(QCoreApplication.translate("MainWindow", u"Patients", None))
        self.registryTitle.setObjectName(QCoreApplication.translate("MainWindow", u"registryTitle", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Search name, record no., phone or birth date (Ctrl+F)", None))
        self.newPatientButton.setText(QCoreApplication.translate("MainWindow", u"&New patient", None))
#if QT_CONFIG(tooltip)
        self.newPatientButton.setToolTip(QCoreApplication.translate("MainWindow", u"Register a new patient (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.resultCountLabel.setText("")
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuPatient.setTitle(QCoreApplication.translate("MainWindow", u"&Patient", None))
        self.menuClinic.setTitle(QCoreApplication.translate("MainWindow", u"&Clinic", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

