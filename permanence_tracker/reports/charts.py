"""Charts drawn with reportlab's own graphics (vector, embedded fonts, no image files).

Each chart shows the numbers it is drawn from (value labels on the bars), so a printed copy
can be read without the table beside it, and the table beside it can be checked against it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from permanence_tracker.reports.fonts import BOLD, REGULAR

SERIES_COLOURS = (colors.HexColor("#2b5c8a"), colors.HexColor("#c07a2c"),
                  colors.HexColor("#5b8c3a"))


def _nice_top(value: float) -> int:
    """A round axis maximum a little above ``value`` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value * 1.1 <= step * power:
            return int(step * power)
    return int(10 * power)


def _step(top: int) -> int:
    """Axis step giving about five gridlines."""
    return max(1, top // 5)


def bar_chart(labels: Sequence[str], series: Sequence[Sequence[int]], width: float,
              height: float, caption: str, names: Sequence[str] = ()) -> Drawing:
    """Vertical bars, one group per label and one bar per series, values printed on top.

    ``names`` labels the series in a legend line under the caption when there is more than one.
    """
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, caption, fontName=BOLD, fontSize=9))
    if len(names) > 1:
        x = 0.0
        for index, name in enumerate(names):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            drawing.add(String(x, height - 22, "■ ", fontName=REGULAR, fontSize=8,
                               fillColor=colour))
            drawing.add(String(x + 9, height - 22, name, fontName=REGULAR, fontSize=8))
            x += 18 + len(name) * 5
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 28
    plot_height = height - 28 - (38 if len(names) > 1 else 26)
    # types-reportlab declares PlotArea.width/height int; reportlab lays out any number.
    chart.width, chart.height = width - 44, plot_height  # type: ignore[assignment]
    chart.data = [list(values) for values in series]
    top = _nice_top(max((max(values, default=0) for values in series), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = _step(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0 if len(labels) <= 8 else 35
    chart.categoryAxis.labels.boxAnchor = "n" if len(labels) <= 8 else "ne"
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    chart.groupSpacing = 6
    for index in range(len(series)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    return drawing
