"""The looks of one subtype handout at one text size, and the pieces of its two columns.

The header and footer are in ``handout_edges``. Every word comes from the HandoutDoc (the subtype entry, the shared survival table, the kit's
handout and page labels); every look comes from the theme's ``handout`` group. Text becomes a
Paragraph only through ``pdfbase.para``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from booklet.compose import tree as ir
from booklet.outputs.handouts_pdf.flow import Piece
from booklet.outputs.handouts_pdf.trial import Measured
from booklet.outputs.pdf.base import colour, para, register_fonts
from booklet.theme import Theme

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
               label: str = "") -> Piece:
    flow = looks.para(text, style)
    _, height = flow.wrap(width, TALL)
    return Piece(flow, height, gap, keep_next, 0.0 if keep_next else style.leading, label=label)


def table_pieces(looks: Looks, header: list[str], rows: list[list[tuple[str, ParagraphStyle]]],
                 widths: list[float], gap: float, label: str, span_first: bool = False,
                 centred: bool = False) -> list[Piece]:
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
        if span_first and head is not None:
            data = [[cells[0]] + [""] * (len(widths) - 1), cells[1:]]
            commands += [("SPAN", (0, 0), (-1, 0)), ("BOTTOMPADDING", (0, 0), (-1, 0), 0)]
        if fill is not None:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), fill))
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle(commands))
        _, height = table.wrap(sum(widths), TALL)
        return Piece(table, height, gap, keep_next, header=head, label=label)

    head_styles = [looks.th_value if span_first else looks.th]
    head_styles += [looks.th_value if span_first or centred else looks.th] * (len(header) - 1)
    head = piece([looks.para(text, style) for text, style in zip(header, head_styles)],
                 colour(theme, "table_header_fill"), True, gap=gap)
    pieces = [head]
    for number, row in enumerate(rows):
        fill = colour(theme, "table_stripe") if number % 2 else None
        pieces.append(piece([looks.para(text, style) for text, style in row], fill, head=head))
    return pieces


def outlook_pieces(doc: ir.HandoutDoc, table_header: str, looks: Looks, width: float) -> list[Piece]:
    """The subtype's columns of the shared survival table.

    Value columns are made just wide enough for their longest word, so no word is broken; if that
    leaves the row labels too little room, each label goes on a line of its own above its values.
    """
    columns = doc.subtype.outlook.columns
    cells = [list(columns)] + [[cell for _, cell in row.values] for row in doc.outlook_rows]
    font, size = looks.th.fontName, looks.th.fontSize
    longest = max(stringWidth(word, font, size) for row in cells for cell in row for word in str(cell).split())
    value = max(longest + 2 * looks.pad + 8, width * 0.2)
    stacked = width - value * len(columns) < width * 0.45
    rows = [[(row.label, looks.body)] + [(cell, looks.value) for _, cell in row.values] for row in doc.outlook_rows]
    if stacked:
        return table_pieces(looks, list(columns), rows, [width / len(columns)] * len(columns), looks.gap_item,
                            "outlook", span_first=True)
    widths = [width - value * len(columns)] + [value] * len(columns)
    return table_pieces(looks, [table_header, *columns], rows, widths, looks.gap_item, "outlook", centred=True)


def column_pieces(doc: ir.HandoutDoc, labels, table_header: str, looks: Looks, width: float) -> list[Piece]:
    """Everything between the header and the footer, in reading order."""
    subtype, theme = doc.subtype, looks.theme
    pieces: list[Piece] = []

    def heading(text: str) -> None:
        pieces.append(text_piece(looks, text, looks.h2, width, looks.gap_heading, keep_next=True))

    def text(value: str, label: str, style=None) -> None:
        gap = looks.gap_after_heading if pieces[-1].keep_next else looks.gap_item
        pieces.append(text_piece(looks, value, style or looks.body, width, gap, label=label))

    def items(values, marker: str, label: str) -> None:
        style, lead = looks.hanging(marker)
        for value in values:
            text(lead + value, label, style)

    heading(labels.what_it_means)
    text(subtype.what_it_means, "what_it_means")
    heading(labels.how_common)
    text(subtype.how_common, "how_common")
    heading(labels.early)
    items(subtype.early_treatment, theme.handout.bullet, "early_treatment")
    heading(labels.metastatic)
    items(subtype.metastatic_treatment, theme.handout.bullet, "metastatic_treatment")
    heading(labels.side_effects)
    style, lead = looks.hanging(theme.handout.bullet)
    strong = looks.style("effect", parent=style, fontName=looks.fonts["bold"])
    helps = looks.style("helps", leftIndent=style.leftIndent)
    for effect in subtype.side_effects:
        text(lead + effect.effect, "side_effects", strong)
        pieces[-1].keep_next, pieces[-1].leading = True, 0.0
        pieces.append(text_piece(looks, f"{labels.what_helps}: {effect.what_helps}", helps, width, 0.0, label="side_effects"))
    heading(labels.outlook)
    text(doc.outlook_caption, "outlook", looks.strong)
    pieces.extend(outlook_pieces(doc, table_header, looks, width))
    text(subtype.outlook.text, "outlook.text")
    heading(labels.questions)
    items(subtype.questions, theme.handout.check, "questions")
    return pieces
