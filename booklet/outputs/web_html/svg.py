"""Pictures as inline SVG: figure drawings (``booklet.figures.drawing``), bar charts, the QR code.

Every SVG is a picture with a name: ``role="img"``, a ``<title>`` (and a ``<desc>`` with the full
text alternative), labelled by both; its words are real SVG text, so they scale and can be found.
One function per drawing primitive; an unknown primitive is an error, never a silent gap.
"""
from __future__ import annotations

import math

from booklet.figures import drawing as d
from booklet.outputs.qr import QUIET, runs
from booklet.outputs.web_html.markup import Markup, el, join


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class Picture:
    """One SVG being drawn: its id (prefix of its patterns' ids) and the theme's colours."""

    def __init__(self, ident: str, theme):
        self.ident, self.theme = ident, theme
        self.defs: dict[str, Markup] = {}

    def colour(self, name: str | None) -> str:
        if name is None:
            return "none"
        from booklet.figures import colour

        return colour(self.theme, name)   # a palette role or a theme colour; an unknown name fails loudly

    def pattern(self, kind: str, colour: str, gap: float = 6.0) -> str:
        """The id of a hatching in ``colour`` (hatch, cross, dots), defined once per picture."""
        key = f"{self.ident}-{kind}-{self.colour(colour)[1:]}"
        if key not in self.defs:
            ink = self.colour(colour)
            marks = {"hatch": [el("path", d=f"M0,{_num(gap)} L{_num(gap)},0", stroke=ink, stroke_width="1.2")],
                     "cross": [el("path", d=f"M0,{_num(gap)} L{_num(gap)},0 M0,0 L{_num(gap)},{_num(gap)}",
                                  stroke=ink, stroke_width="1")],
                     "dots": [el("circle", cx=_num(gap / 2), cy=_num(gap / 2), r=_num(gap / 6), fill=ink)]}[kind]
            self.defs[key] = el("pattern", *marks, id=key, width=_num(gap), height=_num(gap),
                                patternUnits="userSpaceOnUse")
        return key

    def svg(self, width: float, height: float, title: str, desc: str, shapes: list[Markup],
            css_class: str = "picture") -> Markup:
        title_id, desc_id = f"{self.ident}-title", f"{self.ident}-desc"
        defs = el("defs", *self.defs.values()) if self.defs else None
        return el("svg", el("title", title, id=title_id), el("desc", desc, id=desc_id), defs, *shapes,
                  xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {_num(width)} {_num(height)}",
                  role="img", aria_labelledby=f"{title_id} {desc_id}", class_=css_class, focusable="false")


# -- figure drawings: one function per primitive ---------------------------------------------------
def box(p: Picture, s: d.Box) -> list[Markup]:
    geometry = dict(x=_num(s.x), y=_num(s.y), width=_num(s.w), height=_num(s.h),
                    rx=_num(s.radius) if s.radius else None)
    out = [el("rect", **geometry, fill=p.colour(s.fill), stroke=p.colour(s.stroke),
              stroke_width=_num(s.stroke_width) if s.stroke else None)]
    if s.pattern:
        out.append(el("rect", **geometry, fill=f"url(#{p.pattern(s.pattern, s.stroke or 'text')})"))
    return out


def ellipse(p: Picture, s: d.Ellipse) -> list[Markup]:
    return [el("ellipse", cx=_num(s.x + s.w / 2), cy=_num(s.y + s.h / 2), rx=_num(s.w / 2), ry=_num(s.h / 2),
               fill=p.colour(s.fill), stroke=p.colour(s.stroke),
               stroke_width=_num(s.stroke_width) if s.stroke else None)]


def arrow_head(x1: float, y1: float, x2: float, y2: float, size: float) -> list[tuple[float, float]]:
    """The three corners of an arrowhead ending at (x2, y2), pointing along the line."""
    angle = math.atan2(y2 - y1, x2 - x1)
    return [(x2, y2)] + [(x2 - size * math.cos(angle + turn), y2 - size * math.sin(angle + turn))
                         for turn in (0.45, -0.45)]


def line(p: Picture, s: d.Line) -> list[Markup]:
    ink = p.colour(s.stroke)
    out = [el("line", x1=_num(s.x1), y1=_num(s.y1), x2=_num(s.x2), y2=_num(s.y2), stroke=ink,
              stroke_width=_num(s.stroke_width), stroke_dasharray=" ".join(_num(v) for v in s.dash) or None)]
    if s.arrow:
        corners = arrow_head(s.x1, s.y1, s.x2, s.y2, 4 + 3 * s.stroke_width)
        out.append(el("polygon", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in corners), fill=ink))
    return out


def label(p: Picture, s: d.Label) -> list[Markup]:
    return [el("text", s.text, x=_num(s.x), y=_num(s.y), font_size=_num(s.size), fill=p.colour(s.colour),
               font_weight="bold" if s.bold else None, text_anchor=s.anchor if s.anchor != "start" else None)]


def person(p: Picture, s: d.Person) -> list[Markup]:
    """A head and shoulders in the box: filled in the fill colour, or outlined only."""
    fill = p.colour(s.fill) if s.filled else "none"
    ink = p.colour(s.stroke)
    head = s.w * 0.22
    cx = s.x + s.w / 2
    body = (f"M{_num(s.x + s.w * 0.15)},{_num(s.y + s.h)} L{_num(s.x + s.w * 0.15)},{_num(s.y + s.h * 0.62)} "
            f"Q{_num(cx)},{_num(s.y + s.h * 0.36)} {_num(s.x + s.w * 0.85)},{_num(s.y + s.h * 0.62)} "
            f"L{_num(s.x + s.w * 0.85)},{_num(s.y + s.h)} Z")
    return [el("circle", cx=_num(cx), cy=_num(s.y + head + s.h * 0.02), r=_num(head), fill=fill, stroke=ink),
            el("path", d=body, fill=fill, stroke=ink)]


PRIMITIVES = {d.Box: box, d.Ellipse: ellipse, d.Line: line, d.Label: label, d.Person: person}


def shape(p: Picture, s) -> list[Markup]:
    draw = PRIMITIVES.get(type(s))
    if draw is None:
        raise TypeError(f"the web edition cannot draw the figure primitive {type(s).__name__}: "
                        "add a function for it to booklet/outputs/web_html/svg.py PRIMITIVES")
    return draw(p, s)


def drawing_svg(drawing: d.Drawing, ident: str, title: str, alt: str, theme) -> Markup:
    """A laid-out figure as an inline SVG picture named by its title and described by its alt text."""
    picture = Picture(ident, theme)
    shapes = [m for s in drawing.shapes for m in shape(picture, s)]
    return picture.svg(drawing.width, drawing.height, title, alt, shapes, "figure-drawing")


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
