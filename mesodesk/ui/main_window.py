"""The workstation's main window: patient registry on the left, charts as tabs on the right.

The window is built and shown before its database is open (`MainWindow(None, …)`, then
`attach`): this module imports only Qt and light modules, so the start-up paints it at once;
the search field takes typing meanwhile, and the list fills when the database is there.
The list's model (and the patient rows it imports) loads after that first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QMessageBox, QWidget

from mesodesk.ui.forms.ui_main_window import Ui_MainWindow
from mesodesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mesodesk.services import Services
    from mesodesk.services.patients import PatientDetail
    from mesodesk.ui.chart.patient_chart import PatientChart
    from mesodesk.ui.models.patient_table import Page, PatientTableModel
    from mesodesk.ui.today_panel import TodayPanel

FIRST_MATCH = "first match"  # Enter's wish: the first row of the search being read
# the widest usual content of the fixed columns; the name column takes the rest
COLUMN_SAMPLES = {0: "P0000000", 2: "31.12.1999 (99)", 3: "+49 151 0727 8072"}


def _chart_type() -> type[PatientChart]:
    from mesodesk.ui.chart.patient_chart import PatientChart

    return PatientChart


class MainWindow(QMainWindow):
    # (backup file, passphrase), confirmed: the application closes this window, restores, reopens
    restore_requested = Signal(object, object)
    closed = Signal()  # the user closed it (it may still be opening its database)

    def __init__(self, services: Services | None, runner: TaskRunner, db_label: str) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.services: Services | None = None
        self.runner = runner
        self.today: TodayPanel | None = None
        self.patient_model: PatientTableModel | None = None
        # What the user asked to open before it could be: a patient's chart (the database
        # is still opening) or the first match (of a search still being read); the latest counts.
        self._wish: int | str | None = None
        self._status_before_wish = ""  # the status bar's message before a chart was waiting
        self.setWindowTitle("MesoDesk")
        self.ui.patientTable.verticalHeader().setDefaultSectionSize(26)
        self.ui.splitter.setSizes([540, 826])
        self.ui.splitter.setStretchFactor(1, 1)
        self._busy = QLabel("")
        self.ui.statusbar.addPermanentWidget(self._busy)
        self._database_label = QLabel("")
        self.ui.statusbar.addPermanentWidget(self._database_label)
        ui = self.ui
        always = (ui.actionQuit, ui.actionAbout, ui.actionFind)
        self._waiting = [  # nothing to act on until the database is open (menus stay open)
            a
            for a in self.findChildren(QAction)
            if a.isEnabled() and a not in always and a.menu() is None
        ]
        for action in self._waiting:
            action.setEnabled(False)
        ui.newPatientButton.setEnabled(False)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self._on_about)
        ui.actionFind.triggered.connect(self.focus_search)
        search = ui.searchEdit
        QShortcut(QKeySequence(Qt.Key.Key_Escape), search, search.clear)
        search.textChanged.connect(self.forget_wish)
        search.returnPressed.connect(self._open_first_result)
        search.setFocus()
        if services is not None:
            self.attach(services, db_label)

    def attach(self, services: Services, db_label: str) -> None:
        """Work on `services`' database: fill the list (with what was typed meanwhile)."""
        from mesodesk.ui.today_panel import TodayPanel

        self.services, runner = services, self.runner
        self.setWindowTitle(f"MesoDesk — {db_label}")
        self._database_label.setText(f"Database: {db_label}")
        for action in self._waiting:
            action.setEnabled(True)
        self.ui.newPatientButton.setEnabled(True)
        patients = services.patients
        model = self._patient_list()
        searching = model.bind(
            lambda q, limit, offset: patients.find(q, limit=limit, offset=offset),
            patients.count,
            self.ui.searchEdit.text(),
        )
        self.ui.newPatientButton.clicked.connect(self._on_new_patient)

        self.today = TodayPanel(services, runner, self)
        self.today.open_patient.connect(self.open_chart)
        self.ui.tabs.addTab(self.today, "Today")
        self.ui.tabs.tabBar().setTabButton(0, self.ui.tabs.tabBar().ButtonPosition.RightSide, None)
        self.ui.tabs.tabCloseRequested.connect(self._on_tab_close_requested)

        self._connect_actions()
        runner.busy_changed.connect(self._on_busy_changed)
        # The Today panel (a query over every active course) starts once the list has its
        # first rows: at start-up it shared the interpreter with the search that makes the
        # window ready for typing.
        if searching:

            def refresh_today(*_args: object) -> None:
                model.modelReset.disconnect(refresh_today)
                model.failed.disconnect(refresh_today)
                self.today.refresh()

            model.modelReset.connect(refresh_today)
            model.failed.connect(refresh_today)
        else:
            self.today.refresh()
        self._watch_changes(services)
        if isinstance(self._wish, int):
            self.open_chart(self._wish)
        self._open_first_if_asked()  # Enter on a list that needed no new search
        if not searching:  # scrolled to the end of the early page: the next page now
            bar = self.ui.patientTable.verticalScrollBar()
            if bar.value() == bar.maximum() and model.canFetchMore():
                model.fetchMore()

    def _patient_list(self) -> PatientTableModel:
        """The patient list's model, made and wired once (before the database is there, it
        can show a first page read early)."""
        if self.patient_model is not None:
            return self.patient_model
        from mesodesk.ui.models.patient_table import PatientTableModel

        model = self.patient_model = PatientTableModel(self.runner, parent=self)
        table = self.ui.patientTable
        table.setModel(model)
        self._size_patient_columns()
        table.activated.connect(self._on_patient_activated)
        self.ui.searchEdit.textChanged.connect(model.search)
        model.modelReset.connect(self._open_first_if_asked)
        model.results_changed.connect(self._on_results_changed)
        model.failed.connect(self._show_error_text)
        return model

    def show_early_page(self, page: Page) -> None:
        """Everyone's first page, read at start-up while the database is still being opened:
        shown now, searchable and openable once `attach` has the services. Not when a search
        was typed meanwhile: its own rows come then, and Enter waits for them."""
        if self.services is not None or self.patient_model is not None:
            return
        model, typed = self._patient_list(), self.ui.searchEdit.text()
        if typed.strip():
            model.search(typed)  # waits for `bind`
        else:
            model.show_early_page(page)

    def _watch_changes(self, services: Services) -> None:
        """On a clinic server others save too: show their work as it comes."""
        from mesodesk.db.engine import is_server_url
        from mesodesk.ui.change_watch import ChangeWatcher

        if not is_server_url(services.store.url):
            return
        self.change_watcher = ChangeWatcher(services.store, self.runner, self)
        self.change_watcher.changed.connect(self._on_changed_elsewhere)
        self.change_watcher.start()

    def _on_changed_elsewhere(self) -> None:
        """New or changed records (from any workstation): refresh what is on screen."""
        self.patient_model.refresh()
        self.today.refresh()
        for index in range(self.ui.tabs.count()):
            widget = self.ui.tabs.widget(index)
            if isinstance(widget, _chart_type()):
                widget.reload()

    # -- actions ---------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionNewPatient.triggered.connect(self._on_new_patient)
        ui.actionCloseTab.triggered.connect(
            lambda: self._on_tab_close_requested(ui.tabs.currentIndex())
        )
        ui.actionToday.triggered.connect(lambda: ui.tabs.setCurrentWidget(self.today))
        ui.actionEditPatient.triggered.connect(lambda: self._chart_action("edit_patient"))
        ui.actionNewAssessment.triggered.connect(lambda: self._chart_action("new_assessment"))
        ui.actionNewSession.triggered.connect(lambda: self._chart_action("new_session"))
        ui.actionPlanCourse.triggered.connect(lambda: self._chart_action("plan_course"))
        ui.actionNewOutcome.triggered.connect(lambda: self._chart_action("new_outcome"))
        ui.actionPrintSummary.triggered.connect(lambda: self._chart_action("print_summary"))
        ui.actionBackUpNow.triggered.connect(self.back_up_now)
        ui.actionRestoreBackup.triggered.connect(self.choose_backup_to_restore)
        ui.actionDatabaseConnection.triggered.connect(self.choose_database)
        from mesodesk.db.engine import sqlite_path
        from mesodesk.ui.interop.menus import add_open_data_actions

        server = sqlite_path(self.services.store.url) is None
        for action in (ui.actionBackUpNow, ui.actionRestoreBackup):
            action.setEnabled(not server)
            if server:
                action.setToolTip("A server database is backed up by its server (pg_dump)")
        for name in ("actionIngredients", "actionRecipes", "actionLots"):
            getattr(ui, name).triggered.connect(
                lambda _=False, n=name: self._open_library(n.removeprefix("action").lower())
            )
        add_open_data_actions(self)
        from mesodesk.ui.security.menus import add_security_actions

        add_security_actions(self)

    def _size_patient_columns(self) -> None:
        """Fixed columns fit their usual content (not ResizeToContents: it reads every row)."""
        table = self.ui.patientTable
        header = table.horizontalHeader()
        table.ensurePolished()  # the style sheet's fonts, not the default ones
        header.ensurePolished()
        cells, titles = table.fontMetrics(), header.fontMetrics()
        model = table.model()
        for column in range(header.count()):
            if column in COLUMN_SAMPLES:
                title = str(model.headerData(column, Qt.Orientation.Horizontal))
                width = max(
                    cells.horizontalAdvance(COLUMN_SAMPLES[column]), titles.horizontalAdvance(title)
                )
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width + 14)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def current_chart(self) -> PatientChart | None:
        widget = self.ui.tabs.currentWidget()
        return widget if isinstance(widget, _chart_type()) else None

    def _chart_action(self, name: str) -> None:
        chart = self.current_chart()
        if chart is None:
            self.ui.statusbar.showMessage("Open a patient's chart first.", 4000)
            return
        getattr(chart, name)()

    def _open_library(self, which: str) -> None:
        from mesodesk.ui.library import open_library

        open_library(which, self.services, self.runner, self)

    # -- patients --------------------------------------------------------------------------
    def _on_new_patient(self) -> None:
        from mesodesk.ui.dialogs.patient_dialog import PatientDialog

        dialog = PatientDialog(self.services, self.runner, parent=self)
        dialog.saved.connect(self._on_patient_saved)
        dialog.open()

    def _on_patient_saved(self, detail: PatientDetail) -> None:
        self.ui.statusbar.showMessage(
            f"Saved {detail.display_name} ({detail.record_number}).", 5000
        )
        self.patient_model.refresh()
        self.open_chart(detail.id)

    def _on_patient_activated(self, index: QModelIndex) -> None:
        patient_id = index.data(Qt.ItemDataRole.UserRole)
        if patient_id is not None:
            self.open_chart(int(patient_id))

    def _open_first_result(self) -> None:
        """Enter in the search field: the first match's chart; pressed while the matches are
        still being read, once they are (unless the search text changes first)."""
        model = self.patient_model
        if model is None or model.searching():
            self._set_wish(FIRST_MATCH)
            return
        row = model.patient_at(0)
        if row is not None:
            self.open_chart(row.id)

    def forget_wish(self) -> None:
        """What was asked for before is no longer what is meant (the search text changed, or
        someone signed in since)."""
        self._set_wish(None)

    def _set_wish(self, wish: int | str | None) -> None:
        """While the database opens, a waiting chart says so in the status bar, and gives the
        bar back to what it said before once it no longer waits."""
        status, opening = self.ui.statusbar, self.services is None
        chart_was_waiting = isinstance(self._wish, int) and opening
        if isinstance(wish, int) and opening:
            if not chart_was_waiting:
                self._status_before_wish = status.currentMessage()
            status.showMessage("The chart opens as soon as the database is ready…")
        elif chart_was_waiting:
            status.showMessage(self._status_before_wish)
        self._wish = wish

    def _open_first_if_asked(self) -> None:
        model = self.patient_model
        if self._wish != FIRST_MATCH or model is None or model.searching():
            return
        if model.query == self.ui.searchEdit.text():
            self._wish = None
            self._open_first_result()

    def open_chart(self, patient_id: int) -> PatientChart | None:
        """The patient's chart tab, opened (or brought forward); a chart asked for while the
        database is still opening opens as soon as it is ready (None until then)."""
        if self.services is None:
            self._set_wish(patient_id)
            return None
        self._wish = None  # the latest wish counts
        tabs, chart_type = self.ui.tabs, _chart_type()
        for index in range(tabs.count()):
            widget = tabs.widget(index)
            if isinstance(widget, chart_type) and widget.patient_id == patient_id:
                tabs.setCurrentIndex(index)
                widget.reload()
                return widget
        chart = chart_type(patient_id, self.services, self.runner, self)
        chart.title_changed.connect(lambda title, c=chart: self._retitle(c, title))
        chart.patient_changed.connect(self.patient_model.refresh)
        chart.patient_changed.connect(self.today.refresh)
        tabs.setCurrentIndex(tabs.addTab(chart, "…"))
        return chart

    def _retitle(self, chart: QWidget, title: str) -> None:
        index = self.ui.tabs.indexOf(chart)
        if index >= 0:
            self.ui.tabs.setTabText(index, title)

    def _on_tab_close_requested(self, index: int) -> None:
        widget = self.ui.tabs.widget(index)
        if isinstance(widget, _chart_type()) and widget.close_requested():
            self.ui.tabs.removeTab(index)
            widget.deleteLater()

    # -- status ----------------------------------------------------------------------------
    def _on_results_changed(self, total: int) -> None:
        query = self.patient_model.query
        noun = "patient" if total == 1 else "patients"
        text = f"{total:,} {noun}" + (f" matching “{query}”" if query else "")
        self.ui.resultCountLabel.setText(text)

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            QTimer.singleShot(300, self._show_busy_if_still)
        else:
            self._busy.setText("")
            self.unsetCursor()

    def _show_busy_if_still(self) -> None:
        if self.runner.pending:
            self._busy.setText("Working…")

    def _show_error_text(self, message: str) -> None:
        QMessageBox.warning(self, "MesoDesk", message)

    # -- backups ---------------------------------------------------------------------------
    @property
    def database_file(self) -> Path | None:
        from mesodesk.db.engine import sqlite_path

        return sqlite_path(self.services.store.url)

    def back_up_now(self) -> None:
        from mesodesk.services.backups import passphrase_from, take_backup

        store = self.services.store
        self.statusBar().showMessage("Taking a backup…")
        self.runner.database(
            lambda: take_backup(store, passphrase=passphrase_from()),
            lambda info: self.statusBar().showMessage(f"Backed up to {info.path}", 15_000),
            lambda error: self._show_error_text(f"The backup could not be made: {error}"),
        )

    def choose_database(self) -> None:
        from mesodesk.ui.dialogs.database_dialog import DatabaseDialog

        current = self.windowTitle().removeprefix("MesoDesk — ")
        self.database_dialog = DatabaseDialog(self.runner, current, self)
        self.database_dialog.open()

    def choose_backup_to_restore(self) -> None:
        """Choose and confirm a backup; the application then closes the window and restores it."""
        from mesodesk.services.backups import backup_folder
        from mesodesk.ui.dialogs.restore_dialog import RestoreDialog

        database = self.database_file
        if database is None:
            return
        dialog = RestoreDialog(database, backup_folder(), self.runner, self)

        def chosen() -> None:
            if dialog.chosen is not None:
                self.restore_requested.emit(dialog.chosen.path, dialog.chosen_passphrase)

        dialog.accepted.connect(chosen)
        dialog.open()
        self.restore_dialog = dialog

    def _on_about(self) -> None:
        from mesodesk import __version__

        QMessageBox.about(
            self,
            "About MesoDesk",
            f"<b>MesoDesk {__version__}</b><p>Records for scalp mesotherapy clinics: patients, "
            "assessments, mixtures and lots, treatment sessions, photos and printouts.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        tabs = self.ui.tabs
        for index in range(tabs.count()):
            widget = tabs.widget(index)
            if isinstance(widget, _chart_type()) and not widget.close_requested():
                tabs.setCurrentIndex(index)
                event.ignore()
                return
        if self.services is not None:  # work in flight (a save) finishes first
            self.runner.wait_idle(5000)
        event.accept()
        self.closed.emit()
