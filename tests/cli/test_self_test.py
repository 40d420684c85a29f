"""`mesodesk --self-test` passes from the source tree, prints a line per step, isolates itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mesodesk import selftest


def test_the_self_test_passes_and_reports_every_step(tmp_path: Path) -> None:
    home = tmp_path / "clinic"
    home.mkdir()
    env = {**os.environ, "MESODESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "mesodesk", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for number, (title, _step) in enumerate(selftest.STEPS, start=1):
        assert any(
            line.startswith(f"ok   {number}/{len(selftest.STEPS)} {title} (") for line in lines
        )
    assert lines[-1].startswith("passed in ")
    assert list(home.iterdir()) == [], "the self-test wrote into the clinic's data folder"


def test_a_failing_step_is_named_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(ctx: selftest.Context) -> str:
        raise RuntimeError("no fonts")

    steps = list(selftest.STEPS)
    steps[1] = (steps[1][0], broken)
    monkeypatch.setattr(selftest, "STEPS", tuple(steps))
    before = dict(os.environ)

    assert selftest.run() == 1

    out = capsys.readouterr().out
    assert f"FAIL 2/{len(steps)} {steps[1][0]}" in out
    assert "RuntimeError: no fonts" in out
    assert "ok   3/" not in out
    assert out.splitlines()[-1].startswith("FAILED in ")
    assert dict(os.environ) == before, "the self-test left its settings behind"


def test_self_test_takes_no_other_option() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mesodesk", "--self-test", "--demo"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--self-test" in done.stderr
