"""Security fixtures: a migrated SQLite clinic, its administrator, and a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from mesodesk.services.auth import AuthService
from mesodesk.services.clinic import UserView
from mesodesk.services.store import Store

ADMIN_PASSWORD = "correct horse battery"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.dispose()


@dataclass
class Clock:
    """Wall-clock time for lock-outs and a monotonic clock for idle time, both settable."""

    now: datetime
    seconds: float = 1000.0

    def wall(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)
        self.seconds += minutes * 60


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def auth(store: Store, clock: Clock) -> AuthService:
    return AuthService(store, now=clock.wall)


@pytest.fixture
def admin(auth: AuthService) -> UserView:
    return auth.create_first_administrator("Owner", "Clinic Owner", ADMIN_PASSWORD)
