"""A receptor grid: rows of ER, PR and HER2 results, each leading by an arrow to the type of cancer
they make.

Every result is printed as a word in its cell ("positive", "negative"); the cell's look (filled
for positive, outlined for negative, light for the other results) only repeats what the word says.
Wide enough, the type sits to the right of its row; in a narrow column it sits under it.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.figures import text as tx
from booklet.figures.drawing import Box, Drawing, Line

# (fill, stroke, text colour, bold) of a result cell, by result
LOOKS = {"positive": ("strong", "strong", "paper", True), "negative": ("paper", "line", "ink", False),
         "either": ("soft", "line", "ink", False), "low": ("soft", "line", "ink", True)}


@dataclass(frozen=True)
class Mark:
    value: str                  # positive | negative | either | low
    word: str                   # the result as printed
    span: int = 1               # receptor columns it covers ("one or both positive" over ER and PR)


@dataclass(frozen=True)
class Row:
    type: str
    detail: str | None
    note: str | None            # printed under the row's results
    marks: tuple[Mark, ...]     # left to right, covering every receptor column once


@dataclass(frozen=True)
class ReceptorGrid:
    receptors: tuple[str, ...]  # column headings: ER, PR, HER2
    heading: str                # over the types
    rows: tuple[Row, ...]


def labels(grid: ReceptorGrid) -> tuple[str, ...]:
    texts = [*grid.receptors, grid.heading]
    for row in grid.rows:
        texts += [m.word for m in row.marks] + [row.type]
        texts += [t for t in (row.detail, row.note) if t]
    return tuple(dict.fromkeys(texts))


def layout(grid: ReceptorGrid, width: float, size: float, measure: tx.Measure) -> Drawing:
    pad, gap = size * 0.4, size * 0.3
    words = [w for row in grid.rows for m in row.marks if m.span == 1 for w in m.word.split()] + list(grid.receptors)
    cell = max(max(measure(w, size, True) for w in words) + 2 * pad, size * 4.5)
    arrow = size * 2
    marks_w = len(grid.receptors) * (cell + gap) - gap
    beside = width - marks_w - arrow >= size * 9
    type_w = width - marks_w - arrow if beside else width
    shapes: list = []
    for i, name in enumerate(grid.receptors):
        shapes += tx.place(tx.wrap(name, cell, size, measure, True), i * (cell + gap) + cell / 2, 0, "middle")
    heading = tx.wrap(grid.heading, type_w, size, measure, True)
    if beside:
        shapes += tx.place(heading, marks_w + arrow, 0)
    y = max(heading.height if beside else 0, tx.height(1, size)) + size * 0.4
    for i, row in enumerate(grid.rows):   # under the rows, the types' heading is printed once, over the first
        y = _row(row, y, cell, gap, arrow, marks_w, type_w, beside, pad, size, measure, shapes,
                 heading if i == 0 and not beside else None)
    return Drawing(width, y - size * 0.8, tuple(shapes), labels(grid))


def _row(row: Row, y: float, cell: float, gap: float, arrow: float, marks_w: float, type_w: float, beside: bool,
         pad: float, size: float, measure, shapes: list, heading: tx.Lines | None) -> float:
    """One row of results and its type; returns where the next row starts."""
    cells = [tx.wrap(m.word, m.span * (cell + gap) - gap - 2 * pad, size, measure, LOOKS[m.value][3])
             for m in row.marks]
    kind = tx.wrap(row.type, type_w - 2 * pad, size, measure, True)
    detail = tx.wrap(row.detail, type_w - 2 * pad, size, measure) if row.detail else None
    type_h = kind.height + (detail.height + size * 0.2 if detail else 0) + 2 * pad
    marks_h = max(c.height for c in cells) + 2 * pad
    row_h = max(marks_h, type_h) if beside else marks_h
    column = 0
    for mark, words in zip(row.marks, cells):
        fill, stroke, colour, _ = LOOKS[mark.value]
        x, w = column * (cell + gap), mark.span * (cell + gap) - gap
        shapes.append(Box(x, y, w, row_h, fill, stroke, 1.0, radius=size * 0.25))
        shapes += tx.place(words, x + w / 2, y + (row_h - words.height) / 2, "middle", colour)
        column += mark.span
    if beside:
        tx0, ty = marks_w + arrow, y + (row_h - type_h) / 2
        shapes.append(Line(marks_w + size * 0.2, y + row_h / 2, tx0 - size * 0.2, y + row_h / 2, "line", 2.0,
                           arrow=True))
        below = y + row_h
    else:
        shapes.append(Line(marks_w / 2, y + row_h + size * 0.15, marks_w / 2, y + row_h + arrow - size * 0.15, "line",
                           2.0, arrow=True))
        tx0, ty = 0.0, y + row_h + arrow
        if heading is not None:
            shapes += tx.place(heading, tx0, ty)
            ty += heading.height + size * 0.2
        below = ty + type_h
    shapes.append(Box(tx0, ty, type_w, type_h, "paper", "line", 1.5, radius=size * 0.3))
    shapes += tx.place(kind, tx0 + pad, ty + pad)
    if detail:
        shapes += tx.place(detail, tx0 + pad, ty + pad + kind.height + size * 0.2, colour="quiet")
    if row.note:
        note = tx.wrap(row.note, marks_w if beside else type_w, size, measure)
        shapes += tx.place(note, 0, below + size * 0.25, colour="quiet")
        below += size * 0.25 + note.height
    return below + size * 0.8
