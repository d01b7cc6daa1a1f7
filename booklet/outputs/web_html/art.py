"""The illustrations of ``booklet/outputs/pdf/art.py`` (the cover picture) for the digital editions:
traced from the print booklet's own drawing, never redrawn by hand.

The print booklet draws an ``Illustration`` with reportlab canvas calls. ``trace`` replays that very
function on a recording canvas and keeps every shape as plain data: paths of moves, lines and cubic
curves (circles become four curves), each with its fill, stroke and clip, y measured downwards.
The web page turns them into SVG (``art_svg``), the tagged PDF into Typst curves
(``tagged_pdf.pictures``), so the three editions show one picture and a change to it is made once.
A canvas call the recorder does not know fails loudly, naming the call.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from booklet.outputs.web_html.markup import Markup, el

KAPPA = 0.5523      # control-point distance of a quarter circle drawn with a cubic Bezier curve
CAPS = {0: "butt", 1: "round", 2: "square"}

Segment = tuple[str, tuple[float, ...]]     # ("M", (x, y)) | ("L", (x, y)) | ("C", (x1, y1, x2, y2, x, y)) | ("Z", ())


@dataclass(frozen=True)
class Clip:
    """A clipping outline: its path, and the circle it is (cx, cy, r) when it is exactly one circle."""

    segments: tuple[Segment, ...]
    circle: tuple[float, float, float] | None


@dataclass(frozen=True)
class Shape:
    segments: tuple[Segment, ...]
    fill: str | None            # '#RRGGBB'
    stroke: str | None
    width: float
    cap: str
    clip: Clip | None


@dataclass(frozen=True)
class Traced:
    width: float
    height: float
    shapes: tuple[Shape, ...]


def _hex(colour) -> str:
    return "#" + "".join(f"{round(v * 255):02X}" for v in colour.rgb())


class _Path:
    """What ``canvas.beginPath()`` returns, recording in the canvas's coordinates."""

    def __init__(self, canvas: "_Recorder"):
        self.canvas, self.segments, self.circles = canvas, [], 0
        self.only_circle: tuple[float, float, float] | None = None

    def moveTo(self, x, y):
        self.segments.append(("M", self.canvas.point(x, y)))

    def lineTo(self, x, y):
        self.segments.append(("L", self.canvas.point(x, y)))

    def curveTo(self, x1, y1, x2, y2, x3, y3):
        self.segments.append(("C", (*self.canvas.point(x1, y1), *self.canvas.point(x2, y2),
                                    *self.canvas.point(x3, y3))))

    def close(self):
        self.segments.append(("Z", ()))

    def circle(self, x, y, r):
        first = not self.segments
        k = r * KAPPA
        self.moveTo(x + r, y)
        for (c1x, c1y), (c2x, c2y), (ex, ey) in (((x + r, y + k), (x + k, y + r), (x, y + r)),
                                                 ((x - k, y + r), (x - r, y + k), (x - r, y)),
                                                 ((x - r, y - k), (x - k, y - r), (x, y - r)),
                                                 ((x + k, y - r), (x + r, y - k), (x + r, y))):
            self.curveTo(c1x, c1y, c2x, c2y, ex, ey)
        self.close()
        cx, cy = self.canvas.point(x, y)
        self.only_circle = (cx, cy, r) if first else None


