"""Restore from a backup: the clinic's backups with what each holds, checked before anything.

The dialog only chooses (a backup and, for an encrypted one, its passphrase) and confirms; the
window closes its database and the application restores and reopens (`mesodesk.ui.app`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mesodesk.db.backup import describe_database
from mesodesk.services.backups import (
    BackupInfo,
    inspect_backup,
    list_backups,
    passphrase_from,
)
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.record_table import RecordTable

REASONS = {
    "automatic": "Automatic (daily)",
    "manual": "Taken by hand",
    "before-migration": "Before an upgrade",
    "before-restore": "Before a restore",
}


def _count(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"


def reason_text(info: BackupInfo) -> str:
    return REASONS.get(info.manifest.reason, info.manifest.reason)


class RestoreDialog(QDialog):
    """Lists the backups of `database` in `folder`, newest first, and previews the chosen one."""

    def __init__(
        self, database: Path, folder: Path, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.resize(860, 520)
        self.database, self.folder, self.runner = database, folder, runner
        self.current: tuple[int | None, int | None] = (None, None)
        self.chosen: BackupInfo | None = None

        self.table = RecordTable(
            [
                ("Made", lambda i: f"{i.created.astimezone():%d.%m.%Y %H:%M}"),
                ("Kind", reason_text),
                ("Patients", lambda i: _count(i.manifest.patients)),
                ("Sessions", lambda i: _count(i.manifest.sessions)),
                ("Size", lambda i: f"{i.manifest.size / 1e6:,.1f} MB"),
                ("Encrypted", lambda i: "yes" if i.manifest.encrypted else ""),
            ],
            stretch=1,
        )
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.table.record_activated.connect(lambda _info: self._on_restore_clicked())
        self.status = QLabel(f"Looking for backups in {folder}…")
        self.status.setWordWrap(True)
        self.preview = QLabel("")
        self.preview.setWordWrap(True)
        self.preview.setObjectName("restorePreview")
        self.passphrase = QLineEdit(passphrase_from() or "")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_row = QWidget()
        form = QFormLayout(self.passphrase_row)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Passphrase:", self.passphrase)
        self.passphrase_row.hide()

        self.other_button = QPushButton("&Other backup file…")
        self.other_button.clicked.connect(self._on_other_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_restore_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.passphrase_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.other_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        database, folder = self.database, self.folder
        self.runner.lookup(
            lambda: (describe_database(database)[1:], list_backups(folder, database)),
            self._on_listed,
            self._on_failed,
        )

    # -- listing -----------------------------------------------------------------------------
    def _on_listed(self, found: tuple[tuple[int | None, int | None], list[BackupInfo]]) -> None:
        self.current, backups = found
        backups = sorted(backups, key=lambda info: info.created, reverse=True)
        self.table.set_records(backups)
        patients, sessions = (_count(n) for n in self.current)
        now = f"The database now holds {patients} patients and {sessions} sessions."
        if backups:
            self.status.setText(f"{len(backups)} backups of this database in {self.folder}. {now}")
            self.table.select_first()
        else:
            self.status.setText(
                f"No backup of this database in {self.folder}. Use Other backup file… to choose "
                f"one elsewhere (an external disk). {now}"
            )

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(f"The backups could not be read: {error}")

    def _on_other_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a backup", str(self.folder), "MesoDesk backups (*.db *.db.enc);;All (*)"
        )
        if name:
            self.runner.lookup(lambda: inspect_backup(name), self._on_inspected, self._on_failed)

    def _on_inspected(self, info: BackupInfo) -> None:
        records = [info, *(r for r in self.table.records if r.path != info.path)]
        self.table.set_records(records)
        self.table.select_first()

    # -- choosing ----------------------------------------------------------------------------
    def _on_selected(self) -> None:
        info = self.table.current_record()
        self.restore_button.setEnabled(info is not None)
        self.passphrase_row.setVisible(info is not None and info.manifest.encrypted)
        if info is None:
            self.preview.setText("")
            return
        m = info.manifest
        lines = [
            f"<b>{info.path.name}</b> — {reason_text(info).lower()}, made "
            f"{info.created.astimezone():%d.%m.%Y at %H:%M}",
            f"{_count(m.patients)} patients and {_count(m.sessions)} sessions "
            f"(now: {_count(self.current[0])} and {_count(self.current[1])}); "
            f"schema {m.revision or 'unknown'}.",
        ]
        self.preview.setText("<br>".join(lines))

    def _on_restore_clicked(self) -> None:
        info = self.table.current_record()
        if info is None:
            return
        if info.manifest.encrypted and not self.passphrase.text():
            self.preview.setText(f"{info.path.name} is encrypted: type its passphrase first.")
            self.passphrase.setFocus()
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace every record in {self.database.name} with the backup made "
            f"{info.created.astimezone():%d.%m.%Y at %H:%M} "
            f"({_count(info.manifest.patients)} patients)?\n\n"
            "Whatever was recorded since then is not lost: the database as it is now is saved "
            "as a backup first. Open charts are closed and the database is reopened.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = info
            self.accept()

    @property
    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() or None
