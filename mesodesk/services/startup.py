"""What happens before a database file is opened, shared by the window and the command line.

In order: refuse a file on a network share; take the one-instance lock; run `quick_check`
(a damaged file is refused, naming the latest good backup); take the day's automatic backup.
A failed automatic backup (an external disk unplugged) does not keep the clinic from working:
it is logged and reported on the Store, and tried again at the next start.

The window defers the last two (`checks=False`, then `Opened.check_and_back_up` on its database
thread): `quick_check` reads the whole file, seconds at 100,000 patients, so the patient list
is shown first and the check runs ahead of any write queued behind it.
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
    database: Path | None = None  # set while its check and backup are still to run
    folder: Path | None = None

    def check_and_back_up(self) -> None:
        """`quick_check` (a damaged file raises `DamagedDatabase`), then the daily backup."""
        database, self.database = self.database, None
        if database is None:
            return
        problem = quick_check(database)
        if problem != "ok":
            raise DamagedDatabase(_damage_message(database, problem, self.folder))
        try:
            self.backup = backup_if_due(database, self.folder)
        except (BackupError, OSError) as exc:
            self.backup_problem = f"The automatic backup could not be made: {exc}"
            log.warning("%s", self.backup_problem)


def prepare_database_file(
    database: Path, folder: Path | None = None, *, checks: bool = True
) -> Opened:
    """Check and lock `database` before it is opened; the caller releases `Opened.lock`.

    With `checks=False` the check and the backup wait for `Opened.check_and_back_up`.
    """
    database = Path(database)
    refuse_network_share(database)
    lock = InstanceLock.acquire(database)
    try:
        opened = Opened(lock)
        if not database.is_file() or database.stat().st_size == 0:
            return opened  # a new database: nothing to check or back up yet
        opened.database, opened.folder = database, folder
        if checks:
            opened.check_and_back_up()
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
