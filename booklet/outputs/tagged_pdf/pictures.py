"""Pictures for the Typst template: figure drawings, charts and illustrations as plain dicts.

``shapes`` turns a ``Drawing`` (``booklet.figures.drawing``) into plain dicts with colours resolved
to ``#RRGGBB``: one function per primitive, an unknown primitive an error. They carry the units of
``booklet.figures.drawing`` already worked out as the print booklet draws them
(``outputs/pdf/figure.py``): stroke widths times the theme's ``figures.line_width``, dashes in points,
patterns in the stroke colour ``figures.pattern_gap`` apart, person icons from ``person_parts``,
arrowheads 4.5 line widths long. ``chart_drawing`` lays a bar chart out as the same primitives, so
the template draws figures and charts with one drawer; ``illustration`` traces the cover picture.
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


def _unit(theme) -> float:
    return theme.figures.line_width


def _pattern(theme, kind: str | None, colour: str | None) -> dict | None:
    """A pattern as the template draws it: its kind, ink, gap and line width."""
    if kind is None:
        return None
    if kind not in ("hatch", "cross", "dots"):
        raise ValueError(f"the tagged PDF has no pattern '{kind}' (hatch, cross, dots)")
    return {"kind": kind, "ink": _colour(theme, colour or "line"), "gap": theme.figures.pattern_gap,
            "width": _unit(theme) * 0.8}


def box(s: d.Box, theme) -> dict:
    outline = s.stroke if s.stroke_width > 0 else None      # a width of 0: the stroke colour inks the pattern only
    return {"kind": "box", "x": s.x, "y": s.y, "w": s.w, "h": s.h, "fill": _colour(theme, s.fill),
            "stroke": _colour(theme, outline), "stroke_width": s.stroke_width * _unit(theme),
            "radius": min(s.radius, s.w / 2, s.h / 2), "dash": list(s.dash),
            "pattern": _pattern(theme, s.pattern, s.stroke)}


def ellipse(s: d.Ellipse, theme) -> dict:
    return {"kind": "ellipse", "x": s.x, "y": s.y, "w": s.w, "h": s.h, "fill": _colour(theme, s.fill),
            "stroke": _colour(theme, s.stroke), "stroke_width": s.stroke_width * _unit(theme)}


def line(s: d.Line, theme) -> dict:
    """The shaft and, for an arrow, the head: 4.5 line widths long and 5.2 wide, the shaft ending inside it."""
    width = s.stroke_width * _unit(theme)
    x2, y2, head = s.x2, s.y2, []
    if s.arrow:
        length = math.hypot(s.x2 - s.x1, s.y2 - s.y1) or 1.0
        ux, uy = (s.x2 - s.x1) / length, (s.y2 - s.y1) / length
        size, half = width * 4.5, width * 2.6
        bx, by = s.x2 - ux * size, s.y2 - uy * size
        head = [[s.x2, s.y2], [bx - uy * half, by + ux * half], [bx + uy * half, by - ux * half]]
        x2, y2 = bx + ux * size * 0.2, by + uy * size * 0.2
    return {"kind": "line", "x1": s.x1, "y1": s.y1, "x2": x2, "y2": y2, "stroke": _colour(theme, s.stroke),
            "stroke_width": width, "dash": list(s.dash), "head": head}


def label(s: d.Label, theme) -> dict:
    return {"kind": "label", "x": s.x, "y": s.y, "text": s.text, "size": s.size, "colour": _colour(theme, s.colour),
            "bold": s.bold, "anchor": s.anchor}


def person(s: d.Person, theme) -> dict:
    """The head (a circle) and the body (a rounded rectangle) of ``person_parts``."""
    (hx, hy, hw, _), (bx, by, bw, bh), radius = d.person_parts(s)
    return {"kind": "person", "head": [hx, hy, hw], "body": [bx, by, bw, bh], "radius": radius,
            "fill": _colour(theme, s.fill) if s.filled else None, "stroke": _colour(theme, s.stroke),
            "stroke_width": _unit(theme) * (1.0 if s.filled else 0.9),
            "pattern": None if s.filled else _pattern(theme, s.pattern, s.stroke)}


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


def illustration(name: str, size: float, theme) -> list[dict]:
    """The illustration traced from the print booklet's drawing (``web_html.art.trace``), as groups
    of curves sharing a clip: {"clip": [cx, cy, r] or None, "curves": [...]}."""
    from booklet.outputs.web_html.art import trace

    traced = trace(name, size, size, tuple(theme.colours.cover_art))
    groups: list[dict] = []
    for shape in traced.shapes:
        if shape.clip is not None and shape.clip.circle is None:
            raise ValueError(f"the tagged PDF can clip an illustration only to a circle ('{name}')")
        clip = list(shape.clip.circle) if shape.clip else None
        curve = {"segments": [[op, list(values)] for op, values in shape.segments], "fill": shape.fill,
                 "stroke": shape.stroke, "width": shape.width, "cap": shape.cap}
        if groups and groups[-1]["clip"] == clip:
            groups[-1]["curves"].append(curve)
        else:
            groups.append({"clip": clip, "curves": [curve]})
    return groups


def chart_drawing(chart: t.Chart, theme) -> d.Drawing:
    """Grouped bars with a value over each, categories under them, a legend line per series on top;
    the second series and later are hatched, so colour is never the only difference."""
    width, size = theme.editions.chart_width, theme.booklet.chart_label_size
    series_colours = theme.colours.chart_series
    out: list = []
    for n, series in enumerate(chart.series):
        y = n * size * 1.6
        out += [*_bar(0, y, size * 1.2, size * 1.2, series_colours[n % len(series_colours)], MARKS[n % len(MARKS)]),
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
            out += [*_bar(x, bottom - h, bar - 2, h, series_colours[s % len(series_colours)], MARKS[s % len(MARKS)]),
                    d.Label(x + (bar - 2) / 2, bottom - h - 4, series.labels[c], size, bold=True, anchor="middle")]
        out += [d.Label(c * group + group / 2, bottom + size * (1.4 + 1.2 * n), words, size, anchor="middle")
                for n, words in enumerate(names[c])]
    out.append(d.Line(0, bottom, width, bottom, "rule"))
    return d.Drawing(width, height, tuple(out), (chart.title,))


def _bar(x: float, y: float, w: float, h: float, colour: str, mark: str | None) -> list[d.Box]:
    """A bar (or a legend's swatch): its colour, its series' pattern in the paper colour over it (as the
    print booklet hatches its bars), and a thin outline. A stroke width of 0 inks the pattern only."""
    patterned = [d.Box(x, y, w, h, None, "paper", 0.0, pattern=mark)] if mark else []
    return [d.Box(x, y, w, h, colour), *patterned, d.Box(x, y, w, h, None, "text", 0.5)]


def _wrap(words: str, room: float, size: float) -> list[str]:
    most = max(int(room / (size * 0.5)), 4)
    lines: list[str] = []
    for word in str(words).split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
