"""The photo vault: originals stored under their SHA-256, plus cached renditions.

Layout under the vault folder (beside the database unless MESODESK_PHOTO_DIR says otherwise):

    originals/ab/ab12….jpg     the clinical original (GPS removed, pixels untouched)
    thumbnails/ab/ab12….jpg    upright 256 px JPEG, no metadata (a cache: rebuilt when missing)
    print/ab/ab12….jpg         upright 1000-1200 px JPEG for PDFs, no metadata (also a cache)

Every file is written to a temporary name in its final folder, flushed, fsynced and renamed,
so a reader never sees half a file. The database row is added only after the rename; a crash
in between leaves a file without a row, which `verify` reports as orphaned — never a row
without a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mesodesk import files
from mesodesk.files import file_sha256
from mesodesk.photos.images import EXTENSIONS, Prepared

PHOTO_DIR_ENV = "MESODESK_PHOTO_DIR"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class VaultProblem:
    """A recorded photo whose original is missing or no longer matches its checksum."""

    photo_ids: tuple[int, ...]
    sha256: str
    path: Path


@dataclass(frozen=True)
class VaultReport:
    """What `verify` found; `ok` only when every recorded original is present and intact."""

    checked: int
    missing: list[VaultProblem] = field(default_factory=list)
    damaged: list[VaultProblem] = field(default_factory=list)
    orphaned: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.damaged or self.orphaned)

    def summary(self) -> str:
        """One line for `mesodesk check`."""
        head = f"{self.checked} original(s) checked"
        parts = [
            f"{len(found)} {label}: " + ", ".join(_describe(p) for p in found[:5])
            for label, found in (("missing", self.missing), ("damaged", self.damaged))
            if found
        ]
        if self.orphaned:
            names = ", ".join(p.name for p in self.orphaned[:5])
            parts.append(f"{len(self.orphaned)} orphaned file(s) without a record: {names}")
        return "; ".join([head, *parts])


def _describe(problem: VaultProblem) -> str:
    ids = ", ".join(f"#{i}" for i in problem.photo_ids)
    return f"photo {ids} ({problem.path.name})"


class Vault:
    """Content-addressed photo storage in one folder; creates folders only when writing."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def beside(cls, database_file: Path | None) -> Vault:
        """The clinic's vault: MESODESK_PHOTO_DIR, else `photos/` next to the database file,
        else (a server database) `photos/` in the user's data folder."""
        override = os.environ.get(PHOTO_DIR_ENV)
        if override:
            return cls(Path(override).expanduser())
        if database_file is not None:
            return cls(Path(database_file).resolve().parent / "photos")
        from mesodesk.paths import data_dir

        return cls(data_dir() / "photos")

    # --- where things are -------------------------------------------------------------------

    def original_path(self, sha256: str, mime_type: str) -> Path:
        return self.root / "originals" / sha256[:2] / f"{sha256}{EXTENSIONS.get(mime_type, '')}"

    def thumbnail_path(self, sha256: str) -> Path:
        return self.root / "thumbnails" / sha256[:2] / f"{sha256}.jpg"

    def print_copy_path(self, sha256: str) -> Path:
        return self.root / "print" / sha256[:2] / f"{sha256}.jpg"

    # --- writing ------------------------------------------------------------------------------

    def store(self, prepared: Prepared) -> Path:
        """Write the original (unless an intact copy is already there) and both renditions."""
        path = self.original_path(prepared.sha256, prepared.mime_type)
        if not (path.is_file() and file_sha256(path) == prepared.sha256):
            write_atomically(path, prepared.stored)
        write_atomically(self.thumbnail_path(prepared.sha256), prepared.thumbnail)
        write_atomically(self.print_copy_path(prepared.sha256), prepared.print_copy)
        return path

    # --- checking -----------------------------------------------------------------------------

    def originals(self) -> list[Path]:
        """Every file in the originals folder, unfinished writes included."""
        folder = self.root / "originals"
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.rglob("*") if p.is_file())

    def verify(
        self, recorded: Iterable[tuple[int, str, str]], progress: Progress | None = None
    ) -> VaultReport:
        """Check recorded (photo id, sha256, mime) triples against the files on disk."""
        by_file: dict[Path, tuple[str, list[int]]] = {}
        for photo_id, sha256, mime in recorded:
            path = self.original_path(sha256, mime)
            by_file.setdefault(path, (sha256, []))[1].append(photo_id)
        report = VaultReport(checked=len(by_file))
        total = len(by_file)
        for done, (path, (sha256, ids)) in enumerate(sorted(by_file.items()), start=1):
            problem = VaultProblem(tuple(sorted(ids)), sha256, path)
            if not path.is_file():
                report.missing.append(problem)
            elif file_sha256(path) != sha256:
                report.damaged.append(problem)
            if progress is not None:
                progress(done, total)
        report.orphaned.extend(p for p in self.originals() if p not in by_file)
        return report


def write_atomically(path: Path, data: bytes) -> None:
    """Write a vault file whole, creating its folder, then make the rename itself durable:
    the database row that follows never names a file a crash could still take away."""
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomically(path, data)
    files.fsync_folder(path.parent)
