"""Illustrations drawn from simple vector shapes (circles and Bezier curves), never bitmaps.

``draw(canv, name, x, y, width, height, colours)`` draws the illustration a tree ``Illustration``
names inside the box; the colours come from the theme (``colours.cover_art``), so a restyled kit
recolours its pictures too.
"""
from __future__ import annotations

import math

from reportlab.lib.colors import HexColor


def draw(canv, name: str, x: float, y: float, width: float, height: float, colours: tuple[str, ...]) -> None:
    painters = {"cover": _cover}
    canv.saveState()
    canv.translate(x, y)
    painters[name](canv, width, height, [HexColor(c) for c in colours])
    canv.restoreState()


def _fill(canv, colour, build) -> None:
    canv.setFillColor(colour)
    path = canv.beginPath()
    build(path)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)


def _cover(canv, w: float, h: float, colours) -> None:
    """Three people standing close together on a hill under a rising sun, in a round frame."""
    sky, sun, far_hill, near_hill, *people = colours
    r = min(w, h) / 2
    cx, cy = w / 2, h / 2
    canv.saveState()
    frame = canv.beginPath()
    frame.circle(cx, cy, r)
    canv.clipPath(frame, stroke=0, fill=0)
    canv.setFillColor(sky)
    canv.rect(cx - r, cy - r, 2 * r, 2 * r, stroke=0, fill=1)
    sx, sy, sun_r = cx + r * 0.42, cy + r * 0.38, r * 0.2
    canv.setStrokeColor(sun)
    canv.setLineWidth(r * 0.035)
    canv.setLineCap(1)
    for i in range(8):    # short rays around the sun
        angle = math.pi * 2 * i / 8 + math.pi / 8
        canv.line(sx + sun_r * 1.3 * math.cos(angle), sy + sun_r * 1.3 * math.sin(angle),
                  sx + sun_r * 1.7 * math.cos(angle), sy + sun_r * 1.7 * math.sin(angle))
    canv.setFillColor(sun)
    canv.circle(sx, sy, sun_r, stroke=0, fill=1)
    left, right, bottom = cx - r, cx + r, cy - r
    _fill(canv, far_hill, lambda p: (p.moveTo(left, cy - r * 0.25),
                                     p.curveTo(cx - r * 0.5, cy + r * 0.2, cx + r * 0.3, cy + r * 0.05, right, cy - r * 0.15),
                                     p.lineTo(right, bottom), p.lineTo(left, bottom)))
    ground = cy - r * 0.45
    for dx, scale, index in ((-0.34, 0.86, 0), (0.02, 1.0, 2), (0.34, 0.68, 1)):   # x, height, colour
        _person(canv, cx + dx * r, ground, r * 0.95 * scale, people[index % len(people)])
    _fill(canv, near_hill, lambda p: (p.moveTo(left, cy - r * 0.5),
                                      p.curveTo(cx - r * 0.5, ground + r * 0.12, cx + r * 0.5, ground + r * 0.12,
                                                right, cy - r * 0.55),
                                      p.lineTo(right, bottom), p.lineTo(left, bottom)))
    canv.restoreState()


def _person(canv, x: float, ground: float, tall: float, colour) -> None:
    """A head and rounded shoulders, standing on ``ground`` at ``x``."""
    head = tall * 0.15
    shoulders = tall * 0.62
    half = tall * 0.24
    _fill(canv, colour, lambda p: (p.moveTo(x - half, ground - tall * 0.1),
                                   p.lineTo(x - half, shoulders + ground - half * 0.9),
                                   p.curveTo(x - half, shoulders + ground, x - half * 0.4, shoulders + ground + half * 0.15,
                                             x, shoulders + ground + half * 0.15),
                                   p.curveTo(x + half * 0.4, shoulders + ground + half * 0.15, x + half,
                                             shoulders + ground, x + half, shoulders + ground - half * 0.9),
                                   p.lineTo(x + half, ground - tall * 0.1)))
    canv.setFillColor(colour)
    canv.circle(x, ground + shoulders + half * 0.15 + head * 1.25, head, stroke=0, fill=1)
