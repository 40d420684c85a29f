"""Remove GPS location from an image file without touching its pixels.

A clinical original must keep its exact pixel data (no re-encoding), yet no file in the vault
may say where the patient was photographed. So the file is edited at the container level:

* the TIFF structure of EXIF (a JPEG's APP1 segment, a PNG's eXIf chunk, or a TIFF file itself)
  loses its GPS IFD pointer, and the GPS IFD with its values is overwritten with zeros in place.
  Every other offset stays valid, so DateTimeOriginal, orientation, maker notes and the EXIF
  thumbnail survive byte for byte;
* XMP packets that mention GPS are dropped (JPEG APP1, PNG text chunks) or blanked with spaces
  where dropping would shift offsets (TIFF tag 700, images embedded after a JPEG's end);
* ImageMagick's "Raw profile" PNG text chunks (a hex copy of EXIF) are dropped.

Anything that cannot be parsed raises `MetadataError`: a file whose GPS cannot be removed with
certainty is refused rather than stored.
"""

from __future__ import annotations

import re
import struct
import zlib

GPS_IFD_TAG = 0x8825
XMP_TAG = 700
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_EXIF_HEADER = b"Exif\x00\x00"
_XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEY = b"XML:com.adobe.xmp"
_MAX_IFDS = 64


class MetadataError(ValueError):
    """The file's metadata is malformed: its location data cannot be removed safely."""


def strip_gps(data: bytes, mime: str) -> bytes:
    """The same file without GPS location; pixels and all other metadata unchanged."""
    if mime == "image/jpeg":
        return _strip_jpeg(data)
    if mime == "image/png":
        return _strip_png(data)
    if mime == "image/tiff":
        buf = bytearray(data)
        _strip_tiff(buf, 0, len(buf), blank_xmp=True)
        return bytes(buf)
    raise MetadataError(f"no GPS remover for {mime}")


# --- TIFF structure ---------------------------------------------------------------------------


def _strip_tiff(buf: bytearray, base: int, end: int, *, blank_xmp: bool = False) -> bool:
    """Edit the TIFF structure at buf[base:end] in place; True when something was removed."""
    if end - base < 8:
        raise MetadataError("EXIF block too short")
    order = bytes(buf[base : base + 2])
    if order not in (b"II", b"MM"):
        raise MetadataError("EXIF block has no byte order")
    e = "<" if order == b"II" else ">"
    if _u16(buf, base + 2, e, end) != 42:
        raise MetadataError("not a classic TIFF structure")
    changed = False
    offset, seen = _u32(buf, base + 4, e, end), set()
    while offset and len(seen) < _MAX_IFDS and offset not in seen:
        seen.add(offset)
        ifd = base + offset
        index = 0
        while index < _u16(buf, ifd, e, end):
            tag, _kind, count, value = _entry(buf, ifd, index, e, end)
            is_gps = tag == GPS_IFD_TAG
            is_xmp = blank_xmp and tag == XMP_TAG and count > 4
            if is_gps:
                _zero_ifd(buf, base, base + value, e, end)
                _remove_entry(buf, ifd, index, e, end)
                changed = True
                continue
            if is_xmp and b"GPS" in buf[base + value : base + value + count]:
                _check(base + value + count <= end)
                buf[base + value : base + value + count] = b" " * count
                changed = True
            index += 1
        offset = _u32(buf, ifd + 2 + 12 * _u16(buf, ifd, e, end), e, end)
    return changed


def _entry(buf: bytearray, ifd: int, index: int, e: str, end: int) -> tuple[int, int, int, int]:
    at = ifd + 2 + 12 * index
    _check(at + 12 <= end)
    return struct.unpack_from(e + "HHII", buf, at)


def _zero_ifd(buf: bytearray, base: int, ifd: int, e: str, end: int) -> None:
    """Overwrite a (GPS) IFD and every value it points at with zeros."""
    count = _u16(buf, ifd, e, end)
    for index in range(count):
        _tag, kind, number, value = _entry(buf, ifd, index, e, end)
        size = _TYPE_SIZES.get(kind, 1) * number
        if size > 4:
            _check(base + value + size <= end)
            buf[base + value : base + value + size] = bytes(size)
    size = 2 + 12 * count + 4
    _check(ifd + size <= end)
    buf[ifd : ifd + size] = bytes(size)


def _remove_entry(buf: bytearray, ifd: int, index: int, e: str, end: int) -> None:
    """Drop one entry: later entries and the next-IFD pointer move up, the tail is zeroed."""
    count = _u16(buf, ifd, e, end)
    start, stop = ifd + 2 + 12 * index, ifd + 2 + 12 * count + 4
    _check(stop <= end)
    buf[start : stop - 12] = buf[start + 12 : stop]
    buf[stop - 12 : stop] = bytes(12)
    struct.pack_into(e + "H", buf, ifd, count - 1)


