"""One workstation in a test of several: `python -m tests.services.workstation URL NAME N ID`.

It registers N patients and appends N marks to the notes of patient ID, each edit based on
the version it loaded; a refused save (another workstation saved first) is reloaded and
made again, as a person would. Prints how many saves were refused.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Role, Sex
from mesodesk.services.concurrency import StaleRecord
from mesodesk.services.patients import PatientService
from mesodesk.services.store import Actor, Store


def main(url: str, name: str, count: int, shared_id: int) -> int:
    store = Store(url)
    patients = PatientService(store, Actor(None, name, Role.PRACTITIONER))
    refused = 0
    try:
        for i in range(count):
            patients.register(
                PatientDraft(f"{name.title()}patient", f"Nr {i}", date(1980, 1, 1 + i), Sex.MALE),
                today=date(2026, 11, 25),
            )
            while True:
                current = patients.get(shared_id)
                draft = replace(current.draft, notes=f"{current.draft.notes}{name}{i};")
                try:
                    patients.update(shared_id, draft, expected_version=current.version)
                    break
                except StaleRecord:
                    refused += 1
    finally:
        store.dispose()
    print(refused)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
