"""Safe decoding of one imported file: what it is, whether it is whole, and its renditions.

Runs in worker threads (Pillow releases the GIL while decoding), so nothing here touches the
database or shared state. Every refusal is a `PhotoRefused` whose message names the file and
says why, so one bad file never stops the rest of a batch.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from mesodesk.photos.metadata import GPS_IFD_TAG, MetadataError, strip_gps

MAX_PIXELS = 60_000_000  # a 60-megapixel clinical camera is the largest we expect
MAX_BYTES = 300 * 1024 * 1024
THUMBNAIL_SIZE = 256
PRINT_SIZE = 1200  # the print copy's long side at most…
PRINT_LEAST = 1000  # …and at least, when the original has that many pixels: see `_upright`
# Pillow warns past MAX_IMAGE_PIXELS and only raises past twice that; `decode` checks the
# declared size itself before any pixel is decoded, and the warning is an error process-wide
# (set once here: changing warning filters per call is not thread-safe).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)

_MIME_BY_FORMAT = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff"}
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_EXIF_IFD, _DATE_TIME_ORIGINAL, _DATE_TIME, _OFFSET_TIME_ORIGINAL = 0x8769, 0x9003, 0x0132, 0x9011
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}
IMPORTABLE_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff"}


class PhotoRefused(Exception):
    """A file that will not enter the vault; the message names it and says why."""


@dataclass(frozen=True)
class Prepared:
    """An accepted file: the bytes to store (GPS removed) and its upright renditions."""

    original_name: str
    stored: bytes
    mime_type: str
    width: int  # upright, as a viewer shows it
    height: int
    taken_at: datetime | None
    thumbnail: bytes
    print_copy: bytes
    byte_size: int = 0

    @cached_property
    def sha256(self) -> str:
        """The stored bytes' checksum, made where it is first needed: in an import, by the
        thread that writes the file (workers go on decoding the next ones meanwhile)."""
        return hashlib.sha256(self.stored).hexdigest()


def prepare(path: Path) -> Prepared:
    """Read, check and decode one file; raise PhotoRefused with a message naming it."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PhotoRefused(f"{name}: too large ({size // 2**20} MB) for a photo")
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoRefused(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return _prepare(name, data)
    except PhotoRefused:
        raise
    except MetadataError as exc:
        raise PhotoRefused(f"{name}: its metadata is damaged ({exc}); not imported") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        claimed = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = int(claimed.group(1)) if claimed else 0
        raise PhotoRefused(f"{name}: {_bomb_message(pixels)}") from exc
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError) as exc:
        raise PhotoRefused(f"{name}: the image is damaged or incomplete ({exc})") from exc


def _prepare(name: str, data: bytes) -> Prepared:
    kind = _sniff(data)
    if kind is None:
        hint = " (it contains text)" if _looks_like_text(data) else ""
        raise PhotoRefused(f"{name}: not a JPEG, PNG or TIFF image{hint}")
    mime = _MIME_BY_FORMAT[kind]
    stored = strip_gps(data, mime)
    image = Image.open(io.BytesIO(stored))  # a bomb raises here, before any pixel is decoded
    with image:
        if image.format != kind:
            raise PhotoRefused(f"{name}: not a valid {kind} image")
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise PhotoRefused(f"{name}: {_bomb_message(width * height)}")
        exif = image.getexif()
        if GPS_IFD_TAG in exif:
            raise PhotoRefused(f"{name}: its GPS location could not be removed")
        taken_at = _capture_time(exif)
        upright = _upright(image, PRINT_SIZE, least=PRINT_LEAST)
    # Record the upright size; compare shapes (Pillow already turns TIFFs upright on open).
    if (upright.width > upright.height) != (width > height):
        width, height = height, width
    print_copy = _jpeg(upright, quality=88)
    # From the ~1000 px copy: halve by box averaging first (reducing_gap 1.5), then Lanczos;
    # 3 ms where Lanczos alone took 7, and a 256 px grid icon shows no difference.
    upright.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS, reducing_gap=1.5)
    thumbnail = _jpeg(upright, quality=82)
    return Prepared(
        original_name=name,
        stored=stored,
        mime_type=mime,
        width=width,
        height=height,
        taken_at=taken_at,
        thumbnail=thumbnail,
        print_copy=print_copy,
        byte_size=len(stored),
    )


def _upright(image: Image.Image, size: int, *, least: int | None = None) -> Image.Image:
    """Decode a JPEG at the smallest scale (1/2, 1/4, 1/8) whose long side is still at least
    `least` px (default `size`), shrink it to fit `size`, then turn it upright.

    A 12-megapixel camera file decoded at 1/4 is 1000 px wide: a print copy needs no
    resampling at all, where 1/2 (2000 px) cost 37 ms more per photo to bring down to 1200.
    Loading decodes the whole file, so a truncated one raises here.
    """
    if image.format == "JPEG":
        width, height = image.size
        factor = (least or size) / max(width, height)
        image.draft("RGB", (max(1, round(width * factor)), max(1, round(height * factor))))
        # The whole file in one decoder call: Pillow takes the interpreter lock back at every
        # 64 kB block, and beside a thread running Python (the window, the recording thread)
        # a 12 MP decode took 0.67 s in blocks, 0.15 s in one call.
        image.decodermaxblock = MAX_BYTES
    image.load()
    if image.mode.startswith("I"):  # 16-bit greyscale (scanners, PNG): scale, do not clip
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)  # before turning: fewer pixels
    return ImageOps.exif_transpose(image)


def photo_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; a folder (a camera card) contributes its image files, sorted, recursively.

    Files named explicitly are kept whatever their name, so a wrong one is refused by name.
    """
    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found.extend(
                sorted(
                    p for p in item.rglob("*")
                    if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES
                    and not p.name.startswith(".")
                )
            )  # fmt: skip
        else:
            found.append(item)
    return found


def render(stored: bytes, size: int) -> bytes:
    """An upright JPEG of a stored original at `size` px: rebuilds a missing cache file."""
    printed = size > THUMBNAIL_SIZE
    with Image.open(io.BytesIO(stored)) as image:
        upright = _upright(image, size, least=min(size, PRINT_LEAST) if printed else None)
        return _jpeg(upright, quality=88 if printed else 82)


def _jpeg(image: Image.Image, *, quality: int) -> bytes:
    """A JPEG with no metadata at all: no EXIF, no XMP, no comment."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _sniff(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _looks_like_text(data: bytes) -> bool:
    head = data[:512]
    return bool(head) and all(b >= 32 or b in b"\t\r\n" for b in head)


def _bomb_message(pixels: int = 0) -> str:
    claimed = f" ({pixels / 1e6:.0f} megapixels)" if pixels else ""
    return (
        f"the image is too large{claimed}; at most {MAX_PIXELS // 1_000_000} megapixels "
        "are accepted (a file this size is usually damaged or hostile)"
    )


def _capture_time(exif: Image.Exif) -> datetime | None:
    """EXIF DateTimeOriginal (when the shutter fired), else DateTime; None when unreadable.

    With OffsetTimeOriginal the time is exact; without it, it is the camera's wall-clock time,
    returned naive, which the database reads as this computer's local time.
    """
    sub = exif.get_ifd(_EXIF_IFD)
    text = sub.get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
    if not isinstance(text, str):
        return None
    try:
        taken = datetime.strptime(text.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = sub.get(_OFFSET_TIME_ORIGINAL)
    if isinstance(offset, str):
        try:
            return datetime.strptime(f"{text.strip()[:19]}{offset.strip()}", "%Y:%m:%d %H:%M:%S%z")
        except ValueError:
            pass
    return taken
