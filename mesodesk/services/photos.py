"""Importing, listing, re-filing, deleting and verifying clinical photos.

Import decodes files on every core (a thread pool: Pillow releases the GIL while decoding and
scaling) and records them from the calling thread, **one transaction per photo**: a refused,
cancelled or failing file never rolls back the photos before it, each row is committed only
after its file is fsynced in the vault, and SQLite's single write lock is held for a few
milliseconds at a time instead of for a whole camera card, so the window's reads keep flowing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.engine import sqlite_path
from mesodesk.db.models import Patient, Photo, TreatmentSession
from mesodesk.domain.enums import AuditAction, PhotoView
from mesodesk.photos.images import PRINT_SIZE, THUMBNAIL_SIZE, PhotoRefused, Prepared, prepare
from mesodesk.photos.images import render as render_copy
from mesodesk.photos.threads import below_normal_priority
from mesodesk.photos.vault import Progress, Vault, VaultReport, write_atomically
from mesodesk.services import audit
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound, PermissionDenied, in_words
from mesodesk.services.health import CheckResult, read_only_engine
from mesodesk.services.session_views import current_version_clause
from mesodesk.services.store import Actor, Store

Status = Literal["imported", "duplicate", "refused", "failed", "cancelled"]
PhotoIds = int | Iterable[int]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class FileResult:
    """What became of one file: its photo id, or why it was not imported."""

    path: Path
    status: Status
    photo_id: int | None = None
    session_id: int | None = None
    message: str = ""


@dataclass(frozen=True)
class ImportReport:
    results: list[FileResult]

    def _with(self, status: Status) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    @property
    def imported(self) -> list[FileResult]:
        return self._with("imported")

    @property
    def refused(self) -> list[FileResult]:
        return self._with("refused")

    @property
    def failed(self) -> list[FileResult]:
        """Files that were read but could not be recorded (the database refused the write)."""
        return self._with("failed")

    @property
    def ok(self) -> bool:
        """True when every file was recorded (duplicates and a cancel are not errors)."""
        return not self.refused and not self.failed


class PhotoFile(Protocol):
    """What finds a photo's files in the vault: its checksum and its type."""

    @property
    def sha256(self) -> str: ...

    @property
    def mime_type(self) -> str: ...


@dataclass(frozen=True)
class PhotoRecord:
    """A photo as the chart, the grid and the comparison need it."""

    id: int
    patient_id: int
    session_id: int | None
    view: PhotoView
    trichoscopy_site: str
    magnification: int | None
    taken_at: datetime | None
    sha256: str
    width: int
    height: int
    byte_size: int
    mime_type: str
    original_name: str


