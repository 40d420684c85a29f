"""A signed session, read-only, with its amendment history and an Amend button."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from mesodesk.services import Services
from mesodesk.ui.tasks import TaskRunner


def _when(value: Any) -> str:
    return f"{value.astimezone():%d.%m.%Y %H:%M}" if value else ""


def session_html(view: Any) -> str:
    """The session as a small HTML document; every recorded string is escaped."""
    e = escape
    rows = [
        ("Date", _when(view.performed_at)),
        ("Practitioner", view.practitioner_name),
        ("Mixture", view.recipe_name or "—"),
        ("Lots", "<br>".join(e(lot.label) + f" × {lot.quantity:g}" for lot in view.lots) or "—"),
        ("Volume", f"{view.volume_ml:g} mL"),
        ("Needle", view.needle),
        ("Technique", view.technique_label),
        ("Anaesthesia", view.anaesthesia.label),
        ("Pain", "not recorded" if view.pain_score is None else f"{view.pain_score}/10"),
        ("Reactions", view.immediate_reactions or "—"),
    ]
    table = "".join(
        f"<tr><td><b>{e(k)}</b></td><td>{v if k == 'Lots' else e(str(v))}</td></tr>"
        for k, v in rows
    )
    zones = "".join(
        f"<tr><td>{e(z.label)}</td><td>{z.depth_mm:g} mm</td>"
        f"<td>{'' if z.volume_ml is None else f'{z.volume_ml:g} mL'}</td>"
        f"<td>{'' if z.points is None else z.points}</td></tr>"
        for z in view.zones
    )
    if view.adverse_events:
        events = "".join(
            f"<li>{e(a.label)} ({e(a.grade.label.lower())}), onset {a.onset_on:%d.%m.%Y}"
            f"{', resolved ' + format(a.resolved_on, '%d.%m.%Y') if a.resolved_on else ''}"
            f"{': ' + e(a.description) if a.description else ''}</li>"
            for a in view.adverse_events
        )
        events = f"<ul>{events}</ul>"
    else:
        events = "<p>None recorded as none.</p>" if view.no_adverse_events else "<p>—</p>"
    status = view.status.label
    if view.signed_at:
        status += f" by {e(view.signed_by_name)} on {_when(view.signed_at)}"
    amendment = ""
    if view.amends_id:
        amendment = (
            f"<p><b>Amendment</b> of version #{view.amends_id}: {e(view.amendment_reason)}</p>"
        )
    if view.amended_by_id:
        amendment += f"<p><i>Superseded by version #{view.amended_by_id}.</i></p>"
    return (
        f"<h3>Session #{view.id} — {e(status)}</h3>{amendment}<table cellpadding=3>{table}</table>"
        "<h4>Zones</h4><table cellpadding=3><tr><th align=left>Zone</th><th>Depth</th>"
        f"<th>Volume</th><th>Points</th></tr>{zones}</table>"
        f"<h4>Adverse events</h4>{events}"
        f"<h4>Notes</h4><p>{e(view.notes) or '—'}</p>"
    )


class SessionDetailDialog(QDialog):
    amend_requested = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        view: Any,
        parent: QWidget | None = None,
        history: Sequence[Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(f"Session #{view.id}")
        self.resize(720, 640)
        self.browser = QTextBrowser()
        versions = list(history) if history else [view]
        self.browser.setHtml("<hr>".join(session_html(v) for v in reversed(versions)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if view.is_signed and view.is_current:
            amend = buttons.addButton("A&mend…", QDialogButtonBox.ButtonRole.ActionRole)
            amend.clicked.connect(self._on_amend_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def _on_amend_clicked(self) -> None:
        self.accept()
        self.amend_requested.emit(self.view)
