"""A figure's ``Drawing`` (``booklet.figures``) as reportlab vector graphics for the kit's PDFs.

Every primitive becomes a reportlab shape: boxes, ellipses, lines with arrowheads, text in the
embedded fonts (so the words are real text a reader can search, copy and hear), person icons.
Coordinates are flipped (figures measure y downwards, PDF upwards); colours come from the theme's
figure palette, line widths from ``figures.line_width``, and patterns are clipped to their shape.
"""
from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, Spacer

from booklet import figures
from booklet.errors import fail
from booklet.figures import drawing as d
from booklet.outputs.pdf.base import labelled, para
from booklet.outputs.pdf.chart import hatch_lines
from booklet.typeset.fonts import measurer

KAPPA = 0.5523              # control-point distance of a quarter circle drawn with a cubic Bezier curve


class Painter:
    """Draws one figure's shapes onto a reportlab Drawing in the theme's looks."""

    def __init__(self, theme, fonts: dict[str, str], height: float):
        self.theme, self.fonts, self.height = theme, fonts, height
        self.unit = theme.figures.line_width

    def colour(self, name: str | None):
        return HexColor(figures.colour(self.theme, name)) if name else None

    def y(self, y: float) -> float:
        return self.height - y

    # -- shapes ---------------------------------------------------------------------------------
    def shape(self, shape) -> list:
        match shape:
            case d.Box():
                return self.box(shape)
            case d.Ellipse():
                return [Ellipse(shape.x + shape.w / 2, self.y(shape.y + shape.h / 2), shape.w / 2, shape.h / 2,
                                fillColor=self.colour(shape.fill), strokeColor=self.colour(shape.stroke),
                                strokeWidth=shape.stroke_width * self.unit)]
            case d.Line():
                return self.line(shape)
            case d.Label():
                return [String(shape.x, self.y(shape.y), shape.text, fontName=self.fonts["bold" if shape.bold else "regular"],
                               fontSize=shape.size, fillColor=self.colour(shape.colour), textAnchor=shape.anchor)]
            case d.Person():
                return self.person(shape)
        raise TypeError(f"unknown figure shape {shape!r}")

    def box(self, b: d.Box) -> list:
        y = self.y(b.y + b.h)
        out = []
        if b.fill:
            out.append(Rect(b.x, y, b.w, b.h, rx=b.radius, ry=b.radius, fillColor=self.colour(b.fill),
                            strokeColor=None))
        if b.pattern:
            out.append(self.patterned(rounded(b.x, y, b.w, b.h, b.radius), (b.x, y, b.w, b.h), b.pattern, b.stroke))
        if b.stroke:
            out.append(Rect(b.x, y, b.w, b.h, rx=b.radius, ry=b.radius, fillColor=None,
                            strokeColor=self.colour(b.stroke), strokeWidth=b.stroke_width * self.unit,
                            strokeDashArray=list(b.dash) or None))
        return out

    def line(self, ln: d.Line) -> list:
        width = ln.stroke_width * self.unit
        x1, y1, x2, y2 = ln.x1, self.y(ln.y1), ln.x2, self.y(ln.y2)
        out = []
        if ln.arrow:
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            ux, uy = (x2 - x1) / length, (y2 - y1) / length
            head, half = width * 4.5, width * 2.6
            bx, by = x2 - ux * head, y2 - uy * head
            out.append(Polygon([x2, y2, bx - uy * half, by + ux * half, bx + uy * half, by - ux * half],
                               fillColor=self.colour(ln.stroke), strokeColor=None))
            x2, y2 = bx + ux * head * 0.2, by + uy * head * 0.2   # the shaft stops inside the head, not at its point
        out.insert(0, Line(x1, y1, x2, y2, strokeColor=self.colour(ln.stroke), strokeWidth=width,
                           strokeDashArray=list(ln.dash) or None))
        return out

    def person(self, p: d.Person) -> list:
        (hx, hy, hw, hh), (bx, by, bw, bh), radius = d.person_parts(p)
        head = (hx + hw / 2, self.y(hy + hh / 2), hw / 2)
        body_y = self.y(by + bh)
        width = self.unit * (1.0 if p.filled else 0.9)
        fill = self.colour(p.fill) if p.filled else None
        out = [Circle(*head, fillColor=fill, strokeColor=self.colour(p.stroke), strokeWidth=width),
               Rect(bx, body_y, bw, bh, rx=radius, ry=radius, fillColor=fill, strokeColor=self.colour(p.stroke),
                    strokeWidth=width)]
        if p.pattern and not p.filled:
            out.append(self.patterned(oval(*head), (head[0] - head[2], head[1] - head[2], 2 * head[2], 2 * head[2]),
                                      p.pattern, p.stroke))
            out.append(self.patterned(rounded(bx, body_y, bw, bh, radius), (bx, body_y, bw, bh), p.pattern, p.stroke))
        return out

    def patterned(self, clip: Path, bounds, pattern: str, colour: str | None) -> Group:
        """The pattern's lines or dots over ``bounds``, clipped to the shape's outline."""
        gap, ink = self.theme.figures.pattern_gap, self.colour(colour or "line")
        group = Group(clip)
        x, y, w, h = bounds
        if pattern == "dots":
            r = gap * 0.22
            for i in range(int(w / gap) + 2):
                for j in range(int(h / gap) + 2):
                    group.add(Circle(x + i * gap + (gap / 2 if j % 2 else 0), y + j * gap, r, fillColor=ink,
                                     strokeColor=None))
        else:
            for x1, y1, x2, y2 in hatch_lines(x, y, w, h, 3 if pattern == "cross" else 1, gap):
                group.add(Line(x1, y1, x2, y2, strokeColor=ink, strokeWidth=self.unit * 0.8))
        return group


