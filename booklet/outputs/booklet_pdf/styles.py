"""The booklet's paragraph styles, made from the theme's ``booklet`` sizes and colours.

Every size is the theme's (or a fixed ratio of one, such as a heading's line height); nothing here
chooses a size of its own.
"""
from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from booklet.outputs.pdf import base as pdfbase


def make_styles(theme, fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    b, colour = theme.booklet, lambda name: pdfbase.colour(theme, name)
    regular, bold = fonts["regular"], fonts["bold"]
    body = ParagraphStyle("body", fontName=regular, fontSize=b.body_size, leading=b.leading, alignment=TA_LEFT,
                          textColor=colour("text"), spaceAfter=b.space_after_paragraph, splitLongWords=1,
                          allowWidows=0, allowOrphans=0, bulletFontName=regular, hyphenationLang="")

    def like(name, parent=body, **kw):
        return ParagraphStyle(name, parent=parent, **kw)

    heading = dict(fontName=bold, textColor=colour("heading"), keepWithNext=1)
    small = like("small", fontSize=b.small_size, leading=b.small_size * b.leading / b.body_size)
    return {
        "body": body, "small": small,
        "lead": like("lead", fontSize=b.body_size * b.lead_scale, leading=b.leading * b.lead_scale),
        "note": like("note", parent=small, textColor=colour("muted"), spaceBefore=b.space_after_paragraph / 2),
        "h1": like("h1", fontSize=b.h1_size, leading=b.h1_size * b.h1_leading, spaceAfter=b.h1_size * 0.6, **heading),
        "h2": like("h2", fontSize=b.h2_size, leading=b.h2_size * b.h2_leading, spaceBefore=b.h2_size * 0.9,
                   spaceAfter=b.space_after_paragraph, **heading),
        "title": like("title", fontSize=b.title_size, leading=b.title_size * b.title_leading, spaceAfter=b.title_size * 0.5,
                      **heading),
        "subtitle": like("subtitle", fontSize=b.subtitle_size, leading=b.subtitle_size * b.subtitle_leading,
                         spaceAfter=b.subtitle_size * 2),
        "strong": like("strong", fontName=bold, spaceAfter=b.space_after_paragraph / 2, keepWithNext=1),
        "caption": like("caption", fontName=bold, spaceBefore=b.space_after_paragraph,
                        spaceAfter=b.space_after_paragraph * 0.75, keepWithNext=1),
        "cell": like("cell", fontSize=b.table_size, leading=b.table_leading, spaceAfter=0),
        "header": like("header", fontName=bold, fontSize=b.table_size, leading=b.table_leading, spaceAfter=0,
                       textColor=colour("table_header_text")),
        "label": like("label", fontName=bold, fontSize=b.body_size * b.label_scale, leading=b.leading * b.label_scale,
                      spaceAfter=b.space_after_paragraph / 2),
        "field": like("field", fontName=bold, spaceBefore=b.space_after_paragraph, spaceAfter=0, keepWithNext=1),
        "item": like("item", spaceAfter=b.space_after_paragraph / 2),
        "definition": like("definition", leftIndent=b.bullet_indent),
        "use": like("use", spaceBefore=b.space_after_paragraph * 0.75),
        "institution": like("institution", fontName=bold, fontSize=b.h2_size, leading=b.h2_size * b.h2_leading,
                            textColor=colour("heading"), spaceAfter=b.space_after_paragraph / 2),
        "contents": like("contents", fontSize=b.contents_size, leading=b.contents_size * b.contents_leading, spaceAfter=0),
    }