def _u16(buf: bytearray, at: int, e: str, end: int) -> int:
    _check(at >= 0 and at + 2 <= end)
    return struct.unpack_from(e + "H", buf, at)[0]


def _u32(buf: bytearray, at: int, e: str, end: int) -> int:
    _check(at >= 0 and at + 4 <= end)
    return struct.unpack_from(e + "I", buf, at)[0]


def _check(condition: bool) -> None:
    if not condition:
        raise MetadataError("EXIF block points outside itself")


# --- JPEG ---------------------------------------------------------------------------------------


def _strip_jpeg(data: bytes) -> bytes:
    """Rewrite the header segments; the scan data and anything after it is kept as is."""
    buf = bytearray(data)
    pos, drops = 2, []
    while pos + 4 <= len(buf):
        if buf[pos] != 0xFF:
            raise MetadataError("JPEG header is damaged")
        marker = buf[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        length = struct.unpack_from(">H", buf, pos + 2)[0]
        body, stop = pos + 4, pos + 2 + length
        if length < 2 or stop > len(buf):
            raise MetadataError("JPEG header is damaged")
        if marker == 0xDA:  # start of scan: the header ends here
            break
        if marker == 0xE1 and buf[body : body + 6] == _EXIF_HEADER:
            _strip_tiff(buf, body + 6, stop)
        elif marker == 0xE1 and _is_gps_xmp(buf, body, stop):
            drops.append((pos, stop))
        pos = stop
    _strip_trailer(buf, pos)
    for start, stop in reversed(drops):
        del buf[start:stop]
    return bytes(buf)


def _is_gps_xmp(buf: bytearray, body: int, stop: int) -> bool:
    head = bytes(buf[body : body + 40])
    return any(head.startswith(h) for h in _XMP_HEADERS) and b"GPS" in buf[body:stop]


# An APP1 segment of EXIF or XMP. Entropy-coded data never holds 0xFF 0xE1 (a 0xFF there is
# followed by 0x00 or a restart marker), so after the main image's scan every match belongs
# to an image embedded after it: no need to find the main image's end first (a byte-by-byte
# search for 0xFF 0xD9 through 6 MB of scan data cost 6 ms a photo).
_TRAILER_APP1 = re.compile(
    rb"\xff\xe1(..)(Exif\x00\x00|" + b"|".join(re.escape(h) for h in _XMP_HEADERS) + rb")",
    re.DOTALL,
)


def _strip_trailer(buf: bytearray, scan: int) -> None:
    """Images embedded after the main one (MPF previews) lose GPS in place: offsets hold."""
    for match in _TRAILER_APP1.finditer(buf, scan):
        start = match.start()
        stop = start + 2 + struct.unpack(">H", match.group(1))[0]
        if stop > len(buf):
            continue
        if match.group(2) == _EXIF_HEADER:
            _strip_tiff(buf, start + 10, stop)
        elif b"GPS" in buf[match.end() : stop]:
            buf[match.end() : stop] = b" " * (stop - match.end())


# --- PNG ----------------------------------------------------------------------------------------


def _strip_png(data: bytes) -> bytes:
    """Rewrite the chunk list: eXIf edited (new CRC), GPS-bearing text chunks dropped."""
    if not data.startswith(_PNG_SIGNATURE):
        raise MetadataError("not a PNG file")
    out, pos = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        stop = pos + 12 + length
        if stop > len(data):
            raise MetadataError("PNG chunk runs past the end of the file")
        chunk = data[pos:stop]
        payload = data[pos + 8 : pos + 8 + length]
        if kind == b"eXIf":
            edited = bytearray(payload)
            start = 6 if edited.startswith(_EXIF_HEADER) else 0
            if _strip_tiff(edited, start, len(edited)):
                crc = zlib.crc32(kind + edited) & 0xFFFFFFFF
                chunk = struct.pack(">I4s", length, kind) + bytes(edited) + struct.pack(">I", crc)
        elif kind in (b"tEXt", b"zTXt", b"iTXt") and _png_text_has_location(kind, payload):
            chunk = b""
        out.append(chunk)
        pos = stop
        if kind == b"IEND":
            break
    out.append(data[pos:])
    return b"".join(out)


def _png_text_has_location(kind: bytes, payload: bytes) -> bool:
    key, _, rest = payload.partition(b"\x00")
    if key.startswith(b"Raw profile type"):
        return True
    if key != _PNG_XMP_KEY:
        return False
    text = rest
    try:
        if kind == b"zTXt":
            text = zlib.decompress(rest[1:])
        elif kind == b"iTXt" and rest[:1] == b"\x01":
            text = zlib.decompress(rest[2:].split(b"\x00", 2)[-1])
    except zlib.error:
        return True  # unreadable XMP: drop it rather than keep a possible location
    return b"GPS" in text
