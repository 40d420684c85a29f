"""The committed forms in mesodesk/ui/forms are exactly what pyside6-uic makes of ui/*.ui."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "ui").glob("*.ui"))


def _body(text: str) -> str:
    """Drop the generator's banner (it names the uic version), keep everything else."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("##"))


def _trimmed(text: str) -> str:
    """What `dev.py forms` keeps of the generator's imports (see `trim_form_imports`)."""
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    return dev.trim_form_imports(text)


def _uic() -> str:
    candidate = Path(sys.executable).with_name("pyside6-uic")
    found = str(candidate) if candidate.exists() else shutil.which("pyside6-uic")
    if not found:
        pytest.fail("pyside6-uic is not installed beside the Python running the tests")
    return found


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_compiled_form_matches_its_designer_source(source: Path, tmp_path: Path) -> None:
    generated = tmp_path / f"ui_{source.stem}.py"
    subprocess.run([_uic(), "--from-imports", str(source), "-o", str(generated)], check=True)
    committed = ROOT / "mesodesk" / "ui" / "forms" / generated.name
    assert committed.exists(), f"{committed.name} is missing: run `python3 dev.py forms`"
    assert _body(committed.read_text()) == _body(_trimmed(generated.read_text())), (
        f"{committed.name} is out of date with ui/{source.name}: run `python3 dev.py forms`"
    )


def test_every_form_has_a_source() -> None:
    compiled = {p.stem.removeprefix("ui_") for p in (ROOT / "mesodesk/ui/forms").glob("ui_*.py")}
    assert compiled == {s.stem for s in SOURCES}
