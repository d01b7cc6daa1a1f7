"""Measuring text without drawing it: greedy line breaking, table column widths, and splitting
measured items into runs that fit (``chunks``: bullets or table rows over slides).

One greedy line breaker serves both measurers: the handout fitter's trial layouts (which mimic
reportlab's paragraph rules) and the deck planner (which mimics PowerPoint's). They differ only in
how a word wider than the line is broken, passed in as ``long_word``. Widths come from
``booklet.typeset.fonts`` (TrueType metrics, cached per word at 1 pt).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from booklet.typeset.fonts import registered, unit_width

LongWord = Callable[[str, float, float], tuple[int, float]]


def line_count(words: Sequence[str], width_of: Callable[[str], float], first: float, rest: float, *,
               space: float, long_word: LongWord, give: float = 0.0) -> int:
    """How many lines ``words`` take when broken greedily at spaces: the first line ``first`` wide,
    the others ``rest``. A line may overrun by ``give`` per space on it (a style's space shrinkage).
    ``long_word(word, width, limit)`` says how many extra lines a word wider than the line needs and
    how wide its last piece is."""
    lines, used, limit, on_line = 0, None, first, 0
    for word in words:
        width = width_of(word)
        if used is not None and used + space + width <= limit + give * on_line:
            used += space + width
            on_line += 1
            continue
        on_line = 1
        if used is not None:
            lines += 1
            limit = rest
        if width > limit:
            extra, width = long_word(word, width, limit)
            lines += extra
        used = width
    return lines + (used is not None)


def split_evenly(rest: float) -> LongWord:
    """reportlab's way: a long word fills whole lines of width ``rest``."""
    def long_word(word: str, width: float, limit: float) -> tuple[int, float]:
        extra = math.ceil(width / max(rest, 1.0)) - 1
        return extra, width - extra * rest
    return long_word


class Measure:
    """Slide text measured the way PowerPoint lays it out: greedy wrapping at spaces, a word wider than
    the box broken anywhere, widths times a safety factor. With several fonts (the named font's width
    table and the wide stand-in a viewer may substitute), every answer is the widest of them: a
    width is the largest, a line count the most lines, so the text fits whichever font is drawn."""

    def __init__(self, regular: str, bold: str, safety: float):
        """Measure with one TrueType family (regular and bold files), times ``safety``."""
        names = (registered(regular), registered(bold))
        self.fonts = ((lambda text, bold_: unit_width(text, names[bold_])),)
        self.safety = float(safety)

    @classmethod
    def from_tables(cls, tables, safety: float) -> "Measure":
        """Measure with width tables (``booklet.typeset.metrics``): the widest answer of them all."""
        measure = cls.__new__(cls)
        measure.fonts = tuple(table.unit_width for table in tables)
        measure.safety = float(safety)
        return measure

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return max(font(text, bold) for font in self.fonts) * size * self.safety

    def line_count(self, text: str, width: float, size: float, bold: bool = False) -> int:
        """Lines ``text`` takes in a box ``width`` wide; every "\\n" starts a new paragraph."""
        return max(self._lines(font, text, width, size, bold) for font in self.fonts)

    def _lines(self, font, text: str, width: float, size: float, bold: bool) -> int:
        scale = size * self.safety

        def width_of(word: str) -> float:
            return font(word, bold) * scale

        def long_word(word: str, w: float, limit: float) -> tuple[int, float]:
            extra = 0
            while w > limit and len(word) > 1:
                cut = next((i for i in range(len(word) - 1, 0, -1) if width_of(word[:i]) <= limit), 1)
                word, extra = word[cut:], extra + 1
                w = width_of(word)
            return extra, w

        space = width_of(" ")
        return sum(max(1, line_count(paragraph.split(), width_of, width, width, space=space, long_word=long_word))
                   for paragraph in str(text).split("\n"))


def column_widths(least: Sequence[float], most: Sequence[float], total: float, *, roomy: str = "even",
                  narrow: str = "keep-short") -> list[float]:
    """Widths for table columns whose cells need at least ``least`` (the longest word) and at most
    ``most`` (every cell on one line), sharing ``total``.

    Where everything fits on one line, ``roomy="even"`` fills ``total`` by giving each column the
    same extra, ``roomy="air"`` keeps the proportions with a little air (and may leave room over).
    Where even the longest words do not fit, ``narrow="keep-short"`` lets short columns keep their
    words, ``narrow="scale"`` shrinks every column in proportion. In between, each column gets its
    longest word and the spare room goes where the text is long.
    """
    n = len(least)
    if sum(least) >= total:
        if narrow == "scale":
            return [w * total / sum(least) for w in least]
        base = [min(w, total / n) for w in least]
        over = [w - b for w, b in zip(least, base)]
        return [b + (total - sum(base)) * o / (sum(over) or 1) for b, o in zip(base, over)]
    spare, want = total - sum(least), [b - a for a, b in zip(least, most)]
    if sum(want) <= spare:
        if roomy == "air":
            target = min(total, max(sum(most) * 1.3, total * 0.6))
            return [w * target / sum(most) for w in most]
        return [b + (total - sum(most)) / n for b in most]
    return [a + spare * w / (sum(want) or 1) for a, w in zip(least, want)]


def chunks(heights: list[float], capacity: float, gap: float, max_count: int) -> list[tuple[int, int]] | None:
    """Split items into (start, end) runs whose heights (plus gaps) fit; balanced by count where possible."""
    def greedy(limit: int):
        runs, start, used = [], 0, 0.0
        for i, h in enumerate(heights):
            if h > capacity:
                return None
            need = h + (gap if i > start else 0)
            if i > start and (used + need > capacity or i - start >= limit):
                runs.append((start, i))
                start, need = i, h
                used = 0.0
            used += need
        runs.append((start, len(heights)))
        return runs
    first = greedy(max_count)
    if first is None or len(first) == 1:
        return first
    balanced = greedy(min(max_count, math.ceil(len(heights) / len(first))))
    return balanced if balanced is not None and len(balanced) == len(first) else first
