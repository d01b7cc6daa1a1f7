"""Bar charts for the kit's PDFs, drawn as reportlab vector graphics.

Series differ by hatching as well as by colour, every bar carries its value as printed in the
table, and every size, colour and font comes from the caller (theme), so the booklet and the
handouts can share this.
"""
from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit

from booklet.compose import tree as t
from booklet.outputs.pdf.base import colour
from booklet.typeset.fonts import width as stringWidth


# -- charts -------------------------------------------------------------------------------------
def hatch_lines(x: float, y: float, w: float, h: float, pattern: int, gap: float):
    """Line segments hatching the rectangle: 0 none, 1 '/', 2 '\\', 3 both (crossed)."""
    if pattern in (1, 3):
        c = -w
        while c < h:
            lo, hi = max(0.0, -c), min(w, h - c)
            if hi > lo:
                yield x + lo, y + c + lo, x + hi, y + c + hi
            c += gap
    if pattern in (2, 3):
        c = gap
        while c < h + w:
            lo, hi = max(0.0, c - h), min(w, c)
            if hi > lo:
                yield x + lo, y + c - lo, x + hi, y + c - hi
            c += gap


class HatchedBarChart(VerticalBarChart):
    """A vertical bar chart whose series differ by hatching as well as by colour."""

    _attrMap = AttrMap(BASE=VerticalBarChart, hatchGap=AttrMapValue(None), hatchColour=AttrMapValue(None),
                       hatchWidth=AttrMapValue(None))

    def _makeBar(self, g, x, y, width, height, rowNo, style):
        super()._makeBar(g, x, y, width, height, rowNo, style)
        for x1, y1, x2, y2 in hatch_lines(x, y, width, height, rowNo % 4, self.hatchGap):
            g.add(Line(x1, y1, x2, y2, strokeColor=self.hatchColour, strokeWidth=self.hatchWidth))


def bar_chart(node: t.Chart, width: float, height: float, theme, *, font: str, size: float,
              hatch_gap: float, rule_width: float) -> Drawing:
    """The chart as vector bars: each bar's value printed above it, a hatched legend on top."""
    series = [(s.name, list(s.values)) for s in node.series]
    text, rule, paper = colour(theme, "text"), colour(theme, "rule"), colour(theme, "background")
    palette = [HexColor(c) for c in theme.colours.chart_series]
    line = size * 1.25
    drawing = Drawing(width, height, initialFontName=font, initialFontSize=size)
    top = height
    for row in _legend_rows([name for name, _ in series], width, font, size):
        top -= line * 1.3
        x = 0.0
        for i, name in row:
            swatch = (x, top, size * 1.4, size)
            drawing.add(Rect(*swatch, fillColor=palette[i % len(palette)], strokeColor=text,
                             strokeWidth=rule_width * 0.6))
            for x1, y1, x2, y2 in hatch_lines(*swatch, i % 4, hatch_gap * 0.8):
                drawing.add(Line(x1, y1, x2, y2, strokeColor=paper, strokeWidth=rule_width * 1.2))
            drawing.add(String(x + size * 2, top + size * 0.15, name, fontName=font, fontSize=size, fillColor=text))
            x += _legend_width(name, font, size)
    step, highest = _value_axis(series)
    chart = HatchedBarChart()
    chart.hatchGap, chart.hatchColour, chart.hatchWidth = hatch_gap, paper, rule_width * 1.4
    categories = list(node.categories)
    axis_width = stringWidth(f"{highest:g}", font, size) + size
    chart.x, chart.width = axis_width, width - axis_width - size * 0.5
    group = chart.width / max(len(categories), 1) * 0.92
    chart.y = max(len(simpleSplit(c, font, size, group)) for c in categories) * line + size
    chart.height = top - line * 2.2 - chart.y
    chart.data = [values for _, values in series]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(s.labels) for s in node.series]
    chart.groupSpacing, chart.barSpacing = size, size * 0.2
    axis, values = chart.categoryAxis, chart.valueAxis
    axis.categoryNames = categories
    axis.labels.maxWidth, axis.labels.boxAnchor, axis.labels.dy = group, "n", -size * 0.4
    values.valueMin, values.valueMax, values.valueStep = 0, highest, step
    values.visibleGrid, values.gridStrokeColor, values.gridStrokeWidth = 1, rule, rule_width * 0.4
    for label in (axis.labels, values.labels, chart.barLabels):
        label.fontName, label.fontSize, label.fillColor = font, size, text
    chart.barLabels.boxAnchor, chart.barLabels.nudge = "s", size * 0.3
    axis.strokeColor = values.strokeColor = rule
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor, chart.bars[i].strokeWidth = text, rule_width * 0.6
    drawing.add(chart)
    return drawing


def _legend_width(name: str, font: str, size: float) -> float:
    return size * 3.5 + stringWidth(name, font, size)


def _legend_rows(names: list[str], width: float, font: str, size: float) -> list[list[tuple[int, str]]]:
    rows: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for i, name in enumerate(names):
        need = _legend_width(name, font, size)
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append((i, name))
        used += need
    return rows


def _value_axis(series) -> tuple[float, float]:
    """(step, top) of the value axis: a round step (1, 2 or 5 times a power of ten), top at or above the data."""
    biggest = max((v for _, values in series for v in values), default=0.0) or 1.0
    power = 10.0 ** math.floor(math.log10(biggest))
    step = next(power * k for k in (0.2, 0.5, 1, 2) if biggest / (power * k) <= 6)
    return step, step * math.ceil(biggest / step)
