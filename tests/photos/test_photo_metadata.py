"""Location data outside the EXIF GPS block, odd pixel formats, folders of camera files."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from photo_files import exif_bytes, upright_picture, write_photo
from PIL import Image, PngImagePlugin

from mesodesk.photos.images import photo_files, prepare
from mesodesk.photos.metadata import MetadataError, strip_gps

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'exif:GPSLatitude="48,8.5N" exif:GPSLongitude="11,34.2E" xmp:Rating="3"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def test_jpeg_xmp_with_a_location_is_dropped_and_exif_kept(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    upright_picture().save(path, "JPEG", exif=exif_bytes(6), xmp=XMP)
    original = path.read_bytes()
    stored = strip_gps(original, "image/jpeg")
    assert b"GPSLatitude" in original and b"GPSLatitude" not in stored
    with Image.open(BytesIO(stored)) as kept:
        assert kept.getexif()[0x0112] == 6 and "xmp" not in kept.info
    assert stored[stored.index(b"\xff\xda") :] == original[original.index(b"\xff\xda") :]


def test_a_preview_embedded_after_the_image_loses_its_location_in_place(tmp_path: Path) -> None:
    """Cameras append preview JPEGs (MPF) after the main image: their EXIF GPS block is
    zeroed and their XMP location blanked where they are, so no offset moves."""
    main, preview = BytesIO(), BytesIO()
    upright_picture(1200, 800).save(main, "JPEG", quality=95, exif=exif_bytes(1, gps=False))
    upright_picture(160, 120).save(preview, "JPEG", exif=exif_bytes(1), xmp=XMP)
    original = main.getvalue() + preview.getvalue()
    assert original.count(b"\xff\xd9") >= 2 and b"GPSLatitude" in original
    stored = strip_gps(original, "image/jpeg")
    assert len(stored) == len(original)
    assert b"GPSLatitude" not in stored
    tail = stored[len(main.getvalue()) :]
    with Image.open(BytesIO(tail)) as kept:
        assert 0x8825 not in kept.getexif() and kept.getexif()[0x010F] == "ClinicCam"
        kept.load()
    assert stored[: len(main.getvalue())] == main.getvalue()


def test_png_xmp_text_with_a_location_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), zip=True)
    info.add_text("Comment", "frontal, washed and dried")
    upright_picture().save(path, "PNG", pnginfo=info, exif=exif_bytes(1))
    prepared = prepare(path)
    with Image.open(BytesIO(prepared.stored)) as kept:
        assert "XML:com.adobe.xmp" not in kept.info and kept.info["Comment"].startswith("frontal")
        assert dict(kept.getexif().get_ifd(0x8825)) == {}


def test_a_damaged_exif_block_is_refused_not_stored(tmp_path: Path) -> None:
    path = write_photo(tmp_path / "odd.jpg")
    data = bytearray(path.read_bytes())
    at = data.index(b"Exif\x00\x00") + 6
    data[at + 4 : at + 8] = b"\xff\xff\xff\x7f"  # IFD0 points far outside the block
    with pytest.raises(MetadataError):
        strip_gps(bytes(data), "image/jpeg")


def test_sixteen_bit_greyscale_is_scaled_not_clipped(tmp_path: Path) -> None:
    path = tmp_path / "grey16.png"
    Image.new("I;16", (300, 200), 32768).save(path, "PNG")
    prepared = prepare(path)
    with Image.open(BytesIO(prepared.thumbnail)) as thumb:
        assert 110 < thumb.convert("L").getpixel((5, 5)) < 145


def test_a_folder_contributes_its_image_files_sorted(tmp_path: Path) -> None:
    card = tmp_path / "DCIM" / "100CANON"
    card.mkdir(parents=True)
    for name in ("IMG_0002.JPG", "IMG_0001.JPG", "scan.tiff"):
        (card / name).write_bytes(b"x")
    (card / "IMG_0001.THM").write_bytes(b"x")
    (card / ".hidden.jpg").write_bytes(b"x")
    loose = tmp_path / "notes.txt"
    found = photo_files([tmp_path / "DCIM", loose])
    assert [p.name for p in found] == ["IMG_0001.JPG", "IMG_0002.JPG", "scan.tiff", "notes.txt"]
