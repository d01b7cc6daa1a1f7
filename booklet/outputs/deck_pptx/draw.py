"""Render the deck: open the template, plan the slides, write them, package the file."""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.errors import ContentError, Problems
from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.package import package_bytes, set_properties
from booklet.outputs.deck_pptx.template import geometry, open_template, pick_layouts
from booklet.outputs.deck_pptx.write import Writer
from booklet.typeset.measure import Measure


def check_template(theme, options) -> Problems:
    try:
        prs, where = open_template(theme, options)
        pick_layouts(prs, theme.deck, where)
    except ContentError as error:
        return Problems(list(error.problems))
    return Problems()


def render_deck(doc: t.Document, theme, options) -> bytes:
    style = theme.deck
    prs, where = open_template(theme, options)
    layouts = pick_layouts(prs, style, where)
    measure = Measure(theme.font_file(style.metrics_font), theme.font_file("bold"), style.metrics_safety)
    slides = dp.plan(doc, style, geometry(layouts), measure)
    writer = Writer(prs, layouts, theme, doc.meta.language)
    for slide in slides:
        writer.slide(slide)
    set_properties(prs, doc.meta, options.build_time)
    return package_bytes(prs)
