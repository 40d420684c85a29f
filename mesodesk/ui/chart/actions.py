"""What can be done from a chart; each action loads what it needs in the background first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from mesodesk.services.session_context import load_session_context
from mesodesk.ui.dialogs.patient_dialog import PatientDialog
from mesodesk.ui.dialogs.session_detail import SessionDetailDialog
from mesodesk.ui.dialogs.session_form import Mode, SessionForm

if TYPE_CHECKING:
    from mesodesk.services import Services
    from mesodesk.services.chart import ChartData
    from mesodesk.ui.tasks import TaskRunner


class ChartActions:
    """Mixed into PatientChart (a QWidget with services, runner, data and reload()).

    Every task names the chart as its owner: once its tab is closed, results are dropped."""

    patient_id: int
    services: Services
    runner: TaskRunner
    data: ChartData | None

    def _changed(self, *_args: object) -> None:
        self.reload()  # type: ignore[attr-defined]
        self.patient_changed.emit()  # type: ignore[attr-defined]

    def _open(self, dialog: Any) -> Any:
        if hasattr(dialog, "saved"):
            dialog.saved.connect(self._changed)
        dialog.open()
        return dialog

    # -- patient ---------------------------------------------------------------------------
    def edit_patient(self) -> None:
        if self.data is not None:
            self._open(PatientDialog(self.services, self.runner, self.data.patient, self))

    def new_assessment(self) -> None:
        from mesodesk.ui.dialogs.assessment_dialog import AssessmentDialog

        if self.data is not None:
            self._open(AssessmentDialog(self.services, self.runner, self.data.patient, self))

    def plan_course(self) -> None:
        from mesodesk.ui.dialogs.course_dialog import CourseDialog

        if self.data is not None:
            self._open(CourseDialog(self.services, self.runner, self.data, self))

    def new_outcome(self) -> None:
        from mesodesk.ui.dialogs.outcome_dialog import OutcomeDialog

        if self.data is not None:
            self._open(OutcomeDialog(self.services, self.runner, self.data, self))

    def patient_mixtures(self) -> None:
        """This patient's mixture variants, made from a template with the differences shown."""
        from mesodesk.ui.library.recipes import RecipeLibraryDialog

        if self.data is not None:
            patient = self.data.patient
            dialog = RecipeLibraryDialog(
                self.services,
                self.runner,
                self,  # type: ignore[arg-type]
                patient_id=patient.id,
                patient_name=patient.display_name,
            )
            dialog.finished.connect(self._changed)
            dialog.open()

    # -- open data -------------------------------------------------------------------------
    def export_archive(self) -> Any:
        """The patient's records as one archive (summary, JSON, FHIR, original photos)."""
        from mesodesk.ui.interop.exports import export_patient_archive

        if self.data is not None:
            return export_patient_archive(
                self, self.services, self.runner, self.patient_id, self.data.patient.draft
            )
        return None

    def export_fhir(self) -> Any:
        from mesodesk.ui.interop.exports import export_patient_fhir

        if self.data is not None:
            return export_patient_fhir(
                self, self.services, self.runner, self.patient_id, self.data.patient.draft
            )
        return None

    # -- sessions --------------------------------------------------------------------------
    def new_session(self) -> None:
        self._with_context(
            (), lambda ctx: self._open(SessionForm(self.services, self.runner, ctx, parent=self))
        )

    def open_session(self, row: Any) -> None:
        self.runner.database(
            lambda: self.services.sessions.get(row.id),
            self._show_session,
            self._error,
            owner=self,  # type: ignore[arg-type]
        )

    def _show_session(self, view: Any) -> None:
        if view.is_signed:
            detail = SessionDetailDialog(self.services, self.runner, view, self)
            detail.amend_requested.connect(self.amend_session)
            detail.open()
        else:
            self._edit_session(view, Mode.EDIT_DRAFT)

    def amend_session(self, row: Any) -> None:
        sessions = self.services.sessions
        self.runner.database(
            lambda: sessions.get(row.id),
            lambda view: self._edit_session(view, Mode.AMEND),
            self._error,
            owner=self,  # type: ignore[arg-type]
        )

    def _edit_session(self, view: Any, mode: Mode) -> None:
        """Open the form on a stored version (its lots stay choosable even if expired since)."""
        keep = tuple(lot.lot_id for lot in view.lots)
        self._with_context(
            keep,
            lambda ctx: self._open(
                SessionForm(
                    self.services,
                    self.runner,
                    ctx,
                    initial=view.draft,
                    session_id=view.id,
                    version=view.version,
                    mode=mode,
                    parent=self,
                )
            ),
        )

    def show_history(self, row: Any) -> None:
        sessions = self.services.sessions

        def loaded(versions: list) -> None:
            SessionDetailDialog(
                self.services, self.runner, versions[-1], self, history=versions
            ).open()

        self.runner.database(
            lambda: sessions.history(row.id),
            loaded,
            self._error,
            owner=self,  # type: ignore[arg-type]
        )

    def _with_context(self, keep_lots: tuple[int, ...], then: Any) -> None:
        services, patient_id = self.services, self.patient_id
        self.runner.database(
            lambda: load_session_context(
                services.store,
                services.patients,
                patient_id,
                today=date.today(),
                keep_lot_ids=keep_lots,
            ),
            then,
            self._error,
            owner=self,  # type: ignore[arg-type]
        )

    def _error(self, error: BaseException) -> None:
        self.show_error("MesoDesk", error)  # type: ignore[attr-defined]
