"""The patient handout: plain language and large type, taken home after a session.

The advice itself lives in resources/texts/handout.txt so a clinic can edit it; this module
fills in what was done, the next appointment and the clinic's contact. It promises nothing
about results.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from mesodesk.reports.report_data import ReportData
from mesodesk.reports.styles import (
    Styles,
    content_width,
    esc,
    footer_painter,
    letterhead,
    make_styles,
    render,
)
from mesodesk.reports.texts import layout_blocks, load_text

TITLE = "After your treatment"
BODY_SIZE = 12.0


def build_handout(data: ReportData) -> bytes:
    """The handout for the patient's latest session, as PDF bytes."""
    styles = make_styles(BODY_SIZE)
    width = content_width(data.clinic.paper_size)
    patient = data.patient
    story: list[Flowable] = [
        letterhead(data.clinic, make_styles(), width, TITLE),
        Spacer(1, 5 * mm),
        Paragraph(f"For <b>{esc(patient.full_name)}</b>", styles.body),
    ]
    slots = {
        "today": lambda: _today(data, styles),
        "next_appointment": lambda: _next(data, styles),
        "contact": lambda: _contact(data, styles),
    }
    story += layout_blocks(load_text("handout"), styles, width, slots)
    return render(
        story,
        paper=data.clinic.paper_size,
        title=f"{TITLE} — {patient.display_name}",
        author=data.clinic.name,
        footer=footer_painter(
            f"{data.clinic.name or TITLE} · {patient.full_name}", data.printed_on
        ),
    )


def _today(data: ReportData, styles: Styles) -> list[Flowable]:
    session = data.latest_session
    if session is None:
        return [Paragraph("No treatment has been recorded yet.", styles.body)]
    by = f" by {esc(session.practitioner)}" if session.practitioner else ""
    areas = ", ".join(session.zones)
    lines = [
        Paragraph(
            f"On <b>{session.performed_at:%A, %d %B %Y}</b> you had scalp mesotherapy{by}.",
            styles.body,
        ),
        Spacer(1, 2 * mm),
    ]
    details = []
    if areas:
        details.append(f"Treated areas and depth: {esc(areas)}.")
    if session.mixture:
        details.append(f"Mixture: {esc(session.mixture)}, {session.volume_ml:g} mL.")
    if session.lots:
        details.append(f"Product lots: {esc(', '.join(session.lots))}.")
    if details:
        lines.append(Paragraph(" ".join(details), styles.small))
        lines.append(
            Paragraph(
                "Keep this sheet: if you see another doctor about the treated area, show it.",
                styles.small,
            )
        )
    return lines


def _next(data: ReportData, styles: Styles) -> list[Flowable]:
    due = data.next_appointment
    if due is None:
        return [Paragraph("No further session is planned at the moment.", styles.body)]
    if due < data.printed_on:
        return [
            Paragraph(
                f"Your next session was due on <b>{due:%A, %d %B %Y}</b>. Please call us to "
                "arrange a new date.",
                styles.body,
            )
        ]
    return [
        Paragraph(f"Your next session is planned for <b>{due:%A, %d %B %Y}</b>.", styles.body),
        Paragraph("If you cannot come, please call us to move it.", styles.body),
    ]


def _contact(data: ReportData, styles: Styles) -> list[Flowable]:
    """Name, address on one line, then phone, e-mail and web site: short enough to keep."""
    clinic = data.clinic
    address = ", ".join(line.strip() for line in clinic.address.splitlines() if line.strip())
    lines = [f"<b>{esc(clinic.name)}</b>"] if clinic.name else []
    lines += [esc(x) for x in (address, clinic.contact) if x]
    if not lines:
        return [Paragraph("Please call the clinic that treated you.", styles.body)]
    return [Paragraph("<br/>".join(lines), styles.body)]
