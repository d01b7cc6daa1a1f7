"""Fit a handout on one page and draw it: the roomiest text size and spacing that fit, found on
cheap trial layouts, then laid out for real."""
from __future__ import annotations

import io

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from booklet.compose import tree as t
from booklet.compose.walk import document_strings
from booklet.errors import Loc, Problems, fail
from booklet.outputs.handouts_pdf.edges import footer_parts, header_parts
from booklet.outputs.handouts_pdf.flow import Columns, Sheet, fragments
from booklet.outputs.handouts_pdf.looks import TALL, Fit, Looks, fits_to_try
from booklet.outputs.handouts_pdf.parts import column_pieces
from booklet.outputs.pdf import base as pdfbase
from booklet.theme import Theme
from booklet.typeset import fonts as typeset_fonts

MARKS = ("bullet", "check", "sign_positive", "sign_negative", "sign_either", "sign_low")   # theme text drawn


@dataclass
class Layout:
    """The sheet laid out at one Fit: whether it fits, how much too long it is if not, and its drawing."""

    fit: Fit
    fits: bool
    sheet: Sheet | None = None              # only for a real (not trial) layout that fits
    over: float = 0.0                       # points beyond the page, when it does not fit
    longest: tuple[tuple[str, float], ...] = ()   # (heading, points of column text under it), longest first
    where: Loc | None = None                # where the longest part was written: where to cut
    room: float = 0.0                       # the height of each text column


def check_marks(docs, theme: Theme) -> Problems:
    """Every character the handouts print, and every mark the theme adds, must exist in the font."""
    problems = typeset_fonts.check_glyphs((pair for doc in docs for pair in document_strings(doc)), theme,
                                          ("regular", "bold"))
    where = Loc(str(theme.path))
    for key in MARKS:
        for problem in typeset_fonts.check_glyphs([(getattr(theme.handout, key) or "", where)], theme,
                                                  ("regular", "bold")).errors:
            problems.error(problem.loc, f"{problem.message} in handout.{key}")
    return problems


def render_handout(doc: t.Document, theme: Theme, options) -> bytes:
    layout = fit(doc, theme)
    width, height = theme.page_size
    margin = theme.handout.margin_mm * mm
    buffer = io.BytesIO()
    fonts = pdfbase.register_fonts(theme)
    template = BaseDocTemplate(buffer, pagesize=(width, height), leftMargin=margin, rightMargin=margin,
                               topMargin=margin, bottomMargin=margin, initialFontName=fonts["regular"],
                               **pdfbase.pdf_info(doc.meta))
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="sheet",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="handout", frames=[frame])])
    template.build([layout.sheet])
    if template.page != 1:  # the fitter measured wrong: a bug, never a silent second page
        raise RuntimeError(f"{doc.name} came out as {template.page} pages")
    return buffer.getvalue()



def fit(doc: t.Document, theme: Theme) -> Layout:
    """The roomiest layout that fits on one page; raises a located ContentError if none does.

    The search runs on trial layouts (heights only, see handout_measure); the pick is then laid
    out for real, and if the real one is too long after all, the next tighter step is taken.
    """
    tries = fits_to_try(theme)

    known: dict[Fit, bool] = {}

    def trial(step: Fit) -> bool:
        if step not in known:
            known[step] = lay_out(doc, theme, step, trial=True).fits
        return known[step]

    size = 0
    if not trial(tries[0][0]):
        low, high = -1, len(tries)          # tightest spacing: too long at `low`; `high` fits (or is past the end)
        while high - low > 1:
            middle = (low + high) // 2
            if trial(tries[middle][-1]):
                high = middle
            else:
                low = middle
        size = min(high, len(tries) - 1)    # if even the smallest is too long, its real layout says by how much
    order = [step for steps in tries for step in steps]
    first = next((order.index(step) for step in tries[size] if step is tries[size][-1] or trial(step)), 0)
    for step in order[first:]:
        layout = lay_out(doc, theme, step)
        if layout.fits:
            return layout
    raise fail(layout.where or doc.loc, overflow_message(doc, layout))


