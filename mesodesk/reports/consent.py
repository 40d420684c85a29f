"""The consent form: treatment, risks, contraindication questions, photo consent, signatures.

The wording lives in resources/texts/consent.txt (a clinic's own legal text differs); this
module pre-fills the patient and draws the tick boxes and the signature lines.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from mesodesk.reports.report_data import ReportData
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
from mesodesk.reports.texts import layout_blocks, load_text, question_table

TITLE = "Consent to treatment"
BODY_SIZE = 9.0


def build_consent(data: ReportData) -> bytes:
    """The consent form pre-filled with the patient's name, as PDF bytes."""
    styles = make_styles(BODY_SIZE)
    width = content_width(data.clinic.paper_size)
    patient = data.patient
    slots = {
        "patient": lambda: [_patient(data, styles, width)],
        "photo_consent": lambda: [
            Spacer(1, 2 * mm),
            question_table(
                [
                    "I agree to photographs of my scalp for my treatment record.",
                    "I agree that photographs in which I cannot be recognised may be used "
                    "for teaching.",
                ],
                styles,
                width,
            ),
        ],
        "signatures": lambda: [_signatures(styles, width)],
    }
    story: list[Flowable] = [letterhead(data.clinic, make_styles(), width, TITLE)]
    story += [Spacer(1, 4 * mm)]
    story += _with_its_statement(layout_blocks(load_text("consent"), styles, width, slots))
    return render(
        story,
        paper=data.clinic.paper_size,
        title=f"{TITLE} — {patient.display_name}",
        author=data.clinic.name,
        footer=footer_painter(
            f"{TITLE} · {patient.display_name} · {patient.record_number}", data.printed_on
        ),
    )


def _with_its_statement(story: list[Flowable]) -> list[Flowable]:
    """Keep the signature lines on the page of the statement they sign (its last section)."""
    ends = [i for i, item in enumerate(story) if getattr(item, "signature_block", False)]
    if not ends:
        return story
    end = ends[-1]
    start = max(
        (i for i in range(end) if isinstance(story[i], KeepTogether)),  # a heading's group
        default=end,
    )
    return [*story[:start], KeepTogether(story[start : end + 1]), *story[end + 1 :]]


def _patient(data: ReportData, styles: Styles, width: float) -> Table:
    p = data.patient
    label = styles.muted
    table = Table(
        [[Paragraph("Patient", label), Paragraph(f"<b>{esc(p.full_name)}</b>", styles.body),
          Paragraph("Born", label), Paragraph(d(p.birth_date), styles.body),
          Paragraph("Record", label), Paragraph(esc(p.record_number), styles.body)]],
        colWidths=[16 * mm, width - 98 * mm, 12 * mm, 26 * mm, 16 * mm, 28 * mm],
    )  # fmt: skip
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            header=False,
        )
    )
    return table


def _signatures(styles: Styles, width: float) -> KeepTogether:
    """Lines to sign on: the patient, then the practitioner, each with the date."""
    rows = []
    for who in ("Patient's signature", "Practitioner's signature and name"):
        rows += [["", "", ""], [Paragraph(who, styles.muted), "", Paragraph("Date", styles.muted)]]
    table = Table(
        rows, colWidths=[width * 0.55, width * 0.1, width * 0.35], rowHeights=[13 * mm, None] * 2
    )
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, -1), 0, SHADE),
            ("LINEBELOW", (0, 0), (0, 0), 0.8, ACCENT),
            ("LINEBELOW", (2, 0), (2, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 2), (0, 2), 0.8, ACCENT),
            ("LINEBELOW", (2, 2), (2, 2), 0.8, ACCENT),
            header=False,
        )
    )
    block = KeepTogether([Spacer(1, 3 * mm), table])
    block.signature_block = True  # type: ignore[attr-defined]
    return block
