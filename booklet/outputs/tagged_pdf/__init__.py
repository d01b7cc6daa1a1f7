"""The tagged PDF edition of the patient booklet (PDF/UA-1), made with Typst.

For readers who use a screen reader or a PDF reader's reflow and zoom: a structure tree with
headings, lists, tables whose header cells have a scope, figures with alt text, the title in the
title bar, bookmarks, page furniture marked as artifacts and the theme's fonts embedded. It draws
the same ``booklet`` document tree as the print booklet: ``data`` turns the tree into JSON (one
function per node type), ``template.typ`` draws it, ``typst_run`` compiles it and ``readback`` reads
the tags back for ``verify``. This module only declares the output.
"""
from __future__ import annotations

NAME = "accessible-pdf"
AUDIENCE = "patient"
DOCUMENT = "booklet"
SUFFIX = "-accessible.pdf"
COST = 1.0          # ms per tree node (block or slide), roughly: the build balances its processes by it


def preflight(docs, theme, options):
    """Every character the edition will print must exist in the theme's font."""
    from booklet.compose.walk import document_strings
    from booklet.typeset.fonts import check_glyphs

    return check_glyphs((pair for doc in docs for pair in document_strings(doc)), theme)


def render(doc, theme, options) -> bytes:
    from booklet.outputs.tagged_pdf.typst_run import compile_pdf

    return compile_pdf(doc, theme, options.build_time)


def read_back(path, doc, theme):
    from booklet.outputs.tagged_pdf.readback import read_tagged_back

    return read_tagged_back(path, theme)
