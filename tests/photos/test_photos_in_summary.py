"""The treatment summary prints each standard view first against latest, from print copies."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from photo_files import register, write_photo
from pypdf import PdfReader

from mesodesk.domain.enums import PhotoView
from mesodesk.reports.documents import DOCUMENTS
from mesodesk.reports.report_data import collect
from mesodesk.services import Services
from mesodesk.services.photos import PhotoService
from mesodesk.services.store import Actor, Store


def _import(photos: PhotoService, patient_id: int, path: Path, view: PhotoView) -> None:
    report = photos.import_files(patient_id, [path], view=view)
    assert all(r.photo_id for r in report.results), report.results


def test_summary_pairs_the_first_and_latest_photo_of_each_view(
    store: Store, actor: Actor, photos: PhotoService, patient_id: int, tmp_path: Path
) -> None:
    for taken, view in (
        (datetime(2026, 3, 2, 10), PhotoView.VERTEX),
        (datetime(2026, 6, 1, 10), PhotoView.VERTEX),
        (datetime(2026, 9, 7, 10), PhotoView.VERTEX),
        (datetime(2026, 3, 2, 10), PhotoView.FRONTAL),
    ):
        path = write_photo(tmp_path / f"{view}-{taken:%m}.jpg", taken=taken, size=(4000, 3000))
        _import(photos, patient_id, path, view)
    services = Services(store, actor)
    services.__dict__["photos"] = photos  # the fixture's vault
    data = collect(services, patient_id)
    [pair] = data.photo_pairs  # the frontal view has only one photo: nothing to compare
    assert pair.view_label == "Vertex"
    assert (pair.before_date.month, pair.after_date.month) == (3, 9)
    assert pair.before_path.stat().st_size < 400_000  # a print copy, not a 12 MP original
    target = tmp_path / "summary.pdf"
    target.write_bytes(DOCUMENTS["summary"].build(data))
    reader = PdfReader(target)
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 2
    assert max(img.image.width for img in images) <= 1200
    assert target.stat().st_size < 2_000_000
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Vertex" in text


def test_no_photo_consent_prints_no_photographs(
    store: Store, actor: Actor, photos: PhotoService
) -> None:
    refused = register(store, consent=False, name="Weber")
    services = Services(store, actor)
    services.__dict__["photos"] = photos
    assert collect(services, refused).photo_pairs == ()


def test_the_photographs_heading_goes_overleaf_with_its_first_pair(tmp_path: Path) -> None:
    """Near the foot of a page the heading must not stay behind while its photos move on."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from mesodesk.reports.styles import make_styles
    from mesodesk.reports.summary import _section

    styles = make_styles()
    pair = KeepTogether([Spacer(1, 90 * mm), Paragraph("Before and after", styles.body)])
    target = tmp_path / "layout.pdf"
    document = SimpleDocTemplate(str(target))
    frame_height = document.height
    story = [Spacer(1, frame_height - 60 * mm), *_section("Photographs", [pair], styles)]
    document.build(story)
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert len(pages) == 2
    assert "Photographs" in pages[1] and "Before and after" in pages[1]
