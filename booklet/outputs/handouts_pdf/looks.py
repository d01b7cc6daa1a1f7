"""The looks of a handout at one step of the fitter (text size, leading, spacing), and the pieces
that text and tables become: measured flowables the column flow can place.

Every look comes from the theme's ``handout`` group; text becomes a Paragraph only through
``booklet.outputs.pdf.base.para`` (or, in a trial layout, a ``Measured`` stand-in).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from booklet.outputs.handouts_pdf.flow import Piece
from booklet.outputs.handouts_pdf.trial import Measured
from booklet.outputs.pdf.base import colour, para, register_fonts
from booklet.theme import Theme
from booklet.typeset.fonts import width as stringWidth

TALL = 1e6


@dataclass(frozen=True)
class Fit:
    """One step of the fitter: body size, leading as a multiple of it, and a factor on the spaces."""

    size: float
    leading: float
    spacing: float


def fits_to_try(theme: Theme) -> list[list[Fit]]:
    """Per text size, largest first, the spacings to try from roomiest to tightest.

    For a low-vision reader a larger size matters more than roomy spacing, so the fitter tightens
    the spacing before it shrinks the text, and at the size it settles on it takes the roomiest
    spacing that fits.
    """
    h = theme.handout
    middle = (h.leading_ratio + h.min_leading_ratio) / 2
    tries, size, step = [], float(h.body_size), h.shrink_step if h.shrink_step > 0 else float("inf")
    while size >= h.min_body_size - 1e-9 or not tries:
        tries.append([Fit(round(size, 3), h.leading_ratio, 1.0), Fit(round(size, 3), middle, (1 + h.tight_spacing) / 2),
                      Fit(round(size, 3), h.min_leading_ratio, h.tight_spacing)])
        size -= step
    return tries


@functools.lru_cache(maxsize=8)
def _fonts(theme: Theme) -> dict[str, str]:
    return register_fonts(theme)


class Looks:
    """Paragraph styles and spaces for one Fit."""

    def __init__(self, theme: Theme, fit: Fit, trial: bool = False):
        h, self.theme, self.fit, self.trial = theme.handout, theme, fit, trial
        self.fonts = fonts = _fonts(theme)
        scale = fit.size / h.body_size
        self.body = ParagraphStyle("body", fontName=fonts["regular"], fontSize=fit.size,
                                   leading=fit.size * fit.leading, textColor=colour(theme, "text"),
                                   allowWidows=1, allowOrphans=1, spaceBefore=0, spaceAfter=0)
        self.strong = self.style("strong", fontName=fonts["bold"])
        h2 = h.h2_size * scale
        self.h2 = self.style("h2", fontName=fonts["bold"], fontSize=h2, leading=h2 * 1.15,
                             textColor=colour(theme, "heading"))
        title = h.title_size * scale
        self.title = self.style("title", fontName=fonts["bold"], fontSize=title, leading=title * 1.12,
                                textColor=colour(theme, "heading"))
        self.th = self.style("th", fontName=fonts["bold"], textColor=colour(theme, "table_header_text"))
        self.value = self.style("value", fontName=fonts["bold"], alignment=TA_CENTER)
        self.th_value = self.style("th-value", parent=self.th, alignment=TA_CENTER)
        self.small = self.style("small", fontSize=h.small_size, leading=h.small_size * 1.25,
                                textColor=colour(theme, "muted"))
        unit = fit.size * fit.spacing
        self.gap_heading, self.gap_after_heading = h.space_heading * unit, h.space_after_heading * unit
        self.gap_item = h.space_item * unit
        self.pad = h.cell_padding
        # a table sets its cells' font even when they hold paragraphs: never let it be Helvetica
        self.table_font = ("FONT", (0, 0), (-1, -1), fonts["regular"], fit.size)

    def para(self, text: str, style: ParagraphStyle) -> Flowable:
        """The paragraph for ``text``; in a trial layout only a stand-in that measures it."""
        return Measured(text, style) if self.trial else para(text, style, stable=True)

    def style(self, name: str, parent=None, **changes) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent or self.body, **changes)

    def hanging(self, marker: str) -> tuple[ParagraphStyle, str]:
        """A style whose wrapped lines line up after ``marker`` and a no-break space."""
        lead = f"{marker}\u00a0"
        indent = stringWidth(lead, self.body.fontName, self.body.fontSize)
        return self.style(f"list-{marker}", leftIndent=indent, firstLineIndent=-indent), lead


def text_piece(looks: Looks, text: str, style: ParagraphStyle, width: float, gap: float = 0.0, keep_next=False,
               label: str = "", loc=None) -> Piece:
    flow = looks.para(text, style)
    _, height = flow.wrap(width, TALL)
    return Piece(flow, height, gap, keep_next, 0.0 if keep_next else style.leading, label=label, loc=loc)


def table_pieces(looks: Looks, header: list[str], rows: list[list[tuple[str, ParagraphStyle]]],
                 widths: list[float], gap: float, label: str, span_first: bool = False,
                 centred: bool = False, loc=None) -> list[Piece]:
    """A table as a header piece and one piece per row, so it can continue in the next column.

    With ``span_first`` each row's first cell is a line of its own across the table and the other
    cells sit under it, one per column: for several value columns in a narrow text column.
    """
    theme, pad = looks.theme, looks.pad

    def piece(cells, fill, keep_next=False, head=None, gap=0.0) -> Piece:
        data = [cells]
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), looks.table_font, ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1), ("TOPPADDING", (0, 0), (-1, -1), pad),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
                    ("LINEBELOW", (0, -1), (-1, -1), 0.6, colour(theme, "rule"))]
        if span_first:
            data = [[cells[0]] + [""] * (len(widths) - 1), cells[1:]]
            commands += [("SPAN", (0, 0), (-1, 0)), ("BOTTOMPADDING", (0, 0), (-1, 0), 0)]
        if fill is not None:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), fill))
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle(commands))
        _, height = table.wrap(sum(widths), TALL)
        return Piece(table, height, gap, keep_next, header=head, label=label, loc=loc)

    head_styles = [looks.th]
    head_styles += [looks.th_value if span_first or centred else looks.th] * (len(header) - 1)
    head = piece([looks.para(text, style) for text, style in zip(header, head_styles)],
                 colour(theme, "table_header_fill"), True, gap=gap)
    pieces = [head]
    for number, row in enumerate(rows):
        fill = colour(theme, "table_stripe") if number % 2 else None
        pieces.append(piece([looks.para(text, style) for text, style in row], fill, head=head))
    return pieces
