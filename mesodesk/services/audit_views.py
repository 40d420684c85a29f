"""Reading the audit trail: filtered by patient, user and dates, newest first, a page at a time.

The trail grows by a row for every change, view, export and sign-in, so it is read in pages
keyed by id (`before_id`): each page is one index range, however deep the reader scrolls.
Administrators only: the rows hold before/after values, clinical notes among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, distinct, func, select

from mesodesk.db.models import AuditEntry, Patient
from mesodesk.domain.enums import AuditAction
from mesodesk.domain.validation import Checker, ValidationError, is_ident
from mesodesk.services.clinic import require_administrator
from mesodesk.services.errors import NotFound
from mesodesk.services.store import Service

PAGE_MAX = 1000


@dataclass(frozen=True)
class AuditFilter:
    patient: str = ""  # a record number or a patient id; "" for every patient
    username: str = ""  # exactly as written in the trail; "" for everyone
    since: date | None = None  # local calendar days, both included
    until: date | None = None
    action: AuditAction | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: AuditAction
    entity: str
    entity_id: int | None
    patient_id: int | None
    patient: str  # "P000123 Adler, Eva", or "" when the row concerns no patient
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


class AuditViewService(Service):
    def page(
        self, where: AuditFilter, *, limit: int = 200, before_id: int | None = None
    ) -> list[AuditRow]:
        """Up to `limit` rows matching `where`, newest first, older than `before_id`."""
        require_administrator(self.actor, "read the audit trail")
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= PAGE_MAX:
            raise ValidationError(
                _problems("limit", f"A page holds 1 to {PAGE_MAX} rows, not {limit!r}.")
            )
        if before_id is not None and not is_ident(before_id):
            raise ValidationError(_problems("before_id", "The page start is not a row id."))
        with self.store.reading() as session:
            clauses = self._clauses(session, where)
            if before_id is not None:
                clauses.append(AuditEntry.id < before_id)
            query = (
                select(AuditEntry, Patient.record_number, Patient.family_name, Patient.given_names)
                .outerjoin(Patient, Patient.id == AuditEntry.patient_id)
                .where(*clauses)
                .order_by(AuditEntry.id.desc())
                .limit(limit)
            )
            return [
                AuditRow(
                    e.id,
                    e.at,
                    e.username,
                    e.action,
                    e.entity,
                    e.entity_id,
                    e.patient_id,
                    f"{number} {family}, {given}" if number else "",
                    e.summary,
                    e.before,
                    e.after,
                )
                for e, number, family, given in session.execute(query)
            ]

    def count(self, where: AuditFilter) -> int:
        require_administrator(self.actor, "read the audit trail")
        with self.store.reading() as session:
            clauses = self._clauses(session, where)
            return session.scalar(select(func.count(AuditEntry.id)).where(*clauses)) or 0

    def usernames(self) -> list[str]:
        """Everyone the trail names, for the user filter."""
        require_administrator(self.actor, "read the audit trail")
        with self.store.reading() as session:
            return list(
                session.scalars(select(distinct(AuditEntry.username)).order_by(AuditEntry.username))
            )

    @staticmethod
    def _clauses(session: Any, where: AuditFilter) -> list[ColumnElement[bool]]:
        check = Checker()
        if not isinstance(where, AuditFilter):
            check.error("filter", "The audit filter cannot be read.", "wrong_type")
            raise ValidationError(check.problems)
        patient = check.text("patient", where.patient, "The patient", max_length=100)
        username = check.text("username", where.username, "The user", max_length=64)
        since = check.day("since", where.since, "From", required=False)
        until = check.day("until", where.until, "To", required=False)
        action = None
        if where.action is not None:
            action = check.choice("action", where.action, AuditAction, "The action")
        if since and until and since > until:
            check.error("until", "“To” is before “From”.", "date_order")
        if check.problems:
            raise ValidationError(check.problems)
        clauses: list[ColumnElement[bool]] = []
        if patient:
            found = session.scalar(select(Patient.id).where(Patient.record_number == patient))
            if found is None and patient.isdigit() and len(patient) < 19:
                found = session.scalar(select(Patient.id).where(Patient.id == int(patient)))
            if found is None:
                raise NotFound(f"No patient with record number or id “{patient}”.")
            clauses.append(AuditEntry.patient_id == found)
        if username:
            clauses.append(AuditEntry.username == username)
        if since is not None:
            clauses.append(AuditEntry.at >= _local_midnight(since))
        if until is not None and until < date.max:
            clauses.append(AuditEntry.at < _local_midnight(until + timedelta(days=1)))
        if action is not None:
            clauses.append(AuditEntry.action == action)
        return clauses


def _problems(field: str, message: str) -> list:
    check = Checker()
    check.error(field, message, "wrong_type")
    return check.problems
