"""The booklet's cover: a coloured band with the title and subtitle, a picture drawn from shapes,
and at the foot the institution (its logo from the theme, its name from the content, or a line to
write it on) beside the edition and the review date.

The cover is one flowable in a frame the size of the page: it places everything itself, so the
picture and the foot keep their places whatever the title's length.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from booklet.outputs.pdf import art
from booklet.outputs.pdf.base import colour

MM = 72 / 25.4
TALL = 1e6


class Cover(Flowable):
    """The whole cover page. ``band`` are the title and subtitle (drawn in the band), ``art`` the
    illustration's name, ``left`` and ``right`` the flowables of the foot's two columns, ``below``
    what spans the whole foot under them (the web edition's QR code and address, which must not
    break)."""

    def __init__(self, geometry, theme, band: list[Flowable], art_name: str, left: list[Flowable],
                 right: list[Flowable], logo: Path | None, below: list[Flowable] = ()):
        super().__init__()
        self.g, self.theme, self.band, self.art_name = geometry, theme, band, art_name
        self.left, self.right, self.logo, self.below = left, right, logo, list(below)

    def wrap(self, aw, ah):
        self.width, self.height = aw, ah - 0.01
        return self.width, self.height

    def draw(self):
        canv, g, b = self.canv, self.g, self.theme.booklet
        x, column = g.left(1), g.width - g.inner - g.outer
        gap = b.body_size
        heights = [f.wrap(column, TALL)[1] for f in self.band]
        band = max(b.cover_band_mm * MM, g.top + sum(heights) + gap * (len(heights) + 1))
        canv.saveState()
        canv.setFillColor(colour(self.theme, "heading"))
        canv.rect(0, g.height - band, g.width, band, stroke=0, fill=1)
        canv.setFillColor(colour(self.theme, "accent"))
        canv.rect(0, g.height - band - b.callout_edge_width, g.width, b.callout_edge_width, stroke=0, fill=1)
        canv.restoreState()
        y = g.height - g.top
        for flowable, height in zip(self.band, heights):
            y -= height
            flowable.drawOn(canv, x, y)
            y -= gap * 0.6
        foot = self._foot(canv, x, column)
        room_top = g.height - band - b.callout_edge_width - gap * 2
        art_h = min(b.cover_art_height_mm * MM, room_top - foot - gap * 2)
        art_y = foot + (room_top - foot - art_h) / 2
        art.draw(canv, self.art_name, x, art_y, column, art_h, self.theme.colours.cover_art)

    def _foot(self, canv, x: float, column: float) -> float:
        """Draw the foot: what spans it on the bottom margin, the two columns above that with their tops
        aligned; returns the y of its top."""
        g, b = self.g, self.theme.booklet
        base = g.bottom
        for flowable in reversed(self.below):
            height = flowable.wrap(column, TALL)[1]
            flowable.drawOn(canv, x, base)
            base += height + b.body_size
        half = (column - b.body_size) / 2
        logo_h = b.cover_logo_height_mm * MM if self.logo else 0.0
        gap = b.body_size * 0.5 if self.logo else 0.0
        stacks = []
        for items, left in ((self.left, x), (self.right, x + half + b.body_size)):
            heights = [f.wrap(half, TALL)[1] + f.getSpaceAfter() for f in items]
            extra = logo_h + gap if items is self.left else 0.0
            stacks.append((items, left, heights, extra))
        top = base + max(sum(heights) + extra for _, _, heights, extra in stacks)
        for items, left, heights, extra in stacks:
            if extra:
                canv.drawImage(str(self.logo), left, top - logo_h, width=half, height=logo_h,
                               preserveAspectRatio=True, anchor="sw", mask="auto")
            y = top - extra
            for flowable, height in zip(items, heights):
                y -= height
                flowable.drawOn(canv, left, y + flowable.getSpaceAfter())
        return top
