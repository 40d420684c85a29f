"""Alembic environment: online migrations only, batch mode for SQLite, models as the target.

The caller may hand over a Connection or an Engine in `config.attributes["connection"]`
(pytest-alembic passes an Engine); otherwise the URL comes from the config or the environment.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context
from sqlalchemy import Connection, Engine

import mesodesk.db.models  # noqa: F401  (registers every table)
from mesodesk.db.base import Base, UTCDateTime
from mesodesk.db.engine import make_engine, resolve_url

config = context.config
target_metadata = Base.metadata


def _render_item(kind: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write plain SQL types into revisions, so old revisions never depend on today's code."""
    if kind == "type":
        if isinstance(obj, UTCDateTime):
            return "sa.DateTime(timezone=True)"
        if isinstance(obj, sa.Enum) and not obj.native_enum:
            return f"sa.String(length={obj.length})"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    engine = given if isinstance(given, Engine) else None
    if engine is None:
        url = config.get_main_option("sqlalchemy.url") or resolve_url(None)
        engine = make_engine(url, foreign_keys=False)
    with engine.begin() as connection:
        _run(connection)


if context.is_offline_mode():
    raise SystemExit("MesoDesk migrations run online only.")
run_migrations_online()
