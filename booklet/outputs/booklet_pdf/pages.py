"""The patient booklet's pages: mirrored geometry, the cover, running header and page-number footer,
part anchors (named destination, outline entry, contents page number) and padding to a page multiple.

Everything happens in ONE layout pass. The contents page draws its numbers from form XObjects
that are defined after the last page, once every part's first page is known; the padding notes
pages are added when the layout reaches a ``PadMarker``, which knows the current page number.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import (ActionFlowable, BaseDocTemplate, CondPageBreak, Flowable, Frame, PageBreak,
                                PageTemplate)

from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.pdf import private as pdf_private
from booklet.outputs.pdf.private import doc_template, end_build_without_saving
from booklet.outputs.booklet_pdf.reuse import Reusing
from booklet.outputs.pdf.contents import define_number_form

MM = 72 / 25.4


@dataclass(frozen=True)
class Geometry:
    """Page size and margins; the text column is narrowed to ``column`` (the rest goes to the outer margin)."""

    width: float
    height: float
    top: float
    bottom: float
    inner: float
    outer: float
    column: float

    @classmethod
    def of(cls, theme, column: float) -> Geometry:
        width, height = theme.page_size
        page = theme.page
        inner, outer = page.margin_inner_mm * MM, page.margin_outer_mm * MM
        return cls(width, height, page.margin_top_mm * MM, page.margin_bottom_mm * MM, inner, outer,
                   min(column, width - inner - outer))

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom

    def left(self, page: int) -> float:
        """x of the text column: odd (right-hand) pages have the binding on their left."""
        return self.inner if page % 2 else self.width - self.inner - self.column


class Anchor(Flowable):
    """Zero-size mark where a part starts: named destination, outline entry, recorded page, header."""

    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        canv = self.canv
        doc = doc_template(canv)
        canv.bookmarkPage(self.key, fit="XYZ", left=0, top=doc.geometry.height, zoom=0)  # keeps the reader's zoom
        canv.addOutlineEntry(self.title, self.key, level=0)
        doc.part_started(self.key, self.title, canv.getPageNumber())


class Running(Flowable):
    """Zero-size mark: the running header shows ``title`` from this page on (no outline entry)."""

    def __init__(self, title: str):
        super().__init__()
        self.title = title

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        doc_template(self.canv).running = self.title


class PadMarker(ActionFlowable):
    """Where notes pages go so the page count becomes a multiple: the layout measures ``following``
    (the parts still to come) and inserts as many ``notes_page()`` as needed right here."""

    def __init__(self, following: list[Flowable], notes_page: Callable[[], list[Flowable]]):
        super().__init__()
        self.following, self.notes_page = following, notes_page

    def apply(self, doc):
        pass


class BookletTemplate(Reusing, BaseDocTemplate):
    """Cover, then mirrored odd/even pages; records where each part starts while it lays them out."""

    def __init__(self, buffer, geometry: Geometry, theme, fonts: dict[str, str], page_word: str,
                 build_time, **info):
        g = geometry
        super().__init__(buffer, pagesize=(g.width, g.height), leftMargin=g.inner, rightMargin=g.outer,
                         topMargin=g.top, bottomMargin=g.bottom, initialFontName=fonts["regular"],
                         initialFontSize=theme.booklet.body_size, **info)
        self.geometry, self.theme, self.fonts, self.page_word = g, theme, fonts, page_word
        self.build_time, self.multiple = build_time, int(theme.page.pad_to_multiple_of)
        self.starts: dict[str, int] = {}
        self.numbers: dict[str, str] = {}       # form name -> part key, for the contents page
        self.opening_pages: set[int] = set()
        self.running = ""
        self.glyphs = ""                         # characters beyond ASCII to give codes first (draw.py)
        cover = Frame(0, 0, g.width, g.height, id="cover",      # the cover flowable places everything itself
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover], onPage=self._cover),
            PageTemplate("even", [self._frame(2)], onPageEnd=self._furniture),
            PageTemplate("odd", [self._frame(1)], onPageEnd=self._furniture),
        ])

    def handle_documentBegin(self):
        """Before anything is drawn: the body faces get their names and the document's characters
        their glyph codes, in a fixed order (see ``reuse``)."""
        pdf_private.preassign_glyphs(self.canv, [self.fonts["regular"], self.fonts["bold"]], self.glyphs)
        super().handle_documentBegin()

    def handle_pageBegin(self):
        """Every page after the cover takes the template of its side (mirrored margins)."""
        if self.page:
            self.pageTemplate = self.pageTemplates[1 + (self.page + 1) % 2]
        super().handle_pageBegin()

    def _frame(self, parity: int) -> Frame:
        g = self.geometry
        return Frame(g.left(parity), g.bottom, g.column, g.frame_height, id=f"body{parity}",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    # -- what anchors and the contents page tell the template ----------------------------------
    def part_started(self, key: str, title: str, page: int) -> None:
        self.record_call("part_started", key, title, page)
        self.starts[key] = page
        self.running = title
        self.opening_pages.add(page)

    def number_form(self, key: str) -> str:
        """The name of the form that will hold ``key``'s page number."""
        name = f"PageOf{len(self.numbers)}"
        self.numbers[name] = key
        return name

    # -- page decoration ----------------------------------------------------------------------
    def _cover(self, canv, doc) -> None:
        """The cover's page: its metadata (the cover flowable draws the page itself)."""
        pdfbase.stamp_date(canv, self.build_time)
        canv.showOutline()

    def _furniture(self, canv, doc) -> None:
        """Running header (the current part's title, not on the page where it starts) and page number."""
        g, theme = self.geometry, self.theme
        page = canv.getPageNumber()
        if self.recorder is not None:
            self.recorder.furniture_starts()        # recorded pages keep their bodies only
        size = theme.booklet.small_size
        left, right = g.left(page), g.left(page) + g.column
        odd = page % 2 == 1
        canv.saveState()
        canv.setFillColor(pdfbase.colour(theme, "muted"))
        if self.running and page not in self.opening_pages:
            fit = min(size, size * g.column / max(canv.stringWidth(self.running, self.fonts["regular"], size), 1))
            canv.setFont(self.fonts["regular"], fit)
            y = g.height - g.top + size * 1.4
            (canv.drawRightString(right, y, self.running) if odd else canv.drawString(left, y, self.running))
            canv.setStrokeColor(pdfbase.colour(theme, "rule"))
            canv.setLineWidth(theme.booklet.rule_width * 0.6)
            canv.line(left, y - size * 0.45, right, y - size * 0.45)
        canv.setFont(self.fonts["bold"], size)
        folio = f"{self.page_word} {page}"
        y = g.bottom - size * 2.2
        (canv.drawRightString(right, y, folio) if odd else canv.drawString(left, y, folio))
        canv.restoreState()

    # -- single-pass padding and late page numbers ---------------------------------------------
    def handle_flowable(self, flowables):
        if self.reuse_step(flowables):
            return
        if isinstance(flowables[0], PadMarker):
            marker = flowables.pop(0)
            if self.recorder is not None:       # the notes pages it adds belong to no part
                self.recorder.begin_part(None, self.page + 1)
            extra = -(self.page + self._pages_for(marker.following)) % self.multiple
            for _ in range(extra):
                flowables[0:0] = marker.notes_page()
            return
        super().handle_flowable(flowables)

    def _pages_for(self, flowables: list[Flowable]) -> int:
        """How many pages ``flowables`` will take (each PageBreak starts one), measured without drawing."""
        width, height = self.geometry.column, self.geometry.frame_height
        pages, room, queue = 0, 0.0, list(flowables)
        while queue:
            f = queue.pop(0)
            if isinstance(f, PageBreak):
                pages, room = pages + 1, height
                continue
            if isinstance(f, ActionFlowable):
                continue
            if isinstance(f, CondPageBreak):      # its wrap would act on the real frame
                pages, room = (pages + 1, height) if room < f.height else (pages, room)
                continue
            _, h = f.wrapOn(self.canv, width, room)
            h += f.getSpaceAfter() + (f.getSpaceBefore() if room < height else 0)
            if h <= room:
                room -= h
                continue
            parts = f.splitOn(self.canv, width, room) if room > 0 else []
            if len(parts) > 1:
                queue[0:0] = parts
            elif room < height:
                pages, room = pages + 1, height
                queue.insert(0, f)
            else:
                room = 0.0
        return pages

    def _endBuild(self):
        end_build_without_saving(self, BaseDocTemplate)
        if self.recorder is not None:
            self.recorder.finish_part()
        size = self.theme.booklet.contents_size
        for form, key in self.numbers.items():
            define_number_form(self.canv, form, self.starts[key], self.fonts["regular"], size,
                               pdfbase.colour(self.theme, "text"), size * 4)
        self.canv.save()
