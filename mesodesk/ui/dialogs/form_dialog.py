"""What every small record form shares: live validation, acknowledgement, background save."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from mesodesk.domain.validation import Problem, ValidationError
from mesodesk.services.concurrency import StaleRecord
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.problem_panel import ProblemPanel
from mesodesk.ui.widgets.stale_record import offer_reload
from mesodesk.ui.widgets.unsaved import confirm_discard, watch_changes


class FormDialog(QDialog):
    """Subclasses set `self.ui` (with problemsLabel, acknowledgeCheck, buttonBox), then call
    `setup_form(fields, what)` and implement `problems()` and `save_work()`."""

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.dirty = False
        self._saving = False
        self._what = "form"

    def setup_form(self, fields: dict[str, QWidget], what: str) -> None:
        self._what = what
        self.panel = ProblemPanel(self.ui.problemsLabel, self.ui.acknowledgeCheck, fields)
        watch_changes(self, self._on_changed)
        self.ui.acknowledgeCheck.toggled.connect(self._update_save)
        self.ui.buttonBox.accepted.connect(self._on_save_clicked)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.validate()

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        """A function to run on the database thread; it must not touch widgets."""
        raise NotImplementedError

    def _on_changed(self, *_args: object) -> None:
        self.dirty = True
        self.validate()

    def validate(self) -> None:
        self.panel.show(self.problems())
        self._update_save()

    def _update_save(self, *_args: object) -> None:
        button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(self.panel.can_save and not self._saving)

    def _on_save_clicked(self) -> None:
        if not self.panel.can_save or self._saving:
            return
        work = self.save_work(self.ui.acknowledgeCheck.isChecked())
        self._saving = True
        self._update_save()
        self.runner.database(work, self._on_saved, self._on_failed)

    def _on_saved(self, result: object) -> None:
        self._saving = False
        self.dirty = False
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            self.panel.show(error.problems)
        elif isinstance(error, StaleRecord) and self.can_reload():
            self._offer_reload(error)
        else:
            QMessageBox.warning(self, f"{self._what.capitalize()} not saved", str(error))
        self._update_save()

    # -- another workstation saved first ---------------------------------------------------
    def can_reload(self) -> bool:
        """Subclasses that edit a stored record say yes and implement `reload_work`."""
        return False

    def reload_work(self) -> Callable[[], Any]:
        """A function for the database thread returning the record as it is stored now."""
        raise NotImplementedError

    def show_reloaded(self, record: Any) -> None:
        """Put the reloaded record into the form (and remember its new version)."""
        raise NotImplementedError

    def _offer_reload(self, error: StaleRecord) -> None:
        offer_reload(
            self,
            self._what,
            error,
            lambda: self.runner.database(
                self.reload_work(), self._on_reloaded, self._on_reload_failed
            ),
        )

    def _on_reloaded(self, record: Any) -> None:
        self.show_reloaded(record)
        self.dirty = False
        self.validate()

    def _on_reload_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, f"{self._what.capitalize()} not reloaded", str(error))

    def reject(self) -> None:
        if self.dirty and not confirm_discard(self, self._what):
            return
        super().reject()
