"""Trying a clinic server before this workstation is pointed at it (File ▸ Database connection…)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from mesodesk.db.engine import make_engine, password_missing, remember_password


class ConnectionProblem(RuntimeError):
    """The server cannot be reached or refuses this user; the message says which."""

    def __init__(self, message: str, *, needs_password: bool = False) -> None:
        super().__init__(message)
        self.needs_password = needs_password


def try_server(url: str, password: str | None = None, *, timeout_s: int = 5) -> str:
    """Connect once and describe what is there; `password` is kept in memory for this run."""
    if password:
        remember_password(url, password)
    engine = make_engine(url, connect_args={"connect_timeout": timeout_s})
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
            schema = connection.execute(
                text("SELECT to_regclass('alembic_version') IS NOT NULL")
            ).scalar()
            revision = (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if schema
                else None
            )
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        if password_missing(exc):
            raise ConnectionProblem(
                f"The server asks for the password of this user ({reason}).", needs_password=True
            ) from exc
        raise ConnectionProblem(f"The server could not be reached: {reason}") from exc
    finally:
        engine.dispose()
    held = (
        f"MesoDesk records (schema {revision})"
        if revision
        else "no MesoDesk records yet: MesoDesk creates its tables at the first start"
    )
    return f"Connected: PostgreSQL {version}, {held}."
