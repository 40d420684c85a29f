"""Moving a clinic from its SQLite file to a PostgreSQL server: every record, verbatim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mesodesk.db.engine import make_engine, sqlite_url
from mesodesk.db.transfer import TransferError, tables, transfer
from mesodesk.demo import generate
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.services.audit import verify_chain
from mesodesk.services.health import run_checks
from mesodesk.services.patients import PatientService
from mesodesk.services.photo_move import copy_vault
from mesodesk.services.store import SYSTEM, Store
from tests.cli.test_cli import mesodesk

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "clinic.db"
    generate(sqlite_url(path), patients=12, seed=3, today=TODAY)
    return path


def _all_rows(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(*table.columns).order_by(*table.primary_key.columns)
                    )
                ]
                for table in tables()
            }
    finally:
        engine.dispose()


def test_the_demo_clinic_moves_to_a_server_record_by_record(demo_file: Path, pg_url: str) -> None:
    source = sqlite_url(demo_file)
    report = transfer(source, pg_url)

    assert report.ok, report.problems()
    assert report.rows > 500
    before, after = _all_rows(source), _all_rows(pg_url)
    for name, rows in before.items():
        assert after[name] == rows, f"{name} differs"
    assert all(result.ok for result in run_checks(pg_url)), [
        (r.name, r.detail) for r in run_checks(pg_url) if not r.ok
    ]

    # The server carries on where the file stopped: new ids, an unbroken audit chain.
    store = Store.open(pg_url)
    try:
        added = PatientService(store, SYSTEM).register(
            PatientDraft("Neu", "Nina", date(1990, 1, 2), Sex.FEMALE), today=TODAY
        )
        assert added.id == max(row[0] for row in before["patients"]) + 1
        assert added.record_number == "P000013"
        with store.reading() as session:
            assert verify_chain(session) == []
    finally:
        store.dispose()


def test_a_target_with_records_is_refused(demo_file: Path, pg_url: str) -> None:
    transfer(sqlite_url(demo_file), pg_url)
    with pytest.raises(TransferError, match="already holds"):
        transfer(sqlite_url(demo_file), pg_url)


def test_a_copy_that_does_not_match_is_reported(
    demo_file: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mesodesk.db.transfer as module

    real = module.plain
    changed = lambda v: f"{v}!" if isinstance(v, str) and v.startswith("P0000") else real(v)  # noqa: E731
    monkeypatch.setattr(module, "plain", changed)  # a record number altered on the way
    report = transfer(sqlite_url(demo_file), pg_url)
    assert not report.ok
    assert [p.split(":")[0] for p in report.problems()] == ["patients"]


def test_sqlite_to_sqlite_works_too(demo_file: Path, tmp_path: Path) -> None:
    target = sqlite_url(tmp_path / "copy.db")
    report = transfer(sqlite_url(demo_file), target)
    assert report.ok and _all_rows(target) == _all_rows(sqlite_url(demo_file))


def test_the_photo_vault_is_copied_and_checked(tmp_path: Path) -> None:
    import hashlib

    database = tmp_path / "clinic.db"
    content = b"\xff\xd8 not really a jpeg"
    sha = hashlib.sha256(content).hexdigest()
    original = tmp_path / "photos" / "originals" / sha[:2] / f"{sha}.jpg"
    original.parent.mkdir(parents=True)
    original.write_bytes(content)
    (tmp_path / "photos" / "thumbnails").mkdir()
    (tmp_path / "photos" / "thumbnails" / f"{sha}.jpg").write_bytes(b"thumb")

    moved = copy_vault(database, tmp_path / "shared")

    assert moved.ok and (moved.originals, moved.other_files) == (1, 1)
    assert (tmp_path / "shared" / "originals" / sha[:2] / f"{sha}.jpg").read_bytes() == content
    again = copy_vault(database, tmp_path / "shared")  # an interrupted copy runs again
    assert again.ok and again.bytes_copied == len(b"thumb")


def test_the_command_moves_the_clinic_and_refuses_a_second_time(
    demo_file: Path, pg_url: str, tmp_path: Path
) -> None:
    args = ("migrate-store", "--from", str(demo_file), "--to", pg_url)
    done = mesodesk(tmp_path, *args, "--photos-to", str(tmp_path / "shared"))
    assert done.returncode == 0, done.stderr
    assert "checksums of every table match" in done.stdout
    assert "MESODESK_PHOTO_DIR" in done.stdout
    again = mesodesk(tmp_path, *args)
    assert again.returncode == 1 and "already holds" in again.stderr
