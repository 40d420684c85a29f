#!/usr/bin/env python3
"""Developer entry point: needs only Python >= 3.11, sets up `.venv` on first use.

    python3 dev.py app [--demo] [mesodesk arguments…]   open MesoDesk
    python3 dev.py test [pytest arguments…]             run the whole test suite headless (the
                                                        workstation build included, and the
                                                        server tests on a throw-away PostgreSQL
                                                        when PostgreSQL is installed)
    python3 dev.py mesodesk [arguments…]                any mesodesk command (demo, check, …)
    python3 dev.py forms                                recompile ui/*.ui into mesodesk/ui/forms
    python3 dev.py build                                build dist/MesoDesk/ and run its self-test

The virtual environment is (re)installed whenever pyproject.toml changes.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".mesodesk-installed"


def _venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{sys.version_info[:2]} {digest}"


def ensure_environment() -> Path:
    """Create `.venv` and install MesoDesk with its test extras, only when out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py may be run by an older python3)
        sys.exit("MesoDesk needs Python 3.11 or newer.")
    python = _venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _wanted_stamp():
        print("Installing MesoDesk and its dependencies (first run only) …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
        subprocess.run([*pip, "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "-e", f"{ROOT}[test,server]"], check=True)
        STAMP.write_text(_wanted_stamp())
    return python


def compile_forms(python: Path) -> int:
    """Designer sources in ui/ → generated modules in mesodesk/ui/forms (committed)."""
    uic = python.parent / ("pyside6-uic.exe" if os.name == "nt" else "pyside6-uic")
    for source in sorted((ROOT / "ui").glob("*.ui")):
        target = ROOT / "mesodesk" / "ui" / "forms" / f"ui_{source.stem}.py"
        subprocess.run([str(uic), "--from-imports", str(source), "-o", str(target)], check=True)
        target.write_text(trim_form_imports(target.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"{source.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


_FORM_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def trim_form_imports(generated: str) -> str:
    """Keep only the Qt names a generated form uses. pyside6-uic imports some thirty; PySide6
    builds each class when it is first imported (QIcon 2.5 ms, QFont 1.4 ms, …): 11 ms of the
    main window's form, spent before the window's first paint."""
    start = generated.index("\nclass ")
    head, body = generated[:start], generated[start:]
    used = set(re.findall(r"\bQ\w+|\bQt\b", body))

    def keep_used(found: re.Match[str]) -> str:
        names = [name.strip() for name in found.group(2).split(",")]
        kept = [name for name in names if name in used]
        return f"from {found.group(1)} import ({', '.join(kept)})\n" if kept else ""

    return _FORM_IMPORT.sub(keep_used, head) + body


def build(python: Path) -> int:
    """PyInstaller (the `build` extra, installed on first use) → dist/MesoDesk/, then the frozen
    `--self-test`: a folder is only good once it has shown it starts, migrates and prints."""
    probe = [str(python), "-c", "import PyInstaller, psycopg, psycopg_binary"]
    if subprocess.run(probe, capture_output=True).returncode:
        import tomllib  # here: an older python3 must still reach the version message

        extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        wanted = extras["project"]["optional-dependencies"]["build"]
        print(f"Installing {', '.join(wanted)} …", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
        subprocess.run([*pip, *wanted], check=True)
    started = time.perf_counter()
    command = [str(python), "-m", "PyInstaller", "build.spec", "--noconfirm", "--log-level=WARN"]
    if subprocess.call(command, cwd=ROOT):
        return 1
    folder = ROOT / "dist" / "MesoDesk"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"Built {folder} ({size / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s.")
    executable = folder / ("MesoDesk.exe" if os.name == "nt" else "MesoDesk")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([str(executable), "--self-test"], cwd=folder, env=env)


@contextmanager
def test_server(env: dict[str, str]) -> Iterator[None]:
    """A throw-away PostgreSQL server for the server-mode tests (`.ci/postgres`), when this
    machine has PostgreSQL and bash; without them those tests skip and say why."""
    installed = shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if env.get("MESODESK_TEST_PG_URL") or not (installed and shutil.which("bash")):
        yield
        return
    script = str(ROOT / ".ci" / "postgres")
    with tempfile.TemporaryDirectory(prefix="mesodesk-test-pg-") as folder:
        started = subprocess.run(["bash", script, "start", folder], capture_output=True, text=True)
        if started.returncode:
            print(f"PostgreSQL did not start: {started.stderr.strip()}", file=sys.stderr)
            yield
            return
        env["MESODESK_TEST_PG_URL"] = started.stdout.strip()
        try:
            yield
        finally:
            subprocess.run(["bash", script, "stop", folder], capture_output=True)


def run_tests(python: Path, arguments: list[str], env: dict[str, str]) -> int:
    """The whole suite, exactly as CI runs it."""
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("MESODESK_BUILD_TEST", "1")
    with test_server(env):
        return subprocess.call([str(python), "-m", "pytest", *arguments], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    python = ensure_environment()
    env = dict(os.environ)
    if command == "app":
        return subprocess.call([str(python), "-m", "mesodesk", *rest], env=env)
    if command == "mesodesk":
        return subprocess.call([str(python), "-m", "mesodesk", *rest], env=env)
    if command == "forms":
        return compile_forms(python)
    if command == "build":
        return build(python)
    if command == "test":
        return run_tests(python, rest, env)
    print(f"Unknown command {command!r}.\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
