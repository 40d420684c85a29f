"""Never lose work: notice edits in a form, and ask before throwing them away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def watch_changes(root: QWidget, on_change: Callable[[], None]) -> None:
    """Call `on_change` whenever any input widget under `root` is edited by the user."""
    for edit in root.findChildren(QLineEdit):
        if not isinstance(edit.parent(), QAbstractSpinBox | QComboBox):
            edit.textEdited.connect(on_change)
    for text in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        text.textChanged.connect(on_change)
    for combo in root.findChildren(QComboBox):
        combo.activated.connect(on_change)
    for spin in root.findChildren(QAbstractSpinBox):
        spin.editingFinished.connect(on_change)
        if hasattr(spin, "valueChanged"):
            spin.valueChanged.connect(on_change)
    for button in root.findChildren(QAbstractButton):
        if button.isCheckable() and button.objectName() != "acknowledgeCheck":
            button.clicked.connect(on_change)


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask whether unsaved edits may be thrown away; True means close without saving."""
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"This {what} has changes that are not saved.\nClose it and lose them?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
