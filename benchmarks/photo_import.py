"""Photo import throughput against bare Pillow, on twenty 12-megapixel camera-like JPEGs.

    python benchmarks/photo_import.py [PHOTOS]

Generates 4000 × 3000 JPEGs (noise over a gradient, EXIF with orientation, capture date and
GPS) once into a temporary folder, then times:

* the floor: Pillow alone making a 256 px thumbnail in draft mode (open, draft, load,
  exif_transpose, thumbnail, save), one file after another;
* the real `PhotoService.import_files` with 1 and with 2 workers, each into a fresh database
  and vault (GPS removal, SHA-256, print copy, thumbnail, fsynced writes, one transaction
  per photo).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PIL import Image, ImageOps

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import PhotoView, Sex
from mesodesk.photos.vault import Vault
from mesodesk.services.patients import PatientService
from mesodesk.services.photos import PhotoService
from mesodesk.services.store import SYSTEM, Store

SIZE = (4000, 3000)


def make_photos(folder: Path, count: int) -> list[Path]:
    """Camera-like files: ~4-6 MB each, so the decoder has real entropy data to work through."""
    grain = Image.merge("RGB", [Image.effect_noise(SIZE, 40).convert("L") for _ in range(3)])
    base = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    picture = Image.blend(base, grain, 0.5)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0x9003] = "2025:03:04 10:11:12"
    exif.get_ifd(0x8825).update({1: "N", 2: (48.0, 8.0, 30.0), 3: "E", 4: (11.0, 34.0, 12.5)})
    paths = []
    for index in range(count):
        path = folder / f"IMG_{index:04d}.JPG"
        frame = picture.rotate(index % 7, fillcolor=(index, 0, 0))
        frame.paste((255, index % 256, index // 256), (0, 0, 64, 64))  # every file different
        frame.save(path, "JPEG", quality=92, exif=exif.tobytes())
        paths.append(path)
    return paths


def bare_thumbnail(path: Path) -> bytes:
    with Image.open(path) as image:
        image.draft("RGB", (256, 256))
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((256, 256))
        out = io.BytesIO()
        upright.save(out, "JPEG")
        return out.getvalue()


def import_all(folder: Path, paths: list[Path], workers: int) -> tuple[float, float]:
    """Seconds to import `paths` with `workers` decoding threads, and the processor time
    used meanwhile (every thread of the process) in seconds."""
    store = Store.open(str(folder / f"bench-{workers}.db"))
    try:
        patient = PatientService(store, SYSTEM).register(
            PatientDraft(
                family_name="Bench", given_names="Mark", birth_date=date(1980, 1, 1),
                sex=Sex.MALE, consent_treatment=True, consent_photos=True,
            )
        ).id  # fmt: skip
        service = PhotoService(store, SYSTEM, Vault(folder / f"vault-{workers}"))
        started, cpu = time.perf_counter(), time.process_time()
        report = service.import_files(patient, paths, view=PhotoView.VERTEX, workers=workers)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert report.ok and len(report.imported) == len(paths), report.refused
        return elapsed, cpu
    finally:
        store.dispose()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = make_photos(folder, count)
        megabytes = sum(p.stat().st_size for p in paths) / 2**20
        print(f"{count} files, {megabytes:.0f} MB, made in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        for path in paths:
            bare_thumbnail(path)
        floor = time.perf_counter() - started
        print(f"bare Pillow draft thumbnail: {floor / count * 1000:.0f} ms per photo")
        for workers in (1, 2):
            elapsed, _cpu = import_all(folder, paths, workers)
            print(
                f"import, {workers} worker(s): {elapsed:.2f} s, {count / elapsed:.1f} photos/s, "
                f"{elapsed / count * 1000:.0f} ms per photo ({elapsed / floor:.1f}× the floor)"
            )
        print(f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
