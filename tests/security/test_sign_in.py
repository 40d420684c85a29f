"""Signing in: the first administrator, wrong passwords, lock-out, the idle lock, accounts."""

from __future__ import annotations

import pytest
from conftest import ADMIN_PASSWORD, Clock
from sqlalchemy import select

from mesodesk.db.models import AuditEntry, User
from mesodesk.domain.enums import Role
from mesodesk.domain.validation import ValidationError
from mesodesk.services import Services
from mesodesk.services.audit import verify_chain
from mesodesk.services.auth import AuthService, SessionLocked, SignInRefused, UserSession
from mesodesk.services.clinic import ClinicSettings, UserView
from mesodesk.services.errors import Conflict, PermissionDenied
from mesodesk.services.store import SYSTEM, Store


def actions(store: Store) -> list[tuple[str, str]]:
    with store.reading(gated=False) as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.username).order_by(AuditEntry.id)
        )
        return [(a.value, u) for a, u in rows]


# -- the first start ----------------------------------------------------------------------


def test_a_new_database_asks_the_clinic_to_choose(auth: AuthService) -> None:
    policy = auth.policy()
    assert policy.needs_setup and not policy.require_login
    assert policy.idle_lock_minutes == 10


def test_the_first_start_creates_the_administrator(auth: AuthService, store: Store) -> None:
    admin = auth.create_first_administrator(" Owner ", "Clinic Owner", ADMIN_PASSWORD)

    assert (admin.username, admin.role, admin.has_password) == ("owner", Role.ADMINISTRATOR, True)
    policy = auth.policy()
    assert not policy.needs_setup and policy.require_login
    with store.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.id == admin.id))
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert ADMIN_PASSWORD not in stored
    with pytest.raises(Conflict, match="already been set up"):
        auth.create_first_administrator("second", "Someone Else", ADMIN_PASSWORD)


def test_a_single_user_clinic_chooses_no_login_explicitly(auth: AuthService, store: Store) -> None:
    auth.choose_no_login(SYSTEM)

    policy = auth.policy()
    assert not policy.needs_setup and not policy.require_login
    assert actions(store)[-1] == ("update", "system")
    with pytest.raises(Conflict):
        auth.choose_no_login(SYSTEM)


@pytest.mark.parametrize(
    ("username", "name", "password", "field"),
    [
        ("", "A B", ADMIN_PASSWORD, "username"),
        ("with space", "A B", ADMIN_PASSWORD, "username"),
        ("x" * 65, "A B", ADMIN_PASSWORD, "username"),
        ("owner", "", ADMIN_PASSWORD, "display_name"),
        ("owner", "A B", "short", "password"),
        ("owner", "A B", " " * 12, "password"),
        ("owner", "A B", "p" * 257, "password"),
        ("owner", "A B", None, "password"),
    ],
)
def test_the_first_administrator_is_checked(
    auth: AuthService, username: str, name: str, password: object, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        auth.create_first_administrator(username, name, password)  # type: ignore[arg-type]
    assert [p.field for p in raised.value.problems] == [field]
    assert auth.policy().needs_setup


# -- signing in -----------------------------------------------------------------------------


def test_the_right_password_signs_in(auth: AuthService, admin: UserView, store: Store) -> None:
    assert auth.sign_in("OWNER ", ADMIN_PASSWORD).id == admin.id
    assert actions(store)[-1] == ("login", "owner")


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("owner", "wrong password"),
        ("owner", ADMIN_PASSWORD.upper()),
        ("owner", ADMIN_PASSWORD + " "),
        ("owner", ""),
        ("owner", None),
        ("nobody", ADMIN_PASSWORD),
        ("", ADMIN_PASSWORD),
        ("' OR '1'='1", "' OR '1'='1"),
    ],
)
def test_a_wrong_password_is_refused_and_audited(
    auth: AuthService, admin: UserView, store: Store, username: str, password: object
) -> None:
    with pytest.raises(SignInRefused, match="user name or the password is wrong"):
        auth.sign_in(username, password)
    assert actions(store)[-1][0] == "login_failed"
    with store.reading() as session:
        assert verify_chain(session) == []


def test_five_failures_lock_the_account_for_five_minutes(
    auth: AuthService, admin: UserView, store: Store, clock: Clock
) -> None:
    for _ in range(4):
        with pytest.raises(SignInRefused, match="wrong"):
            auth.sign_in("owner", "not it at all")
    with pytest.raises(SignInRefused, match="locked until") as raised:
        auth.sign_in("owner", "not it at all")
    assert raised.value.locked_until == clock.now.replace(minute=5)
    assert [a for a, _ in actions(store)][-2:] == ["login_failed", "locked_out"]

    clock.advance(4)
    with pytest.raises(SignInRefused, match="locked until"):
        auth.sign_in("owner", ADMIN_PASSWORD)  # even the right password waits
    assert actions(store)[-1] == ("login_failed", "owner")

    clock.advance(1.5)
    assert auth.sign_in("owner", ADMIN_PASSWORD).id == admin.id
    with store.reading() as session:
        user = session.get(User, admin.id)
        assert (user.failed_logins, user.locked_until) == (0, None)


def test_a_success_resets_the_failure_count(auth: AuthService, admin: UserView) -> None:
    for _ in range(3):
        with pytest.raises(SignInRefused):
            auth.sign_in("owner", "nope nope nope")
    auth.sign_in("owner", ADMIN_PASSWORD)
    for _ in range(4):
        with pytest.raises(SignInRefused, match="wrong"):
            auth.sign_in("owner", "nope nope nope")


