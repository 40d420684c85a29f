"""Bring a database to the current schema, safely.

For an SQLite file that already holds data, a backup is taken first. Migrations run with
foreign keys off (a batch migration recreates tables, and with foreign keys on, dropping the
old parent table deletes its children through ON DELETE CASCADE); afterwards the database must
pass `foreign_key_check` and `integrity_check`, or the backup is put back.

On a PostgreSQL server the whole upgrade is one transaction (its DDL is transactional: a
failure leaves the schema as it was, so no copy is taken), and an advisory lock lets only
one workstation upgrade at a time: the others wait, then find the schema current.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from mesodesk import paths
from mesodesk.db.backup import restore_database, write_backup
from mesodesk.db.engine import (
    MIGRATION_LOCK_KEY,
    is_postgresql,
    is_sqlite,
    make_engine,
    sqlite_path,
)
from mesodesk.db.revisions import shipped_head

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class MigrationError(RuntimeError):
    """The schema could not be brought up to date; the database was restored if it was touched."""


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration built in code, so it works from a wheel or a frozen bundle."""
    from alembic.config import Config  # alembic is loaded only when a migration is looked at

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("MesoDesk ships no migrations: the installation is incomplete.")
    return head


def known_revision(revision: str) -> bool:
    """True for a revision this MesoDesk's migrations know (a newer MesoDesk's are unknown)."""
    from alembic.script import ScriptDirectory
    from alembic.script.revision import RevisionError
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except (RevisionError, CommandError):
        return False


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def at_head(url: str) -> str | None:
    """The head revision when the database already records it (nothing to upgrade), else None.

    Start-up asks this first, so an up-to-date database is opened without loading alembic.
    """
    head = shipped_head()
    if head is None:
        return None
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no version table yet, or unreadable: the full path decides
        return None
    finally:
        engine.dispose()
    return head if [row[0] for row in rows] == [head] else None


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def check_sqlite_consistency(engine: Engine) -> list[str]:
    """Problems `integrity_check` and `foreign_key_check` report; empty when the file is sound."""
    problems: list[str] = []
    with engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _fk in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"row {rowid} of {table} points to a missing {parent} row")
    return problems


def upgrade(url: str, *, backup_dir: Path | None = None, revision: str = "head") -> MigrationResult:
    """Upgrade the database at `url` to `revision` (default: the newest)."""
    probe = make_engine(url)
    try:
        before = current_revision(probe)
        populated = _has_tables(probe)
    finally:
        probe.dispose()
    target = head_revision() if revision == "head" else revision
    if before == target:
        return MigrationResult(before, target, None)

    db_file = sqlite_path(url)
    backup: Path | None = None
    if db_file is not None and populated and db_file.exists():
        folder = backup_dir or paths.backups_dir()
        backup, _manifest = write_backup(db_file, folder, "before-migration")
        log.info("Backed up %s to %s before migrating", db_file, backup)

    engine = make_engine(url, foreign_keys=False)
    try:
        config = alembic_config(url)
        with engine.begin() as connection:
            if is_postgresql(engine):  # another workstation may be upgrading right now
                connection.exec_driver_sql("SET LOCAL lock_timeout = '10min'")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
            config.attributes["connection"] = connection
            from alembic import command

            command.upgrade(config, revision)
        problems = check_sqlite_consistency(engine) if is_sqlite(engine) else []
        after = current_revision(engine)
    except Exception as exc:
        engine.dispose()
        _put_back(backup, db_file)
        raise MigrationError(f"The database could not be migrated: {exc}") from exc
    engine.dispose()
    if problems:
        _put_back(backup, db_file)
        raise MigrationError("The migrated database failed its checks: " + "; ".join(problems))
    log.info("Migrated %s from %s to %s", url, before, after)
    return MigrationResult(before, after or target, backup)


def _put_back(backup: Path | None, db_file: Path | None) -> None:
    if backup is not None and db_file is not None:
        restore_database(backup, db_file)
        log.warning("Migration failed: restored %s from %s", db_file, backup)
