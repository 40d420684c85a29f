"""`mesodesk export`: documents from a real database, as an IT person would run it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from mesodesk.demo import generate
from mesodesk.reports.report_data import collect
from mesodesk.reports.summary import build_summary
from mesodesk.services import Services
from mesodesk.services.store import Store
from tests.cli.test_cli import mesodesk
from tests.reports.conftest import pdf_text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "demo.db"
    store = Store.open(str(path))
    try:
        generate(store, patients=12)
    finally:
        store.dispose()
    return path


def _treated_patient(path: Path) -> tuple[str, str]:
    """The record number and name of a demo patient with the most sessions."""
    store = Store(f"sqlite:///{path}")
    try:
        services = Services(store)
        best = max(
            services.patients.find(limit=50), key=lambda p: len(services.sessions.for_patient(p.id))
        )
        return best.record_number, best.family_name
    finally:
        store.dispose()


@pytest.mark.parametrize("kind", ["summary", "handout", "consent"])
def test_export_writes_a_valid_pdf(tmp_path: Path, demo: Path, kind: str) -> None:
    record, family = _treated_patient(demo)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"{kind}.pdf"
    result = mesodesk(
        tmp_path, "export", kind, "--db", str(demo), "--patient", record, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out, strict=True)
    assert family in "\n".join(page.extract_text() for page in reader.pages)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_an_unknown_patient_fails_with_a_message_and_no_file(tmp_path: Path, demo: Path) -> None:
    out = tmp_path / "x.pdf"
    result = mesodesk(
        tmp_path, "export", "summary", "--db", str(demo), "--patient", "P999999", "-o", str(out)
    )
    assert result.returncode != 0
    assert "P999999" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


# A database whose audit trail refuses every new row (a full disk, a broken trigger, …).
REFUSE_AUDIT = (
    "CREATE TRIGGER audit_log_refused BEFORE INSERT ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be written'); END"
)


def test_an_export_the_audit_trail_cannot_record_leaves_no_file(tmp_path: Path, demo: Path) -> None:
    record, _family = _treated_patient(demo)
    database = tmp_path / "clinic.db"
    shutil.copy(demo, database)
    connection = sqlite3.connect(database)
    with connection:
        connection.execute(REFUSE_AUDIT)
    connection.close()
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "summary.pdf"
    result = mesodesk(
        tmp_path, "export", "summary", "--db", str(database), "--patient", record, "-o", str(out)
    )
    assert result.returncode == 1, result.stderr
    assert "the audit trail cannot be written" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.parent.iterdir()) == []  # neither the document nor a temporary file


def test_an_export_that_cannot_be_put_in_place_says_so(tmp_path: Path, demo: Path) -> None:
    record, _family = _treated_patient(demo)
    database = tmp_path / "clinic.db"
    shutil.copy(demo, database)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "summary.pdf"
    out.mkdir()  # a folder of that name is in the way: the rename fails
    result = mesodesk(
        tmp_path, "export", "summary", "--db", str(database), "--patient", record, "-o", str(out)
    )
    assert result.returncode == 1, result.stderr
    assert f"The treatment summary was not saved as {out} (" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in out.parent.iterdir()] == ["summary.pdf"] and out.is_dir()


def test_a_demo_course_prints_its_sessions_with_amendments(demo: Path) -> None:
    store = Store(f"sqlite:///{demo}")
    try:
        services = Services(store)
        for row in services.patients.find(limit=50):
            data = collect(services, row.id)
            if any(s.amendment for s in data.sessions):
                break
        else:
            pytest.skip("the demo has no amended session")
    finally:
        store.dispose()
    text = " ".join(pdf_text(build_summary(data)).split())
    assert "Amended: replaces the version" in text
    assert data.sessions[-1].lot_numbers[0] in text
