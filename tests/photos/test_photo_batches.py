"""Bad files in a batch, a crash between the file and its row, damage found by `verify`."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from photo_files import TAKEN, add_session, noise, write_photo
from PIL import Image
from sqlalchemy import func, select

from mesodesk.db.models import Photo
from mesodesk.domain.enums import PhotoView
from mesodesk.photos.vault import Vault
from mesodesk.services import photos as photo_module
from mesodesk.services.photos import PhotoService
from mesodesk.services.store import Actor, Store


def png_bomb(path: Path, width: int = 20_000, height: int = 10_000) -> Path:
    """A valid-looking PNG header claiming 200 megapixels, with a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    idat = zlib.compress(b"\x00" * 1024)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def _count(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count(Photo.id))) or 0


def test_bad_files_are_refused_by_name_and_the_good_ones_land(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    good = [write_photo(tmp_path / "good1.jpg", 6), write_photo(tmp_path / "good2.jpg", 3)]
    full = write_photo(tmp_path / "whole.jpg").read_bytes()
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(full[: len(full) // 2])
    text = tmp_path / "notes.jpg"
    text.write_text("Patient prefers morning appointments.\n" * 20)
    bad = [truncated, noise(tmp_path / "random.jpg"), text, png_bomb(tmp_path / "bomb.png")]
    gif = tmp_path / "scan.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    report = photos.import_files(patient_id, [good[0], *bad, gif, good[1]], view="vertex")

    assert [r.path for r in report.imported] == good
    messages = {r.path.name: r.message for r in report.refused}
    assert set(messages) == {"truncated.jpg", "random.jpg", "notes.jpg", "bomb.png", "scan.gif"}
    assert messages["truncated.jpg"].startswith("truncated.jpg: the image is damaged or incomplete")
    assert messages["random.jpg"] == "random.jpg: not a JPEG, PNG or TIFF image"
    assert messages["notes.jpg"] == "notes.jpg: not a JPEG, PNG or TIFF image (it contains text)"
    assert "bomb.png: the image is too large" in messages["bomb.png"]
    assert "200 megapixels" in messages["bomb.png"] and "at most 60" in messages["bomb.png"]
    assert messages["scan.gif"] == "scan.gif: not a JPEG, PNG or TIFF image"
    assert not report.ok and len(photos.photos_for(patient_id)) == 2
    assert photos.verify().ok


def test_a_crash_after_the_file_leaves_only_an_orphan_that_verify_names(
    tmp_path: Path,
    store: Store,
    photos: PhotoService,
    vault: Vault,
    patient_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = write_photo(tmp_path / "a.jpg")

    def power_cut(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(photo_module.audit, "record", power_cut)
    failed = photos.import_files(patient_id, [source], view="vertex")
    monkeypatch.undo()
    assert [r.status for r in failed.results] == ["failed"] and not failed.ok
    assert failed.results[0].message == "a.jpg: not recorded (disk I/O error)"

    assert _count(store) == 0  # no row without its file: the transaction rolled back
    stored = vault.originals()
    assert len(stored) == 1 and not any(p.name.startswith(".") for p in stored)
    report = photos.verify()
    assert report.orphaned == stored and not report.missing and not report.damaged
    assert "1 orphaned file(s) without a record" in report.summary()

    again = photos.import_files(patient_id, [source], view="vertex")  # the import is redone
    assert again.ok and photos.verify().ok


def test_verify_finds_a_flipped_byte_and_a_missing_file(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    report = photos.import_files(
        patient_id, [write_photo(tmp_path / "a.jpg"), write_photo(tmp_path / "b.jpg", 6)],
        view="vertex",
    )  # fmt: skip
    first, second = (r.photo_id for r in report.imported)
    assert first is not None and second is not None
    damaged = photos.original_path(first)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    photos.original_path(second).unlink()
    seen: list[tuple[int, int]] = []
    result = photos.verify(progress=lambda done, total: seen.append((done, total)))
    assert [p.photo_ids for p in result.damaged] == [(first,)]
    assert [p.photo_ids for p in result.missing] == [(second,)]
    assert result.orphaned == [] and not result.ok and seen[-1] == (2, 2)


def test_a_photo_is_linked_to_the_session_of_its_day(
    tmp_path: Path, store: Store, photos: PhotoService, actor: Actor, patient_id: int
) -> None:
    assert actor.user_id is not None
    that_day = add_session(store, patient_id, actor.user_id, TAKEN.replace(hour=9))
    add_session(store, patient_id, actor.user_id, datetime(2025, 4, 1, 9))
    dated = write_photo(tmp_path / "dated.jpg")
    other = write_photo(tmp_path / "other.jpg", taken=datetime(2025, 3, 20, 9))
    report = photos.import_files(patient_id, [dated, other], view=PhotoView.OCCIPITAL)
    assert [r.session_id for r in report.imported] == [that_day, None]


def test_view_session_and_soft_delete(
    tmp_path: Path, store: Store, photos: PhotoService, actor: Actor, patient_id: int
) -> None:
    assert actor.user_id is not None
    visit = add_session(store, patient_id, actor.user_id, datetime(2025, 5, 2, 9))
    report = photos.import_files(
        patient_id, [write_photo(tmp_path / "t.jpg", taken=None)], view="trichoscopy",
        trichoscopy_site="vertex", magnification=20,
    )  # fmt: skip
    photo_id = report.imported[0].photo_id
    assert photo_id is not None
    photos.set_view(photo_id, PhotoView.VERTEX)
    photos.set_session(photo_id, visit)
    record = photos.get(photo_id)
    assert (record.view, record.session_id, record.taken_at) == (PhotoView.VERTEX, visit, None)
    assert (record.trichoscopy_site, record.magnification) == ("vertex", 20)
    photos.delete(photo_id, "wrong patient")
    assert photos.photos_for(patient_id) == []
    assert _count(store) == 1 and photos.verify().ok  # the record and its file stay


def test_cancel_stops_starting_files_and_leaves_everything_consistent(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    files = [write_photo(tmp_path / f"{i}.jpg", taken=None, size=(600 + i, 400)) for i in range(6)]
    done: list[int] = []
    report = photos.import_files(
        patient_id, files, view="vertex", workers=1,
        progress=lambda n, _total: done.append(n), cancel=lambda: bool(done),
    )  # fmt: skip
    statuses = [r.status for r in report.results]
    assert statuses[0] == "imported" and statuses[-1] == "cancelled"
    assert report.ok and done[-1] == 6
    assert len(photos.photos_for(patient_id)) == statuses.count("imported")
    assert photos.verify().ok


def test_decoded_photos_wait_for_their_write_a_few_at_a_time(
    tmp_path: Path, photos: PhotoService, patient_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers decode ahead of the thread writing the files, but at most two files each:
    a camera card's originals are never all held in memory at once."""
    files = [write_photo(tmp_path / f"{i}.jpg", taken=None, size=(600 + i, 400)) for i in range(9)]
    held, most = [0], [0]
    decode, store = photo_module.prepare, photos.vault.store

    def counted_prepare(path: Path):
        prepared = decode(path)
        held[0] += 1
        most[0] = max(most[0], held[0])
        return prepared

    def counted_store(prepared) -> None:
        store(prepared)
        held[0] -= 1

    monkeypatch.setattr(photo_module, "prepare", counted_prepare)
    monkeypatch.setattr(photos.vault, "store", counted_store)
    report = photos.import_files(patient_id, files, view="vertex", workers=1)
    assert len(report.imported) == 9 and held[0] == 0
    assert 1 <= most[0] <= 2


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")  # as the app sets it
def test_a_bomb_below_pillows_own_limit_is_refused_too(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    """80 megapixels only warns in Pillow (it raises from twice the limit): refused all the same."""
    report = photos.import_files(
        patient_id, [png_bomb(tmp_path / "big.png", 10_000, 8_000)], view="vertex"
    )
    assert "big.png: the image is too large (80 megapixels)" in report.refused[0].message


def test_a_file_the_database_cannot_record_fails_alone(
    tmp_path: Path, store: Store, photos: PhotoService, patient_id: int
) -> None:
    files = [
        write_photo(tmp_path / f"{name}.jpg", size=(600 + i, 400)) for i, name in enumerate("abc")
    ]
    with store.engine.begin() as connection:  # a real write error, for b.jpg only
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_b BEFORE INSERT ON photos WHEN NEW.original_name = 'b.jpg' "
            "BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"
        )
    report = photos.import_files(patient_id, files, view="vertex", workers=1)

    assert [r.status for r in report.results] == ["imported", "failed", "imported"]
    assert report.failed[0].message == "b.jpg: not recorded (database error: disk quota exceeded)"
    assert not report.ok and _count(store) == 2
    assert [p.original_name for p in photos.photos_for(patient_id)] == ["a.jpg", "c.jpg"]


def test_a_session_locked_during_the_batch_keeps_what_landed(
    tmp_path: Path, store: Store, photos: PhotoService, patient_id: int
) -> None:
    from mesodesk.services.auth import SessionLocked

    files = [write_photo(tmp_path / f"{i}.jpg", size=(600 + i, 400)) for i in range(4)]
    recorded: list[int] = []

    def gate() -> None:
        if recorded:  # the idle lock struck once the first photo was recorded
            raise SessionLocked("The workstation is locked: Dr Lena Vogel must sign in again.")

    store.gate = gate
    report = photos.import_files(
        patient_id, files, view="vertex", workers=1,
        progress=lambda done, _total: recorded.append(done),
    )  # fmt: skip
    store.gate = None

    assert [r.status for r in report.results] == ["imported", "failed", "failed", "failed"]
    why = "not recorded (The workstation is locked: Dr Lena Vogel must sign in again.)"
    assert [r.message for r in report.failed] == [f"{i}.jpg: {why}" for i in (1, 2, 3)]
    assert recorded == [1, 2, 3, 4] and _count(store) == 1
    assert [r.photo_id for r in report.imported] == [p.id for p in photos.photos_for(patient_id)]
