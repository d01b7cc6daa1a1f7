"""The edges of a handout: the title and receptor badges on top (the header part of its tree);
where to learn more, review dates, sources and the disclaimer at the foot (the footer part).
Words from the tree, looks from the theme.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from booklet.compose import tree as t
from booklet.outputs.handouts_pdf.looks import TALL, Looks
from booklet.outputs.handouts_pdf.tools import results_strip
from booklet.outputs.pdf.base import colour
from booklet.outputs.pdf.qr import MM, QrCode
from booklet.theme import Theme
from booklet.typeset.fonts import width as stringWidth


class Badges(Flowable):
    """The receptor results in a row after their label: a tinted box per receptor, its result written out.

    Each box is as wide as its words when the row has room for that (the spare width shared out),
    else the boxes share the row equally and their words wrap.
    """

    def __init__(self, label: Flowable, label_width: float, boxes: list[tuple[Flowable, float, object, object]],
                 look):
        super().__init__()
        self.label, self.label_w, self.boxes = label, label_width, boxes
        self.gap, self.pad, self.border = look.badge_gap, look.badge_padding, look.badge_border
        self.corner, self.edge = look.badge_corner, look.badge_edge
        self.text_x = self.pad + self.edge - 1        # the words start just past the solid strip

    def wrap(self, avail_width, avail_height):
        room = avail_width - self.label_w - self.gap * len(self.boxes)
        inset = self.pad + self.text_x
        natural = [words + inset + 1 for _, words, _, _ in self.boxes]
        if sum(natural) <= room:
            self.box_ws = [w + (room - sum(natural)) / len(natural) for w in natural]
        else:
            self.box_ws = [room / len(self.boxes)] * len(self.boxes)
        self.inner = max(p.wrap(w - inset, TALL)[1] for (p, _, _, _), w in zip(self.boxes, self.box_ws))
        self.label_h = self.label.wrap(self.label_w, TALL)[1]
        self.width, self.height = avail_width, max(self.inner + 2 * self.pad, self.label_h)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        self.label.drawOn(canvas, 0, (self.height - self.label_h) / 2)
        x = self.label_w + self.gap
        half = self.border / 2
        for (text, _, fill, edge), box_w in zip(self.boxes, self.box_ws):
            canvas.setFillColor(fill)
            canvas.setStrokeColor(edge)
            canvas.setLineWidth(self.border)
            canvas.roundRect(x + half, half, box_w - self.border, self.height - self.border, self.corner,
                             stroke=1, fill=1)
            canvas.setFillColor(edge)
            canvas.roundRect(x + half, half, self.edge, self.height - self.border, self.corner / 2, stroke=0, fill=1)
            _, height = text.wrap(box_w - self.pad - self.text_x, TALL)
            text.drawOn(canvas, x + self.text_x, (self.height - height) / 2)
            x += box_w + self.gap


def badge_text(name: str, status: str, word: str, theme: Theme) -> str:
    """'ER positive (+)': the receptor, its result in words, and a sign, so colour is never the only signal."""
    sign = getattr(theme.handout, f"sign_{status}") or ""
    return f"{name} {word} {sign}".strip()


def title_style(name: str, looks: Looks, width: float) -> ParagraphStyle:
    """The title at its size for this Fit, or smaller (down to min_title_size) if that keeps it on one line."""
    style, least = looks.title, looks.theme.handout.min_title_size
    natural = stringWidth(name, style.fontName, 1.0)
    size = min(style.fontSize, width / natural - 0.01) if natural else style.fontSize
    if size >= least and size < style.fontSize:
        return looks.style("title-one-line", parent=style, fontSize=size, leading=size * 1.12)
    return style


def header_parts(header: t.Part, looks: Looks, width: float) -> list[tuple[Flowable, float]]:
    """(flowable, gap above) for the title, the receptor badges, the reader's own results and a rule."""
    theme = looks.theme
    title, badges, *more = header.blocks
    boxes = []
    for name, status, word in badges.items:
        tint = getattr(theme.handout, f"badge_{status}")
        words = badge_text(name, status, word, theme)
        boxes.append((looks.para(words, looks.strong), stringWidth(words, looks.strong.fontName, looks.strong.fontSize),
                      colour(theme, f"{tint}_fill"), colour(theme, f"{tint}_edge")))
    label = looks.para(badges.label, looks.strong)
    label_w = min(stringWidth(badges.label, looks.strong.fontName, looks.strong.fontSize) + 2, width * 0.2)
    results = [(results_strip(block, looks, width), looks.gap_item * 2) for block in more
               if isinstance(block, t.ResultsForm)]
    return [(looks.para(title.text, title_style(title.text, looks, width)), 0.0),
            (Badges(label, label_w, boxes, theme.handout), looks.gap_item * 2), *results,
            (HRFlowable(width="100%", thickness=theme.handout.header_rule, color=colour(theme, "accent"),
                        spaceBefore=0, spaceAfter=0),
             looks.gap_heading * 0.7)]


def footer_parts(footer: t.Part, looks: Looks, width: float) -> list[tuple[Flowable, float]]:
    """(flowable, gap above) for where to learn more, review dates, sources and the disclaimer."""
    theme = looks.theme
    learn, *small = footer.blocks
    links = [block for block in small if isinstance(block, t.WebLink)]
    small = [block for block in small if not isinstance(block, t.WebLink)]
    role = theme.role(learn.role)
    box = Table([[looks.para(block.text, looks.strong) for block in learn.body]], colWidths=[width])
    left, top, bottom = theme.handout.learn_more_padding
    box.setStyle(TableStyle([looks.table_font, ("BACKGROUND", (0, 0), (-1, -1), colour(theme, role.fill)),
                             ("LINEBEFORE", (0, 0), (0, -1), theme.handout.learn_more_edge, colour(theme, role.edge)),
                             ("LEFTPADDING", (0, 0), (-1, -1), left), ("TOPPADDING", (0, 0), (-1, -1), top),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)]))
    small_gap = theme.handout.small_size * 0.3
    gaps = [small_gap * 2] + [small_gap] * (len(small) - 1)
    if links:
        return [(box, 0.0), (_beside_qr(links[0], small, looks, width, small_gap), small_gap * 2)]
    return [(box, 0.0)] + [(looks.para(block.text, looks.small), gap) for block, gap in zip(small, gaps)]


def _beside_qr(link: t.WebLink, small: list, looks: Looks, width: float, gap: float) -> Table:
    """The small print with the web edition's address on top, and its QR code at the right: the code
    takes the height the small print already has, so the sheet stays one page."""
    theme = looks.theme
    side = theme.editions.handout_qr_size_mm * MM
    strong = looks.style("small-strong", parent=looks.small, fontName=looks.fonts["bold"])
    spaced = looks.style("small-spaced", parent=looks.small, spaceBefore=gap)
    lines = [looks.para(f"{link.label}: {link.short}", strong)] + [looks.para(b.text, spaced) for b in small]
    table = Table([[lines, QrCode(link.url, side, theme.colour("text"))]], colWidths=[width - side - 6, side + 6])
    table.setStyle(TableStyle([looks.table_font, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table
