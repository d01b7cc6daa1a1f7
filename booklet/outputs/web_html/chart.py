"""A bar chart as an inline SVG picture: grouped bars, a value over every bar, a legend, hatching.

Series differ by colour AND by hatching (the second series hatched, the third dotted ...), so
colour is never the only thing that tells them apart. The picture is named by the chart's title and
described by its alt text, which states every value; the data table goes beside it (``blocks``).
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.outputs.web_html.markup import Markup, el
from booklet.outputs.web_html.svg import _num

MARKS = ("", "hatch", "dots", "cross")


def _mark(ident: str, index: int, colour: str) -> tuple[str, Markup | None]:
    """The fill of series ``index``: its colour, with a white hatching over it from the second series on."""
    kind = MARKS[index % len(MARKS)]
    if not kind:
        return colour, None
    shapes = {"hatch": el("path", d="M0,6 L6,0", stroke="#FFFFFF", stroke_width="1.6"),
              "dots": el("circle", cx="3", cy="3", r="1.2", fill="#FFFFFF"),
              "cross": el("path", d="M0,6 L6,0 M0,0 L6,6", stroke="#FFFFFF", stroke_width="1.2")}[kind]
    pattern_id = f"{ident}-series-{index}"
    pattern = el("pattern", el("rect", width="6", height="6", fill=colour), shapes, id=pattern_id, width="6",
                 height="6", patternUnits="userSpaceOnUse")
    return f"url(#{pattern_id})", pattern


def wrap(words: str, room: float, size: float) -> list[str]:
    """``words`` in lines about ``room`` wide at ``size`` (half an em per character: a fair average
    for the sans-serif the page uses; the SVG scales with the page, so the guess need not be exact)."""
    most = max(int(room / (size * 0.52)), 4)
    lines: list[str] = []
    for word in str(words).split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def chart_svg(chart: t.Chart, ident: str, theme) -> Markup:
    looks, colours = theme.editions, theme.colours
    width, height = looks.chart_width, looks.chart_height
    size = theme.booklet.chart_label_size * 1.25   # the picture shrinks on a phone: its words start larger
    text, rule = colours.text, colours.rule
    fills, defs = [], []
    for index, _ in enumerate(chart.series):
        fill, pattern = _mark(ident, index, colours.chart_series[index % len(colours.chart_series)])
        fills.append(fill)
        defs += [pattern] if pattern is not None else []
    shapes: list[Markup] = []
    for n, (fill, series) in enumerate(zip(fills, chart.series)):   # the legend: a line per series, on top
        y = 2 + n * size * 1.6
        shapes += [el("rect", x="1", y=_num(y), width=_num(size * 1.2), height=_num(size * 1.2), fill=fill,
                      stroke=text, stroke_width="0.5"),
                   el("text", series.name, x=_num(size * 1.8), y=_num(y + size), font_size=_num(size), fill=text)]
    legend = len(chart.series) * size * 1.6
    group = width / max(len(chart.categories), 1)
    names = [wrap(category, group * 0.95, size) for category in chart.categories]
    rows = max(len(n) for n in names) if names else 1
    height += size * 1.2 * (rows - 1) + legend
    top, bottom = legend + size * 2, height - size * (1.2 * rows + 0.6)
    peak = max((v for s in chart.series for v in s.values), default=1.0) or 1.0
    bar = group * 0.7 / max(len(chart.series), 1)
    for c, category in enumerate(chart.categories):
        left = c * group + group * 0.15
        for s, series in enumerate(chart.series):
            value = series.values[c]
            h = (bottom - top) * value / peak
            bx = left + s * bar
            shapes += [el("rect", x=_num(bx), y=_num(bottom - h), width=_num(bar - 2), height=_num(h), fill=fills[s],
                          stroke=text, stroke_width="0.5"),
                       el("text", series.labels[c], x=_num(bx + (bar - 2) / 2), y=_num(bottom - h - 4),
                          font_size=_num(size), font_weight="bold", text_anchor="middle", fill=text)]
        middle = c * group + group / 2
        lines = [el("tspan", line, x=_num(middle), dy=_num(size * 1.2) if n else None) for n, line in enumerate(names[c])]
        shapes.append(el("text", *lines, x=_num(middle), y=_num(bottom + size * 1.4), font_size=_num(size),
                         text_anchor="middle", fill=text))
    shapes.append(el("line", x1="0", y1=_num(bottom), x2=_num(width), y2=_num(bottom), stroke=rule))
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    return el("svg", el("title", chart.title, id=title_id), el("desc", chart.alt, id=desc_id),
              el("defs", *defs) if defs else None, *shapes, xmlns="http://www.w3.org/2000/svg",
              viewBox=f"0 0 {_num(width)} {_num(height)}", role="img", aria_labelledby=f"{title_id} {desc_id}",
              class_="chart", focusable="false")
