"""Two balanced text columns on one page, measured exactly so the handout fitter can say by how much
content is too long.

The column content is a list of ``Piece``s, each an already-wrapped reportlab flowable with its
height. Paragraphs may break between lines (never leaving fewer than two lines on either side),
headings stay with what follows them, and a table row that starts a new column gets its table's
header again. ``fill`` places pieces for a given column height in pure arithmetic, so searching for
the balanced height costs no extra wrapping.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

FUZZ = 1e-6
MIN_LINES = 2          # fewest lines of a paragraph left at the foot or the head of a column


@dataclass(eq=False)
class Piece:
    flow: Flowable
    height: float
    gap: float = 0.0               # space above, dropped at the top of a column
    keep_next: bool = False        # never end a column with this piece (headings, table headers)
    leading: float = 0.0           # for paragraphs that may break between lines
    header: "Piece | None" = None  # for table rows: the header to repeat at the top of a column

    @property
    def lines(self) -> int:
        return round(self.height / self.leading) if self.leading else 1

    @property
    def splittable(self) -> bool:
        return self.leading > 0 and self.lines >= 2 * MIN_LINES

    @property
    def min_first(self) -> float:
        return MIN_LINES * self.leading if self.splittable else self.height


@dataclass(frozen=True)
class Placed:
    piece: Piece
    gap: float
    first: int = 0                 # for split paragraphs: the lines [first, last) in this column
    last: int = 0

    @property
    def height(self) -> float:
        if self.last:
            return (self.last - self.first) * self.piece.leading
        return self.piece.height


def _need(pieces: list[Piece], i: int) -> float:
    """The height that must fit below the current point before pieces[i] may start there."""
    total, j = 0.0, i
    while True:
        piece = pieces[j]
        if j > i:
            total += piece.gap
        if not piece.keep_next or j == len(pieces) - 1:
            return total + piece.min_first
        total += piece.height
        j += 1


def fill(pieces: list[Piece], height: float, columns: int = 2) -> list[list[Placed]] | None:
    """Pieces placed column after column in columns of ``height``; None if they need more columns."""
    cols: list[list[Placed]] = [[]]
    used = 0.0

    def place(item: Placed) -> None:
        nonlocal used
        cols[-1].append(item)
        used += item.gap + item.height

    def next_column(piece: Piece) -> bool:
        nonlocal used
        cols.append([])
        used = 0.0
        if piece.header is not None and len(cols) <= columns:
            place(Placed(piece.header, 0.0))
        return len(cols) <= columns

    for i, piece in enumerate(pieces):
        gap = piece.gap if used else 0.0
        if used and used + gap + _need(pieces, i) > height + FUZZ:
            if not next_column(piece):
                return None
            gap = 0.0
        if used + gap + piece.height <= height + FUZZ:
            place(Placed(piece, gap))
            continue
        if not piece.splittable:
            if not cols[-1] or not next_column(piece) or used + piece.height > height + FUZZ:
                return None
            place(Placed(piece, 0.0))
            continue
        first = 0
        while True:
            left = piece.lines - first
            room = height - used - gap
            if left * piece.leading <= room + FUZZ:
                place(Placed(piece, gap, first, piece.lines))
                break
            take = min(int((room + FUZZ) / piece.leading), left - MIN_LINES)
            if take >= MIN_LINES:
                place(Placed(piece, gap, first, first + take))
                first += take
            elif not cols[-1]:
                return None
            if not next_column(piece):
                return None
            gap = 0.0
    return cols


def balanced(pieces: list[Piece], height: float) -> tuple[list[list[Placed]], float] | None:
    """The shortest column height (at most ``height``) that holds every piece, and the placement."""
    best = fill(pieces, height)
    if best is None:
        return None
    low, high = 0.0, height
    while high - low > 0.5:
        middle = (low + high) / 2
        trial = fill(pieces, middle)
        if trial is None:
            low = middle
        else:
            high, best = middle, trial
    return best, high


def needed_height(pieces: list[Piece], height: float) -> float:
    """The column height the pieces would need (more than ``height``, which they do not fit)."""
    low = height
    high = height + sum(p.gap + p.height for p in pieces) + sum(p.header.height for p in pieces if p.header)
    while high - low > 0.5:
        middle = (low + high) / 2
        if fill(pieces, middle) is None:
            low = middle
        else:
            high = middle
    return high


def fragments(placed_cols: list[list[Placed]], width: float) -> list[list[tuple[Flowable, float, float]]]:
    """(flowable, gap above, height) per column, breaking split paragraphs into their parts."""
    rests: dict[int, Flowable] = {}
    out = []
    for col in placed_cols:
        items = []
        for item in col:
            flow = item.piece.flow
            if item.last:
                flow = rests.get(id(item.piece), flow)
                if item.last < item.piece.lines:
                    lines = item.last - item.first
                    head, rest = flow.split(width, (lines + 0.5) * item.piece.leading)
                    rests[id(item.piece)] = rest
                    flow = head
            items.append((flow, item.gap, item.height))
        out.append(items)
    return out


class Sheet(Flowable):
    """The whole page as one flowable: every part drawn at the place the fitter measured for it."""

    def __init__(self, width: float, height: float, parts: list[tuple[Flowable, float, float, float, float]]):
        super().__init__()
        self.width, self.height = width, height
        self.parts = parts               # (flowable, x, top, width, height), top measured from the top

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        for flow, x, top, width, height in self.parts:
            flow.wrapOn(self.canv, width, height + 1)
            flow.drawOn(self.canv, x, self.height - top - height)
