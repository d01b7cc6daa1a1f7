"""Pictures for the Typst template: figure drawings and charts as lists of primitive dicts.

``shapes`` turns a ``Drawing`` (``booklet.figures.drawing``) into plain dicts with colours resolved
to ``#RRGGBB``: one function per primitive, an unknown primitive an error. ``chart_drawing`` lays a
bar chart out as the same primitives, so the template draws figures and charts with one drawer.
"""
from __future__ import annotations

import math

from booklet.compose import tree as t
from booklet.figures import drawing as d

MARKS = (None, "hatch", "dots", "cross")


def _colour(theme, name: str | None) -> str | None:
    """A theme colour name (or a ``#RRGGBB`` value, as charts give their series) as #RRGGBB."""
    if name is None:
        return None
    from booklet.figures import colour

    return name if name.startswith("#") else colour(theme, name)


def box(s: d.Box, theme) -> dict:
    return {"kind": "box", "x": s.x, "y": s.y, "w": s.w, "h": s.h, "fill": _colour(theme, s.fill),
            "stroke": _colour(theme, s.stroke), "stroke_width": s.stroke_width, "radius": s.radius,
            "pattern": s.pattern, "ink": _colour(theme, s.stroke or "text")}


def ellipse(s: d.Ellipse, theme) -> dict:
    return {"kind": "ellipse", "x": s.x, "y": s.y, "w": s.w, "h": s.h, "fill": _colour(theme, s.fill),
            "stroke": _colour(theme, s.stroke), "stroke_width": s.stroke_width}


def line(s: d.Line, theme) -> dict:
    head = []
    if s.arrow:
        size, angle = 4 + 3 * s.stroke_width, math.atan2(s.y2 - s.y1, s.x2 - s.x1)
        head = [[s.x2, s.y2]] + [[s.x2 - size * math.cos(angle + a), s.y2 - size * math.sin(angle + a)]
                                 for a in (0.45, -0.45)]
    return {"kind": "line", "x1": s.x1, "y1": s.y1, "x2": s.x2, "y2": s.y2, "stroke": _colour(theme, s.stroke),
            "stroke_width": s.stroke_width, "dash": list(s.dash), "head": head}


def label(s: d.Label, theme) -> dict:
    return {"kind": "label", "x": s.x, "y": s.y, "text": s.text, "size": s.size, "colour": _colour(theme, s.colour),
            "bold": s.bold, "anchor": s.anchor}


def person(s: d.Person, theme) -> dict:
    return {"kind": "person", "x": s.x, "y": s.y, "w": s.w, "h": s.h, "filled": s.filled,
            "fill": _colour(theme, s.fill), "stroke": _colour(theme, s.stroke)}


PRIMITIVES = {d.Box: box, d.Ellipse: ellipse, d.Line: line, d.Label: label, d.Person: person}


def shapes(drawing: d.Drawing, theme) -> list[dict]:
    out = []
    for s in drawing.shapes:
        draw = PRIMITIVES.get(type(s))
        if draw is None:
            raise TypeError(f"the tagged PDF cannot draw the figure primitive {type(s).__name__}: "
                            "add a function for it to booklet/outputs/tagged_pdf/pictures.py PRIMITIVES")
        out.append(draw(s, theme))
    return out


def chart_drawing(chart: t.Chart, theme) -> d.Drawing:
    """Grouped bars with a value over each, categories under them, a legend line per series on top;
    the second series and later are hatched, so colour is never the only difference."""
    width, size = theme.editions.chart_width, theme.booklet.chart_label_size
    series_colours = theme.colours.chart_series
    out: list = []
    for n, series in enumerate(chart.series):
        y = n * size * 1.6
        out += [d.Box(0, y, size * 1.2, size * 1.2, series_colours[n % len(series_colours)], "text", 0.5,
                      pattern=MARKS[n % len(MARKS)]),
                d.Label(size * 1.8, y + size, series.name, size)]
    legend = len(chart.series) * size * 1.6
    group = width / max(len(chart.categories), 1)
    names = [_wrap(c, group * 0.95, size) for c in chart.categories]
    rows = max((len(n) for n in names), default=1)
    height = theme.editions.chart_height + legend + size * 1.2 * (rows - 1)
    top, bottom = legend + size * 2, height - size * (1.2 * rows + 0.6)
    peak = max((v for s in chart.series for v in s.values), default=1.0) or 1.0
    bar = group * 0.7 / max(len(chart.series), 1)
    for c, category in enumerate(chart.categories):
        left = c * group + group * 0.15
        for s, series in enumerate(chart.series):
            h = (bottom - top) * series.values[c] / peak
            x = left + s * bar
            out += [d.Box(x, bottom - h, bar - 2, h, series_colours[s % len(series_colours)], "text", 0.5,
                          pattern=MARKS[s % len(MARKS)]),
                    d.Label(x + (bar - 2) / 2, bottom - h - 4, series.labels[c], size, bold=True, anchor="middle")]
        out += [d.Label(c * group + group / 2, bottom + size * (1.4 + 1.2 * n), words, size, anchor="middle")
                for n, words in enumerate(names[c])]
    out.append(d.Line(0, bottom, width, bottom, "rule"))
    return d.Drawing(width, height, tuple(out), (chart.title,))


def _wrap(words: str, room: float, size: float) -> list[str]:
    most = max(int(room / (size * 0.5)), 4)
    lines: list[str] = []
    for word in str(words).split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
