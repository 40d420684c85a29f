"""Shows validation problems next to the fields they concern, as the user types.

Refusals (errors) block saving; warnings and hard stops need an explicit acknowledgement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from mesodesk.domain.validation import Level, Problem

_COLOURS = {Level.ERROR: "#b3261e", Level.OVERRIDE: "#b3261e", Level.WARNING: "#8a5a00"}
_PREFIX = {Level.ERROR: "Refused", Level.OVERRIDE: "Needs a reason", Level.WARNING: "Check"}


class ProblemPanel:
    """Binds a label, an acknowledgement check box and the form's field widgets."""

    def __init__(
        self, label: QLabel, acknowledge: QCheckBox, fields: Mapping[str, QWidget]
    ) -> None:
        self.label, self.acknowledge, self.fields = label, acknowledge, dict(fields)
        self.problems: tuple[Problem, ...] = ()
        self.acknowledge.setVisible(False)
        self.label.setVisible(False)

    def show(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        marked: dict[QWidget, Problem] = {}
        for problem in self.problems:
            widget = self._widget_for(problem.field)
            if widget is not None and (widget not in marked or problem.level is not Level.WARNING):
                marked[widget] = problem
        for widget in set(self.fields.values()):
            problem = marked.get(widget)
            state = (
                ""
                if problem is None
                else ("warning" if problem.level is Level.WARNING else "error")
            )
            if widget.property("problem") != state:
                widget.setProperty("problem", state)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            widget.setToolTip(problem.message if problem else "")
        lines = [
            f'<span style="color:{_COLOURS[p.level]}"><b>{_PREFIX[p.level]}:</b> '
            f"{escape(p.message)}</span>"
            for p in self.problems
        ]
        self.label.setText("<br>".join(lines))
        self.label.setVisible(bool(lines))
        needs_ack = any(p.level is Level.WARNING for p in self.problems)
        self.acknowledge.setVisible(needs_ack)
        if not needs_ack:
            self.acknowledge.setChecked(False)

    @property
    def has_errors(self) -> bool:
        return any(p.level is Level.ERROR for p in self.problems)

    @property
    def can_save(self) -> bool:
        if self.has_errors:
            return False
        warned = any(p.level is Level.WARNING for p in self.problems)
        return not warned or self.acknowledge.isChecked()

    def _widget_for(self, field: str) -> QWidget | None:
        if field in self.fields:
            return self.fields[field]
        base = field.split("[", 1)[0].split(".", 1)[0]
        return self.fields.get(base)
