"""clinic server mode: version counters for optimistic locking; byte-order search keys

Records two workstations may edit at once get a `version` column (SQLAlchemy's
`version_id_col`): an UPDATE names the version it read, so the second of two saves finds no
row and is refused instead of silently overwriting the first (patients already have one).

The patient search compares folded names, record numbers and phone digits as byte strings
(prefix ranges: key >= 'mue' AND key < 'muf'), which is SQLite's default. A PostgreSQL
database usually collates by language rules, under which such a range is not a prefix match
(spaces and punctuation are ignored at first) and its indexes cannot serve it: on PostgreSQL
these columns get the "C" collation, whose order is the bytes', and their indexes are rebuilt
by the type change. SQLite needs nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "assessments",
    "treatment_sessions",
    "adverse_events",
    "course_plans",
    "outcomes",
    "photos",
    "ingredients",
    "recipes",
    "lots",
    "clinic",
)
SEARCH_KEYS = (
    ("search_name", 220),
    ("search_given", 110),
    ("phone_digits", 40),
    ("record_number", 32),
)


def _collate(collation: str | None) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, length in SEARCH_KEYS:
        op.alter_column(
            "patients",
            name,
            type_=sa.String(length=length, collation=collation),
            existing_nullable=False,
        )


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )
    _collate("C")


def downgrade() -> None:
    _collate(None)
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
