"""The patient booklet: a print-grade PDF for newly diagnosed patients, many of them older and with
low vision. Large left-aligned type in a ~68-character column, every section on a new page with its
key points boxed, tables and charts that never rely on colour alone, pages to write on, and a
clickable contents page with real page numbers, all laid out in a single pass.

It draws the ``booklet`` document tree (``booklet.compose.booklet``); looks come from the theme's
``booklet``, ``page``, ``colours``, ``roles`` and ``fonts`` groups. ``draw`` lays it out (page
furniture in ``pages``, flowables in ``story``, shared PDF pieces in ``booklet.outputs.pdf``).
This module only declares the output; the renderer is imported when a run needs it.
"""
from __future__ import annotations

NAME = "booklet"
AUDIENCE = "patient"
DOCUMENT = "booklet"
SUFFIX = ".pdf"
COST = 1.0          # seconds per document, roughly: the build balances its processes by this


def preflight(docs, theme, options):
    """Every character the booklet will print must exist in the font; a cover logo the theme names
    must be there."""
    from booklet.compose.walk import document_strings
    from booklet.errors import Loc
    from booklet.outputs.booklet_pdf.tools import logo_problems
    from booklet.typeset.fonts import check_glyphs

    problems = check_glyphs((pair for doc in docs for pair in document_strings(doc)), theme, ("regular", "bold"))
    for message in logo_problems(theme):
        problems.error(Loc(str(theme.path)), message)
    return problems


def render(doc, theme, options) -> bytes:
    from booklet.outputs.booklet_pdf.draw import render_booklet

    return render_booklet(doc, theme, options)


def read_back(path, doc, theme):
    from booklet.outputs.pdf.readback import read_pdf_back

    return read_pdf_back(path, theme, pages_multiple=theme.page.pad_to_multiple_of)
