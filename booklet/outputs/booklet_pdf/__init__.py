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
COST = 1.7          # ms per tree node (block or slide), roughly: the build balances its processes by it


def preflight(docs, theme, options):
    """Every character the booklet will print must exist in the font; a cover logo the theme names
    must be there."""
    import dataclasses

    from booklet.compose.walk import document_strings, part_print, strings
    from booklet.errors import Loc, Problems
    from booklet.outputs.booklet_pdf.tools import logo_problems
    from booklet.typeset.fonts import check_glyphs, register_family

    faces = ("regular", "bold")
    fonts = tuple(register_family(theme)[face] for face in faces)
    problems = Problems()
    for doc in docs:      # parts found drawable before in this process are not walked again (watch)
        fresh = [p for p in doc.parts if (part_print(p), fonts) not in _DRAWABLE_PARTS]
        for part in fresh:
            found = check_glyphs(strings(part), theme, faces)
            problems.items += found.items
            if not found.errors:
                _DRAWABLE_PARTS[(part_print(part), fonts)] = None
                if len(_DRAWABLE_PARTS) > 2048:        # bounded: a clinic run passes many patients' parts
                    _DRAWABLE_PARTS.pop(next(iter(_DRAWABLE_PARTS)))
        problems.items += check_glyphs(document_strings(dataclasses.replace(doc, parts=())), theme, faces).items
    for message in logo_problems(theme):
        problems.error(Loc(str(theme.path)), message)
    return problems


_DRAWABLE_PARTS: dict[tuple[str, tuple[str, ...]], None] = {}   # (part print, font names)


def render(doc, theme, options) -> bytes:
    from booklet.outputs.booklet_pdf.draw import render_booklet

    return render_booklet(doc, theme, options)


def read_back(path, doc, theme):
    from booklet.outputs.pdf.readback import read_pdf_back

    return read_pdf_back(path, theme, pages_multiple=theme.page.pad_to_multiple_of)
