"""Where the cancer has spread: one small body per stage (local, regional, distant), as in the
survival table's rows.

Each body shows the same places: the breast with the cancer in it, the lymph nodes in the armpit,
and places farther away (brain, lung, liver, bone). Solid dots mark where the cancer is; empty
circles are nodes without cancer; a dashed line is drawn round everywhere the cancer has reached,
growing from panel to panel. Position and the dashed outline carry the meaning, and each panel's
own words say it (the stage and what it means), so colour is never needed.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.figures import text as tx
from booklet.figures.drawing import Box, Drawing, Ellipse

REACHES = ("breast", "nodes", "distant")
# places on a body 100 units wide and 120 tall: (x, y) of the centre, radius
TUMOUR = (37.0, 60.0, 4.0)
NODES = ((28.5, 38.0, 2.6), (27.0, 44.5, 2.6), (32.5, 42.0, 2.6))      # in the armpit
FAR = ((50.0, 14.0, 3.6), (59.0, 40.0, 3.6), (60.0, 86.0, 3.6), (43.0, 104.0, 3.6))   # brain, lung, liver, bone
OUTLINES = {"breast": (26.0, 48.0, 24.0, 24.0), "nodes": (21.0, 32.0, 32.0, 43.0), "distant": (5.0, -1.0, 90.0, 123.0)}


@dataclass(frozen=True)
class Stage:
    label: str                  # "Local"
    detail: str                 # "Only in the breast"
    reach: str                  # breast | nodes | distant


@dataclass(frozen=True)
class Spread:
    stages: tuple[Stage, ...]
    legend: str                 # what a solid dot means


def labels(spread: Spread) -> tuple[str, ...]:
    return tuple(t for s in spread.stages for t in (s.label, s.detail)) + (spread.legend,)


def body(x: float, y: float, scale: float, reach: str) -> list:
    """The schematic body at (x, y), ``scale`` points per unit, with the cancer as far as ``reach``."""
    def circle(cx, cy, r, **look):
        return Ellipse(x + (cx - r) * scale, y + (cy - r) * scale, 2 * r * scale, 2 * r * scale, **look)
    far = REACHES.index(reach)
    def part(px, py, pw, ph, r):
        return Box(x + px * scale, y + py * scale, pw * scale, ph * scale, "paper", "line", 1.0, radius=r * scale)
    shapes = [part(11, 33, 14, 64, 7), part(75, 33, 14, 64, 7),          # arms, then the torso over them
              part(23, 29, 54, 89, 12), circle(50, 14, 11, fill="paper", stroke="line"),
              circle(38, 59, 10, fill="paper", stroke="line"), circle(62, 59, 10, fill="paper", stroke="line"),
              circle(*TUMOUR, fill="strong", stroke="strong")]
    for node in NODES:
        shapes.append(circle(*node, fill="strong", stroke="strong") if far >= 1 else
                      circle(*node, fill="paper", stroke="empty"))
    if far >= 2:
        shapes += [circle(*place, fill="strong", stroke="strong") for place in FAR]
    ox, oy, ow, oh = OUTLINES[reach]
    shapes.append(Box(x + ox * scale, y + oy * scale, ow * scale, oh * scale, None, "strong", 1.5,
                      radius=min(ow, oh) * scale * 0.3, dash=(4.0, 3.0)))
    return shapes


def layout(spread: Spread, width: float, size: float, measure: tx.Measure) -> Drawing:
    n, gap = len(spread.stages), size * 0.8
    panel = (width - gap * (n - 1)) / n
    across = panel >= size * 6
    shapes: list = []
    y = 0.0
    if across:
        scale = min(panel / 100, size * 11 / 120)
        bottom = 0.0
        for i, stage in enumerate(spread.stages):
            x = i * (panel + gap)
            shapes += body(x + (panel - 100 * scale) / 2, size * 0.3, scale, stage.reach)
            bottom = max(bottom, _words(stage, x + panel / 2, 124 * scale + size * 0.8, panel, "middle", size,
                                        measure, shapes))
        y = bottom
    else:
        scale = size * 7 / 120
        for stage in spread.stages:
            shapes += body(0, y + size * 0.3, scale, stage.reach)
            text_x = 100 * scale + gap
            end = _words(stage, text_x, y + size * 0.4, width - text_x, "start", size, measure, shapes)
            y = max(end, y + 124 * scale) + gap
    return _legend(spread, shapes, width, y + size * 0.6, size, measure)


def _words(stage: Stage, x: float, top: float, width: float, anchor: str, size: float, measure, shapes: list) -> float:
    label = tx.wrap(stage.label, width, size, measure, bold=True)
    detail = tx.wrap(stage.detail, width, size, measure)
    shapes += tx.place(label, x, top, anchor)
    shapes += tx.place(detail, x, top + label.height + size * 0.15, anchor, "quiet")
    return top + label.height + size * 0.15 + detail.height


def _legend(spread: Spread, shapes: list, width: float, y: float, size: float, measure) -> Drawing:
    dot = size * 0.8
    words = tx.wrap(spread.legend, width - dot - size * 0.6, size, measure)
    shapes.append(Ellipse(0, y + (tx.height(1, size) - dot) / 2, dot, dot, "strong", "strong"))
    shapes += tx.place(words, dot + size * 0.6, y)
    return Drawing(width, y + words.height, tuple(shapes), labels(spread))
