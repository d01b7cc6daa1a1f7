"""Page breaks that leave no accidental near-empty page at the end of a part.

Every part of the booklet starts on a new page, so a part whose last few lines spill over would
end on a page that is almost empty. Before each block of a part where a page may break, the story
places a ``BalanceBreak`` that knows the blocks still to come (their heights, and whether each may
split across pages). At layout time it learns how much room is left on the page; if the rest of
the part would end on a page less than ``least`` full, and starting a new page here keeps both this
page and the part's last page at least that full, it starts the new page here. Everything is
decided in the one layout pass, from measured heights. Where no break can do that (a block too
tall to move), ``TailNotes`` turns the rest of the near-empty last page into lines to write on.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable

from booklet.outputs.pdf.private import doc_template


MARGIN = 1.15       # the last page after a break is planned this much fuller than ``least``


@dataclass(frozen=True)
class Block:
    """What the balancing needs to know of a block: its height and whether it may split."""

    height: float
    splits: bool


def last_page(blocks: tuple[Block, ...], room: float, frame: float) -> tuple[int, float]:
    """(new pages, height used on the last page) when ``blocks`` flow from a page with ``room``
    left: a block that may split fills the page and goes on; one that may not starts a new page
    when it does not fit (unless it is taller than a page, when it splits anyway)."""
    pages, used = 0, frame - room
    for block in blocks:
        height = block.height
        if used + height <= frame:
            used += height
            continue
        if not block.splits and height <= frame:
            pages, used = pages + 1, height
            continue
        height -= frame - used
        while height > frame:
            pages, height = pages + 1, height - frame
        pages, used = pages + 1, height
    return pages, used


class BalanceBreak(CondPageBreak):
    """A possible page break before a block. ``rest`` are the blocks from here to the part's end;
    ``later`` the positions in ``rest`` of the later possible breaks."""

    def __init__(self, rest: tuple[Block, ...], later: tuple[int, ...], frame: float, least: float):
        super().__init__(0)
        self.rest, self.later, self.frame, self.least = rest, later, frame, least

    def breaks_here(self, room: float) -> bool:
        """True when the rest of the part would end on a near-empty page and, of all the places left
        where a break would prevent that (leaving the page it ends at least ``least`` full and the
        part's last page a little more, ``MARGIN``, as the layout is measured ahead), this is the
        best: the one that leaves its own page fullest (the latest of equals)."""
        frame, enough = self.frame, self.least * self.frame
        pages, tail = last_page(self.rest, room, frame)
        if pages == 0 or tail >= enough:
            return False
        best, fullest = None, -1.0
        for k in (0, *self.later):
            _, used = last_page(self.rest[:k], room, frame)      # the page the break at k would end
            _, end = last_page(self.rest[k:], frame, frame)      # the part's last page after it
            if used >= enough and end >= enough * MARGIN and used >= fullest:
                best, fullest = k, used
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
