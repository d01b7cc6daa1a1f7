"""The web edition of the patient booklet: one self-contained, accessible HTML file.

For readers who get the booklet through a patient portal, by email or on a phone, who zoom, or who
use a screen reader. It draws the same ``booklet`` document tree as the print booklet
(``page`` lays out the page, ``blocks`` has one function per node type, ``svg`` and ``chart`` draw
pictures, ``style`` is the stylesheet) and is read back by ``readback`` for ``verify``.
This module only declares the output; the renderer is imported when a run needs it.
"""
from __future__ import annotations

NAME = "html"
AUDIENCE = "patient"
DOCUMENT = "booklet"
SUFFIX = ".html"
COST = 0.16         # ms per tree node (block or slide), roughly: the build balances its processes by it


def render(doc, theme, options) -> bytes:
    from booklet.outputs.web_html.page import render_page

    return render_page(doc, theme).encode("utf-8")


def read_back(path, doc, theme):
    from booklet.outputs.web_html.readback import read_html_back

    return read_html_back(path)