def rounded(x: float, y: float, w: float, h: float, r: float) -> Path:
    """A rounded rectangle as a clipping path."""
    r = min(r, w / 2, h / 2)
    k = r * (1 - KAPPA)
    p = Path(isClipPath=1, fillColor=None, strokeColor=None)
    p.moveTo(x + r, y)
    p.lineTo(x + w - r, y)
    p.curveTo(x + w - k, y, x + w, y + k, x + w, y + r)
    p.lineTo(x + w, y + h - r)
    p.curveTo(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h)
    p.lineTo(x + r, y + h)
    p.curveTo(x + k, y + h, x, y + h - k, x, y + h - r)
    p.lineTo(x, y + r)
    p.curveTo(x, y + k, x + k, y, x + r, y)
    p.closePath()
    return p


def oval(cx: float, cy: float, r: float) -> Path:
    return rounded(cx - r, cy - r, 2 * r, 2 * r, r)


def vector(drawing: d.Drawing, theme, fonts: dict[str, str]) -> Drawing:
    """``drawing`` as a reportlab Drawing (a flowable), the same size in points."""
    painter = Painter(theme, fonts, drawing.height)
    out = Drawing(drawing.width, drawing.height, initialFontName=fonts["regular"], initialFontSize=12)
    for shape in drawing.shapes:
        for part in painter.shape(shape):
            out.add(part)
    return out


def figure_drawing(node, width: float, theme, fonts: dict[str, str]) -> Drawing:
    """The tree ``Figure`` laid out ``width`` wide at the booklet's figure text size, as vector graphics."""
    laid = figures.layout(node, width, theme.figures.booklet_text_size, measurer(fonts))
    return vector(laid, theme, fonts)


def figure_block(node, width: float, theme, fonts: dict[str, str], *, title_style, text_style,
                 gap: float, max_height: float, use_style=None) -> KeepTogether:
    """The figure as the booklet prints it, kept on one page: its title, the drawing, its text
    equivalent (with its source numbers) under it, then its use line where it has one ("What you can
    do: ..." in ``use_style``, as under a table; left out when no style is given). A drawing taller
    than ``max_height`` (a page's frame) is a located error."""
    drawing = figure_drawing(node, width, theme, fonts)
    if drawing.height > max_height:
        raise fail(node.loc, f"figure '{node.id}' is {drawing.height:.0f} pt tall, more than a page holds "
                             f"({max_height:.0f} pt); use fewer steps or shorter words")
    parts = [para(node.title, title_style, stable=True), drawing, Spacer(1, gap),
             para(node.text, text_style, node.refs, stable=True)]
    if node.use and use_style is not None:     # inside the KeepTogether: never alone at the top of a page
        parts.append(labelled(node.use_label, node.use, use_style, fonts["bold"], stable=True))
    return KeepTogether(parts)
