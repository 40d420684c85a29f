"""Import direction (ui → services → db → domain) and lint, checked on every run.

Qt stays in `mesodesk.ui`, so the core and the command line run without it; the UI does not
import SQLAlchemy (it gets plain data from services). Static rules read every module with `ast`
(catching imports on paths no test executes); the subprocess checks prove the core really
imports with PySide6 unavailable.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mesodesk"
UI = PACKAGE / "ui"

QT = ("PySide6", "shiboken6", "mesodesk.ui")
DATABASE_LIBRARIES = ("sqlalchemy",)

# The deliberate crossings: the command line opens the window, importing it only then, and
# the self-test opens and closes it as its last step.
LAZY_UI_IMPORTS = {
    "mesodesk/cli.py": {"mesodesk.ui.app"},
    "mesodesk/selftest.py": {"mesodesk.ui.selftest"},
}

CORE_ENTRY_POINTS = (
    "mesodesk.domain",
    "mesodesk.db",
    "mesodesk.services",
    "mesodesk.interop",
    "mesodesk.cli",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[tuple[int, str, bool]]:
    return _imports_in(
        path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py"
    )


def _imports_in(source: str, module: str, is_package: bool) -> Iterator[tuple[int, str, bool]]:
    """(line, imported module, inside a function) for every import, relative ones resolved."""
    tree = ast.parse(source)
    package = module.split(".") if is_package else module.split(".")[:-1]
    functions = [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    nested = {id(inner) for func in functions for inner in ast.walk(func) if inner is not func}
    for node in ast.walk(tree):
        lazy = id(node) in nested
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, lazy
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield node.lineno, base, lazy
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}", lazy


def _is_within(module: str, roots: tuple[str, ...]) -> bool:
    return any(module == root or module.startswith(root + ".") for root in roots)


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_import_resolver_sees_every_kind_of_import() -> None:
    """The rules below are only as good as this reading of the source."""
    source = (
        "import PySide6.QtCore\n"
        "from ..ui import tasks\n"
        "from .. import ui\n"
        "def later():\n"
        "    from sqlalchemy import select\n"
    )
    found = {
        (module, lazy)
        for _line, module, lazy in _imports_in(source, "mesodesk.services.sample", False)
    }
    assert found == {
        ("PySide6.QtCore", False),
        ("mesodesk.ui", False),
        ("mesodesk.ui.tasks", False),
        ("mesodesk", False),
        ("sqlalchemy", True),
        ("sqlalchemy.select", True),
    }


def test_nothing_outside_the_ui_imports_qt_or_the_ui() -> None:
    offences = []
    for path in _python_files(PACKAGE):
        if path.is_relative_to(UI):
            continue
        relative = path.relative_to(ROOT).as_posix()
        allowed = LAZY_UI_IMPORTS.get(relative, set())
        for line, module, lazy in _imports(path):
            if not _is_within(module, QT):
                continue
            if lazy and _is_within(module, tuple(allowed)):
                continue
            offences.append(f"{relative}:{line} imports {module}")
    assert not offences, "Qt and mesodesk.ui belong to mesodesk/ui only:\n" + "\n".join(offences)


def test_the_ui_does_not_import_the_database_library() -> None:
    offences = [
        f"{path.relative_to(ROOT).as_posix()}:{line} imports {module}"
        for path in _python_files(UI)
        for line, module, _lazy in _imports(path)
        if _is_within(module, DATABASE_LIBRARIES)
    ]
    assert not offences, "the UI reads data through services only:\n" + "\n".join(offences)


def _exists(module: str) -> bool:
    relative = Path(*module.split("."))
    return (ROOT / relative / "__init__.py").is_file() or (ROOT / relative).with_suffix(
        ".py"
    ).is_file()


IMPORT_WITHOUT_QT = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None  # any import of PySide6 now raises ImportError
sys.modules["shiboken6"] = None
target = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(getattr(target, "__path__", []), target.__name__ + "."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
loaded = sorted(name for name in sys.modules if name.startswith("mesodesk.ui"))
assert not loaded, f"imported the UI: {loaded}"
"""


@pytest.mark.parametrize("module", CORE_ENTRY_POINTS)
def test_the_core_imports_without_qt(module: str) -> None:
    if not _exists(module):
        pytest.skip(f"{module} does not exist yet")
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_WITHOUT_QT, module],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"importing {module} and its submodules without Qt failed:\n" + (
        done.stdout + done.stderr
    )


def test_ruff_finds_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
