"""Photo test data: real image files, patients and sessions.

Test images are made with Pillow: an upright picture with a red top-left and a green
top-right corner is stored turned by the inverse of its EXIF orientation, so a correct
rendition shows red top-left and green top-right again whatever the orientation.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from PIL import Image

from mesodesk.db.models import TreatmentSession
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex, Technique
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store

RED, GREEN, BLUE = (230, 20, 20), (20, 200, 20), (20, 20, 230)
TAKEN = datetime(2025, 3, 4, 10, 11, 12)
GPS = {1: "N", 2: (48.0, 8.0, 30.0), 3: "E", 4: (11.0, 34.0, 12.5), 6: 512.0}
# The transpose that undoes each orientation (exif_transpose applies the other way).
_INVERSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_picture(width: int = 600, height: int = 400) -> Image.Image:
    image = Image.new("RGB", (width, height), BLUE)
    corner = max(width, height) // 6
    image.paste(RED, (0, 0, corner, corner))
    image.paste(GREEN, (width - corner, 0, width, corner))
    return image


def exif_bytes(orientation: int = 1, *, gps: bool = True, taken: datetime | None = TAKEN) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "ClinicCam"
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if gps:
        exif.get_ifd(0x8825).update(GPS)
    return exif.tobytes()


def write_photo(
    path: Path,
    orientation: int = 1,
    *,
    fmt: str = "JPEG",
    gps: bool = True,
    taken: datetime | None = TAKEN,
    size: tuple[int, int] = (600, 400),
) -> Path:
    """A file whose upright rendering is `upright_picture(*size)`."""
    image = upright_picture(*size)
    if orientation in _INVERSE:
        image = image.transpose(_INVERSE[orientation])
    options = {"quality": 92} if fmt == "JPEG" else {}
    image.save(path, fmt, exif=exif_bytes(orientation, gps=gps, taken=taken), **options)
    return path


def noise(path: Path, size: int = 4096) -> Path:
    path.write_bytes(random.Random(5).randbytes(size))
    return path


def register(store: Store, *, consent: bool = True, name: str = "Keller") -> int:
    draft = PatientDraft(
        family_name=name,
        given_names="Anna",
        birth_date=date(1985, 6, 1),
        sex=Sex.FEMALE,
        consent_treatment=True,
        consent_photos=consent,
    )
    return PatientService(store, SYSTEM).register(draft).id


def add_session(store: Store, patient_id: int, practitioner_id: int, when: datetime) -> int:
    with store.writing() as session:
        row = TreatmentSession(
            patient_id=patient_id,
            performed_at=when,
            practitioner_id=practitioner_id,
            volume_ml=2.0,
            needle_gauge=30,
            needle_length_mm=4.0,
            technique=Technique.NAPPAGE,
        )
        session.add(row)
        session.flush()
        return row.id
