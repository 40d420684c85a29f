"""The treatment summary: for the patient's file or a referring doctor.

Letterhead, patient, course plan, assessments, mixtures with the lots used, the session table
(amended versions marked), outcome trend, before/after photos and a signature line. Only
recorded facts are printed: no expected results, no marketing figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from mesodesk.domain.patient_row import age_on
from mesodesk.reports.photo_pairs import photo_pair_flowables
from mesodesk.reports.report_data import (
    AssessmentInfo,
    CourseInfo,
    MixtureInfo,
    OutcomePoint,
    ReportData,
    SessionInfo,
)
from mesodesk.reports.styles import (
    ACCENT,
    SHADE,
    Styles,
    content_width,
    d,
    esc,
    footer_painter,
    letterhead,
    make_styles,
    render,
    table_style,
)
from mesodesk.reports.trend_chart import trend_drawing

TITLE = "Treatment summary"


def build_summary(data: ReportData) -> bytes:
    """The whole summary as PDF bytes."""
    styles = make_styles()
    width = content_width(data.clinic.paper_size)
    story: list[Flowable] = [
        letterhead(data.clinic, styles, width, TITLE),
        Spacer(1, 4 * mm),
        patient_block(data, styles, width),
    ]
    story += _section("Course plan", _course(data.course, styles), styles)
    story += _section("Assessments", _assessments(data.assessments, styles, width), styles)
    story += _section("Mixtures and lots", _mixtures(data.mixtures, styles, width), styles)
    story += _section("Sessions", session_table(data.sessions, styles, width), styles)
    story += _section("Outcomes", _outcomes(data.outcomes, styles, width), styles)
    if data.photo_pairs:
        story += _section(
            "Photographs", photo_pair_flowables(data.photo_pairs, width, styles), styles
        )
    story.append(_signature(data, styles, width))
    patient = data.patient
    return render(
        story,
        paper=data.clinic.paper_size,
        title=f"{TITLE} — {patient.display_name}",
        author=data.clinic.name,
        footer=footer_painter(
            f"{TITLE} · {patient.display_name} · {patient.record_number}", data.printed_on
        ),
    )


def _section(title: str, body: Sequence[Flowable], styles: Styles) -> list[Flowable]:
    """A heading that starts a new page rather than sit alone at the foot of one.

    A table may start under it with a few rows and go on overleaf; a block that never splits
    (a pair of photos) takes its heading with it to the next page.
    """
    if not body:
        return []
    heading = Paragraph(esc(title), styles.h2)
    first, *rest = body
    if isinstance(first, KeepTogether):
        return [KeepTogether([heading, first]), *rest]
    return [CondPageBreak(35 * mm), heading, *body]


def patient_block(data: ReportData, styles: Styles, width: float) -> Table:
    """Who the document is about, in a shaded box."""
    p = data.patient
    age = ""
    if p.birth_date:
        age = f" ({age_on(p.birth_date, data.printed_on)} years)"
    label = styles.muted
    rows = [
        [Paragraph("Patient", label), Paragraph(f"<b>{esc(p.display_name)}</b>", styles.body),
         Paragraph("Record", label), Paragraph(esc(p.record_number), styles.body)],
        [Paragraph("Born", label), Paragraph(f"{d(p.birth_date)}{age}", styles.body),
         Paragraph("Sex", label), Paragraph(esc(p.sex), styles.body)],
        [Paragraph("Allergies", label),
         Paragraph(esc(p.allergies) if p.allergies else "None known", styles.body), "", ""],
    ]  # fmt: skip
    if p.flags:
        rows.append(
            [Paragraph("History", label), Paragraph(esc(", ".join(p.flags)), styles.body), "", ""]
        )
    table = Table(rows, colWidths=[22 * mm, width * 0.5 - 22 * mm, 18 * mm, width * 0.5 - 18 * mm])
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("SPAN", (1, 2), (3, 2)),
            *([("SPAN", (1, 3), (3, 3))] if p.flags else []),
            ("LINEBELOW", (0, 0), (-1, -1), 0, SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            header=False,
        )
    )
    return table


def _course(course: CourseInfo | None, styles: Styles) -> list[Flowable]:
    if course is None:
        return [Paragraph("No course has been planned.", styles.body)]
    next_due = f" Next planned session: <b>{d(course.next_due)}</b>." if course.next_due else ""
    return [
        Paragraph(
            f"{esc(course.protocol)}, started {d(course.start_date)} "
            f"({esc(course.status.lower())}): {course.done} of {course.planned} planned "
            f"sessions done.{next_due}",
            styles.body,
        )
    ]


def _assessments(items: Sequence[AssessmentInfo], styles: Styles, width: float) -> list[Flowable]:
    if not items:
        return [Paragraph("No assessment recorded.", styles.body)]
    c, h = styles.cell, styles.cell_head
    rows: list[list[object]] = [
        [Paragraph(t, h) for t in ("Date", "Diagnosis", "Scale and stage", "Trichoscopy",
                                   "Scalp and pull test")]
    ]  # fmt: skip
    for a in items:
        diagnosis = esc(a.diagnosis)
        if a.contributors:
            diagnosis += f"<br/><i>Contributing: {esc(a.contributors)}</i>"
        scalp = "; ".join(
            x for x in (a.condition, f"pull test {a.pull_test}" if a.pull_test else "") if x
        )
        rows.append(
            [
                Paragraph(d(a.assessed_on), c),
                Paragraph(diagnosis, c),
                Paragraph(esc(a.stages) or "—", c),
                Paragraph(esc(a.trichoscopy) or "—", c),
                Paragraph(esc(scalp) or "No signs noted", c),
            ]
        )
    fractions = (0.11, 0.24, 0.2, 0.23, 0.22)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(table_style())
    flowables: list[Flowable] = [table]
    latest_notes = next((a for a in reversed(items) if a.notes.strip()), None)
    if latest_notes is not None:
        flowables.append(Spacer(1, 2 * mm))
        flowables.append(
            Paragraph(
                f"<i>Notes ({d(latest_notes.assessed_on)}):</i> {esc(latest_notes.notes)}",
                styles.small,
            )
        )
    return flowables


def _mixtures(items: Sequence[MixtureInfo], styles: Styles, width: float) -> list[Flowable]:
    if not items:
        return [Paragraph("No mixture used yet.", styles.body)]
    c, h = styles.cell, styles.cell_head
    rows: list[list[object]] = [[Paragraph(t, h) for t in ("Mixture", "Ingredients", "Lots used")]]
    for m in items:
        rows.append(
            [
                Paragraph(f"<b>{esc(m.name)}</b><br/>{m.total_volume_ml:g} mL", c),
                Paragraph("<br/>".join(esc(i) for i in m.ingredients) or "—", c),
                Paragraph("<br/>".join(esc(lot) for lot in m.lots) or "—", c),
            ]
        )
    table = Table(rows, colWidths=[width * 0.24, width * 0.36, width * 0.4], repeatRows=1)
    table.setStyle(table_style())
    return [table]


_SESSION_HEAD = ("#", "Date", "Practitioner", "Mixture, volume", "Needle, technique",
                 "Zones and depths", "Lot numbers", "Reactions and adverse events")  # fmt: skip
_SESSION_WIDTHS = (0.03, 0.105, 0.115, 0.135, 0.125, 0.21, 0.1, 0.18)


def session_table(sessions: Sequence[SessionInfo], styles: Styles, width: float) -> list[Flowable]:
    """One row per session (current version); an amended one carries a note row below it."""
    if not sessions:
        return [Paragraph("No session recorded yet.", styles.body)]
    c, h = styles.cell, styles.cell_head
    rows: list[list[object]] = [[Paragraph(t, h) for t in _SESSION_HEAD]]
    extra: list[tuple[object, ...]] = []
    for number, s in enumerate(sessions, start=1):
        date_text = f"{s.performed_at:%d.%m.%Y}"
        if s.amendment:
            date_text += '<br/><font color="#B54708"><b>Amended</b></font>'
        if not s.signed:
            date_text += "<br/><i>Draft, not signed</i>"
        reactions = [esc(s.reactions)] if s.reactions.strip() else []
        reactions += [f"<b>Adverse event:</b> {esc(e)}" for e in s.adverse_events]
        rows.append(
            [
                Paragraph(str(number), c),
                Paragraph(date_text, c),
                Paragraph(esc(s.practitioner), c),
                Paragraph(f"{esc(s.mixture) or '—'}<br/>{s.volume_ml:g} mL", c),
                Paragraph(f"{esc(s.needle)}<br/>{esc(s.technique)}", c),
                Paragraph("<br/>".join(esc(z) for z in s.zones) or "—", c),
                Paragraph("<br/>".join(esc(lot) for lot in s.lot_numbers) or "—", c),
                Paragraph("<br/>".join(reactions) or "None", c),
            ]
        )
        if s.amendment:
            row = len(rows)
            rows.append(["", Paragraph(f"<i>{esc(s.amendment)}</i>", c), *[""] * 6])
            extra += [("SPAN", (1, row), (-1, row)), ("LINEABOVE", (1, row), (-1, row), 0, SHADE)]
    table = Table(rows, colWidths=[width * f for f in _SESSION_WIDTHS], repeatRows=1)
    table.setStyle(table_style(*extra))
    return [table]


def _outcomes(points: Sequence[OutcomePoint], styles: Styles, width: float) -> list[Flowable]:
    if not points:
        return [Paragraph("No outcome measured yet.", styles.body)]
    c, h = styles.cell, styles.cell_head

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:+.1f} %"

    rows: list[list[object]] = [
        [Paragraph(t, h) for t in ("Checkpoint", "Date", "Density change", "Diameter change",
                                   "Global assessment", "Satisfaction")]
    ]  # fmt: skip
    for p in points:
        rows.append(
            [
                Paragraph(esc(p.label.split("\n")[0]), c),
                Paragraph(d(p.measured_on), c),
                Paragraph(pct(p.density_change_pct), c),
                Paragraph(pct(p.diameter_change_pct), c),
                Paragraph("—" if p.global_assessment is None else f"{p.global_assessment:+d}", c),
                Paragraph("—" if p.satisfaction is None else str(p.satisfaction), c),
            ]
        )
    table = Table(rows, colWidths=[width / 6] * 6, repeatRows=1)
    table.setStyle(table_style())
    note = Paragraph(
        "This patient's own measurements against their baseline. They describe this course "
        "only and are not a prediction for anyone else.",
        styles.muted,
    )
    flowables: list[Flowable] = [table, Spacer(1, 3 * mm)]
    if len(points) >= 2:
        flowables.append(trend_drawing(points, width))
    return [*flowables, note]


def _signature(data: ReportData, styles: Styles, width: float) -> KeepTogether:
    latest = data.latest_session
    who = esc(latest.practitioner) if latest and latest.practitioner else "Practitioner"
    line = Table(
        [["", "", ""], [Paragraph(f"{who}, signature", styles.muted), "",
                        Paragraph("Date", styles.muted)]],
        colWidths=[width * 0.55, width * 0.1, width * 0.35],
        rowHeights=[14 * mm, None],
    )  # fmt: skip
    line.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (0, 0), 0.8, ACCENT),
            ("LINEBELOW", (2, 0), (2, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, 1), 0, SHADE),
            header=False,
        )
    )
    return KeepTogether([Spacer(1, 8 * mm), line])
