"""The main window's open-data menu entries (added in code beside the Designer's menus).

File: *Import patients from CSV…* and *Export as CSV* (patients, sessions, lots).
Patient: *Export patient's records…* and *Export as FHIR…* for the open chart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

# here, not in `exports`: building the menus must not load the export code (and, through the
# photo import it shares, alembic), which the window's start-up would wait for
TABLE_TITLES = {"patients": "Patients", "sessions": "Treatment sessions", "lots": "Product lots"}


def add_open_data_actions(window: Any) -> None:
    """`window` is the MainWindow (its ui, services, runner and chart helpers)."""
    ui = window.ui
    before = ui.actionCloseTab
    window.actionImportPatients = _action(
        window, "actionImportPatients", "&Import patients from CSV…"
    )
    window.actionImportPatients.triggered.connect(lambda: open_import_dialog(window))
    ui.menuFile.insertAction(before, window.actionImportPatients)
    csv_menu = ui.menuFile.addMenu("&Export as CSV")
    csv_menu.setObjectName("menuExportCsv")
    ui.menuFile.insertMenu(before, csv_menu)
    for table, title in TABLE_TITLES.items():
        action = _action(window, f"actionExport_{table}", f"{title}…")
        action.triggered.connect(lambda _=False, t=table: _export_table(window, t))
        csv_menu.addAction(action)
    ui.menuFile.insertSeparator(before)
    ui.menuPatient.addSeparator()
    for name, text, method in (
        ("actionExportArchive", "E&xport patient's records…", "export_archive"),
        ("actionExportFhir", "Export as &FHIR R4…", "export_fhir"),
    ):
        action = _action(window, name, text)
        action.triggered.connect(lambda _=False, m=method: window._chart_action(m))
        ui.menuPatient.addAction(action)
        setattr(window, name, action)


def _export_table(window: Any, table: str) -> None:
    from mesodesk.ui.interop.exports import export_table

    export_table(window, window.services, window.runner, table)


def _action(window: Any, name: str, text: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    return action


def open_import_dialog(window: Any, path: Any = None) -> Any:
    """Open the import dialog (non-blocking); the patient list refreshes after an import."""
    from mesodesk.ui.interop.import_dialog import ImportPatientsDialog

    dialog = ImportPatientsDialog(window.services, window.runner, window, path)
    dialog.imported.connect(lambda _report: window.patient_model.refresh())
    dialog.open()
    if path is None:
        dialog.choose_file()
    return dialog
