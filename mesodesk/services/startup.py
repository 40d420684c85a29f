"""What happens before a database file is opened, shared by the window and the command line.

In order: refuse a file on a network share; take the one-instance lock; run `quick_check`
(a damaged file is refused, naming the latest good backup); take the day's automatic backup.
A failed automatic backup (an external disk unplugged) does not keep the clinic from working:
it is logged and reported on the Store, and tried again at the next start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mesodesk.db.backup import BackupError
from mesodesk.db.guard import DamagedDatabase, InstanceLock, quick_check, refuse_network_share
from mesodesk.services.backups import BackupInfo, backup_folder, backup_if_due, latest_good_backup

log = logging.getLogger(__name__)


@dataclass
class Opened:
    lock: InstanceLock
    backup: BackupInfo | None = None
    backup_problem: str | None = None


def prepare_database_file(database: Path, folder: Path | None = None) -> Opened:
    """Check and lock `database` before it is opened; the caller releases `Opened.lock`."""
    database = Path(database)
    refuse_network_share(database)
    lock = InstanceLock.acquire(database)
    try:
        opened = Opened(lock)
        if not database.is_file() or database.stat().st_size == 0:
            return opened  # a new database: nothing to check or back up yet
        problem = quick_check(database)
        if problem != "ok":
            raise DamagedDatabase(_damage_message(database, problem, folder))
        try:
            opened.backup = backup_if_due(database, folder)
        except (BackupError, OSError) as exc:
            opened.backup_problem = f"The automatic backup could not be made: {exc}"
            log.warning("%s", opened.backup_problem)
        return opened
    except BaseException:
        lock.release()
        raise


def _damage_message(database: Path, problem: str, folder: Path | None) -> str:
    where = folder or backup_folder()
    good = latest_good_backup(database, where)
    advice = (
        f"The latest good backup is {good.path} ({good.created:%Y-%m-%d %H:%M}); restore it "
        f"with: mesodesk restore --db {database} {good.path}"
        if good is not None
        else f"No backup of it was found in {where}."
    )
    return f"The database {database} is damaged ({problem[:200]}). {advice}"
