"""Fast text measurement for the handout fitter's trial layouts.

A trial layout only needs heights. ``Measured`` stands in for a paragraph and counts its lines with
the same greedy rule reportlab uses for a one-style paragraph (break at spaces, never at a no-break
space, spaces may shrink a little, a word wider than the line is split over lines), through the
shared ``booklet.typeset.measure.line_count``. The fitter then lays out the chosen size for real with
``pdf.base.para``, whose measurement is the one that counts; this only makes the search cheap.
"""
from __future__ import annotations

import functools

from reportlab.platypus import Flowable

from booklet.outputs.pdf.private import words
from booklet.typeset.fonts import unit_width
from booklet.typeset.measure import line_count, split_evenly


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(words(text))


class _Label(str):
    """A word of a run-in label, measured in the label's font."""


class Measured(Flowable):
    """A paragraph's height without building it: for trial layouts only, never drawn. ``label``
    words run in before the text in ``label_font`` (a bold label, as ``pdf.base.labelled`` makes)."""

    def __init__(self, text: str, style, label: str = "", label_font: str | None = None):
        super().__init__()
        self.text, self.style, self.label, self.label_font = str(text), style, str(label), label_font

    def wrap(self, avail_width, avail_height):
        style = self.style
        first = avail_width - style.leftIndent - style.firstLineIndent
        rest = avail_width - style.leftIndent - style.rightIndent
        font, size = style.fontName, style.fontSize
        space = unit_width(" ", font) * size
        label = tuple(_Label(w) for w in _words(self.label)) if self.label else ()
        words = (*label, *_words(self.text)) if label else _words(self.text)

        def width_of(word: str) -> float:
            return unit_width(word, self.label_font if isinstance(word, _Label) else font) * size

        lines = line_count(words, width_of, first, rest, space=space,
                           give=(style.spaceShrinkage or 0.0) * space, long_word=split_evenly(rest))
        self.width, self.height = avail_width, lines * style.leading
        return self.width, self.height

    def draw(self):  # pragma: no cover - trial layouts are never drawn
        raise RuntimeError("a measured paragraph is for trial layouts only")