def overflow_message(doc: t.Document, layout: Layout) -> str:
    over = layout.over
    parts = ", ".join(f"'{name}' {height:.0f} pt" for name, height in layout.longest)
    return (f"handout for '{doc.name.rsplit('/', 1)[-1]}' does not fit on one page even at {layout.fit.size:g} pt: "
            f"{over:.0f} pt ({over / 72:.1f} in) too long; shorten the longest parts ({parts} of column "
            f"text; the two columns hold 2 x {layout.room:.0f} pt)")


def lay_out(doc: t.Document, theme: Theme, fit: Fit, trial: bool = False) -> Layout:
    """Measure every part at ``fit`` and place it: header at the top, footer at the foot, balanced columns."""
    page_w, page_h = theme.page_size
    margin = theme.handout.margin_mm * mm
    width, height = page_w - 2 * margin, page_h - 2 * margin - 0.01
    looks = Looks(theme, fit, trial)
    parts = {part.role: part for part in doc.parts}

    header = _measure(header_parts(parts["header"], looks, width), width)
    footer = _measure(footer_parts(parts["footer"], looks, width), width)
    body_top = sum(gap + h for _, gap, h in header) + looks.gap_heading * 0.8
    footer_top = height - sum(gap + h for _, gap, h in footer)
    room = footer_top - fit.size * 0.6 - body_top     # a little air above the footer

    gutter = theme.handout.column_gap_mm * mm
    column_w = (width - gutter) / 2
    pieces = column_pieces(parts["body"], looks, column_w)
    columns = Columns(pieces)
    if trial:
        return Layout(fit, room > 0 and columns.fits(room))
    placed = columns.balanced(room) if room > 0 else None
    if placed is None:
        over = columns.needed(max(room, 0.0)) - room
        longest = _longest(pieces)
        under = [p for p in pieces if longest and p.label == longest[0][0] and p.loc]
        where = max(under, key=lambda p: p.height).loc if under else None   # the tallest piece: where to cut
        return Layout(fit, False, over=over, longest=longest, where=where, room=room)
    parts = _stack(header, 0.0, 0.0, width)
    most = theme.handout.stretch_spacing / fit.spacing
    for number, column in enumerate(fragments(placed, column_w)):
        parts += _stack(_stretch(column, room, most), number * (column_w + gutter), body_top, column_w)
    parts += _stack(footer, 0.0, footer_top, width)
    return Layout(fit, True, Sheet(width, height, parts))


def _measure(items, width: float) -> list[tuple]:
    """(flowable, gap above, height) for full-width items."""
    return [(flow, gap, flow.wrap(width, TALL)[1]) for flow, gap in items]


def _stretch(column: list[tuple], room: float, most: float) -> list[tuple]:
    """Share a column's spare room out among its spaces (each grows at most ``most`` times)."""
    spare = room - sum(gap + h for _, gap, h in column)
    gaps = sum(gap for _, gap, _ in column)
    if spare <= 0 or gaps <= 0:
        return column
    factor = min(1 + spare / gaps, most)
    return [(flow, gap * factor, h) for flow, gap, h in column]


def _stack(items, x: float, top: float, width: float) -> list[tuple]:
    """Sheet parts for measured items placed one under the other from ``top``."""
    parts = []
    for flow, gap, h in items:
        top += gap
        parts.append((flow, x, top, width, h))
        top += h
    return parts


def _longest(pieces) -> tuple[tuple[str, float], ...]:
    totals: dict[str, float] = {}
    for piece in pieces:
        if piece.label:
            totals[piece.label] = totals.get(piece.label, 0.0) + piece.gap + piece.height
    return tuple(sorted(totals.items(), key=lambda kv: -kv[1])[:3])
