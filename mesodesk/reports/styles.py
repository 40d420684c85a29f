"""Shared look of every document: paragraph styles, escaping, page frame and "page X of Y".

Every user-entered string reaches a Paragraph through `esc()`: Paragraph text is markup, and
unescaped a lone "<" breaks the build while `<img src=…>` makes ReportLab read a local file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table, TableStyle

from mesodesk.domain.enums import PaperSize
from mesodesk.reports.fonts import BOLD, REGULAR, register_fonts
from mesodesk.reports.report_data import ClinicInfo

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
ACCENT = colors.HexColor("#2F6F73")
RULE = colors.HexColor("#CBD2D9")
SHADE = colors.HexColor("#F0F4F5")
MARGIN = 16 * mm
FOOTER_SPACE = 12 * mm


def esc(text: object) -> str:
    """User text as literal Paragraph text: markup characters escaped, newlines kept."""
    return escape(str(text)).replace("\n", "<br/>")


def rich(text: str) -> str:
    """Clinic-edited text: escaped, then its **bold** spans (the one markup it may use)."""
    parts = esc(text).split("**")
    return "".join(f"<b>{p}</b>" if i % 2 else p for i, p in enumerate(parts))


def page_size(paper: PaperSize) -> tuple[float, float]:
    return LETTER if paper is PaperSize.LETTER else A4


def d(value: date | None) -> str:
    """Dates as the clinic writes them."""
    return f"{value:%d.%m.%Y}" if value else "—"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    right: ParagraphStyle
    bullet: ParagraphStyle


def make_styles(size: float = 9.5) -> Styles:
    """One set of styles scaled from a body size (the handout uses large type)."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=size, leading=size * 1.35, textColor=INK
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=size * 0.85, leading=size * 1.15),
        muted=ParagraphStyle(
            "muted", body, fontSize=size * 0.85, leading=size * 1.15, textColor=MUTED
        ),
        h1=ParagraphStyle(
            "h1",
            body,
            fontName=BOLD,
            fontSize=size * 1.7,
            leading=size * 2.1,
            spaceAfter=size * 0.4,
        ),
        h2=ParagraphStyle(
            "h2",
            body,
            fontName=BOLD,
            fontSize=size * 1.2,
            leading=size * 1.5,
            textColor=ACCENT,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.4,
        ),
        cell=ParagraphStyle("cell", body, fontSize=size * 0.8, leading=size * 0.98),
        cell_head=ParagraphStyle(
            "cell_head", body, fontName=BOLD, fontSize=size * 0.8, leading=size * 0.98
        ),
        right=ParagraphStyle("right", body, alignment=TA_RIGHT),
        bullet=ParagraphStyle("bullet", body, leftIndent=size * 1.1, bulletIndent=size * 0.2),
    )


def table_style(*extra: tuple[Any, ...], header: bool = True) -> TableStyle:
    """Light grid rules, a shaded header row, cells aligned to the top."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    return TableStyle([*commands, *extra])


def letterhead(clinic: ClinicInfo, styles: Styles, width: float, title: str) -> Table:
    """Logo and clinic details on the left, the document's title on the right."""
    name = esc(clinic.name) if clinic.name.strip() else "&nbsp;"
    lines = [f'<font name="{BOLD}" size="{styles.body.fontSize * 1.25:.1f}">{name}</font>']
    address = ", ".join(line.strip() for line in clinic.address.splitlines() if line.strip())
    lines += [esc(part) for part in (address, clinic.contact) if part]
    details = Paragraph("<br/>".join(lines), styles.small)
    logo = _logo(clinic.logo_png)
    heading = Paragraph(title, ParagraphStyle("title", styles.h1, alignment=TA_RIGHT))
    cells = [logo, details, heading] if logo else [details, heading]
    widths = [24 * mm, width * 0.6 - 24 * mm, width * 0.4] if logo else [width * 0.6, width * 0.4]
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _logo(png: bytes | None) -> Image | None:
    """The clinic's logo within 22 × 16 mm, proportions kept; a broken image is left out."""
    if not png:
        return None
    try:
        image = Image(io.BytesIO(png), width=22 * mm, height=16 * mm, kind="proportional")
        image.hAlign = "LEFT"
        return image
    except Exception:  # a logo must never stop a clinical document from printing
        return None


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can say "page X of Y"."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


def footer_painter(left: str, printed_on: date) -> Callable[[Canvas, int, int], None]:
    """The footer of every page: who it is about, when it was printed, page X of Y."""

    def paint(canvas: Canvas, number: int, total: int) -> None:
        width, _height = canvas._pagesize
        y = MARGIN - 8 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        right = f"Printed {printed_on:%d.%m.%Y}   ·   Page {number} of {total}"
        canvas.drawRightString(width - MARGIN, y, right)
        room = width - 2 * MARGIN - stringWidth(right, REGULAR, 7.5) - 8 * mm
        canvas.drawString(MARGIN, y, _fit(left, room, 7.5))  # canvas text is not markup
        canvas.restoreState()

    return paint


def _fit(text: str, room: float, size: float) -> str:
    """`text` shortened with an ellipsis to fit `room` points."""
    if stringWidth(text, REGULAR, size) <= room:
        return text
    while text and stringWidth(text + "…", REGULAR, size) > room:
        text = text[:-1]
    return text + "…"


def render(
    story: Sequence[Flowable],
    *,
    paper: PaperSize,
    title: str,
    author: str,
    footer: Callable[[Canvas, int, int], None],
) -> bytes:
    """Lay the story out on the clinic's paper and return the PDF's bytes."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page_size(paper),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER_SPACE / 2,
        title=title,
        author=author,
        creator="MesoDesk",
    )
    doc.build(list(story), canvasmaker=partial(_NumberedCanvas, footer=footer))
    return out.getvalue()


FRAME_PADDING = 6  # points on each side inside a page's frame (ReportLab's default)


def content_width(paper: PaperSize) -> float:
    """The width flowables may use: the page less its margins and the frame's padding."""
    return page_size(paper)[0] - 2 * MARGIN - 2 * FRAME_PADDING
