"""Encrypted backups: AES-256-GCM in chunks, the key derived from a passphrase with scrypt.

A file is a header (magic, format version, scrypt salt and cost, chunk size) followed by
chunks, each `length | nonce | ciphertext+tag`. Every chunk is authenticated together with the
header, its index and whether it is the last one, so a flipped byte, a reordered or dropped
chunk, an edited header and a file cut short are all refused. Large backups stream in chunks
and never sit whole in memory. The primitives come from `cryptography`: nothing here is
hand-written cryptography, only the framing.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import BinaryIO

from mesodesk.db.backup import BackupError, fsync_file

MAGIC = b"MESODESK-BACKUP\x00"
VERSION = 1
CHUNK = 1 << 20
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1
_HEADER = struct.Struct(">16sB16sIIII")  # magic, version, salt, n, r, p, chunk size
_LENGTH = struct.Struct(">I")
_NONCE = 12
_TAG = 16


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if n > 1 << 20 or r > 32 or p > 16:  # a forged header must not make us allocate gigabytes
        raise BackupError("The encrypted backup asks for an unreasonable key derivation cost.")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _associated(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


def encrypt_file(source: Path, target: Path, passphrase: str) -> Path:
    """Encrypt `source` into `target` (written under a temporary name, flushed, renamed)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise BackupError("An empty passphrase cannot protect a backup.")
    salt = os.urandom(16)
    header = _HEADER.pack(MAGIC, VERSION, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, CHUNK)
    aead = AESGCM(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    partial = Path(target).with_name(Path(target).name + ".partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as dst:
            dst.write(header)
            index, block = 0, src.read(CHUNK)
            while True:
                following = src.read(CHUNK)
                final = not following
                nonce = os.urandom(_NONCE)
                sealed = aead.encrypt(nonce, block, _associated(header, index, final))
                dst.write(_LENGTH.pack(len(sealed)) + nonce + sealed)
                if final:
                    break
                index, block = index + 1, following
        fsync_file(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return Path(target)


def _read_chunk(handle: BinaryIO, limit: int) -> tuple[bytes, bytes] | None:
    raw = handle.read(_LENGTH.size)
    if not raw:
        return None
    if len(raw) < _LENGTH.size:
        raise BackupError("The encrypted backup is cut short.")
    (length,) = _LENGTH.unpack(raw)
    if not _TAG <= length <= limit + _TAG:
        raise BackupError("The encrypted backup is damaged (a chunk has an impossible length).")
    nonce, sealed = handle.read(_NONCE), handle.read(length)
    if len(nonce) < _NONCE or len(sealed) < length:
        raise BackupError("The encrypted backup is cut short.")
    return nonce, sealed


def decrypt_file(source: Path, target: Path, passphrase: str) -> Path:
    """Decrypt `source` into `target`; on any doubt nothing is left at `target`."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    target = Path(target)
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            header = src.read(_HEADER.size)
            if len(header) < _HEADER.size:
                raise BackupError("This is not an encrypted MesoDesk backup (or it is cut short).")
            magic, version, salt, n, r, p, chunk = _HEADER.unpack(header)
            if magic != MAGIC or version != VERSION or not 0 < chunk <= 1 << 26:
                raise BackupError("This is not an encrypted MesoDesk backup of a known format.")
            aead = AESGCM(_key(passphrase, salt, n, r, p))
            index, current = 0, _read_chunk(src, chunk)
            if current is None:
                raise BackupError("The encrypted backup is cut short.")
            while current is not None:
                following = _read_chunk(src, chunk)
                nonce, sealed = current
                associated = _associated(header, index, following is None)
                try:
                    dst.write(aead.decrypt(nonce, sealed, associated))
                except InvalidTag:
                    raise BackupError(
                        "The backup cannot be decrypted: the passphrase is wrong, or the file "
                        f"was altered or cut short (chunk {index})."
                    ) from None
                index, current = index + 1, following
        fsync_file(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
