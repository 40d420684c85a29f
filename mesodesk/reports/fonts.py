"""The fonts every document uses: DejaVu Sans, shipped in resources/fonts.

ReportLab's built-in Helvetica covers Latin-1 only: "Nguyễn" or "Łukasz" would print as
boxes. DejaVu covers Latin, Greek and Cyrillic in full and is embedded as a subset, so a
document stays small. Registration happens once per process, under a lock, because documents
are rendered on worker threads.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mesodesk import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}

# Streams stay binary (no ASCII85 text encoding): files are about a fifth smaller and faster.
rl_config.useA85 = 0

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with ReportLab (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = paths.resources_dir() / "fonts"
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        # <b> and <i> inside a Paragraph pick the right face of the family.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
