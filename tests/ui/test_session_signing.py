"""Save and sign is one step: a refused signature leaves the draft as it was and the form can
save again; without an account to sign under, the form says so before anyone tries."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from mesodesk.domain.drafts import LotUse, PatientDraft, SessionDraft, ZoneEntry
from mesodesk.domain.enums import Role, ScalpZone, SessionStatus, Technique
from mesodesk.services import Services
from mesodesk.services.accounts import AccountService
from mesodesk.services.clinic import ClinicService
from mesodesk.services.session_context import load_session_context
from mesodesk.services.session_views import SessionView
from mesodesk.services.store import SYSTEM, Actor
from mesodesk.ui.dialogs.session_form import Mode, SessionForm

LEFT = Qt.MouseButton.LeftButton


def _patient(services: Services) -> int:
    draft = PatientDraft("Lindqvist", "Maja", date(1986, 5, 2), consent_treatment=True)
    return services.patients.register(draft).id


def _draft(clinic, patient_id: int, pain: int | None = 2) -> SessionDraft:
    return SessionDraft(
        patient_id=patient_id,
        practitioner_id=clinic.practitioner_id,
        performed_at=datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=1),
        recipe_id=clinic.recipe_id,
        volume_ml=3.0,
        needle_gauge=30,
        needle_length_mm=4,
        technique=Technique.NAPPAGE,
        zones=(ZoneEntry(ScalpZone.VERTEX, depth_mm=1.5),),
        lots=(LotUse(clinic.good_lot_id),),
        pain_score=pain,
        no_adverse_events=True,
    )


def _form(
    qtbot,
    services: Services,
    runner,
    patient_id: int,
    initial: SessionDraft,
    stored: SessionView | None = None,
    mode: Mode = Mode.NEW,
) -> SessionForm:
    context = load_session_context(
        services.store, services.patients, patient_id, today=date.today()
    )
    form = SessionForm(
        services,
        runner,
        context,
        initial=initial,
        session_id=stored.id if stored else None,
        version=stored.version if stored else None,
        mode=mode,
    )
    qtbot.addWidget(form)
    form.show()
    return form


def test_a_refused_signature_leaves_the_draft_and_the_form_as_they_were(
    qtbot, clinic, runner, questions
) -> None:
    acting = ClinicService(clinic.store, SYSTEM).add_user(
        "dr.brandt", "Dr Ole Brandt", Role.PRACTITIONER
    )
    services = Services(clinic.store, acting.as_actor())
    patient_id = _patient(services)
    stored = services.sessions.record(_draft(clinic, patient_id))
    form = _form(qtbot, services, runner, patient_id, stored.draft, stored, Mode.EDIT_DRAFT)
    assert form.ui.signButton.isEnabled(), form.ui.problemsLabel.text()

    accounts = AccountService(clinic.store, SYSTEM)
    accounts.set_active(acting.id, False)  # an administrator deactivates the account meanwhile
    form.ui.painSpin.setValue(4)
    qtbot.mouseClick(form.ui.signButton, LEFT)
    qtbot.waitUntil(lambda: not form._saving, timeout=5000)

    assert len(questions) == 1 and questions[0].startswith("Session not saved:")
    assert "active practitioner or administrator" in questions[0]
    now = services.sessions.get(stored.id)
    assert now.status is SessionStatus.DRAFT
    assert now.draft.pain_score == 2 and now.version == stored.version  # nothing was written
    assert form.isVisible() and form.mode is Mode.EDIT_DRAFT
    assert form.version == stored.version and form.ui.painSpin.value() == 4  # edits kept
    assert form.ui.signButton.isEnabled()

    accounts.set_active(acting.id, True)
    qtbot.mouseClick(form.ui.signButton, LEFT)  # the same copy saves: no stale record
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    signed = services.sessions.get(stored.id)
    assert signed.is_signed and signed.signed_by_id == acting.id
    assert signed.draft.pain_score == 4
    assert len(questions) == 1


def test_without_an_account_to_sign_under_the_sign_button_says_why(
    qtbot, clinic, runner, questions
) -> None:
    signer = clinic.services
    patient_id = _patient(signer)
    workstation = Services(clinic.store, Actor(None, "reception-pc", Role.ADMINISTRATOR))
    form = _form(qtbot, workstation, runner, patient_id, _draft(clinic, patient_id))

    assert form.panel.can_save, form.ui.problemsLabel.text()  # ready to sign but for the account
    assert not form.ui.signButton.isEnabled()
    assert "account of an active practitioner" in form.ui.signButton.toolTip()
    assert form.ui.saveDraftButton.isEnabled()
    qtbot.mouseClick(form.ui.saveDraftButton, LEFT)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    (row,) = signer.sessions.for_patient(patient_id)
    assert row.status is SessionStatus.DRAFT

    signed = signer.sessions.sign(row.id)  # an amendment is signed too
    amend = _form(qtbot, workstation, runner, patient_id, signed.draft, signed, Mode.AMEND)
    qtbot.keyClicks(amend.ui.reasonEdit, "Pain score mistyped")
    assert not amend.ui.signButton.isEnabled()
    assert "account of an active practitioner" in amend.ui.signButton.toolTip()
    assert questions == []
    amend.dirty = False
