"""`mesodesk import-photos` and the vault line of `mesodesk check`, run as the CLI runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from photo_files import register, write_photo

from mesodesk import cli
from mesodesk.services.store import Store


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[Path, str]:
    """A migrated database with one consenting patient; the vault will be beside it."""
    path = tmp_path / "clinic.db"
    store = Store.open(str(path))
    try:
        patient = register(store)
    finally:
        store.dispose()
    return path, str(patient)


def test_import_photos_prints_one_line_per_file_and_fails_on_a_refusal(
    tmp_path: Path, clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, patient = clinic
    good = write_photo(tmp_path / "front.jpg", 6)
    args = ["import-photos", "--db", str(db), "--patient", patient, "--view", "frontal"]
    assert cli.main([*args, str(good)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "imported  front.jpg: photo 1"
    assert (tmp_path / "photos" / "originals").is_dir()

    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    again = write_photo(tmp_path / "side.jpg")
    assert cli.main([*args, str(text), str(again), str(good)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "refused   notes.jpg: not a JPEG, PNG or TIFF image (it contains text)",
        "imported  side.jpg: photo 2",
        "duplicate front.jpg: already in this patient's photos (photo #1)",
    ]


def test_check_reports_the_vault_and_fails_on_a_damaged_original(
    tmp_path: Path, clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, patient = clinic
    photo = write_photo(tmp_path / "front.jpg")
    cli.main(
        ["import-photos", "--db", str(db), "--patient", patient, "--view", "vertex", str(photo)]
    )
    capsys.readouterr()
    assert cli.main(["check", "--db", str(db)]) == 0
    assert "ok       photo vault: 1 original(s) checked" in capsys.readouterr().out

    original = next((tmp_path / "photos" / "originals").rglob("*.jpg"))
    data = bytearray(original.read_bytes())
    data[-10] ^= 0xFF
    original.write_bytes(bytes(data))
    assert cli.main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "FAILED   photo vault: 1 original(s) checked; 1 damaged: photo #1" in out


def test_import_photos_without_photo_consent_exits_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinic.db"
    store = Store.open(str(db))
    try:
        patient = register(store, consent=False)
    finally:
        store.dispose()
    code = cli.main(
        ["import-photos", "--db", str(db), "--patient", str(patient), "--view", "vertex",
         str(write_photo(tmp_path / "a.jpg"))]
    )  # fmt: skip
    assert code != 0
    assert "has not consented to photos" in capsys.readouterr().err
    assert not (tmp_path / "photos").exists()


def test_import_photos_takes_a_camera_folder(
    tmp_path: Path, clinic: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, patient = clinic
    card = tmp_path / "card" / "DCIM"
    card.mkdir(parents=True)
    for index in range(3):
        write_photo(card / f"IMG_{index:04d}.JPG", index + 1, size=(600 + index, 400))
    (card / "IMG_0000.THM").write_bytes(b"camera sidecar")
    args = ["import-photos", "--db", str(db), "--patient", patient, "--view", "occipital"]
    assert cli.main([*args, str(tmp_path / "card")]) == 0
    assert capsys.readouterr().out.count("imported  IMG_") == 3
