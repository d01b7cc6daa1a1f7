"""An icon array: 100 small people, some filled, for an "X in 100" number.

Risk-communication research recommends icon arrays for lay readers: the filled people are grouped
together, filled first in blocks of ten columns, so a reader can count them. A range ("10 to 15 in
100") fills the lower number and hatches the rest of the range, so the picture claims no more
precision than the source gives. Solid, hatched and outlined people differ in more than colour,
and a legend under the people says what each stands for.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from booklet.figures import text as tx
from booklet.figures.drawing import Drawing, Person

BLOCK = 10                      # people per row of a block


@dataclass(frozen=True)
class IconArray:
    total: int                  # people drawn (100)
    filled: int                 # solid people: the number, or a range's lower end
    extra: int                  # hatched people after them: the rest of a range (0 for one number)
    label: str                  # what a solid person stands for
    extra_label: str | None     # what a hatched person stands for
    rest_label: str             # what an outlined person stands for


def labels(icons: IconArray) -> tuple[str, ...]:
    return tuple(t for t in (icons.label, icons.extra_label if icons.extra else None,
                             icons.rest_label) if t)


def state(icons: IconArray, index: int) -> str:
    """'filled', 'extra' or 'empty' for the person at ``index`` in filling order."""
    if index < icons.filled:
        return "filled"
    return "extra" if index < icons.filled + icons.extra else "empty"


def person(x: float, y: float, w: float, h: float, kind: str) -> Person:
    if kind == "filled":
        return Person(x, y, w, h, True, "strong", "strong")
    if kind == "extra":
        return Person(x, y, w, h, False, "strong", "strong", pattern="hatch")
    return Person(x, y, w, h, False, "empty", "empty")


def layout(icons: IconArray, width: float, size: float, measure: tx.Measure) -> Drawing:
    """The people in blocks of ten columns, and the legend under them (or beside them where the
    drawing is wide enough, as on a slide). The number itself is the figure's title."""
    shapes: list = []
    top = 0.0
    legend_w = max(size * 14, width * 0.3)
    beside = width - legend_w - size >= 2 * BLOCK * size * 1.4
    grid_w = width - legend_w - size if beside else width
    cell, rows, grid_h = _people(icons, 0 if beside else None, top, grid_w, size, shapes)
    person_w = cell * 0.72
    x, y = (grid_w + size, top) if beside else (0.0, top + grid_h + size * 0.5)
    for kind, words in (("filled", icons.label), ("extra", icons.extra_label), ("empty", icons.rest_label)):
        if not words or (kind == "extra" and not icons.extra):
            continue
        lines = tx.wrap(words, width - x - person_w - size * 0.8, size, measure)
        h = person_w * 1.85
        shapes.append(person(x, y, person_w, h, kind))
        shapes += tx.place(lines, x + person_w + size * 0.8, y + max(0.0, (h - lines.height) / 2))
        y += max(h, lines.height) + size * 0.5
    bottom = max(y - size * 0.5, top + grid_h) if beside else y - size * 0.5
    return Drawing(width, bottom, tuple(shapes), labels(icons))


def _people(icons: IconArray, left: float | None, top: float, width: float, size: float,
            shapes: list) -> tuple[float, int, float]:
    """The people, ``width`` wide from ``left`` (centred where None); returns (cell, rows, height)."""
    block_gap = size * 0.8
    blocks = 2 if (width - block_gap) / (2 * BLOCK) >= size * 1.1 and icons.total % (2 * BLOCK) == 0 else 1
    cell = min((width - block_gap * (blocks - 1)) / (blocks * BLOCK), size * 2.2)
    w, rows = cell * 0.72, math.ceil(icons.total / (blocks * BLOCK))
    h = w * 1.85
    grid_w = blocks * BLOCK * cell + (blocks - 1) * block_gap
    left = (width - grid_w) / 2 if left is None else left
    per_block = rows * BLOCK
    for index in range(icons.total):
        block, within = divmod(index, per_block)
        row, col = divmod(within, BLOCK)
        x = left + block * (BLOCK * cell + block_gap) + col * cell + (cell - w) / 2
        shapes.append(person(x, top + row * (h + cell * 0.3), w, h, state(icons, index)))
    return cell, rows, rows * (h + cell * 0.3) - cell * 0.3
