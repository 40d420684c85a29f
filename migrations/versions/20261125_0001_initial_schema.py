"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 07:59:42.275876

The tables are created by the modules in `migrations/initial_schema/`, one per area, loaded by
path: Alembic takes every .py file in this folder for a revision, so the parts live outside
it. They are frozen like any revision: never edited; later schema changes are new revisions.
The parts run in the order of PARTS (each after the parts its foreign keys point at) and are
undone in reverse.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTS_DIR = Path(__file__).resolve().parent.parent / "initial_schema"
PARTS = ("clinic", "patients", "mixtures", "courses", "sessions")


def _load(name: str) -> ModuleType:
    path = PARTS_DIR / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"initial_schema_{name}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"Cannot load the initial schema part {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    for name in PARTS:
        _load(name).upgrade()


def downgrade() -> None:
    for name in reversed(PARTS):
        _load(name).downgrade()
