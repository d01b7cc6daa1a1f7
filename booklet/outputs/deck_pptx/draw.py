"""Render the deck: read the template, measure with its fonts, plan the slides, write them, package the file."""
from __future__ import annotations

from dataclasses import replace

from booklet.compose import tree as t
from booklet.errors import ContentError, Problems
from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.package import package_bytes, set_properties
from booklet.outputs.deck_pptx.template import Template, geometry, read_template
from booklet.outputs.deck_pptx.write import Writer, figure_module
from booklet.typeset.measure import Measure
from booklet.typeset.metrics import load_table


def check_template(theme, options) -> Problems:
    try:
        measure_for(theme, read_template(theme, options))
    except ContentError as error:
        return Problems(list(error.problems))
    return Problems()


def measure_for(theme, template: Template) -> Measure:
    """Text measured in every font a viewer may draw it in: the width table of each font the template
    names (where the theme lists one) and the wide stand-in; the widest answer wins. A font with no
    table is measured with the stand-in alone, with a larger safety margin."""
    style = theme.deck
    tables = [load_table(theme.folder / path) for path in style.metrics]
    fonts = [f for f in template.fonts if f]
    known = [table for table in tables if any(table.measures(f) for f in fonts)]
    unknown = any(not any(table.measures(f) for table in tables) for f in fonts)
    safety = float(style.metrics_safety) * (float(style.unknown_font_safety) if unknown else 1.0)
    return Measure.from_tables([*known, load_table(theme.folder / style.substitute_metrics)], safety)


def render_deck(doc: t.Document, theme, options) -> bytes:
    template = read_template(theme, options)
    measure = measure_for(theme, template)
    if figure_module() is None:       # figures are drawn by figures.py; without it, leave their slides out
        doc = replace(doc, slides=tuple(s for s in doc.slides if s.figure is None))
    slides = dp.plan(doc, theme.deck, geometry(template), measure)
    writer = Writer(template, theme, doc.meta.language, doc.footer, measure)
    for slide in slides:
        writer.slide(slide)
    set_properties(template.prs, doc.meta, options.build_time)
    return package_bytes(template.prs)
