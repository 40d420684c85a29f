"""Use cases shared by the window and the command line.

Each call is one transaction, validates before writing, writes its audit row and returns
plain data. `Services` bundles them for one store and one acting user.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from mesodesk.services.store import SYSTEM, Actor, Store

if TYPE_CHECKING:
    from mesodesk.services.accounts import AccountService
    from mesodesk.services.assessments import AssessmentService
    from mesodesk.services.audit_views import AuditViewService
    from mesodesk.services.clinic import ClinicService
    from mesodesk.services.courses import CourseService
    from mesodesk.services.mixtures import MixtureService
    from mesodesk.services.notes import NotesService
    from mesodesk.services.outcomes import OutcomeService
    from mesodesk.services.patients import PatientService
    from mesodesk.services.photos import PhotoService
    from mesodesk.services.sessions import SessionService


class Services:
    """Every service for one store, acting as one user."""

    def __init__(self, store: Store, actor: Actor = SYSTEM) -> None:
        self.store = store
        self.actor = actor

    @cached_property
    def patients(self) -> PatientService:
        from mesodesk.services.patients import PatientService

        return PatientService(self.store, self.actor)

    @cached_property
    def clinic(self) -> ClinicService:
        from mesodesk.services.clinic import ClinicService

        return ClinicService(self.store, self.actor)

    @cached_property
    def assessments(self) -> AssessmentService:
        from mesodesk.services.assessments import AssessmentService

        return AssessmentService(self.store, self.actor)

    @cached_property
    def mixtures(self) -> MixtureService:
        from mesodesk.services.mixtures import MixtureService

        return MixtureService(self.store, self.actor)

    @cached_property
    def courses(self) -> CourseService:
        from mesodesk.services.courses import CourseService

        return CourseService(self.store, self.actor)

    @cached_property
    def sessions(self) -> SessionService:
        from mesodesk.services.sessions import SessionService

        return SessionService(self.store, self.actor)

    @cached_property
    def outcomes(self) -> OutcomeService:
        from mesodesk.services.outcomes import OutcomeService

        return OutcomeService(self.store, self.actor)

    @cached_property
    def notes(self) -> NotesService:
        """Clinical notes: refused to front-desk accounts."""
        from mesodesk.services.notes import NotesService

        return NotesService(self.store, self.actor)

    @cached_property
    def accounts(self) -> AccountService:
        """Users, roles and passwords: administrators only."""
        from mesodesk.services.accounts import AccountService

        return AccountService(self.store, self.actor)

    @cached_property
    def audit_trail(self) -> AuditViewService:
        """The audit trail, filtered and paged: administrators only."""
        from mesodesk.services.audit_views import AuditViewService

        return AuditViewService(self.store, self.actor)

    @cached_property
    def photos(self) -> PhotoService:
        """Photos in the vault beside this store's database (or MESODESK_PHOTO_DIR)."""
        from mesodesk.services.photos import PhotoService

        return PhotoService(self.store, self.actor)


__all__ = ["SYSTEM", "Actor", "Services", "Store"]
