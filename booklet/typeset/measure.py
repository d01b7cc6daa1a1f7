"""Measure slide text the way PowerPoint will lay it out: the only library the deck plan depends on.

PowerPoint never fits text, so the plan needs widths: reportlab's ``stringWidth`` over the theme's
TrueType file (deck.metrics_font) times deck.metrics_safety, because the font the slides ask for
(deck.font) may be a little wider than the one measured. Widths come from pdfbase, cached per word at 1 pt.
"""
from __future__ import annotations

from booklet.outputs.pdf.base import registered, unit_width


class Measure:
    """Text widths from a TrueType font (reportlab metrics) times a safety factor; greedy word wrap.

    Breaks only at spaces (PowerPoint may also break after hyphens, which only ever needs fewer lines)
    and breaks a word wider than the box anywhere, as PowerPoint does.
    """

    def __init__(self, regular: str, bold: str, safety: float):
        self.fonts = (registered(regular), registered(bold))
        self.safety = float(safety)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return unit_width(text, self.fonts[bold]) * size * self.safety

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
