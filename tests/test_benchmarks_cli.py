"""The benchmark suite's command line and JSON shape, on a stand-in family (the suite itself is
slow and is not part of the test command)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from benchmarks import __main__ as suite
from benchmarks.common import Result, missing, p95

KEYS = ["name", "unit", "value", "floor", "ratio", "goal", "met"]


def test_every_figure_of_the_issue_belongs_to_a_family() -> None:
    names = [n for figures in suite.FAMILIES.values() for n in figures]
    assert sorted(names) == sorted(
        ["startup.shown", "startup.ready", "memory", "search", "chart", "save",
         "search.keystroke", "chart.tab", "thumbnail", "thumbnail.ui_gap", "pdf", "demo"]
    )  # fmt: skip
    for module in suite.FAMILIES:
        assert (Path(suite.__file__).parent / f"{module}.py").is_file()


def test_only_runs_the_chosen_figures_and_writes_the_json_shape(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[tuple[bool, set[str]]] = []

    def run(settings, only: set[str]) -> list[Result]:
        ran.append((settings.quick, set(only)))
        return [Result("fast", "ms", 3.0, 2.0, "ratio ≤ 2", True),
                missing("slow", "s", "≤ 1 s", "not measured here")]  # fmt: skip

    monkeypatch.setitem(sys.modules, "benchmarks.stand_in", types.SimpleNamespace(run=run))
    monkeypatch.setattr(suite, "FAMILIES", {"stand_in": ("fast", "slow"), "other": ("never",)})
    out = tmp_path / "out.json"
    code = suite.main(["--quick", "--only", "fast", "--json", str(out), "--cache", str(tmp_path)])
    assert code == 0 and ran == [(True, {"fast"})]
    rows = json.loads(out.read_text())
    assert [list(row)[:7] for row in rows] == [KEYS, KEYS]
    assert rows[0] == dict(zip(KEYS, ["fast", "ms", 3.0, 2.0, 1.5, "ratio ≤ 2", True], strict=True))
    assert rows[1]["value"] is None and rows[1]["met"] is None and "missing" in rows[1]["note"]
    printed = capsys.readouterr().out
    assert "cores, Python" in printed and "SQLite" in printed  # the machine line
    assert "fast" in printed and "quick run" in printed


def test_unknown_figures_are_refused() -> None:
    with pytest.raises(SystemExit):
        suite.main(["--only", "nonsense"])


def test_p95_is_a_value_of_the_sample() -> None:
    assert p95([float(n) for n in range(1, 101)]) == 95.0
