"""Every test folder is one pytest collects.

pytest silently skips folders whose names match `norecursedirs` (its defaults include `build`
and `dist`): a test folder named that way never runs and never fails.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def test_no_test_folder_is_one_pytest_skips(pytestconfig: pytest.Config) -> None:
    patterns = pytestconfig.getini("norecursedirs")
    folders = [p for p in TESTS.rglob("*") if p.is_dir() and "__pycache__" not in p.parts]
    skipped = [
        str(folder.relative_to(TESTS))
        for folder in folders
        if any(list(folder.glob("test_*.py")))
        and any(fnmatch(folder.name, pattern) for pattern in patterns)
    ]
    assert not skipped, f"pytest does not collect these test folders: {skipped}"
