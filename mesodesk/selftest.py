"""`mesodesk --self-test`: prove that this installation really works, end to end, in seconds.

A build can pass every unit test and still be broken once packaged: a migration file left
out, a font or a Qt plugin missing, a hidden import. So the self-test walks the path a clinic
takes (migrate, register, assess, treat and sign, import a photo, print, back up and restore,
open the window) through the real services, in a throw-away data folder: a clinic's own data
is never touched, and it runs headless, so an installer or CI can call it. One line per step
with its time; the first failing step stops the run and names itself.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # imported lazily at run time: `mesodesk --help` must stay fast
    from mesodesk.services import Services
    from mesodesk.services.store import Store

# Settings that would point the self-test at a clinic's real database, backups or secrets.
_ISOLATED = (
    "MESODESK_HOME",
    "MESODESK_DATABASE_URL",
    "MESODESK_BACKUP_DIR",
    "MESODESK_BACKUP_PASSPHRASE",
    "QT_QPA_PLATFORM",
)


@dataclass
class Context:
    """What the steps hand on to each other: the folder, the database and the records made."""

    home: Path
    ids: dict[str, int] = field(default_factory=dict)
    store: Store | None = None  # once the database exists

    @property
    def database(self) -> Path:
        return self.home / "mesodesk.db"

    def open_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("the database is not open")
        return self.store

    def services(self) -> Services:
        """The services acting as the self-test's practitioner (signing needs one)."""
        from mesodesk.services import Services
        from mesodesk.services.clinic import ClinicService
        from mesodesk.services.store import SYSTEM

        store = self.open_store()
        practitioner = ClinicService(store, SYSTEM).user(self.ids["practitioner"])
        return Services(store, practitioner.as_actor())


Step = Callable[[Context], str]


def _create_database(ctx: Context) -> str:
    from mesodesk.db.migrate import head_revision
    from mesodesk.services.store import Store

    ctx.store = Store.open(str(ctx.database), backup_dir=ctx.home / "backups")
    return f"schema {head_revision()}"


def _register_patient(ctx: Context) -> str:
    from mesodesk.domain.drafts import (
        IngredientDraft,
        LotDraft,
        PatientDraft,
        RecipeDraft,
        RecipeItemDraft,
    )
    from mesodesk.domain.enums import ConcentrationUnit, IngredientClass, Role, Sex
    from mesodesk.services.clinic import ClinicService
    from mesodesk.services.store import SYSTEM

    clinic = ClinicService(ctx.open_store(), SYSTEM)
    ctx.ids["practitioner"] = clinic.add_user(
        "self.test", "Dr Self Test", Role.PRACTITIONER, "MD"
    ).id
    services = ctx.services()
    biotin = services.mixtures.add_ingredient(
        IngredientDraft("Biotin", IngredientClass.VITAMIN, 0.5, ConcentrationUnit.MG_PER_ML)
    )
    item = RecipeItemDraft(biotin.id, 0.5, ConcentrationUnit.MG_PER_ML)
    ctx.ids["recipe"] = services.mixtures.create_recipe(RecipeDraft("Self-test", 3.0, (item,))).id
    lot = LotDraft("Biotin 5 mL vial", "ST-1", date.today() + timedelta(days=365), 10)
    ctx.ids["lot"] = services.mixtures.receive_lot(lot).id
    patient = PatientDraft(
        "Test",
        "Self",
        date(1985, 4, 2),
        Sex.FEMALE,
        consent_treatment=True,
        consent_photos=True,
    )
    detail = services.patients.register(patient, acknowledge_warnings=True)
    ctx.ids["patient"] = detail.id
    return detail.record_number


def _record_assessment(ctx: Context) -> str:
    from mesodesk.domain.drafts import AssessmentDraft, StageEntry
    from mesodesk.domain.enums import Diagnosis, StagingScale

    draft = AssessmentDraft(
        patient_id=ctx.ids["patient"],
        assessed_on=date.today(),
        diagnosis=Diagnosis.AGA_FEMALE,
        stages=(StageEntry(StagingScale.LUDWIG, "II"),),
        practitioner_id=ctx.ids["practitioner"],
    )
    saved = ctx.services().assessments.record(draft, acknowledge_warnings=True)
    return f"assessment #{saved.id}"


def _sign_session(ctx: Context) -> str:
    from mesodesk.domain.drafts import LotUse, SessionDraft, ZoneEntry
    from mesodesk.domain.enums import ScalpZone, Technique

    sessions = ctx.services().sessions
    draft = SessionDraft(
        patient_id=ctx.ids["patient"],
        performed_at=datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=1),
        practitioner_id=ctx.ids["practitioner"],
        recipe_id=ctx.ids["recipe"],
        volume_ml=3.0,
        needle_gauge=30,
        needle_length_mm=4.0,
        technique=Technique.NAPPAGE,
        zones=(ZoneEntry(ScalpZone.VERTEX, 1.5, volume_ml=3.0),),
        lots=(LotUse(ctx.ids["lot"], 1.0),),
        pain_score=2,
        no_adverse_events=True,
    )
    saved = sessions.record(draft, acknowledge_warnings=True)
    signed = sessions.sign(saved.id, acknowledge_warnings=True)
    ctx.ids["session"] = signed.id
    return f"session #{signed.id} {signed.status.value}"


