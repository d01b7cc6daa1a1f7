"""The primitives every figure is made of, and the drawing that holds them.

Coordinates are points from the drawing's top-left corner, y growing downwards (as in SVG and
PowerPoint; the PDF renderer flips them). Looks are named by role (``fill`` and ``stroke`` name a
theme colour, ``pattern`` a hatching), so colour is never the only thing that carries meaning:
every region that differs by colour also differs by pattern, position or label.
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
    """A small person icon (head and body) in the box, for icon arrays; ``filled`` or outlined."""

    x: float
    y: float
    w: float
    h: float
    filled: bool
    fill: str = "accent"
    stroke: str = "text"


Shape = Box | Ellipse | Line | Label | Person


@dataclass(frozen=True)
class Drawing:
    """A figure laid out for one output: its size in points and its shapes, in painting order.
    ``title`` is its alt text's first words; ``labels`` are the texts a reader must find in it
    (``verify`` looks for each)."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    labels: tuple[str, ...] = field(default=())
