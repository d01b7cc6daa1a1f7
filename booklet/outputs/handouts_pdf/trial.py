"""Fast text measurement for the handout fitter's trial layouts.

A trial layout only needs heights. ``Measured`` stands in for a paragraph and counts its lines with
the same greedy rule reportlab uses for a one-style paragraph (break at spaces, never at a no-break
space, spaces may shrink a little, a word wider than the line is split over lines), with word widths cached per font. The
fitter then lays out the chosen size for real with ``pdfbase.para``, whose measurement is the one
that counts; this only makes the search cheap.
"""
from __future__ import annotations

import functools
import math

from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import split, strip

from booklet.outputs.pdf.base import unit_width


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(split(strip(text)))


def line_count(text: str, font: str, size: float, first: float, rest: float, shrink: float = 0.0) -> int:
    """How many lines a one-style paragraph takes with ``first`` and ``rest`` line widths.

    ``shrink`` is the style's spaceShrinkage: a line may overrun by that share of each space in it.
    """
    space = unit_width(" ", font) * size
    give = shrink * space
    lines, used, limit, words = 0, None, first, 0
    for word in _words(text):
        width = unit_width(word, font) * size
        if used is not None and used + space + width <= limit + give * words:
            used += space + width
            words += 1
            continue
        words = 1
        if used is not None:
            lines += 1
            limit = rest
        if width > limit:                      # reportlab splits a too-long word over lines
            extra = math.ceil(width / max(rest, 1.0)) - 1
            lines += extra
            width -= extra * rest
        used = width
    return lines + (used is not None)


class Measured(Flowable):
    """A paragraph's height without building it: for trial layouts only, never drawn."""

    def __init__(self, text: str, style):
        super().__init__()
        self.text, self.style = str(text), style

    def wrap(self, avail_width, avail_height):
        style = self.style
        first = avail_width - style.leftIndent - style.firstLineIndent
        rest = avail_width - style.leftIndent - style.rightIndent
        lines = line_count(self.text, style.fontName, style.fontSize, first, rest, style.spaceShrinkage or 0.0)
        self.width, self.height = avail_width, lines * style.leading
        return self.width, self.height

    def draw(self):  # pragma: no cover - trial layouts are never drawn
        raise RuntimeError("a measured paragraph is for trial layouts only")
