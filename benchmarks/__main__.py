"""`python -m benchmarks`: build the data sets, measure every figure, print the table.

Figure families live in one module each and are imported only when selected, so `--only`
runs stay short; the generated database is cached between runs (see `dataset`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result, Settings, cores

# family module → the figures it measures, in the order
FAMILIES = {
    "startup": ("startup.shown", "startup.ready", "memory"),
    "data_figures": ("search", "chart", "save"),
    "ui_figures": ("search.keystroke", "chart.tab", "thumbnail.ui_gap"),
    "photo_figures": ("thumbnail",),
    "pdf_figure": ("pdf",),
    "demo_figure": ("demo",),
}


def machine() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return (
        f"{cores()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Qt {qVersion()} (PySide6 {pyside}), {platform.platform()}"
    )


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def table(results: list[Result]) -> str:
    lines = [f"{'figure':<18} {'unit':<8} {'value':>10} {'floor':>10} {'ratio':>7}  "
             f"{'met':<4} goal"]  # fmt: skip
    for r in results:
        met = "—" if r.met is None else ("yes" if r.met else "NO")
        note = f"  [{r.note}]" if r.note else ""
        lines.append(
            f"{r.name:<18} {r.unit:<8} {_fmt(r.value):>10} {_fmt(r.floor):>10} "
            f"{_fmt(r.ratio):>7}  {met:<4} {r.goal}{note}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20,000 patients, fewer runs")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    names = [n for figures in FAMILIES.values() for n in figures]
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=names, help="these figures")
    parser.add_argument(
        "--cache",
        metavar="DIR",
        help="where generated data is kept between runs",
        default=str(Path(tempfile.gettempdir()) / "mesodesk-benchmarks"),
    )
    args = parser.parse_args(argv)
    only = set(args.only or names)
    started = time.perf_counter()
    print(machine(), flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="mesodesk-bench-") as work:
        settings = Settings(args.quick, Path(work), Path(args.cache))
        for module, figures in FAMILIES.items():
            wanted = only.intersection(figures)
            if not wanted:
                continue
            family = importlib.import_module(f"benchmarks.{module}")
            found = family.run(settings, wanted)
            for result in found:
                print(f"  {result.name}: {_fmt(result.value)} {result.unit}", flush=True)
            results += found
    order = {n: i for i, n in enumerate(names)}
    results.sort(key=lambda r: order.get(r.name, len(order)))
    print()
    print(table(results))
    print(f"\n{'quick' if args.quick else 'full'} run, {settings.patients:,} patients, "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps([r.as_json() for r in results], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
