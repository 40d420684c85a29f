"""A writer process for the crash tests: registers patients through the services, one
transaction each, and prints each id only after its commit returned (the acknowledgement)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store


def main(database: str, backups: str, tag: str, pause: float = 0.0) -> None:
    store = Store.open(database, backup_dir=Path(backups))
    service = PatientService(store, SYSTEM)
    n = 0
    while True:
        detail = service.register(PatientDraft(f"Crash{tag}", f"Number {n}", date(1980, 1, 2)))
        print(detail.id, flush=True)
        n += 1
        if pause:
            time.sleep(pause)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
