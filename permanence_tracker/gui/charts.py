"""QtCharts for the dashboard, drawn from the palette, and a panel that saves one as PNG.

Colours come from the widget's palette (light or dark): bars in the highlight colour, text,
axes and values in the text colour, so nothing is hard-coded that breaks dark mode. Nothing
is told by colour alone: every bar carries its value and a category label, the caseload band
lines differ by pen style as well as by name, and each chart has a one-line summary in words
under it (also its accessible description). Fonts follow the application font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication

LEFT, BOTTOM = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom


@dataclass(frozen=True)
class Bars:
    """One bar series: category labels and values, with the value axis title."""

    labels: Sequence[str]
    values: Sequence[float]
    unit: str  # value axis title, e.g. "children"
    decimals: int = 0


def _colours(palette: QPalette) -> tuple[QColor, QColor, QColor, QColor]:
    """Text, base, mid and highlight, from the active group."""
    group = QPalette.ColorGroup.Active
    return (palette.color(group, QPalette.ColorRole.Text),
            palette.color(group, QPalette.ColorRole.Base),
            palette.color(group, QPalette.ColorRole.Mid),
            palette.color(group, QPalette.ColorRole.Highlight))


def new_chart(title: str, palette: QPalette) -> QChart:
    text, base, _mid, _ = _colours(palette)
    chart = QChart()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(title)
    font = QFont(QApplication.font())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(text)
    chart.setBackgroundBrush(base)
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setLabelColor(text)
    chart.legend().setFont(QApplication.font())
    return chart


def _axis_style(axis: QAbstractAxis, palette: QPalette, title: str = "") -> None:
    text, _base, mid, _ = _colours(palette)
    axis.setLabelsFont(QApplication.font())
    axis.setLabelsBrush(text)
    axis.setLinePenColor(text)
    axis.setGridLineColor(mid)
    if title:
        axis.setTitleText(title)
        axis.setTitleBrush(text)
        axis.setTitleFont(QApplication.font())


def _value_axis(top: float, palette: QPalette, title: str, decimals: int = 0) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top * 1.15, 1))  # room for the value labels beyond the longest bar
    axis.applyNiceNumbers()
    axis.setLabelFormat("%d" if decimals == 0 else f"%.{decimals}f")
    _axis_style(axis, palette, title)
    return axis


def bar_chart(title: str, bars: Bars, palette: QPalette, horizontal: bool = True) -> QChart:
    """Bars with their values printed at the ends; category labels on the other axis."""
    return _bar_chart(title, bars, palette, horizontal)[0]


def _bar_chart(title: str, bars: Bars, palette: QPalette, horizontal: bool = True
               ) -> tuple[QChart, QBarCategoryAxis, QValueAxis]:
    """The bar chart, its category axis and its value axis."""
    text, _base, _mid, highlight = _colours(palette)
    chart = new_chart(title, palette)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    labels, values = list(bars.labels), [float(v) for v in bars.values]
    if horizontal:  # the first category is drawn at the bottom: reverse to read top down
        labels.reverse()
        values.reverse()
    bar_set = QBarSet(bars.unit)
    bar_set.append(values)
    bar_set.setColor(highlight)
    bar_set.setBorderColor(text)
    bar_set.setLabelColor(text)
    bar_set.setLabelFont(QApplication.font())
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(6)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(labels or [""])
    _axis_style(categories, palette)
    value_axis = _value_axis(max(bars.values, default=0), palette, bars.unit, bars.decimals)
    chart.addAxis(categories, LEFT if horizontal else BOTTOM)
    chart.addAxis(value_axis, BOTTOM if horizontal else LEFT)
    series.attachAxis(categories)
    series.attachAxis(value_axis)
    chart.legend().hide()  # one series: the axis title says what the bars count
    return chart, categories, value_axis


def caseload_chart(title: str, bars: Bars, low: int, high: int, palette: QPalette) -> QChart:
    """Per-FTE bars for each IRO (read top down), with the band's two ends as lines across
    them (dashed low, dotted high, each named with its value in the legend)."""
    chart, categories, values = _bar_chart(title, bars, palette)  # horizontal bars
    text = _colours(palette)[0]
    values.setRange(0, max([*bars.values, high], default=high) * 1.15)
    values.applyNiceNumbers()
    rows = max(len(bars.labels), 1)
    for level, name, style in ((low, "low", Qt.PenStyle.DashLine),
                               (high, "high", Qt.PenStyle.DotLine)):
        line = QLineSeries()
        line.setName(f"Band {name}: {level} per FTE")
        line.append([QPointF(level, -0.5), QPointF(level, rows - 0.5)])
        line.setPen(QPen(text, 2, style))
        chart.addSeries(line)
        line.attachAxis(values)
        line.attachAxis(categories)
    legend = chart.legend()
    legend.show()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
    for marker in legend.markers():
        if marker.series() is chart.series()[0]:
            marker.setVisible(False)  # the bars are named by the axis title
    return chart


def trend_chart(title: str, labels: Sequence[str], values: Sequence[int], palette: QPalette,
                unit: str = "children", every: int = 3) -> QChart:
    """A line with a point per month; every ``every``-th month labelled, counting back from
    the latest so the last month always has its label."""
    text, _base, _mid, highlight = _colours(palette)
    chart = new_chart(title, palette)
    series = QLineSeries()
    series.setName(unit)
    series.append([QPointF(i, v) for i, v in enumerate(values)])
    series.setPen(QPen(highlight, 3))
    series.setPointsVisible(True)
    chart.addSeries(series)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(-0.5, max(len(values) - 0.5, 0.5))
    axis.setStartValue(-0.5)
    for i in sorted(range(len(labels) - 1, -1, -every)):  # end values must increase
        axis.append(labels[i], i)
    _axis_style(axis, palette)
    chart.addAxis(axis, BOTTOM)
    series.attachAxis(axis)
    values_axis = _value_axis(max(values, default=0), palette, unit)
    chart.addAxis(values_axis, LEFT)
    series.attachAxis(values_axis)
    chart.legend().hide()
    return chart


def make_view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its figures are in words under it
    return view
