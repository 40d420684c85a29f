"""The question a form asks when another workstation saved its record first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from mesodesk.services.concurrency import StaleRecord


def offer_reload(
    parent: QWidget, what: str, error: StaleRecord, reload: Callable[[], None]
) -> None:
    """Say who saved first; Reload (the default) calls `reload`, Keep my edits open does nothing.

    Window-modal without a nested event loop, so background work and tests go on meanwhile.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning, f"{what.capitalize()} not saved", str(error), parent=parent
    )
    box.setObjectName("staleRecordBox")
    reload_button = box.addButton("Reload", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep my edits open", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.setInformativeText(
        f"Reload replaces what you typed with the saved {what}; your edits are lost. "
        "Keep them open to copy what you need first."
    )

    def answered(button: object) -> None:
        box.deleteLater()
        if button is reload_button:
            reload()

    box.buttonClicked.connect(answered)
    box.open()