def test_a_deactivated_account_is_refused(auth: AuthService, admin: UserView) -> None:
    accounts = Services(auth.store, admin.as_actor()).accounts
    desk = accounts.add("desk", "Tom Desk", Role.FRONT_DESK, password="front desk pass")
    accounts.set_active(desk.id, False)
    with pytest.raises(SignInRefused, match="deactivated"):
        auth.sign_in("desk", "front desk pass")


def test_a_damaged_stored_hash_never_matches(
    auth: AuthService, admin: UserView, store: Store
) -> None:
    with store.writing() as session:
        session.get(User, admin.id).password_hash = "not-a-hash"
    with pytest.raises(SignInRefused):
        auth.sign_in("owner", ADMIN_PASSWORD)


# -- the idle lock --------------------------------------------------------------------------


def signed_in(auth: AuthService, admin: UserView, clock: Clock) -> UserSession:
    user = auth.sign_in("owner", ADMIN_PASSWORD)
    session = UserSession(user, auth.policy().idle_lock_minutes, clock=clock.monotonic)
    auth.store.gate = session.ensure_open
    return session


def test_an_expired_session_is_refused_until_the_password_is_given_again(
    auth: AuthService, admin: UserView, clock: Clock, store: Store
) -> None:
    session = signed_in(auth, admin, clock)
    services = Services(store, session.actor)
    clock.advance(9)
    session.touch()  # the user moved the mouse: ten more minutes
    clock.advance(9.5)
    assert services.patients.count() == 0

    clock.advance(0.6)  # 10 minutes and 6 seconds without input
    with pytest.raises(SessionLocked, match="must enter the password again"):
        services.patients.count()
    session.touch()  # input after expiry does not reopen it
    with pytest.raises(SessionLocked):
        services.clinic.settings()

    with pytest.raises(SignInRefused):
        auth.unlock(session, "guess guess guess")
    with pytest.raises(SessionLocked):
        services.patients.count()
    auth.unlock(session, ADMIN_PASSWORD)
    assert services.patients.count() == 0
    assert [a for a, _ in actions(store)][-2:] == ["login", "unlock"]


def test_locking_the_workstation_refuses_work_at_once(
    auth: AuthService, admin: UserView, clock: Clock, store: Store
) -> None:
    session = signed_in(auth, admin, clock)
    session.lock()
    with pytest.raises(SessionLocked):
        Services(store, session.actor).patients.find("")


def test_the_idle_time_comes_from_the_clinic_settings(
    auth: AuthService, admin: UserView, clock: Clock, store: Store
) -> None:
    clinic = Services(store, admin.as_actor()).clinic
    clinic.save_settings(ClinicSettings(require_login=True, idle_lock_minutes=2))
    session = signed_in(auth, admin, clock)
    assert session.idle_seconds == 120
    clock.advance(2.1)
    assert session.locked


# -- accounts -------------------------------------------------------------------------------


def test_an_administrator_manages_accounts(auth: AuthService, admin: UserView) -> None:
    accounts = Services(auth.store, admin.as_actor()).accounts
    user = accounts.add("dr.weiss", "Dr Anna Weiss", Role.PRACTITIONER, "MD", password="x" * 10)
    assert user.must_change_password

    changed = accounts.set_role(user.id, Role.FRONT_DESK)
    assert changed.role is Role.FRONT_DESK
    accounts.reset_password(user.id, "temporary-123")
    auth.sign_in("dr.weiss", "temporary-123")
    auth.change_password(user.id, "temporary-123", "my own secret")
    assert auth.sign_in("dr.weiss", "my own secret").must_change_password is False
    with pytest.raises(SignInRefused):
        auth.change_password(user.id, "not the current", "another secret")


def test_a_reset_lifts_a_lock_out(auth: AuthService, admin: UserView) -> None:
    accounts = Services(auth.store, admin.as_actor()).accounts
    user = accounts.add("desk", "Tom Desk", Role.FRONT_DESK, password="front desk pass")
    for _ in range(5):
        with pytest.raises(SignInRefused):
            auth.sign_in("desk", "wrong wrong")
    accounts.reset_password(user.id, "brand new pass")
    assert auth.sign_in("desk", "brand new pass").id == user.id


def test_only_administrators_manage_accounts(auth: AuthService, admin: UserView) -> None:
    accounts = Services(auth.store, admin.as_actor()).accounts
    doctor = accounts.add("dr.weiss", "Dr Anna Weiss", Role.PRACTITIONER, password="x" * 10)
    theirs = Services(auth.store, doctor.as_actor())
    with pytest.raises(PermissionDenied, match="Only an administrator"):
        theirs.accounts.add("mallory", "Mallory", Role.ADMINISTRATOR, password="y" * 10)
    with pytest.raises(PermissionDenied):
        theirs.accounts.set_role(doctor.id, Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        theirs.clinic.save_settings(ClinicSettings(require_login=False))


def test_the_last_administrator_who_can_sign_in_stays(auth: AuthService, admin: UserView) -> None:
    accounts = Services(auth.store, admin.as_actor()).accounts
    with pytest.raises(Conflict, match="deactivate your own"):
        accounts.set_active(admin.id, False)
    with pytest.raises(Conflict, match="last administrator"):
        accounts.set_role(admin.id, Role.PRACTITIONER)
    assert accounts.users()[0].role is Role.ADMINISTRATOR


def test_sign_in_cannot_be_required_without_an_administrator(store: Store) -> None:
    clinic = Services(store, SYSTEM).clinic
    with pytest.raises(Conflict, match="administrator has a password"):
        clinic.save_settings(ClinicSettings(require_login=True))
    clinic.save_settings(ClinicSettings(require_login=False))
    assert not AuthService(store).policy().needs_setup  # an explicit choice
