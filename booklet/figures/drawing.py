"""The primitives every figure is made of, and the drawing that holds them.

Coordinates are points from the drawing's top-left corner, y growing downwards (as in SVG and
PowerPoint; the PDF renderer flips them). Looks are named by role (``fill``, ``stroke`` and
``colour`` name a colour role of the theme's ``figures.palette`` or a theme colour, resolved by
``booklet.figures.colour``; ``pattern`` names a hatching), so colour is never the only thing that
carries meaning: every region that differs by colour also differs by pattern, position or label.

Units every output shares: ``stroke_width`` is a multiple of the theme's ``figures.line_width``
(1 is a normal line); ``dash`` lengths are points; patterns are drawn in the stroke colour with
the theme's ``figures.pattern_gap`` between lines or dots: ``hatch`` is lines rising to the right,
``cross`` lines both ways, ``dots`` a grid of dots.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    """A rectangle (rounded when ``radius`` > 0)."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None          # theme colour name, or None for no fill
    stroke: str | None = None        # theme colour name, or None for no outline
    stroke_width: float = 1.0
    radius: float = 0.0
    pattern: str | None = None       # None | "hatch" | "cross" | "dots": drawn over the fill in the stroke colour
    dash: tuple[float, ...] = ()     # a dashed outline: dash and gap lengths in points


@dataclass(frozen=True)
class Ellipse:
    x: float                         # bounding box
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 1.0


@dataclass(frozen=True)
class Line:
    """A straight line; ``arrow`` puts an arrowhead at the end (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = "text"
    stroke_width: float = 1.0
    arrow: bool = False
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Label:
    """One line of text. ``x`` is where ``anchor`` says (start, middle, end); ``y`` is the baseline."""

    x: float
    y: float
    text: str
    size: float
    colour: str = "text"
    bold: bool = False
    anchor: str = "start"            # start | middle | end


@dataclass(frozen=True)
class Person:
    """A small person icon (head and body, see ``person_parts``) in the box, for icon arrays:
    ``filled`` solid in ``fill``, or outlined in ``stroke`` and, with a ``pattern``, hatched in it."""

    x: float
    y: float
    w: float
    h: float
    filled: bool
    fill: str = "accent"
    stroke: str = "text"
    pattern: str | None = None       # for an outlined person: drawn inside it in the stroke colour


Shape = Box | Ellipse | Line | Label | Person


def person_parts(p: Person) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float], float]:
    """A person icon as every output draws it: the head (a circle: x, y, w, h), the body (a rounded
    rectangle: x, y, w, h) and the body's corner radius, inside the person's box."""
    head = min(p.w * 0.56, p.h * 0.34)
    gap = p.h * 0.05
    body_w = p.w * 0.9
    body = (p.x + (p.w - body_w) / 2, p.y + head + gap, body_w, p.h - head - gap)
    return (p.x + (p.w - head) / 2, p.y, head, head), body, min(body_w, body[3]) * 0.35


@dataclass(frozen=True)
class Drawing:
    """A figure laid out for one output: its size in points and its shapes, in painting order.
    ``title`` is its alt text's first words; ``labels`` are the texts a reader must find in it
    (``verify`` looks for each)."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    labels: tuple[str, ...] = field(default=())
