"""Importing real JPEG, PNG and TIFF files: upright renditions, no GPS, pixels untouched."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from photo_files import GREEN, RED, TAKEN, register, upright_picture, write_photo
from PIL import Image, ImageChops

from mesodesk.domain.enums import PhotoView
from mesodesk.photos.vault import Vault
from mesodesk.services.errors import PermissionDenied
from mesodesk.services.photos import PhotoService
from mesodesk.services.store import Store


def _close(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=False))


def _assert_upright(path: Path, longest: int) -> None:
    with Image.open(path) as image:
        assert image.format == "JPEG"
        width, height = image.size
        assert max(width, height) == longest and width > height  # the upright shape is landscape
        rgb = image.convert("RGB")
        assert _close(rgb.getpixel((3, 3)), RED), path
        assert _close(rgb.getpixel((width - 4, 3)), GREEN), path
        assert not image.getexif() and "xmp" not in image.info and "exif" not in image.info


def _gps(path: Path) -> dict:
    with Image.open(path) as image:
        exif = image.getexif()
        assert 0x8825 not in exif
        return dict(exif.get_ifd(0x8825))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_ends_upright_without_gps(
    tmp_path: Path, photos: PhotoService, vault: Vault, patient_id: int, orientation: int
) -> None:
    source = write_photo(tmp_path / f"o{orientation}.jpg", orientation, size=(1600, 1000))
    report = photos.import_files(patient_id, [source], view=PhotoView.VERTEX)
    assert report.ok, report.results
    photo_id = report.imported[0].photo_id
    assert photo_id is not None
    record = photos.get(photo_id)
    assert (record.width, record.height) == (1600, 1000)
    assert record.taken_at == TAKEN.astimezone()
    _assert_upright(photos.thumbnail_path(photo_id), 256)
    _assert_upright(photos.print_copy_path(photo_id), 1200)

    stored = photos.original_path(photo_id)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == record.sha256
    assert record.byte_size == stored.stat().st_size
    assert _gps(stored) == {} and b"ClinicCam" in stored.read_bytes()
    with Image.open(stored) as kept, Image.open(source) as original:
        exif = kept.getexif()
        assert exif[0x0112] == orientation
        assert exif.get_ifd(0x8769)[0x9003] == TAKEN.strftime("%Y:%m:%d %H:%M:%S")
        assert kept.tobytes() == original.tobytes()  # the very same pixels, not re-encoded
    assert len(stored.read_bytes()) == len(source.read_bytes())


@pytest.mark.parametrize(("fmt", "suffix"), [("PNG", ".png"), ("TIFF", ".tif")])
def test_png_and_tiff_keep_pixels_and_lose_gps(
    tmp_path: Path, photos: PhotoService, patient_id: int, fmt: str, suffix: str
) -> None:
    source = write_photo(tmp_path / f"scan{suffix}", 6, fmt=fmt)
    with Image.open(source) as before:
        assert dict(before.getexif().get_ifd(0x8825))  # the test file does carry a location
    report = photos.import_files(patient_id, [source], view=PhotoView.FRONTAL)
    assert report.ok, report.results
    photo_id = report.imported[0].photo_id
    assert photo_id is not None
    stored = photos.original_path(photo_id)
    assert stored.suffix == suffix and _gps(stored) == {}
    with Image.open(stored) as kept, Image.open(source) as original:
        assert ImageChops.difference(kept.convert("RGB"), original.convert("RGB")).getbbox() is None
    assert photos.get(photo_id).taken_at == TAKEN.astimezone()
    _assert_upright(photos.thumbnail_path(photo_id), 256)


def test_renditions_are_rebuilt_when_the_cache_is_lost(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    report = photos.import_files(patient_id, [write_photo(tmp_path / "a.jpg", 8)], view="vertex")
    photo_id = report.imported[0].photo_id
    assert photo_id is not None
    photos.thumbnail_path(photo_id).unlink()
    photos.print_copy_path(photo_id).unlink()
    _assert_upright(photos.thumbnail_path(photo_id), 256)
    _assert_upright(photos.print_copy_path(photo_id), 600)


def test_a_camera_sized_photo_prints_from_a_quarter_scale_decode(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    """A 12-megapixel JPEG decodes at 1/4 into a 1000 px print copy with no resampling;
    rebuilt from the original, the copy is the same size again."""
    source = write_photo(tmp_path / "camera.jpg", 6, size=(4000, 3000))
    report = photos.import_files(patient_id, [source], view="vertex")
    photo_id = report.imported[0].photo_id
    assert photo_id is not None
    _assert_upright(photos.print_copy_path(photo_id), 1000)
    photos.print_copy_path(photo_id).unlink()
    _assert_upright(photos.print_copy_path(photo_id), 1000)
    _assert_upright(photos.thumbnail_path(photo_id), 256)


def test_a_patient_without_photo_consent_is_refused_and_nothing_is_stored(
    tmp_path: Path, store: Store, photos: PhotoService, vault: Vault
) -> None:
    refusing = register(store, consent=False, name="Brandt")
    with pytest.raises(PermissionDenied, match="Brandt, Anna has not consented to photos"):
        photos.import_files(refusing, [write_photo(tmp_path / "a.jpg")], view="vertex")
    assert photos.photos_for(refusing) == [] and not vault.root.exists()


def test_the_same_file_twice_is_reported_as_already_there(
    tmp_path: Path, photos: PhotoService, patient_id: int
) -> None:
    source = write_photo(tmp_path / "a.jpg")
    first = photos.import_files(patient_id, [source], view="vertex")
    again = photos.import_files(patient_id, [source], view="vertex")
    assert again.ok and again.results[0].status == "duplicate"
    assert again.results[0].photo_id == first.imported[0].photo_id
    assert len(photos.photos_for(patient_id)) == 1


def test_thumbnail_file_has_no_metadata_even_from_a_gps_png(tmp_path: Path) -> None:
    """The renditions are plain JPEGs: checked here on the bytes, not only through Pillow."""
    buffer = io.BytesIO()
    upright_picture().save(buffer, "JPEG")
    assert b"Exif" not in buffer.getvalue()[:200]
