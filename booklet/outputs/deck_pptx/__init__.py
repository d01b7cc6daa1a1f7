"""The clinician teaching deck: a 16:9 PowerPoint file with native tables, a native chart and notes.

It draws the ``deck`` document (``booklet.compose.deck``) in two steps, as pandoc's pptx writer does:
``plan`` decides every physical slide as plain data (with measured splits), then ``write`` turns the
plan into PowerPoint parts. The template (python-pptx's default, or an institution's .pptx) is
opened and checked by ``template`` before any slide is built; ``package`` writes the zip with fixed
timestamps: same content, same bytes. This module only declares the output; the renderer is imported
when a run needs it.
"""
from __future__ import annotations

NAME = "deck"
AUDIENCE = "clinician"
DOCUMENT = "deck"
SUFFIX = ".pptx"
COST = 4.4          # ms per tree node (block or slide), roughly: the build balances its processes by it


def preflight(docs, theme, options):
    """Check the template before anything renders: it opens, and it has every layout we need."""
    from booklet.outputs.deck_pptx.draw import check_template

    return check_template(theme, options)


def render(doc, theme, options) -> bytes:
    from booklet.outputs.deck_pptx.draw import render_deck

    return render_deck(doc, theme, options)


def read_back(path, doc, theme):
    from booklet.outputs.deck_pptx.readback import read_deck_back

    return read_deck_back(path)
