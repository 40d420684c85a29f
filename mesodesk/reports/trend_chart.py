"""The outcome trend: density change and global assessment across checkpoints.

Drawn with ReportLab's own graphics (vector, no image library, a few kilobytes). Two panels,
because the two measures have different scales; a missing measurement leaves a gap rather
than being drawn as zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from mesodesk.reports.fonts import BOLD, REGULAR, register_fonts
from mesodesk.reports.report_data import OutcomePoint
from mesodesk.reports.styles import ACCENT, INK, MUTED, RULE

HEIGHT = 150.0


def trend_drawing(points: Sequence[OutcomePoint], width: float) -> Drawing:
    """Two side-by-side line charts over the same checkpoints."""
    register_fonts()
    drawing = Drawing(width, HEIGHT)
    half = width / 2
    density = [p.density_change_pct for p in points]
    known = [v for v in density if v is not None] or [0.0]
    low = min(0.0, min(known))
    high = max(10.0, max(known))
    step = _step(high - low)
    _panel(
        drawing,
        x=0,
        width=half - 12,
        title="Density change vs baseline (%)",
        values=density,
        labels=[p.label for p in points],
        bounds=(step * ((low // step) if low < 0 else 0), step * -(-high // step), step),
        colour=ACCENT,
        zero_line=True,
    )
    _panel(
        drawing,
        x=half + 12,
        width=half - 12,
        title="Global assessment (−3 worse … +3 improved)",
        values=[
            None if p.global_assessment is None else float(p.global_assessment) for p in points
        ],
        labels=[p.label for p in points],
        bounds=(-3.0, 3.0, 1.0),
        colour=colors.HexColor("#8B5E34"),
        zero_line=True,
    )
    return drawing


def _step(span: float) -> float:
    for step in (2.0, 5.0, 10.0, 20.0, 25.0, 50.0):
        if span / step <= 6:
            return step
    return 100.0


def _panel(
    drawing: Drawing,
    *,
    x: float,
    width: float,
    title: str,
    values: list[float | None],
    labels: list[str],
    bounds: tuple[float, float, float],
    colour: colors.Color,
    zero_line: bool,
) -> None:
    drawing.add(String(x, HEIGHT - 10, title, fontName=BOLD, fontSize=8, fillColor=INK))
    chart = HorizontalLineChart()
    chart.x, chart.y = x + 28, 34
    chart.width, chart.height = width - 34, HEIGHT - 56
    chart.data = [values]
    chart.joinedLines = 1
    chart.lines[0].strokeColor = colour
    chart.lines[0].strokeWidth = 1.6
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4.5, fillColor=colour)
    low, high, step = bounds
    axis = chart.valueAxis
    axis.valueMin, axis.valueMax, axis.valueStep = low, high, step
    axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = REGULAR, 7, MUTED
    axis.visibleGrid = 1
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3
    axis.strokeColor = RULE
    categories = chart.categoryAxis
    categories.categoryNames = labels
    categories.labels.fontName, categories.labels.fontSize = REGULAR, 6.5
    categories.labels.fillColor = MUTED
    categories.labels.boxAnchor = "n"
    categories.labels.dy = -3
    categories.strokeColor = RULE
    categories.joinAxisMode = "bottom"  # labels under the plot, not on the zero line
    drawing.add(chart)
    if zero_line and low < 0 < high:
        y = chart.y + chart.height * (0 - low) / (high - low)
        drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=MUTED, strokeWidth=0.6))
