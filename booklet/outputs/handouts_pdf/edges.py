"""The edges of a subtype handout: the title and receptor badges on top, where to learn more,
review dates, sources and the disclaimer at the foot. Words from the content, looks from the theme.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from booklet.compose import tree as ir
from booklet.compose import human_date
from booklet.outputs.handouts_pdf.parts import TALL, Looks
from booklet.outputs.pdf.base import colour
from booklet.theme import Theme

QUOTES = "\u201c\u201d"          # around the booklet's title in "to learn more"
RECEPTORS = (("ER", "er"), ("PR", "pr"), ("HER2", "her2"))   # printed name, field of model.Receptors


class Badges(Flowable):
    """The receptor results in a row after their label: a tinted box per receptor, its result written out.

    Each box is as wide as its words when the row has room for that (the spare width shared out),
    else the boxes share the row equally and their words wrap.
    """

    def __init__(self, label: Flowable, label_width: float, boxes: list[tuple[Flowable, float, object, object]],
                 gap: float, pad: float):
        super().__init__()
        self.label, self.label_w, self.boxes, self.gap, self.pad = label, label_width, boxes, gap, pad

    def wrap(self, avail_width, avail_height):
        room = avail_width - self.label_w - self.gap * len(self.boxes)
        inset = 2 * self.pad + 4
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
        for (text, _, fill, edge), box_w in zip(self.boxes, self.box_ws):
            canvas.setFillColor(fill)
            canvas.setStrokeColor(edge)
            canvas.setLineWidth(1.5)
            canvas.roundRect(x + 0.75, 0.75, box_w - 1.5, self.height - 1.5, 4, stroke=1, fill=1)
            canvas.setFillColor(edge)
            canvas.roundRect(x + 0.75, 0.75, 5, self.height - 1.5, 2, stroke=0, fill=1)
            _, height = text.wrap(box_w - 2 * self.pad - 4, TALL)
            text.drawOn(canvas, x + self.pad + 4, (self.height - height) / 2)
            x += box_w + self.gap


def badge_text(labels, name: str, status: str, theme: Theme) -> str:
    word = getattr(labels, status)
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


def header_parts(doc: ir.HandoutDoc, labels, looks: Looks, width: float) -> list[tuple[Flowable, float]]:
    """(flowable, gap above) for the title, the receptor badges and a rule."""
    theme = looks.theme
    boxes = []
    for name, field in RECEPTORS:
        status = str(getattr(doc.subtype.receptors, field)).lower()
        tint = getattr(theme.handout, f"badge_{status}")
        words = badge_text(labels, name, status, theme)
        boxes.append((looks.para(words, looks.strong), stringWidth(words, looks.strong.fontName, looks.strong.fontSize),
                      colour(theme, f"{tint}_fill"), colour(theme, f"{tint}_edge")))
    label = looks.para(labels.receptors, looks.strong)
    label_w = min(stringWidth(labels.receptors, looks.strong.fontName, looks.strong.fontSize) + 2, width * 0.2)
    return [(looks.para(doc.subtype.name, title_style(doc.subtype.name, looks, width)), 0.0),
            (Badges(label, label_w, boxes, 8, 5), looks.gap_item * 2),
            (HRFlowable(width="100%", thickness=2, color=colour(theme, "accent"), spaceBefore=0, spaceAfter=0),
             looks.gap_heading * 0.7)]


def footer_parts(doc: ir.HandoutDoc, labels, pages, looks: Looks, width: float) -> list[tuple[Flowable, float]]:
    """(flowable, gap above) for where to learn more, review dates, sources and the disclaimer."""
    theme, meta = looks.theme, doc.meta
    learn = Table([[looks.para(f"{labels.learn_more} {QUOTES[0]}{doc.booklet_title}{QUOTES[1]}.", looks.strong)]],
                  colWidths=[width])
    learn.setStyle(TableStyle([looks.table_font, ("BACKGROUND", (0, 0), (-1, -1), colour(theme, "accent_light")),
                               ("LINEBEFORE", (0, 0), (0, -1), 4, colour(theme, "accent")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    dates = (f"{pages.reviewed}: {human_date(meta.last_reviewed)}.  "
             f"{pages.next_review}: {human_date(meta.next_review)}.")
    sources = f"{labels.sources}: " + "  ".join(f"[{s.number}] {s.text}" for s in doc.sources)
    small_gap = looks.theme.handout.small_size * 0.3
    return [(learn, 0.0), (looks.para(dates, looks.small), small_gap * 2), (looks.para(sources, looks.small), small_gap),
            (looks.para(meta.disclaimer, looks.small), small_gap)]
