"""The one-MesoDesk-per-database lock, seen from another process (within one process the
lock is shared, so only another process can tell whether it is held)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def locked(database: Path) -> bool:
    """Whether a process (this one, in the tests) holds the database's lock."""
    code = (
        "import sys; from mesodesk.db.guard import InstanceLock; "
        "print(InstanceLock.is_held_elsewhere(sys.argv[1]))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(database)], capture_output=True,
                         text=True, check=True, timeout=60).stdout  # fmt: skip
    return out.strip() == "True"


@contextmanager
def held_elsewhere(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's lock for the block (as another MesoDesk)."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from mesodesk.db.guard import InstanceLock; "
         "InstanceLock.acquire(sys.argv[1]); print('held', flush=True); sys.stdin.read()",
         str(database)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.communicate("", timeout=30)
