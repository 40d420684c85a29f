"""Before/after photo pairs for the treatment summary, one standard view per block.

Takes the print copies made when a photo is imported (1000-1200 px): embedding camera
originals makes a summary tens of megabytes and tens of seconds. Each pair is kept on one
page, both photos in equal boxes so the comparison is fair.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table

from mesodesk.reports.report_data import PhotoPair
from mesodesk.reports.styles import Styles, d, esc, table_style

PHOTO_HEIGHT = 70 * mm


def photo_pair_flowables(
    pairs: Sequence[PhotoPair], width: float, styles: Styles
) -> list[Flowable]:
    """A heading per view, then the two photos side by side with their dates."""
    flowables: list[Flowable] = []
    box = (width - 8 * mm) / 2
    for pair in pairs:
        before = _photo(pair.before_path, box, styles)
        after = _photo(pair.after_path, box, styles)
        table = Table(
            [
                [before, after],
                [
                    Paragraph(f"Before — {d(pair.before_date)}", styles.muted),
                    Paragraph(f"After — {d(pair.after_date)}", styles.muted),
                ],
            ],
            colWidths=[box + 4 * mm, box + 4 * mm],
        )
        table.setStyle(table_style(("ALIGN", (0, 0), (-1, 0), "CENTER"), header=False))
        flowables.append(
            KeepTogether(
                [Paragraph(esc(pair.view_label), styles.cell_head), table, Spacer(1, 4 * mm)]
            )
        )
    return flowables


def _photo(path: Path, box: float, styles: Styles) -> Flowable:
    """The photo scaled into the box, proportions kept; an unreadable file says so in words."""
    try:
        image = Image(str(path), width=box, height=PHOTO_HEIGHT, kind="proportional")
        image.drawWidth  # noqa: B018  (reads the header now: a broken file fails here)
        return image
    except Exception:
        return Paragraph("Photo not available", styles.muted)
