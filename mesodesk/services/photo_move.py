"""Copy a clinic's photo vault to a shared folder, when its records move to a clinic server.

Originals are copied and then read back: each must hash to the SHA-256 its name carries.
Thumbnails and print copies are copied too (they would be rebuilt when missing, slowly). An
original already at the destination with the right hash is kept, so an interrupted copy can
simply be run again.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mesodesk.files import file_sha256
from mesodesk.photos.vault import Vault


@dataclass
class VaultMove:
    source: Path
    destination: Path
    originals: int = 0
    other_files: int = 0
    bytes_copied: int = 0
    damaged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damaged

    def summary(self) -> str:
        line = (
            f"Photos: {self.originals:,} originals and {self.other_files:,} small copies from "
            f"{self.source} to {self.destination} ({self.bytes_copied / 1e6:.1f} MB)"
        )
        if self.damaged:
            shown = ", ".join(self.damaged[:5])
            return f"{line}; {len(self.damaged)} do not match their checksum: {shown}"
        return f"{line}; every original matches its SHA-256."


def copy_vault(database_file: Path | None, destination: Path) -> VaultMove:
    """Copy the vault of the database at `database_file` (MESODESK_PHOTO_DIR if set)."""
    source = Vault.beside(database_file).root
    destination = Path(destination).expanduser()
    move = VaultMove(source, destination)
    if source.resolve() == destination.resolve():
        return move
    if not source.is_dir():
        return move  # no photos yet
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source)
        target = destination / relative
        is_original = relative.parts[0] == "originals"
        expected = path.name.split(".")[0]
        if is_original and target.is_file() and file_sha256(target) == expected:
            move.originals += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        move.bytes_copied += path.stat().st_size
        if is_original:
            move.originals += 1
            if file_sha256(target) != expected:
                move.damaged.append(str(relative))
        else:
            move.other_files += 1
    return move
