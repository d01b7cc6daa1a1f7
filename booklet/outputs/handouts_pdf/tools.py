"""The reader's tools on a handout, at the fitter's current text size: the "My results" strip under
the header, the key points box, the when-to-call panel and the "what you can do" line under the
survival table. Each becomes a measured piece (or a full-width item) the layout can place.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle

from booklet.compose import tree as t
from booklet.outputs.handouts_pdf.looks import TALL, Looks
from booklet.outputs.handouts_pdf.trial import Measured
from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.pdf.base import colour
from booklet.outputs.pdf.tools import Pen, results_box, step_rows


def pen(looks: Looks) -> Pen:
    theme, fonts = looks.theme, looks.fonts
    item, _ = looks.hanging(theme.handout.bullet)
    return Pen(fonts["regular"], fonts["bold"], looks.body.fontSize, looks.body.leading, colour(theme, "text"),
               colour(theme, "muted"), colour(theme, "rule"), colour(theme, "accent"), colour(theme, "background"),
               0.8, {"body": looks.body, "strong": looks.strong, "label": looks.h2, "item": item},
               bullet=theme.handout.bullet)


def maker(looks: Looks):
    """Text and a style as a paragraph (a measuring stand-in in a trial layout); refs are left to
    the booklet, where the sources are listed."""
    return lambda text, style, refs=(): looks.para(text, style)


def labelled(looks: Looks, style=None):
    """"Label text" paragraphs with the label in bold (in ``style``, else the body's)."""
    style = style or looks.body

    def make(label: str, text: str) -> Flowable:
        if looks.trial:
            return Measured(text, style, label, looks.fonts["bold"])
        return pdfbase.labelled(label, text, style, looks.fonts["bold"], stable=True)
    return make


def boxed(looks: Looks, role: str, content: list[Flowable], width: float) -> Table:
    """``content`` in the role's box: its fill, a thick left edge, the role's border."""
    theme, h = looks.theme, looks.theme.handout
    look = theme.role(role)
    edge = colour(theme, look.edge)
    commands = [looks.table_font, ("BACKGROUND", (0, 0), (-1, -1), colour(theme, look.fill)),
                ("LINEBEFORE", (0, 0), (0, -1), h.box_edge, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), h.box_padding + h.box_edge / 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), h.box_padding),
                ("TOPPADDING", (0, 0), (-1, -1), h.box_padding * 0.7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), h.box_padding),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if look.border in ("box", "heavy-box"):
        commands.append(("BOX", (0, 0), (-1, -1), 2.0 if look.border == "heavy-box" else 0.8, edge))
    box = Table([[content]], colWidths=[width])
    box.setStyle(TableStyle(commands))
    return box


def inner_width(looks: Looks, width: float) -> float:
    h = looks.theme.handout
    return width - 2 * h.box_padding - h.box_edge


def key_points(box: t.Box, looks: Looks, width: float) -> Table:
    style, lead = looks.hanging(looks.theme.handout.bullet)
    content: list[Flowable] = [looks.para(box.title, looks.h2)] if box.title else []
    for block in box.body:
        for item in getattr(block, "items", ()):
            content.append(looks.para(lead + item, style))
    return boxed(looks, box.role, content, width)


def steps_panel(panel: t.Steps, looks: Looks, width: float) -> Table:
    p = pen(looks)
    disc = looks.body.fontSize * looks.theme.handout.step_disc
    rows = step_rows(panel, inner_width(looks, width), p, maker(looks), labelled(looks), disc=disc,
                     fill=colour(looks.theme, "heading"), ink=colour(looks.theme, "background"), compact=True)
    return boxed(looks, panel.role, [looks.para(panel.title, looks.h2), rows], width)


def results_strip(form: t.ResultsForm, looks: Looks, width: float) -> Table:
    h = looks.theme.handout
    return results_box(form, width, looks.theme, pen(looks), maker(looks), aligned=False, padding=h.box_padding,
                       edge_width=h.box_edge)


def use_line(table: t.Table, looks: Looks) -> Flowable:
    return labelled(looks)(table.use_label, table.use)


def height(flow: Flowable, width: float) -> float:
    return flow.wrap(width, TALL)[1]
