"""Pictures as inline SVG: figure drawings (``booklet.figures.drawing``), bar charts, the QR code.

Every SVG is a picture with a name: ``role="img"``, a ``<title>`` (and a ``<desc>`` with the full
text alternative), labelled by both; its words are real SVG text, so they scale and can be found.
One function per drawing primitive; an unknown primitive is an error, never a silent gap.

Figures follow the units of ``booklet.figures.drawing`` exactly as the print booklet draws them
(``outputs/pdf/figure.py``): a ``stroke_width`` is a multiple of the theme's ``figures.line_width``,
dashes are in points (one SVG unit is one point of the layout), patterns are drawn in the stroke
colour with ``figures.pattern_gap`` between their lines or dots, person icons come from
``person_parts``. Every label carries the width the layout measured it at (``textLength``): the
layout wrapped it with the theme font's metrics, and the page may show another font, so the label is
fitted to that width and never runs out of the box it was wrapped for.
"""
from __future__ import annotations

import dataclasses
import math

from booklet.figures import drawing as d
from booklet.outputs.qr import QUIET, runs
from booklet.outputs.web_html.markup import Markup, el, join


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class Picture:
    """One SVG being drawn: its id (prefix of its patterns' ids), the theme's colours and figure
    units, and ``measure`` (the layout's own text measure, for the labels' ``textLength``)."""

    def __init__(self, ident: str, theme, measure=None):
        self.ident, self.theme, self.measure = ident, theme, measure
        self.unit, self.gap = theme.figures.line_width, theme.figures.pattern_gap
        self.defs: dict[str, Markup] = {}

    def colour(self, name: str | None) -> str:
        if name is None:
            return "none"
        from booklet.figures import colour

        return colour(self.theme, name)   # a palette role or a theme colour; an unknown name fails loudly

    def width(self, multiple: float) -> str:
        return _num(multiple * self.unit)

    def pattern(self, kind: str, colour: str | None) -> str:
        """``url(#id)`` of a pattern in ``colour`` (hatch: lines rising to the right, cross: both
        ways, dots: offset rows of dots), ``pattern_gap`` apart, defined once per picture."""
        ink = self.colour(colour or "line")
        key = f"{self.ident}-{kind}-{ink[1:]}"
        if key not in self.defs:
            g, line = self.gap, self.width(0.8)
            q = g / 4                     # the tile's diagonal, and its ends continued past two corners
            rising = (f"M0,{_num(g)} L{_num(g)},0 M{_num(-q)},{_num(q)} L{_num(q)},{_num(-q)} "
                      f"M{_num(g - q)},{_num(g + q)} L{_num(g + q)},{_num(g - q)}")
            falling = (f"M0,0 L{_num(g)},{_num(g)} M{_num(-q)},{_num(g - q)} L{_num(q)},{_num(g + q)} "
                       f"M{_num(g - q)},{_num(-q)} L{_num(g + q)},{_num(q)}")
            r = _num(g * 0.22)
            marks = {"hatch": [el("path", d=rising, stroke=ink, stroke_width=line)],
                     "cross": [el("path", d=f"{rising} {falling}", stroke=ink, stroke_width=line)],
                     "dots": [el("circle", cx=_num(x), cy=_num(y), r=r, fill=ink)
                              for x, y in ((0, 0), (g, 0), (g / 2, g), (0, 2 * g), (g, 2 * g))]}
            if kind not in marks:
                raise ValueError(f"the web edition has no pattern '{kind}' (hatch, cross, dots)")
            self.defs[key] = el("pattern", *marks[kind], id=key, width=_num(g),
                                height=_num(2 * g if kind == "dots" else g), patternUnits="userSpaceOnUse")
        return f"url(#{key})"

    def svg(self, width: float, height: float, title: str, desc: str, shapes: list[Markup],
            css_class: str = "picture", **attrs) -> Markup:
        title_id, desc_id = f"{self.ident}-title", f"{self.ident}-desc"
        defs = el("defs", *self.defs.values()) if self.defs else None
        return el("svg", el("title", title, id=title_id), el("desc", desc, id=desc_id), defs, *shapes,
                  xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {_num(width)} {_num(height)}",
                  role="img", aria_labelledby=f"{title_id} {desc_id}", class_=css_class, focusable="false",
                  **attrs)


# -- figure drawings: one function per primitive ---------------------------------------------------
def _dash(dash: tuple[float, ...]) -> str | None:
    return " ".join(_num(v) for v in dash) or None


def box(p: Picture, s: d.Box) -> list[Markup]:
    """The fill, the pattern over it (in the stroke colour), then the outline, dashed or not."""
    geometry = dict(x=_num(s.x), y=_num(s.y), width=_num(s.w), height=_num(s.h),
                    rx=_num(min(s.radius, s.w / 2, s.h / 2)) if s.radius else None)
    out = []
    if s.fill:
        out.append(el("rect", **geometry, fill=p.colour(s.fill)))
    if s.pattern:
        out.append(el("rect", **geometry, fill=p.pattern(s.pattern, s.stroke)))
    if s.stroke:
        out.append(el("rect", **geometry, fill="none", stroke=p.colour(s.stroke), stroke_width=p.width(s.stroke_width),
                      stroke_dasharray=_dash(s.dash)))
    return out


