"""The lot recall report: every patient and session that received a lot, as CSV and PDF.

`load_recall` reads the lot, the recall rows and the letterhead once (plain data); the CSV
and the PDF are made from that, so the screen, the file and the paper list the same people.
Each saved report writes an audit row: a recall list names patients.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mesodesk.domain.enums import AuditAction, PaperSize
from mesodesk.domain.text import fold
from mesodesk.interop.csv_files import csv_text
from mesodesk.interop.files import publish
from mesodesk.reports.report_data import ClinicInfo
from mesodesk.reports.styles import (
    MUTED,
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
from mesodesk.services import Services, audit
from mesodesk.services.errors import NotFound
from mesodesk.services.mixtures import LotView, RecallRow

CSV_HEADER = (
    "product_name",
    "lot_number",
    "expiry_date",
    "record_number",
    "family_name",
    "given_names",
    "phone",
    "session_id",
    "performed_at",
    "practitioner",
    "quantity",
    "unit",
    "record",
)


@dataclass(frozen=True)
class RecallReport:
    clinic: ClinicInfo
    lot: LotView
    rows: tuple[RecallRow, ...]
    printed_on: date

    @property
    def current(self) -> list[RecallRow]:
        return [r for r in self.rows if not r.superseded and not r.deleted]

    @property
    def patients(self) -> int:
        return len({r.patient_id for r in self.rows})

    @property
    def title(self) -> str:
        return f"Recall: lot {self.lot.lot_number} of {self.lot.product_name}"


def find_lot(services: Services, reference: str, product: str | None = None) -> LotView:
    """A lot by its number (with the product when two products share it) or its id."""
    wanted = reference.strip()
    lots = services.mixtures.lots(include_expired=True)
    found = [lot for lot in lots if lot.lot_number.casefold() == wanted.casefold()]
    if product:
        found = [lot for lot in found if product.casefold() in lot.product_name.casefold()]
    if not found and wanted.isdigit():
        found = [lot for lot in lots if lot.id == int(wanted)]
    if not found:
        raise NotFound(f"No lot {wanted!r}" + (f" of {product!r}" if product else "") + ".")
    if len(found) > 1:
        names = "; ".join(f"{lot.product_name} (id {lot.id})" for lot in found)
        raise NotFound(
            f"Lot number {wanted} belongs to several products: {names}. "
            "Name the product (--product) or give the lot's id."
        )
    return found[0]


def load_recall(services: Services, lot_id: int, *, today: date | None = None) -> RecallReport:
    settings = services.clinic.settings()
    clinic = ClinicInfo(
        settings.name,
        settings.address,
        settings.phone,
        settings.email,
        settings.website,
        settings.logo_png,
        settings.paper_size,
    )
    lot = services.mixtures.get_lot(lot_id)
    rows = tuple(services.mixtures.recall(lot_id))
    return RecallReport(clinic, lot, rows, today or date.today())


def state_text(row: RecallRow) -> str:
    state = row.record_state
    return f"{state} (patient record deleted)" if row.patient_deleted else state


def recall_csv(report: RecallReport) -> str:
    lot = report.lot
    return csv_text(
        CSV_HEADER,
        (
            (
                lot.product_name,
                lot.lot_number,
                lot.expiry_date.isoformat(),
                r.record_number,
                r.family_name,
                r.given_names,
                r.phone,
                r.session_id,
                r.performed_at.astimezone().isoformat(timespec="minutes"),
                r.practitioner_name,
                f"{r.quantity:g}",
                lot.unit,
                state_text(r),
            )
            for r in report.rows
        ),
    )


def recall_pdf(report: RecallReport) -> bytes:
    """The printable recall list: the lot, the counts, then one line per session."""
    paper: PaperSize = report.clinic.paper_size
    styles = make_styles()
    width = content_width(paper)
    lot = report.lot
    story: list[Flowable] = [
        letterhead(report.clinic, styles, width, "Lot recall"),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>{esc(lot.product_name)}</b>, lot <b>{esc(lot.lot_number)}</b>", styles.h2),
        Paragraph(
            f"Expiry {d(lot.expiry_date)}"
            + (f" · supplier {esc(lot.supplier)}" if lot.supplier else "")
            + (f" · received {d(lot.received_on)}" if lot.received_on else "")
            + f" · {lot.quantity_left:g} of {lot.quantity_received:g} {esc(lot.unit)} left",
            styles.body,
        ),
        Spacer(1, 2 * mm),
        Paragraph(_counts(report), styles.body),
        Spacer(1, 3 * mm),
    ]
    if report.rows:
        story.append(Paragraph("Patients to contact", styles.h2))
        story.append(_patients_table(report, styles, width))
        story.append(Paragraph("Sessions that used the lot", styles.h2))
        story.append(_table(report, styles, width))
        story.append(Spacer(1, 3 * mm))
        story.append(
            Paragraph(
                "Greyed lines are earlier versions of records corrected by an amendment, or "
                "deleted records: the lot went into that session all the same.",
                styles.muted,
            )
        )
    return render(
        story,
        paper=paper,
        title=report.title,
        author=report.clinic.name,
        footer=footer_painter(f"{report.clinic.name or 'MesoDesk'} · {report.title}",
                              report.printed_on),
    )  # fmt: skip


def _counts(report: RecallReport) -> str:
    if not report.rows:
        return "No session has used this lot."
    sessions = len(report.current)
    text = (
        f"This lot went into <b>{sessions} session{'s' if sessions != 1 else ''}</b> of "
        f"<b>{report.patients} patient{'s' if report.patients != 1 else ''}</b>"
    )
    earlier = len(report.rows) - sessions
    if earlier:
        text += f" (and {earlier} earlier or deleted version{'s' if earlier != 1 else ''})"
    return text + "."


def _patients_table(report: RecallReport, styles: Styles, width: float) -> Table:
    """One line per patient, by name: who to call, how often they received the lot."""
    head = ["Record no.", "Patient", "Phone", "Sessions", "First", "Last"]
    cells: list[list[Flowable]] = [[Paragraph(h, styles.cell_head) for h in head]]
    by_patient: dict[int, list[RecallRow]] = {}
    for r in report.rows:
        by_patient.setdefault(r.patient_id, []).append(r)
    people = sorted(by_patient.values(), key=lambda rs: fold(rs[0].patient_name))
    for rows in people:
        first, last = rows[0], rows[-1]
        name = first.patient_name + (" (record deleted)" if first.patient_deleted else "")
        values = (
            first.record_number,
            name,
            first.phone,
            str(sum(1 for r in rows if not r.superseded and not r.deleted)),
            f"{first.performed_at.astimezone():%d.%m.%Y}",
            f"{last.performed_at.astimezone():%d.%m.%Y}",
        )
        cells.append([Paragraph(esc(v), styles.cell) for v in values])
    fractions = (0.13, 0.32, 0.21, 0.10, 0.12, 0.12)
    table = Table(cells, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(table_style())
    return table


def _table(report: RecallReport, styles: Styles, width: float) -> Table:
    head = ["Record no.", "Patient", "Phone", "Session", "Practitioner", "Qty", "Record"]
    cells: list[list[Flowable]] = [[Paragraph(h, styles.cell_head) for h in head]]
    muted: list[int] = []
    for index, r in enumerate(report.rows, start=1):
        values = (
            r.record_number,
            r.patient_name,
            r.phone,
            f"{r.performed_at.astimezone():%d.%m.%Y %H:%M}",
            r.practitioner_name,
            f"{r.quantity:g} {report.lot.unit}",
            state_text(r),
        )
        cells.append([Paragraph(esc(v), styles.cell) for v in values])
        if r.superseded or r.deleted:
            muted.append(index)
    fractions = (0.11, 0.21, 0.17, 0.14, 0.15, 0.10, 0.12)
    table = Table(cells, colWidths=[width * f for f in fractions], repeatRows=1)
    extra = [("TEXTCOLOR", (0, i), (-1, i), MUTED) for i in muted]
    extra += [("BACKGROUND", (0, i), (-1, i), colors.white) for i in muted]
    table.setStyle(table_style(*extra))
    return table


def save_recall(
    services: Services, report: RecallReport, path: str | os.PathLike[str], kind: str
) -> Path:
    """Write the report as "csv" or "pdf" (audited: who took the list of which lot)."""
    if kind not in ("csv", "pdf"):
        raise ValueError(f"A recall report is csv or pdf, not {kind!r}.")
    content = recall_csv(report).encode("utf-8") if kind == "csv" else recall_pdf(report)
    target = Path(path)
    with publish(target, content) as commit, services.store.writing() as session:
        audit.record(
            session,
            services.actor,
            AuditAction.EXPORT,
            "lot",
            report.lot.id,
            summary=f"Recall report of lot {report.lot.lot_number} as {kind.upper()} "
            f"({len(report.rows)} sessions, {report.patients} patients)",
            after={"format": kind, "file": target.name, "sessions": len(report.rows)},
        )
        commit()
    return target


def recall_rows_text(rows: Sequence[RecallRow]) -> list[str]:
    """One line per session, for the command line's output."""
    return [
        f"{r.record_number:<10} {r.patient_name:<32} {r.phone:<18} "
        f"{r.performed_at.astimezone():%d.%m.%Y %H:%M}  {state_text(r)}"
        for r in rows
    ]
