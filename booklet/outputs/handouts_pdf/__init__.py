"""One-page handouts, one per subtype: "this is your type of breast cancer", to keep on the fridge.

It draws the ``handout`` document trees (``booklet.compose.handout``): a header, a body poured into
two balanced columns, and a footer.

Each handout is exactly one page. The fitter lays the sheet out at the theme's body size; if it is
too long it tightens the spacing, then shrinks the text step by step down to ``min_body_size``.
If it still does not fit, the build stops with an error at the subtype's YAML file that says by how
much it is too long and which parts are longest: never a silent second page, never cut-off text.
This module only declares the output; the fitter (``fit``) is imported when a run needs it.
"""
from __future__ import annotations

NAME = "handouts"
AUDIENCE = "patient"
DOCUMENT = "handout"
SUFFIX = ".pdf"
COST = 1.2          # ms per tree node (block or slide), roughly: the build balances its processes by it


def preflight(docs, theme, options=None):
    """Every character the handouts print, and every mark the theme adds, must exist in the font."""
    from booklet.outputs.handouts_pdf.fit import check_marks

    return check_marks(docs, theme)


def render(doc, theme, options) -> bytes:
    from booklet.outputs.handouts_pdf.fit import render_handout

    return render_handout(doc, theme, options)


def read_back(path, doc, theme):
    from booklet.outputs.pdf.readback import read_pdf_back

    return read_pdf_back(path, theme, pages_exact=1)
