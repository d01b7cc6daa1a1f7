"""Lay the booklet out: one pass of reportlab's platypus over the story, in a mirrored page template."""
from __future__ import annotations

import io
from itertools import islice

from booklet.compose import tree as t
from booklet.compose.walk import fingerprint
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
    template.context = fingerprint(_theme_values(theme), geometry, doc.folio, doc.pad_title, doc.meta)
    template.build(Story(doc, theme, fonts, geometry, template).flowables())
    return buffer.getvalue()


def column_width(doc: t.Document, font: str, theme) -> float:
    """About ``measure_chars`` characters of this booklet's own running text at body size."""
    running = (n.text for p in doc.parts if p.role == "section" for n in p.blocks
               if isinstance(n, t.Paragraph) and n.role == "body")
    sample = "".join(islice(running, 40))
    sample = sample[:4000] or doc.meta.subtitle
    average = typeset_fonts.width(sample, font, theme.booklet.body_size) / len(sample)
    return average * theme.booklet.measure_chars


def _theme_values(theme) -> tuple:
    import dataclasses

    return tuple(getattr(theme, f.name) for f in dataclasses.fields(theme) if f.name != "locs")
