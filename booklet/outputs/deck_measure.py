"""Measure slide text the way PowerPoint will lay it out: the only library the deck plan depends on.

PowerPoint never fits text, so the plan needs widths: reportlab's ``stringWidth`` over the theme's
TrueType file (deck.metrics_font) times deck.metrics_safety, because the font the slides ask for
(deck.font) may be a little wider than the one measured. Widths are cached per word at 1 pt.
"""
from __future__ import annotations

import functools

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


@functools.lru_cache(maxsize=None)
def _font(path: str) -> str:
    """The registered reportlab name for a TTF file, reusing the PDF outputs' registration if present.

    Looks in the registry directly: ``pdfmetrics.getFont`` on an unknown name parses every AFM file
    reportlab ships (about 0.7 s) before giving up."""
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    known = pdfmetrics._fonts.get(name)
    if known is not None and getattr(known.face, "filename", None) == path:
        return name
    name = f"deck-{name}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


@functools.lru_cache(maxsize=1 << 16)
def _width(font: str, text: str) -> float:
    """Width of ``text`` at 1 pt (widths scale linearly with size), from reportlab's metrics."""
    return pdfmetrics.stringWidth(text, font, 1000) / 1000


class Measure:
    """Text widths from a TrueType font (reportlab metrics) times a safety factor; greedy word wrap.

    Breaks only at spaces (PowerPoint may also break after hyphens, which only ever needs fewer lines)
    and breaks a word wider than the box anywhere, as PowerPoint does.
    """

    def __init__(self, regular: str, bold: str, safety: float):
        self.fonts = (_font(str(regular)), _font(str(bold)))
        self.safety = float(safety)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _width(self.fonts[bold], text) * size * self.safety

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        out: list[str] = []
        space = self.width(" ", size, bold)
        for paragraph in str(text).split("\n"):
            line, used = "", 0.0
            for word in paragraph.split():
                w = self.width(word, size, bold)
                if line and used + space + w <= width:
                    line, used = f"{line} {word}", used + space + w
                    continue
                if line:
                    out.append(line)
                while w > width and len(word) > 1:
                    cut = next((i for i in range(len(word) - 1, 0, -1) if self.width(word[:i], size, bold) <= width), 1)
                    out.append(word[:cut])
                    word = word[cut:]
                    w = self.width(word, size, bold)
                line, used = word, w
            out.append(line)
        return out
