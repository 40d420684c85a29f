"""The lot recall report: the same people on the screen, in the CSV and on paper."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from mesodesk.cli import main
from mesodesk.db.models import Lot
from mesodesk.interop.csv_files import BOM
from mesodesk.interop.recall import find_lot, load_recall, recall_pdf, save_recall
from mesodesk.services import Services
from mesodesk.services.errors import NotFound


def _most_used(services: Services):
    lots = services.mixtures.lots(include_expired=True)
    return max(lots, key=lambda lot: len(services.mixtures.recall(lot.id)))


def test_csv_and_pdf_list_every_session_of_the_lot(demo: Services, tmp_path: Path) -> None:
    lot = _most_used(demo)
    report = load_recall(demo, lot.id)
    assert report.rows
    csv_file = save_recall(demo, report, tmp_path / "recall.csv", "csv")
    text = csv_file.read_bytes().decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert [int(r["session_id"]) for r in rows] == [r.session_id for r in report.rows]
    assert {r["lot_number"] for r in rows} == {lot.lot_number}
    pdf = save_recall(demo, report, tmp_path / "recall.pdf", "pdf").read_bytes()
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert lot.lot_number in words
    for row in report.rows:
        assert row.record_number in words


def test_user_text_is_escaped_in_the_pdf(demo: Services) -> None:
    with demo.store.writing() as session:
        lot = Lot(
            product_name='Serum <b>&</b> <img src="/etc/passwd"/>',
            lot_number="X<1",
            expiry_date=date.today() + timedelta(days=90),
            quantity_received=1,
            quantity_left=1,
            supplier="A & B <Ltd>",
        )
        session.add(lot)
        session.flush()
        lot_id = lot.id
    pdf = recall_pdf(load_recall(demo, lot_id))
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "X<1" in words and "A & B <Ltd>" in words
    assert "No session has used this lot." in words


def test_find_lot_by_number_product_or_id(demo: Services) -> None:
    lot = _most_used(demo)
    assert find_lot(demo, lot.lot_number.lower()).id == lot.id
    assert find_lot(demo, str(lot.id)).id == lot.id
    with pytest.raises(NotFound):
        find_lot(demo, "NO-SUCH-LOT")


def test_export_recall_command(demo: Services, tmp_path: Path, capsys) -> None:
    lot = _most_used(demo)
    out = tmp_path / "recall.pdf"
    assert (
        main(["export", "recall", "--db", demo.store.url, "--lot", lot.lot_number, "-o", str(out)])
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    captured = capsys.readouterr()
    assert f"Lot {lot.lot_number}" in captured.err
    assert (
        main(
            [
                "export",
                "recall",
                "--db",
                demo.store.url,
                "--lot",
                lot.lot_number,
                "-o",
                str(tmp_path / "recall.txt"),
            ]
        )
        == 1
    )
