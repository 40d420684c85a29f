"""The application's look: what is unavailable must look unavailable."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from mesodesk.ui.style import apply_style

Group, Role = QPalette.ColorGroup, QPalette.ColorRole


def test_disabled_text_is_drawn_apart_from_enabled_text(qapp) -> None:
    apply_style(qapp)
    palette = qapp.palette()
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        enabled, disabled = palette.color(Group.Active, role), palette.color(Group.Disabled, role)
        assert disabled != enabled, role
        assert disabled.lightness() - enabled.lightness() > 80, role  # plainly lighter
