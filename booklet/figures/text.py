"""Text inside figures: greedy wrapping with the output's own metrics, and blocks of labels.

Every layout wraps its words here, so a label never runs past the box it belongs to: lines break
at spaces, after a hyphen where a word is too long for the line ("HER2-" / "ultralow"),
and only a word wider than the whole line is cut. Vertical metrics are fixed ratios of the size,
so every output places baselines the same way.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from booklet.figures.drawing import Label

Measure = Callable[[str, float, bool], float]   # (text, size, bold) -> width in points

ASCENT = 0.8        # from the top of a line of text to its baseline, in sizes
DESCENT = 0.25      # from the baseline to the bottom of the line, in sizes
LEADING = 1.25      # from baseline to baseline, in sizes
_PIECES = re.compile(r"\S+?(?:-(?=\S)|$)")


@dataclass(frozen=True)
class Lines:
    """Wrapped text: its lines, and whether a word had to be cut to fit (a layout may then choose
    another arrangement)."""

    lines: tuple[str, ...]
    size: float
    bold: bool
    cut: bool = False

    @property
    def height(self) -> float:
        return height(len(self.lines), self.size)


def height(count: int, size: float) -> float:
    """Height of ``count`` lines of text at ``size``, from the top of the first to the bottom of the last."""
    return 0.0 if count == 0 else (ASCENT + DESCENT) * size + (count - 1) * LEADING * size


def pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, starts a word) for every place a line may break: spaces, and after a hyphen in a word."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        parts = [m.group(0) for m in _PIECES.finditer(word)]
        out += [(part, i == 0) for i, part in enumerate(parts)]
    return out


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> Lines:
    """``text`` broken into lines no wider than ``width`` at ``size``."""
    lines: list[str] = []
    line, cut = "", False
    for piece, new_word in pieces(text):
        joined = f"{line}{' ' if new_word and line else ''}{piece}"
        if line and measure(joined, size, bold) > width:
            lines.append(line)
            joined = piece
        line = joined
        if measure(line, size, bold) > width:     # one piece wider than the whole line: cut it
            cut = True
            while measure(line, size, bold) > width and len(line) > 1:
                keep = next((i for i in range(len(line) - 1, 0, -1) if measure(line[:i], size, bold) <= width), 1)
                lines.append(line[:keep])
                line = line[keep:]
    if line:
        lines.append(line)
    return Lines(tuple(lines), size, bold, cut)


def widest(lines: Lines, measure: Measure) -> float:
    return max((measure(line, lines.size, lines.bold) for line in lines.lines), default=0.0)


def place(lines: Lines, x: float, top: float, anchor: str = "start", colour: str = "ink") -> list[Label]:
    """Labels for ``lines``, the first line's top at ``top``; ``x`` is where ``anchor`` says."""
    return [Label(x, top + ASCENT * lines.size + i * LEADING * lines.size, line, lines.size, colour, lines.bold,
                  anchor) for i, line in enumerate(lines.lines)]
