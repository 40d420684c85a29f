"""A calm clinical look: Fusion with a restrained palette and a small style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from mesodesk import paths

ACCENT = "#2f6f73"  # muted teal
WARNING = "#8a5a00"
ERROR = "#b3261e"
DISABLED_TEXT = "#8f9a9a"


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f6"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef3f3"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e9eeee"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2525"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2525"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    # The colours above apply to every state; an unavailable menu item or button must look it.
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(QFont(font))
    sheet = paths.resources_dir() / "style" / "mesodesk.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