def _import_photo(ctx: Context) -> str:
    from PIL import Image

    from mesodesk.domain.enums import PhotoView

    source = ctx.home / "incoming" / "vertex.jpg"
    source.parent.mkdir()
    image = Image.new("RGB", (1200, 900), (70, 90, 160))
    image.paste((200, 60, 60), (0, 0, 300, 300))
    image.save(source, "JPEG", quality=90)
    report = ctx.services().photos.import_files(
        ctx.ids["patient"], [source], view=PhotoView.VERTEX, session_id=ctx.ids["session"]
    )
    if not report.ok or len(report.imported) != 1:
        problems = "; ".join(r.message for r in [*report.refused, *report.failed])
        raise RuntimeError(f"the photo was not imported ({problems or 'no result'})")
    return f"photo #{report.imported[0].photo_id}"


def _render_pdfs(ctx: Context) -> str:
    from mesodesk.files import write_atomically
    from mesodesk.reports.documents import DOCUMENTS
    from mesodesk.reports.report_data import collect

    data = collect(ctx.services(), ctx.ids["patient"])
    sizes = []
    for kind in DOCUMENTS.values():
        target = ctx.home / f"{kind.name}.pdf"
        write_atomically(target, kind.build(data))
        content = target.read_bytes()
        if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-1024:]:
            raise RuntimeError(f"the {kind.name} is not a complete PDF")
        sizes.append(f"{kind.name} {len(content) // 1024} kB")
    return ", ".join(sizes)


def _backup_and_restore(ctx: Context) -> str:
    from mesodesk.services.backups import restore_backup, take_backup
    from mesodesk.services.store import Store

    folder = ctx.home / "backups"
    info = take_backup(ctx.open_store(), folder, "manual")
    ctx.open_store().dispose()  # restoring refuses a database that is open
    ctx.store = None
    result = restore_backup(info.path, ctx.database, folder)
    ctx.store = Store.open(str(ctx.database), backup_dir=folder)
    patients = ctx.services().patients.count()
    if patients != 1:
        raise RuntimeError(f"the restored database holds {patients} patients, not 1")
    return f"{info.path.name}, {result.restored.manifest.size / 1e3:.0f} kB"


def _open_main_window(ctx: Context) -> str:
    from mesodesk.ui.selftest import open_and_close_main_window

    return open_and_close_main_window(ctx.services(), str(ctx.database))


STEPS: tuple[tuple[str, Step], ...] = (
    ("create the database through the migrations", _create_database),
    ("register a practitioner, a recipe, a lot and a patient", _register_patient),
    ("record an assessment", _record_assessment),
    ("record and sign a session", _sign_session),
    ("import a photo", _import_photo),
    ("render the PDFs", _render_pdfs),
    ("take and restore a backup", _backup_and_restore),
    ("open and close the main window", _open_main_window),
)


@contextmanager
def _isolated_environment(home: Path) -> Iterator[None]:
    """The data folder is `home`; headless unless a display is there; all restored after."""
    saved = {name: os.environ.get(name) for name in _ISOLATED}
    platform = saved["QT_QPA_PLATFORM"]
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    for name in _ISOLATED:
        os.environ.pop(name, None)
    os.environ["MESODESK_HOME"] = str(home)
    if platform or has_display:
        if platform:
            os.environ["QT_QPA_PLATFORM"] = platform
    else:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(out: TextIO | None = None) -> int:
    """Run every step; 0 when all pass, 1 at the first failure (named, with its error)."""
    out = out or sys.stdout
    from mesodesk import __version__

    home = Path(tempfile.mkdtemp(prefix="mesodesk-self-test-"))
    _say(out, f"MesoDesk {__version__} self-test in {home}")
    started = time.perf_counter()
    try:
        with _isolated_environment(home):
            code = _run_steps(Context(home), out)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    total = time.perf_counter() - started
    _say(out, f"{'passed' if code == 0 else 'FAILED'} in {total:.2f} s")
    return code


def _run_steps(ctx: Context, out: TextIO) -> int:
    from mesodesk.logging_setup import configure_logging, release_logging

    configure_logging()
    try:
        for number, (title, step) in enumerate(STEPS, start=1):
            began = time.perf_counter()
            try:
                detail = step(ctx)
            except Exception as exc:
                elapsed = time.perf_counter() - began
                _say(out, f"FAIL {number}/{len(STEPS)} {title} ({elapsed:.2f} s): "
                          f"{type(exc).__name__}: {exc}")  # fmt: skip
                _say(out, traceback.format_exc().rstrip())
                return 1
            elapsed = time.perf_counter() - began
            _say(out, f"ok   {number}/{len(STEPS)} {title} ({elapsed:.2f} s): {detail}")
        return 0
    finally:
        if ctx.store is not None:
            ctx.store.dispose()
        release_logging()


def _say(out: TextIO | None, line: str) -> None:
    """Print and flush at once (a frozen build's output is block-buffered); no stream: skip."""
    if out is None:
        return
    print(line, file=out, flush=True)
