"""Before/after pairs: laid out from print copies, one view per block."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from mesodesk.reports.photo_pairs import photo_pair_flowables
from mesodesk.reports.report_data import PhotoPair, ReportData
from mesodesk.reports.styles import make_styles
from mesodesk.reports.summary import build_summary
from tests.reports.conftest import pdf_text


def _jpeg(path: Path, colour: str, size: tuple[int, int] = (240, 180)) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def _pairs(tmp_path: Path) -> tuple[PhotoPair, ...]:
    return (
        PhotoPair(
            "Vertex",
            _jpeg(tmp_path / "v0.jpg", "sienna"),
            _jpeg(tmp_path / "v1.jpg", "peru"),
            date(2026, 1, 5),
            date(2026, 3, 30),
        ),
        PhotoPair(
            "Frontal",
            _jpeg(tmp_path / "f0.jpg", "tan", (180, 240)),
            _jpeg(tmp_path / "f1.jpg", "wheat", (180, 240)),
            date(2026, 1, 5),
            date(2026, 3, 30),
        ),
    )


def test_each_pair_is_one_block_with_both_photos_and_dates(tmp_path: Path) -> None:
    flowables = photo_pair_flowables(_pairs(tmp_path), 480, make_styles())
    assert len(flowables) == 2


def test_the_summary_embeds_the_pairs_with_view_and_dates(tmp_path, data: ReportData) -> None:
    content = build_summary(replace(data, photo_pairs=_pairs(tmp_path)))
    text = pdf_text(content)
    assert "Photographs" in text and "Vertex" in text and "Frontal" in text
    assert "Before — 05.01.2026" in text and "After — 30.03.2026" in text
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(content)).pages)
    assert images == 4


def test_a_missing_print_copy_says_so_instead_of_failing(tmp_path, data: ReportData) -> None:
    pair = replace(_pairs(tmp_path)[0], after_path=tmp_path / "gone.jpg")
    text = pdf_text(build_summary(replace(data, photo_pairs=(pair,))))
    assert "Photo not available" in text and "Before — 05.01.2026" in text


def test_without_photos_there_is_no_photo_section(data: ReportData) -> None:
    assert "Photographs" not in pdf_text(build_summary(data))
