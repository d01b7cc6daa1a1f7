"""The reader's tools in the booklet: the when-to-call panel, the "My results" box, a table or
chart's "what you can do" line, the weekly activity log, the side-effect tracker page and the cover.

Each function takes the ``Story`` (styles, theme, fonts, column width) and a tree node; the
drawing pieces are shared with the handouts (``booklet.outputs.pdf.tools``).
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Spacer

from booklet.compose import tree as t
from booklet.errors import fail
from booklet.outputs.booklet_pdf.cover import Cover
from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.pdf.flowables import RuledGrid
from booklet.outputs.pdf.tools import Pen, results_box, step_rows
from booklet.typeset.fonts import width as text_width


def pen(story) -> Pen:
    b, s = story.b, story.styles
    hang = text_width("\u2022\u00a0", story.fonts["regular"], b.body_size)
    item = ParagraphStyle("panel-item", parent=s["item"], leftIndent=hang, firstLineIndent=-hang,
                          spaceAfter=b.space_after_paragraph / 3)
    return Pen(story.fonts["regular"], story.fonts["bold"], b.body_size, b.leading, story.colour("text"),
               story.colour("muted"), story.colour("rule"), story.colour("accent"), story.colour("background"),
               b.rule_width, {"body": s["item"], "strong": s["strong"], "label": s["label"], "item": item})


def make(text: str, style, refs: tuple[int, ...] = ()):
    return pdfbase.para(text, style, refs, stable=True)


def labelled(story):
    return lambda label, text: pdfbase.labelled(label, text, story.styles["item"], story.fonts["bold"], stable=True)


def steps(story, node: t.Steps) -> list:
    """The when-to-call panel: its title, then the numbered steps, in the role's box."""
    p, b = pen(story), story.b
    inner = story.width - 2 * b.callout_padding - b.callout_edge_width
    rows = step_rows(node, inner, p, make, labelled(story), disc=b.step_disc, fill=story.colour("heading"),
                     ink=story.colour("background"))
    box = story.box(node.role, [make(node.title, story.styles["label"]), Spacer(1, b.space_after_paragraph / 2),
                                rows])
    return [KeepTogether([box]), Spacer(1, b.space_after_paragraph * 1.5)]


def results(story, node: t.ResultsForm) -> list:
    b = story.b
    box = results_box(node, story.width, story.theme, pen(story), make, aligned=True, padding=b.callout_padding,
                      edge_width=b.callout_edge_width)
    return [KeepTogether([box]), Spacer(1, b.space_after_paragraph * 1.5)]


def use_line(story, node: t.Table | t.Chart):
    """What the reader can do with a table or chart, under it."""
    return pdfbase.labelled(node.use_label, node.use, story.styles["use"], story.fonts["bold"], stable=True)


def grid(story, node: t.Grid) -> RuledGrid:
    """A ruled grid: a fixed one (one row per label) or one filling the rest of the page; its column
    widths are the theme's (``BookletLooks.grid_widths``)."""
    b = story.b
    fractions = b.grid_widths(node.role)
    if len(node.columns) != len(fractions):
        raise fail(node.columns[0].loc if node.columns else node.loc,
                   f"{node.role}_columns has {len(node.columns)} labels; the theme's "
                   f"booklet.{b.grid_field(node.role)} has {len(fractions)} columns")
    return RuledGrid(list(fractions), b.ruled_line_gap * 1.6, story.colour("rule"), b.rule_width,
                     hints=list(node.hints), hint_font=story.fonts["regular"], hint_size=b.body_size,
                     hint_colour=story.colour("muted"), header=tuple(node.columns), header_font=story.fonts["bold"],
                     header_colour=story.colour("text"), labels=tuple(node.rows), label_font=story.fonts["regular"])


def tracker(story, blocks) -> list:
    intro, form = blocks
    return [make(intro.text, story.styles["body"]), Spacer(1, story.b.leading / 2), grid(story, form)]


def cover(story, part: t.Part) -> list:
    """The cover as one flowable: title and subtitle in the band, the picture, the foot."""
    s, theme = story.styles, story.theme
    paper = story.colour("background")
    title = ParagraphStyle("cover-title", parent=s["title"], textColor=paper)
    subtitle = ParagraphStyle("cover-subtitle", parent=s["subtitle"], textColor=paper, spaceAfter=0)
    band, left, right, below, art_name = [], [], [], [], "cover"
    for block in part.blocks:
        match block:
            case t.Paragraph(role="title"):
                band.append(make(block.text, title))
            case t.Paragraph(role="subtitle"):
                band.append(make(block.text, subtitle))
            case t.Illustration():
                art_name = block.name
            case t.Paragraph(role="institution"):
                left.append(make(block.text, s["institution"]))
            case t.FillIn():
                left.append(make(block.label, s["strong"]))
                left.append(story.lines(1))
            case t.WebLink():
                below.append(story.web_link(block))
            case _:
                right.append(story.cover_line(block))
    logo = theme.booklet.cover_logo
    return [Cover(story.geometry, theme, band, art_name, left, right, (theme.folder / logo) if logo else None, below)]


def logo_problems(theme) -> list[str]:
    """What is wrong with the theme's cover logo, if it names one."""
    logo = theme.booklet.cover_logo
    if not logo:
        return []
    path = Path(theme.folder / logo)
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return [f"booklet.cover_logo '{logo}' must be a PNG or JPEG file"]
    if not path.is_file():
        return [f"booklet.cover_logo '{logo}' not found next to the theme file"]
    return []
