"""Two balanced text columns on one page, measured exactly so the handout fitter can say by how much
content is too long.

The column content is a list of ``Piece``s, each an already-wrapped reportlab flowable with its
height. Paragraphs may break between lines (never leaving fewer than two lines on either side),
headings stay with what follows them, and a table row that starts a new column gets its table's
header again. ``Columns.fill`` places pieces for a given column height in pure arithmetic, so searching for
the balanced height costs no extra wrapping.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

FUZZ = 1e-6
TALL = 1e6
MIN_LINES = 2          # fewest lines of a paragraph left at the foot or the head of a column


@dataclass(eq=False)
class Piece:
    flow: Flowable
    height: float
    gap: float = 0.0               # space above, dropped at the top of a column
    keep_next: bool = False        # never end a column with this piece (headings, table headers)
    leading: float = 0.0           # for paragraphs that may break between lines
    header: "Piece | None" = None  # for table rows: the header to repeat at the top of a column
    label: str = ""                # the heading it stands under, for the overflow message
    loc: object = None             # where its content was written, for the overflow message

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


class Columns:
    """Pieces to pour into side-by-side columns of one height."""

    def __init__(self, pieces: list[Piece], count: int = 2):
        self.pieces, self.count = pieces, count
        self.split = [p.splittable for p in pieces]
        self.lines = [p.lines for p in pieces]
        self.needs = [self._need(i) for i in range(len(pieces))]

    def _need(self, i: int) -> float:
        """The height that must fit below the current point before pieces[i] may start there."""
        total, j, pieces = 0.0, i, self.pieces
        while True:
            piece = pieces[j]
            if j > i:
                total += piece.gap
            if not piece.keep_next or j == len(pieces) - 1:
                return total + piece.min_first
            total += piece.height
            j += 1

    def fill(self, height: float, keep: bool = True) -> list[list[Placed]] | bool:
        """Pieces placed column after column (only whether they fit, unless ``keep``)."""
        cols: list[list] = [[]]
        used, limit = 0.0, height + FUZZ

        def next_column(piece: Piece) -> bool:
            nonlocal used
            cols.append([])
            used = 0.0
            if piece.header is not None:
                cols[-1].append((piece.header, 0.0, 0, 0))
                used = piece.header.height
            return len(cols) <= self.count

        for i, piece in enumerate(self.pieces):
            gap = piece.gap if used else 0.0
            if used and used + gap + self.needs[i] > limit:
                if not next_column(piece):
                    return False
                gap = 0.0
            if used + gap + piece.height <= limit:
                cols[-1].append((piece, gap, 0, 0))
                used += gap + piece.height
                continue
            if not self.split[i]:
                if not cols[-1] or not next_column(piece) or used + piece.height > limit:
                    return False
                cols[-1].append((piece, 0.0, 0, 0))
                used += piece.height
                continue
            first, lines, leading = 0, self.lines[i], piece.leading
            while True:
                left = lines - first
                room = height - used - gap
                if left * leading <= room + FUZZ:
                    cols[-1].append((piece, gap, first, lines))
                    used += gap + left * leading
                    break
                take = min(int((room + FUZZ) / leading), left - MIN_LINES)
                if take >= MIN_LINES:
                    cols[-1].append((piece, gap, first, first + take))
                    first += take
                elif not cols[-1]:
                    return False
                if not next_column(piece):
                    return False
                gap = 0.0
        return [[Placed(*item) for item in col] for col in cols] if keep else True

    def fits(self, height: float) -> bool:
        return bool(self.fill(height, keep=False))

    def balanced(self, height: float) -> list[list[Placed]] | None:
        """Placed at the shortest column height (at most ``height``) that holds every piece."""
        if not self.fits(height):
            return None
        return self.fill(self._shortest_fit(0.0, height))

    def needed(self, height: float) -> float:
        """The column height the pieces would need (more than ``height``, which they do not fit)."""
        everything = sum(p.gap + p.height + (p.header.height if p.header else 0) for p in self.pieces)
        return self._shortest_fit(height, height + everything)

    def _shortest_fit(self, low: float, high: float) -> float:
        """Bisect to within half a point: ``high`` fits (or is taken to), ``low`` does not."""
        while high - low > 0.5:
            middle = (low + high) / 2
            if self.fits(middle):
                high = middle
            else:
                low = middle
        return high


def fragments(placed_cols: list[list[Placed]], width: float) -> list[list[tuple[Flowable, float, float]]]:
    """(flowable, gap above, height) per column, breaking split paragraphs into their parts."""
    rests: dict[int, Flowable] = {}
    out = []
    for col in placed_cols:
        items = []
        for item in col:
            piece, flow = item.piece, item.piece.flow
            if item.last and (item.first or item.last < piece.lines):
                flow = rests.pop(id(piece), flow)
                if item.first:
                    flow.wrap(width, TALL)   # a split part is wrapped again before it is drawn or split
                if item.last < piece.lines:
                    flow, rests[id(piece)] = flow.split(width, (item.last - item.first + 0.5) * piece.leading)
                    flow.wrap(width, TALL)
                if abs(flow.height - item.height) > 0.01:
                    raise RuntimeError("a split paragraph came out a different height than measured")
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
        for flow, x, top, _, height in self.parts:   # each was wrapped at its width when it was measured
            flow.drawOn(self.canv, x, self.height - top - height)
