"""Lay the booklet out: one pass of reportlab's platypus over the story, in a mirrored page template."""
from __future__ import annotations

import io

from booklet.compose import tree as t
from booklet.compose.walk import document_chars, fingerprint
from booklet.outputs.booklet_pdf.pages import BookletTemplate, Geometry
from booklet.outputs.booklet_pdf.story import Story
from booklet.outputs.pdf import base as pdfbase
from booklet.typeset import fonts as typeset_fonts


def render_booklet(doc: t.Document, theme, options) -> bytes:
    fonts = pdfbase.register_fonts(theme)
    geometry = Geometry.of(theme, column_width(doc, fonts["regular"], theme))
    buffer = io.BytesIO()
    template = BookletTemplate(buffer, geometry, theme, fonts, doc.folio, options.build_time,
                               **pdfbase.pdf_info(doc.meta))
    # what besides a part's own tree shapes its pages: looks, geometry, the document's fixed words
    template.context = fingerprint(theme.values(), geometry, doc.folio, doc.pad_title, doc.meta)
    template.glyphs = glyph_order(doc)
    template.build(Story(doc, theme, fonts, geometry, template).flowables())
    return buffer.getvalue()


# characters the renderer itself draws (bullets, tick boxes, dashes, quotes), given codes first
SYMBOLS = "\u2022\u2610\u2713\u2014\u2013\u2018\u2019\u201c\u201d\u2026\u00d7\u2192\u00a0"


def glyph_order(doc: t.Document) -> str:
    """The characters beyond ASCII to give glyph codes before drawing: the renderer's own symbols in
    a fixed order, then the document's other characters in code-point order."""
    return SYMBOLS + "".join(sorted(document_chars(doc) - set(SYMBOLS)))


def column_width(doc: t.Document, font: str, theme) -> float:
    """About ``measure_chars`` characters of the document's running text (``measure``) at body size."""
    sample = doc.measure or doc.meta.subtitle
    average = typeset_fonts.width(sample, font, theme.booklet.body_size) / len(sample)
    return average * theme.booklet.measure_chars
