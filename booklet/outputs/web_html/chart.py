"""A bar chart as an inline SVG picture: grouped bars, a value over every bar, a legend, hatching.

Series differ by colour AND by hatching (the second series hatched, the third dotted ...), so
colour is never the only thing that tells them apart. The picture is named by the chart's title and
described by its alt text, which states every value; the data table goes beside it (``blocks``).

A chart stands in a phone's column or beside its table, never wider, so it is laid out once at the
figures' phone width and label size (``figures.sizes``), its words wrapped with the theme font's
metrics and fitted to the width measured (``textLength``), like a figure's labels.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.figures import text as tx
from booklet.outputs.web_html.markup import Markup, el
from booklet.outputs.web_html.svg import _num

MARKS = ("", "hatch", "dots", "cross")


def _mark(ident: str, index: int, colour: str, paper: str) -> tuple[str, Markup | None]:
    """The fill of series ``index``: its colour, hatched in the paper colour from the second series on."""
    kind = MARKS[index % len(MARKS)]
    if not kind:
        return colour, None
    shapes = {"hatch": el("path", d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5", stroke=paper, stroke_width="1.6"),
              "dots": el("circle", cx="3", cy="3", r="1.2", fill=paper),
              "cross": el("path", d="M0,6 L6,0 M0,0 L6,6", stroke=paper, stroke_width="1.2")}[kind]
    pattern_id = f"{ident}-series-{index}"
    pattern = el("pattern", el("rect", width="6", height="6", fill=colour), shapes, id=pattern_id, width="6",
                 height="6", patternUnits="userSpaceOnUse")
    return f"url(#{pattern_id})", pattern


def _text(words: str, x: float, y: float, size: float, measure, colour: str, bold: bool = False,
          anchor: str = "start") -> Markup:
    return el("text", words, x=_num(x), y=_num(y), font_size=_num(size), fill=colour,
              font_weight="bold" if bold else None, text_anchor=anchor if anchor != "start" else None, textLength=_num(measure(words, size, bold)),
              lengthAdjust="spacingAndGlyphs")


def chart_svg(chart: t.Chart, ident: str, theme) -> Markup:
    from booklet.outputs.web_html.figures import sizes
    from booklet.typeset.fonts import measurer, register_family

    measure = measurer(register_family(theme))
    looks, colours = theme.editions, theme.colours
    width, size = sizes(theme).narrow, sizes(theme).text
    height = looks.chart_height
    text, rule = colours.text, colours.rule
    fills, defs = [], []
    for index, _ in enumerate(chart.series):
        fill, pattern = _mark(ident, index, colours.chart_series[index % len(colours.chart_series)], colours.background)
        fills.append(fill)
        defs += [pattern] if pattern is not None else []
    shapes: list[Markup] = []
    legend = 0.0
    for fill, series in zip(fills, chart.series):   # the legend: a swatch and the series' name, wrapped, on top
        lines = tx.wrap(series.name, width - size * 1.8, size, measure)
        shapes += [el("rect", x="1", y=_num(legend + 2), width=_num(size * 1.2), height=_num(size * 1.2), fill=fill,
                      stroke=text, stroke_width="0.5"),
                   *(_text(line, size * 1.8, legend + 2 + size + n * size * tx.LEADING, size, measure, text)
                     for n, line in enumerate(lines.lines))]
        legend += size * 0.4 + max(size * 1.2, lines.height) + size * 0.2
    group = width / max(len(chart.categories), 1)
    names_ = [tx.wrap(category, group * 0.92, size, measure) for category in chart.categories]
    rows = max((len(n.lines) for n in names_), default=1)
    height += size * tx.LEADING * (rows - 1) + legend
    top, bottom = legend + size * 2, height - size * (tx.LEADING * rows + 0.6)
    peak = max((v for s in chart.series for v in s.values), default=1.0) or 1.0
    bar = group * 0.8 / max(len(chart.series), 1)
    for c, category in enumerate(chart.categories):
        left = c * group + group * 0.1
        for s, series in enumerate(chart.series):
            value = series.values[c]
            h = (bottom - top) * value / peak
            bx = left + s * bar
            shapes += [el("rect", x=_num(bx), y=_num(bottom - h), width=_num(bar - 2), height=_num(h), fill=fills[s],
                          stroke=text, stroke_width="0.5"),
                       _text(series.labels[c], bx + (bar - 2) / 2, bottom - h - 4, size * 0.9, measure, text, True,
                             "middle")]
        middle = c * group + group / 2
        shapes += [_text(line, middle, bottom + size * 1.2 + n * size * tx.LEADING, size, measure, text,
                         anchor="middle") for n, line in enumerate(names_[c].lines)]
    shapes.append(el("line", x1="0", y1=_num(bottom), x2=_num(width), y2=_num(bottom), stroke=rule))
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    return el("svg", el("title", chart.title, id=title_id), el("desc", chart.alt, id=desc_id),
              el("defs", *defs) if defs else None, *shapes, xmlns="http://www.w3.org/2000/svg",
              viewBox=f"0 0 {_num(width)} {_num(height)}", role="img", aria_labelledby=f"{title_id} {desc_id}",
              class_="chart", focusable="false")