class _Recorder:
    """Enough of a reportlab canvas for ``art.draw``: colours, widths, translation, clipping, paths,
    rectangles, lines and circles, recorded as ``Shape``s."""

    def __init__(self, height: float):
        self.height = height
        self.shapes: list[Shape] = []
        self.state = dict(fill=None, stroke=None, width=1.0, cap="butt", dx=0.0, dy=0.0, clip=None)
        self.saved: list[dict] = []

    def __getattr__(self, name):
        raise AttributeError(f"the digital editions cannot trace the canvas call '{name}' of an illustration: "
                             "teach booklet/outputs/web_html/art.py _Recorder to record it")

    def point(self, x: float, y: float) -> tuple[float, float]:
        return x + self.state["dx"], self.height - (y + self.state["dy"])

    def saveState(self):
        self.saved.append(dict(self.state))

    def restoreState(self):
        self.state = self.saved.pop()

    def translate(self, dx, dy):
        self.state["dx"] += dx
        self.state["dy"] += dy

    def setFillColor(self, colour):
        self.state["fill"] = _hex(colour)

    def setStrokeColor(self, colour):
        self.state["stroke"] = _hex(colour)

    def setLineWidth(self, width):
        self.state["width"] = float(width)

    def setLineCap(self, cap):
        self.state["cap"] = CAPS[cap]

    def beginPath(self) -> _Path:
        return _Path(self)

    def clipPath(self, path: _Path, stroke=1, fill=0, fillMode=None):
        self.state["clip"] = Clip(tuple(path.segments), path.only_circle)
        self.drawPath(path, stroke, fill)

    def drawPath(self, path: _Path, stroke=1, fill=0, fillMode=None):
        if stroke or fill:
            s = self.state
            self.shapes.append(Shape(tuple(path.segments), s["fill"] if fill else None, s["stroke"] if stroke else None,
                                     s["width"], s["cap"], s["clip"]))

    def rect(self, x, y, width, height, stroke=1, fill=0):
        path = self.beginPath()
        path.moveTo(x, y)
        path.lineTo(x + width, y)
        path.lineTo(x + width, y + height)
        path.lineTo(x, y + height)
        path.close()
        self.drawPath(path, stroke, fill)

    def line(self, x1, y1, x2, y2):
        path = self.beginPath()
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
        self.drawPath(path, stroke=1, fill=0)

    def circle(self, x, y, r, stroke=1, fill=0):
        path = self.beginPath()
        path.circle(x, y, r)
        self.drawPath(path, stroke, fill)


@functools.lru_cache(maxsize=8)
def trace(name: str, width: float, height: float, colours: tuple[str, ...]) -> Traced:
    """The illustration ``name`` as the print booklet draws it in a ``width`` x ``height`` box."""
    from booklet.outputs.pdf import art

    recorder = _Recorder(height)
    art.draw(recorder, name, 0, 0, width, height, colours)
    return Traced(width, height, tuple(recorder.shapes))


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def path_data(segments) -> str:
    return " ".join(op + " ".join(_num(v) for v in values) if values else op for op, values in segments)


def art_svg(name: str, alt: str, ident: str, theme) -> Markup:
    """The illustration as an inline SVG picture named by its alt text."""
    size = theme.booklet.cover_art_height_mm * 72 / 25.4
    traced = trace(name, size, size, tuple(theme.colours.cover_art))
    clips: dict[Clip, str] = {}
    groups: list[tuple[Clip | None, list[Markup]]] = []
    for shape in traced.shapes:
        if shape.clip is not None and shape.clip not in clips:
            clips[shape.clip] = f"{ident}-clip-{len(clips) + 1}"
        mark = el("path", d=path_data(shape.segments), fill=shape.fill or "none", stroke=shape.stroke,
                  stroke_width=_num(shape.width) if shape.stroke else None,
                  stroke_linecap=shape.cap if shape.stroke and shape.cap != "butt" else None)
        if groups and groups[-1][0] == shape.clip:
            groups[-1][1].append(mark)
        else:
            groups.append((shape.clip, [mark]))
    defs = [el("clipPath", el("path", d=path_data(clip.segments)), id=ident_) for clip, ident_ in clips.items()]
    body = [el("g", *marks, clip_path=f"url(#{clips[clip]})") if clip else Markup("".join(marks))
            for clip, marks in groups]
    return el("svg", el("title", alt, id=f"{ident}-title"), el("defs", *defs) if defs else None, *body,
              xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {_num(size)} {_num(size)}", role="img",
              aria_labelledby=f"{ident}-title", class_="illustration", focusable="false")
