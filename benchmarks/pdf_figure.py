"""`pdf`: the treatment summary against a bare ReportLab document with the same content.

The patient has a 10-session course and 8 imported photos (4 before/after pairs); both
documents embed the print copies made at import, so the ratio shows the summary's own cost.
"""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table

from benchmarks.common import Result, Settings, median, times_ms
from benchmarks.dataset import working_copy
from benchmarks.photo_figures import camera_files
from mesodesk.db.engine import sqlite_url
from mesodesk.domain.enums import PhotoView
from mesodesk.photos.vault import Vault
from mesodesk.reports.report_data import PhotoPair, ReportData, collect
from mesodesk.reports.summary import build_summary
from mesodesk.services import Services
from mesodesk.services.store import Store

VIEWS = (PhotoView.VERTEX, PhotoView.FRONTAL, PhotoView.OCCIPITAL, PhotoView.LEFT_TEMPORAL)


def _patient(settings: Settings) -> tuple[Store, int]:
    path = working_copy(settings, "pdf")
    db = sqlite3.connect(path)
    patient = db.execute(
        "SELECT s.patient_id FROM treatment_sessions s JOIN patients p ON p.id = s.patient_id "
        "WHERE p.consent_photos_at IS NOT NULL GROUP BY 1 HAVING count(*) = 10 LIMIT 1"
    ).fetchone()[0]
    db.close()
    return Store(sqlite_url(path)), int(patient)


def _bare(data: ReportData) -> bytes:
    """platypus alone: a session table with the same cells, and the same eight images."""
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    rows = [[Paragraph(t, cell) for t in ("No.", "Date", "By", "Mixture", "Zones", "Lots")]]
    for number, s in enumerate(data.sessions, start=1):
        rows.append([Paragraph(str(number), cell), Paragraph(f"{s.performed_at:%d.%m.%Y}", cell),
                     Paragraph(s.practitioner, cell), Paragraph(s.mixture, cell),
                     Paragraph("<br/>".join(s.zones), cell),
                     Paragraph("<br/>".join(s.lot_numbers), cell)])  # fmt: skip
    story: list = [Paragraph(data.patient.display_name, styles["Title"]), Table(rows)]
    for pair in data.photo_pairs:
        story.append(Table([[Image(str(pair.before_path), 80 * mm, 60 * mm),
                             Image(str(pair.after_path), 80 * mm, 60 * mm)]]))  # fmt: skip
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def run(settings: Settings, only: set[str]) -> list[Result]:
    store, patient = _patient(settings)
    try:
        services = Services(store)
        services.photos.vault = Vault(settings.work / "pdf-vault")
        files = camera_files(settings, 8)
        pairs = []
        for index, view in enumerate(VIEWS):
            report = services.photos.import_files(patient, files[2 * index: 2 * index + 2],
                                                  view=view)  # fmt: skip
            before, after = (services.photos.print_copy_path(r.photo_id) for r in report.imported)
            pairs.append(PhotoPair(view.label, before, after, None, None))
        data = replace(collect(services, patient), photo_pairs=tuple(pairs))
        runs = settings.reps(5, 15)
        size = len(build_summary(data)) / 2**20
        value = median(times_ms(lambda: build_summary(data), runs, warmup=1))
        floor = median(times_ms(lambda: _bare(data), runs, warmup=1))
    finally:
        store.dispose()
    met = value / floor <= 3 and size <= 2
    return [Result("pdf", "ms", value, floor, "ratio ≤ 3 and ≤ 2 MB", met,
                   note=f"{size:.2f} MB, {len(data.sessions)} sessions, 8 photos")]  # fmt: skip