def ellipse(p: Picture, s: d.Ellipse) -> list[Markup]:
    return [el("ellipse", cx=_num(s.x + s.w / 2), cy=_num(s.y + s.h / 2), rx=_num(s.w / 2), ry=_num(s.h / 2),
               fill=p.colour(s.fill), stroke=p.colour(s.stroke),
               stroke_width=p.width(s.stroke_width) if s.stroke else None)]


def arrow_head(x1: float, y1: float, x2: float, y2: float, width: float) -> tuple[list[tuple[float, float]],
                                                                                    tuple[float, float]]:
    """(the three corners of an arrowhead ending at (x2, y2) along the line, where the shaft stops):
    the head is 4.5 line widths long and 5.2 wide, as the print booklet draws it."""
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head, half = width * 4.5, width * 2.6
    bx, by = x2 - ux * head, y2 - uy * head
    corners = [(x2, y2), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]
    return corners, (bx + ux * head * 0.2, by + uy * head * 0.2)   # the shaft ends inside the head


def line(p: Picture, s: d.Line) -> list[Markup]:
    ink, width = p.colour(s.stroke), s.stroke_width * p.unit
    x2, y2, head = s.x2, s.y2, None
    if s.arrow:
        corners, (x2, y2) = arrow_head(s.x1, s.y1, s.x2, s.y2, width)
        head = el("polygon", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in corners), fill=ink)
    shaft = el("line", x1=_num(s.x1), y1=_num(s.y1), x2=_num(x2), y2=_num(y2), stroke=ink, stroke_width=_num(width),
               stroke_dasharray=_dash(s.dash))
    return [shaft, head] if head else [shaft]


def label(p: Picture, s: d.Label) -> list[Markup]:
    """One line of text at its baseline, fitted to the width the layout measured it at."""
    length = p.measure(s.text, s.size, s.bold) if p.measure and s.text.strip() else None
    return [el("text", s.text, x=_num(s.x), y=_num(s.y), font_size=_num(s.size), fill=p.colour(s.colour),
               font_weight="bold" if s.bold else None, text_anchor=s.anchor if s.anchor != "start" else None,
               textLength=_num(length) if length else None,
               lengthAdjust="spacingAndGlyphs" if length else None)]


def person(p: Picture, s: d.Person) -> list[Markup]:
    """The head (a circle) and body (a rounded rectangle) of ``person_parts``: solid in the fill
    colour, or outlined in the stroke colour and, with a pattern, filled with it. An icon array
    repeats one person a hundred times: each look is defined once and placed with ``<use>``."""
    key = f"{p.ident}-person-{_num(s.w)}-{_num(s.h)}-{int(s.filled)}-{s.fill}-{s.stroke}-{s.pattern}"
    if key not in p.defs:
        (hx, hy, hw, _), (bx, by, bw, bh), radius = d.person_parts(dataclasses.replace(s, x=0.0, y=0.0))
        fill = p.colour(s.fill) if s.filled else p.pattern(s.pattern, s.stroke) if s.pattern else "none"
        ink, width = p.colour(s.stroke), p.width(1.0 if s.filled else 0.9)
        p.defs[key] = el("g", el("circle", cx=_num(hx + hw / 2), cy=_num(hy + hw / 2), r=_num(hw / 2)),
                         el("rect", x=_num(bx), y=_num(by), width=_num(bw), height=_num(bh), rx=_num(radius)),
                         id=key, fill=fill, stroke=ink, stroke_width=width)
    return [el("use", href=f"#{key}", x=_num(s.x), y=_num(s.y))]


PRIMITIVES = {d.Box: box, d.Ellipse: ellipse, d.Line: line, d.Label: label, d.Person: person}


def shape(p: Picture, s) -> list[Markup]:
    draw = PRIMITIVES.get(type(s))
    if draw is None:
        raise TypeError(f"the web edition cannot draw the figure primitive {type(s).__name__}: "
                        "add a function for it to booklet/outputs/web_html/svg.py PRIMITIVES")
    return draw(p, s)


def drawing_svg(drawing: d.Drawing, ident: str, title: str, alt: str, theme, measure=None, css_class: str = "",
                **attrs) -> Markup:
    """A laid-out figure as an inline SVG picture named by its title and described by its alt text;
    ``measure`` is the one the layout wrapped its labels with."""
    picture = Picture(ident, theme, measure)
    shapes = [m for s in drawing.shapes for m in shape(picture, s)]
    return picture.svg(drawing.width, drawing.height, title, alt, shapes,
                       " ".join(("figure-drawing", css_class)).strip(), **attrs)


def qr_svg(url: str, ident: str, alt: str, colour: str) -> Markup:
    """The QR code for ``url``: dark modules as one path on a light square, named by ``alt``."""
    count, dark = runs(url)
    side = count + 2 * QUIET
    path = " ".join(f"M{QUIET + x},{QUIET + y}h{n}v1h-{n}z" for x, y, n in dark)
    return el("svg", el("title", alt, id=f"{ident}-title"), el("rect", width=side, height=side, fill="#FFFFFF"),
              el("path", d=path, fill=colour), xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {side} {side}",
              role="img", aria_labelledby=f"{ident}-title", class_="qr", focusable="false",
              shape_rendering="crispEdges")


__all__ = ["Picture", "drawing_svg", "qr_svg", "join", "PRIMITIVES"]
