"""Page breaks that leave no accidental near-empty page in a part.

Every part of the booklet starts on a new page, so a part whose last few lines spill over would
end on a page that is almost empty; and a block that may not split (a figure, a short list) ends
the page early where it does not fit. Before each block of a part where a page may break, the story
places a ``BalanceBreak`` that knows the blocks still to come (their heights, and whether each may
split across pages). At layout time it learns how much room is left on the page; if the rest of
the part would leave a page less than ``least`` full, and starting a new page here leaves fewer
such pages than any later place would, it starts the new page here. Everything is
decided in the one layout pass, from measured heights. Where no break can do that (a block too
tall to move), ``TailNotes`` turns the rest of the near-empty last page into lines to write on.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable

from booklet.outputs.pdf.private import doc_template


MARGIN = 1.15       # pages are planned this much fuller than ``least`` (the layout is measured ahead)


@dataclass(frozen=True)
class Block:
    """What the balancing needs to know of a block: its height and whether it may split."""

    height: float
    splits: bool


def page_fills(blocks: tuple[Block, ...], room: float, frame: float) -> list[float]:
    """The height used on each page when ``blocks`` flow from a page with ``room`` left, that page
    first: a block that may split fills the page and goes on; one that may not starts a new page
    when it does not fit (unless it is taller than a page, when it splits anyway)."""
    fills, used = [], frame - room
    for block in blocks:
        height = block.height
        if used + height <= frame:
            used += height
            continue
        if not block.splits and height <= frame:
            fills.append(used)
            used = height
            continue
        height -= frame - used
        fills.append(frame)
        while height > frame:
            fills.append(frame)
            height -= frame
        used = height
    return fills + [used]


def last_page(blocks: tuple[Block, ...], room: float, frame: float) -> tuple[int, float]:
    """(new pages, height used on the last page) when ``blocks`` flow from a page with ``room`` left."""
    fills = page_fills(blocks, room, frame)
    return len(fills) - 1, fills[-1]


class BalanceBreak(CondPageBreak):
    """A possible page break before a block. ``rest`` are the blocks from here to the part's end;
    ``later`` the positions in ``rest`` of the later possible breaks."""

    def __init__(self, rest: tuple[Block, ...], later: tuple[int, ...], frame: float, least: float):
        super().__init__(0)
        self.rest, self.later, self.frame, self.least = rest, later, frame, least

    def breaks_here(self, room: float) -> bool:
        """True when the rest of the part would leave a near-empty page - its last page, or a page that
        a block which may not split (a figure, a kept list) ends early - and, of all the places left
        where a break leaves fewer such pages (each planned a little fuller, ``MARGIN``), this is the
        best: the one that leaves fewest, then its own page fullest (the latest of equals)."""
        frame, enough = self.frame, self.least * self.frame
        planned = enough * MARGIN

        def near_empty(before: list[float], after: list[float]) -> int:
            return sum(f < planned for f in before + after)

        unbroken = page_fills(self.rest, room, frame)
        if len(unbroken) == 1:
            return False
        now = sum(f < planned for f in unbroken[:-1]) + (unbroken[-1] < enough)
        if now == 0:
            return False
        best, least = None, (now, 0.0)
        for k in (0, *self.later):
            before = page_fills(self.rest[:k], room, frame)      # to the page the break at k ends
            after = page_fills(self.rest[k:], frame, frame)      # from there to the part's end
            score = (near_empty(before, after), -before[-1])
            if score[0] < now and score <= least:
                best, least = k, score
        return best == 0

    def wrap(self, availWidth, availHeight):
        self.height = availHeight + 1 if self.breaks_here(availHeight) else 0
        return super().wrap(availWidth, availHeight)

    def __repr__(self):
        return f"BalanceBreak({len(self.rest)} blocks, {sum(b.height for b in self.rest):.0f} pt)"


def with_breaks(groups: list[list], blocks: list[Block], frame: float, least: float, allowed: list[bool]) -> list:
    """The flowables of ``groups`` (a part's blocks, measured as ``blocks``), with a
    ``BalanceBreak`` before every group where ``allowed`` says a page may break (never the first)."""
    points = [i for i in range(1, len(groups)) if allowed[i]]
    out: list = []
    for i, group in enumerate(groups):
        if i in points:
            later = tuple(p - i for p in points if p > i)
            out.append(BalanceBreak(tuple(blocks[i:]), later, frame, least))
        out += group
    return out


class TailNotes(Flowable):
    """The end of a part. If the part's last page is a spill-over page (not its first) that is
    still less than ``least`` full, the rest of that page becomes a page to write on: a label
    ("Notes") and ruled lines to its foot. Otherwise it takes no room."""

    def __init__(self, key: str, label: Flowable, lines: Flowable, frame: float, least: float):
        super().__init__()
        self.key, self.label, self.lines, self.frame, self.least = key, label, lines, frame, least
        self.active = False

    def wrap(self, availWidth, availHeight):
        doc = doc_template(self.canv)
        used = self.frame - availHeight
        self.active = (doc.page != doc.starts.get(self.key) and 0 < used < self.least * self.frame)
        self.width, self.height = availWidth, (availHeight - 0.01 if self.active else 0)
        return self.width, self.height

    def draw(self):
        if not self.active:
            return
        _, label = self.label.wrap(self.width, self.height)
        top = self.height - label
        self.label.drawOn(self.canv, 0, top)
        self.lines.wrap(self.width, top)
        self.lines.drawOn(self.canv, 0, top - self.lines.height)
