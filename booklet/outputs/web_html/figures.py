"""Figures on the web page: each laid out twice, for a phone and for a wide screen.

A figure's layout (``booklet.figures``) decides its arrangement by the width it gets: a pathway runs
top to bottom in a narrow column and left to right in a wide one, an icon array puts its legend
beside the people when there is room. One drawing scaled to a phone would shrink its words below
what the booklet's readers can read, so the page carries a phone layout (16 em of the page's text
wide) and a wide one (the text column), and the stylesheet shows one of them (``sizes`` gives both
to ``style``); the other is ``display: none``, so a screen reader meets the figure once. Labels are
set at the print booklet's ratio of label to body text, on the page's body size.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.compose import tree as t
from booklet.outputs.web_html import tools
from booklet.outputs.web_html.markup import Markup, el
from booklet.outputs.web_html.svg import drawing_svg

PHONE_EM = 16       # the phone layout's width, in the page's body text size (320 px at 20 px)
PHONE_GROWTH = 1.25  # how much larger than laid out the phone layout may be shown, before the switch
WIDE_SHARE = 0.8    # the wide layout is shown where the column holds at least this share of it


@dataclass(frozen=True)
class Sizes:
    narrow: float       # the phone layout's width (px, one SVG unit each)
    wide: float         # the wide layout's width
    text: float         # label size (px)
    switch_em: float    # the viewport width (CSS em) from which the wide layout is shown


def sizes(theme) -> Sizes:
    e = theme.editions
    body = e.html_body_px
    wide = (e.html_measure_em - 2) * body
    text = theme.figures.booklet_text_size / theme.booklet.body_size * body
    return Sizes(PHONE_EM * body, wide, round(text, 2), round((wide * WIDE_SHARE + 2 * body) / 16, 2))


def figure(node: t.Figure, ctx) -> Markup:
    """The figure's title, its two drawings (named by the title, described by the alt text), its
    text equivalent with its source numbers, and its use line where it has one (as under a table)."""
    from booklet.figures import layout
    from booklet.outputs.web_html.blocks import refs, slug
    from booklet.typeset.fonts import measurer, register_family

    measure = measurer(register_family(ctx.theme))
    size = sizes(ctx.theme)
    pictures = [drawing_svg(layout(node, room, size.text, measure), ctx.new_id("figure"), node.title, node.alt,
                            ctx.theme, measure, f"figure-{kind}")
                for kind, room in (("narrow", size.narrow), ("wide", size.wide))]
    return el("figure", el("figcaption", node.title), *pictures,
              el("p", ctx.prose(node.text), refs(node.refs), class_="figure-text"), tools.use_line(node),
              class_="drawn-figure", id=f"figure-{slug(node.id)}")
