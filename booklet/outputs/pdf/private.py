"""Every use of reportlab's private API, in one place (reportlab >= 5.0.1, < 5.2; see pyproject.toml).

Each function says what it reaches into and why no public API does the job.
tests/test_private_api.py exercises every one, so an upgrade that moves them fails there first.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.paragraph import split, strip


def doc_template(canv):
    """The doc template laying out ``canv``: platypus sets ``canvas._doctemplate``, and a flowable
    that records where it landed (a part's first page) has no other way to reach it."""
    return canv._doctemplate


def stamp_date(canv, when) -> None:
    """Date the PDF (CreationDate, ModDate) with the build's fixed time instead of reportlab's
    invariant-mode placeholder, so the metadata is true and two builds still give the same bytes.
    reportlab keeps the timestamp in ``canvas._doc._timeStamp`` and offers no setter."""
    stamp = canv._doc._timeStamp
    stamp.YMDhms = tuple(when.utctimetuple())[:6]
    stamp.dhh = stamp.dmm = 0


def row_heights(table) -> list[float]:
    """A wrapped Table's row heights (``Table._rowHeights``): needed to decide where a long table may
    start on a page before platypus places it."""
    return table._rowHeights


def kept_height(flowable) -> float:
    """A KeepTogether's real height: its ``wrap`` answers "too tall" on purpose to force a split,
    and keeps the measured height in ``_H``."""
    return flowable._H if isinstance(flowable, KeepTogether) else flowable.height


def words(text: str) -> list[str]:
    """reportlab's own word split for paragraph text (a no-break space does not break), from the
    undocumented module functions ``paragraph.split`` and ``strip``."""
    return split(strip(text))


class StableParagraph(Paragraph):
    """A Paragraph that remembers its line breaks per width. Platypus wraps the same paragraph
    several times (keep-together groups, tables, page splits); the breaks cannot change while the
    style does not, so only use it for styles that are not changed after the paragraph is made.
    The remembered state is Paragraph's private ``blPara`` and ``_wrapWidths``."""

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == availWidth:
            self.width, self.height, self.blPara, self._wrapWidths = memo[1]
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._memo = (availWidth, (self.width, self.height, self.blPara, self._wrapWidths))
        return size


def end_build_without_saving(template, base) -> None:
    """Finish a doc template's build but leave the canvas open, so forms the pages refer to (the
    contents page numbers) can be defined once every page is known: ``BaseDocTemplate._endBuild``
    saves unless ``_doSave`` is 0."""
    template._doSave = 0
    base._endBuild(template)