class PhotoService:
    """Photo use cases for one store, one acting user and one vault."""

    def __init__(self, store: Store, actor: Actor, vault: Vault | None = None) -> None:
        self.store = store
        self.actor = actor
        self.vault = vault or Vault.beside(sqlite_path(store.url))

    # --- import -------------------------------------------------------------------------------

    def import_files(
        self,
        patient_id: int,
        paths: Iterable[str | os.PathLike[str]],
        *,
        view: PhotoView,
        session_id: int | None = None,
        trichoscopy_site: str = "",
        magnification: int | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Import files for a patient; one refused or failing file never stops the others.

        A file the database cannot record (locked, a write error) is reported as "failed" with
        the reason, and the files before and after it are still recorded. When the write is
        refused for the acting user (the session was locked meanwhile), no later file could be
        recorded either: the batch stops and reports each remaining file as failed.

        With no `session_id`, a photo whose capture date matches exactly one of the patient's
        sessions is linked to it (the clinician can change it with `set_session`); several
        sessions that day, or none, leave it unlinked.
        """
        files = [Path(p) for p in paths]
        view = PhotoView(view)
        if magnification is not None and magnification < 1:
            raise Conflict("Magnification must be a whole number of at least 1.")
        sessions_by_day = self._check_import(patient_id, session_id)
        results: list[FileResult] = []
        count = workers or os.cpu_count() or 1
        ahead = 2 * count  # decoded files waiting to be written: their bytes are held till then
        pool = ThreadPoolExecutor(max_workers=count, initializer=below_normal_priority)
        futures: dict[int, Future[Prepared | None]] = {}
        stopped: str | None = None  # why no further file can be recorded

        def submit(index: int) -> None:
            halted = stopped is not None or (cancel is not None and cancel())
            if index < len(files) and not halted:
                futures[index] = pool.submit(self._prepare, files[index], cancel)

        try:
            for index in range(ahead):
                submit(index)
            for done, path in enumerate(files, start=1):
                future = futures.pop(done - 1, None)
                if stopped is not None:
                    results.append(FileResult(path, "failed", message=f"{path.name}: {stopped}"))
                elif future is None:
                    results.append(FileResult(path, "cancelled", message=f"{path.name}: cancelled"))
                else:
                    try:
                        result = self._record(
                            patient_id, path, future, view, session_id, sessions_by_day,
                            trichoscopy_site.strip(), magnification,
                        )  # fmt: skip
                    except Exception as exc:  # rolled back: this photo only, not the batch
                        why = f"not recorded ({in_words(exc)})"
                        result = FileResult(path, "failed", message=f"{path.name}: {why}")
                        if isinstance(exc, PermissionDenied):
                            stopped = why
                    results.append(result)
                submit(done - 1 + ahead)
                if progress is not None:
                    progress(done, len(files))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return ImportReport(results)

    def _check_import(self, patient_id: int, session_id: int | None) -> dict[date, list[int]]:
        """Refuse before any work: unknown patient, no photo consent, a foreign session."""
        with self.store.reading() as session:
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted_at is not None:
                raise NotFound(f"No patient with id {patient_id}.")
            if not patient.consent_photos:
                raise PermissionDenied(
                    f"{patient.family_name}, {patient.given_names} has not consented to photos: "
                    "record the photo consent in the patient form first. Nothing was imported."
                )
            rows = session.execute(
                select(TreatmentSession.id, TreatmentSession.performed_at).where(
                    TreatmentSession.patient_id == patient_id,
                    TreatmentSession.deleted_at.is_(None),
                    current_version_clause(),
                )
            ).all()
        if session_id is not None and session_id not in {row.id for row in rows}:
            raise NotFound(f"Session {session_id} is not a current session of this patient.")
        by_day: dict[date, list[int]] = {}
        for row in rows:
            by_day.setdefault(_local_day(row.performed_at), []).append(row.id)
        return by_day

    @staticmethod
    def _prepare(path: Path, cancel: Cancel | None) -> Prepared | None:
        """Worker thread: read, check and decode one file; None when cancelled first.

        Workers decode while the importing thread writes and records the files before: the
        work that needs a core overlaps the work that waits for the disk. They run at most
        `ahead` files in front, so a camera card's 6 MB originals never pile up in memory.
        """
        if cancel is not None and cancel():
            return None
        return prepare(path)

    def _record(
        self,
        patient_id: int,
        path: Path,
        future: Future[Prepared | None],
        view: PhotoView,
        session_id: int | None,
        sessions_by_day: dict[date, list[int]],
        site: str,
        magnification: int | None,
    ) -> FileResult:
        """Importing thread: the decoded photo's files into the vault, then its row in one
        transaction (a crash in between leaves a file without a row, never the reverse)."""
        try:
            prepared = future.result()
            if prepared is not None:
                self.vault.store(prepared)
        except PhotoRefused as exc:
            return FileResult(path, "refused", message=str(exc))
        except OSError as exc:
            return FileResult(path, "refused", message=f"{path.name}: cannot be stored ({exc})")
        except Exception as exc:  # a bug must not lose the rest of the batch: report per file
            return FileResult(path, "refused", message=f"{path.name}: {exc}")
        if prepared is None:
            return FileResult(path, "cancelled", message=f"{path.name}: cancelled")
        linked = session_id
        if linked is None and prepared.taken_at is not None:
            same_day = sessions_by_day.get(_local_day(prepared.taken_at), [])
            linked = same_day[0] if len(same_day) == 1 else None
        with self.store.writing() as session:
            existing = session.scalar(
                select(Photo.id).where(
                    Photo.patient_id == patient_id,
                    Photo.sha256 == prepared.sha256,
                    Photo.deleted_at.is_(None),
                )
            )
            if existing is not None:
                message = f"{path.name}: already in this patient's photos (photo #{existing})"
                return FileResult(path, "duplicate", existing, message=message)
            photo = Photo(
                patient_id=patient_id,
                session_id=linked,
                view=view,
                trichoscopy_site=site,
                magnification=magnification,
                taken_at=prepared.taken_at,
                sha256=prepared.sha256,
                width=prepared.width,
                height=prepared.height,
                byte_size=prepared.byte_size,
                mime_type=prepared.mime_type,
                original_name=prepared.original_name[:255],
                imported_by_id=self.actor.user_id,
            )
            session.add(photo)
            session.flush()
            audit.record(
                session, self.actor, AuditAction.CREATE, "photo", photo.id,
                patient_id=patient_id, summary=f"Imported {path.name} ({view.label})",
                after=audit.snapshot(photo),
            )  # fmt: skip
        return FileResult(path, "imported", photo.id, linked)

    # --- reading ------------------------------------------------------------------------------

    def photos_for(self, patient_id: int) -> list[PhotoRecord]:
        """The patient's live photos, oldest first (the order a comparison reads them)."""
        with self.store.reading() as session:
            rows = session.scalars(
                select(Photo)
                .where(Photo.patient_id == patient_id, Photo.deleted_at.is_(None))
                .order_by(Photo.taken_at, Photo.id)
            )
            return [_record_of(photo) for photo in rows]

    def get(self, photo_id: int) -> PhotoRecord:
        with self.store.reading() as session:
            return _record_of(self._load(session, photo_id))

    def original_path(self, photo_id: int) -> Path:
        record = self.get(photo_id)
        return self.vault.original_path(record.sha256, record.mime_type)

    def thumbnail_path(self, photo: int | PhotoFile) -> Path:
        """The upright 256 px JPEG; rebuilt from the original if the cache lost it.

        Given the photo's file identity (a chart row carries it), no database read is made.
        """
        file = self.get(photo) if isinstance(photo, int) else photo
        return self._rendition(file, self.vault.thumbnail_path(file.sha256), THUMBNAIL_SIZE)

    def print_copy_path(self, photo: int | PhotoFile) -> Path:
        """The upright 1000-1200 px JPEG that reports embed instead of the original."""
        file = self.get(photo) if isinstance(photo, int) else photo
        return self._rendition(file, self.vault.print_copy_path(file.sha256), PRINT_SIZE)

    def _rendition(self, file: PhotoFile, path: Path, size: int) -> Path:
        if not path.is_file():
            original = self.vault.original_path(file.sha256, file.mime_type)
            write_atomically(path, render_copy(original.read_bytes(), size))
        return path

    # --- changing -----------------------------------------------------------------------------

    def set_view(self, photo_ids: PhotoIds, view: PhotoView) -> None:
        """File one photo, or several in one transaction, under a standard view."""
        self._update(photo_ids, view=PhotoView(view))

    def set_session(self, photo_ids: PhotoIds, session_id: int | None) -> None:
        """Link photos to one of their patient's sessions, or unlink them (None)."""
        if session_id is None:
            self._update(photo_ids, session_id=None)
            return
        with self.store.reading() as session:
            owner = session.scalar(
                select(TreatmentSession.patient_id).where(TreatmentSession.id == session_id)
            )
        self._update(photo_ids, session_id=session_id, owner=owner)

    def _update(self, photo_ids: PhotoIds, *, owner: int | None = None, **values: object) -> None:
        """Change `values` on every photo, all or none; `owner`: the patient they must belong to."""
        with self.store.writing() as session:
            for photo_id in _ids(photo_ids):
                photo = self._load(session, photo_id)
                linked = values.get("session_id")
                if linked is not None and owner != photo.patient_id:
                    raise NotFound(f"Session {linked} is not a session of this patient.")
                before = audit.snapshot(photo)
                for key, value in values.items():
                    setattr(photo, key, value)
                session.flush()
                old, new = audit.changes(before, audit.snapshot(photo))
                if new:
                    audit.record(
                        session, self.actor, AuditAction.UPDATE, "photo", photo.id,
                        patient_id=photo.patient_id, summary="Photo re-filed", before=old,
                        after=new,
                    )  # fmt: skip

    def delete(self, photo_ids: PhotoIds, reason: str) -> None:
        """Soft delete: the rows and files stay (clinical records), hidden from the chart."""
        reason = deletion_reason(reason, "a photo")
        with self.store.writing() as session:
            for photo_id in _ids(photo_ids):
                photo = self._load(session, photo_id)
                mark_deleted(photo, self.actor, reason)
                audit.record(
                    session, self.actor, AuditAction.DELETE, "photo", photo.id,
                    patient_id=photo.patient_id, summary=f"Deleted: {reason}",
                )  # fmt: skip

    # --- checking -----------------------------------------------------------------------------

    def verify(self, progress: Progress | None = None) -> VaultReport:
        """Missing, damaged (checksum) and orphaned originals; deleted photos count too."""
        with self.store.reading() as session:
            recorded = session.execute(select(Photo.id, Photo.sha256, Photo.mime_type)).all()
        return self.vault.verify([tuple(row) for row in recorded], progress)

    @staticmethod
    def _load(session: Session, photo_id: int) -> Photo:
        photo = session.get(Photo, photo_id)
        if photo is None or photo.deleted_at is not None:
            raise NotFound(f"No photo with id {photo_id}.")
        return photo


def _ids(photo_ids: PhotoIds) -> list[int]:
    return [photo_ids] if isinstance(photo_ids, int) else list(photo_ids)


def _local_day(moment: datetime) -> date:
    """The clinic's calendar day of a moment (a naive time already is local wall-clock)."""
    return (moment.astimezone() if moment.tzinfo else moment).date()


def _record_of(photo: Photo) -> PhotoRecord:
    return PhotoRecord(
        id=photo.id,
        patient_id=photo.patient_id,
        session_id=photo.session_id,
        view=photo.view,
        trichoscopy_site=photo.trichoscopy_site,
        magnification=photo.magnification,
        taken_at=photo.taken_at,
        sha256=photo.sha256,
        width=photo.width,
        height=photo.height,
        byte_size=photo.byte_size,
        mime_type=photo.mime_type,
        original_name=photo.original_name,
    )


def vault_checks(url: str) -> Iterator[CheckResult]:
    """`mesodesk check`'s photo line; reads only and creates nothing (not even the folder)."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return
    store = Store(url, engine=read_only_engine(url))
    try:
        report = PhotoService(store, Actor(None, "check")).verify()
    except Exception as exc:  # an old or damaged database: say so on the check line
        yield CheckResult("photo vault", False, f"cannot be checked ({exc.__class__.__name__})")
        return
    finally:
        store.dispose()
    yield CheckResult("photo vault", report.ok, report.summary())
