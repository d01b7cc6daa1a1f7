"""The document tree as plain data for the Typst template: one function per node type.

Content never becomes Typst markup: every string travels as a JSON value that the fixed template
(``template.typ``) places as text. Each block carries ``at``, its index in ``Data.locs``, so a Typst
error can be traced back to the YAML line of the content that caused it. A node type this edition
has no function for is not dropped: its strings are shown plainly and ``UnknownNode`` is warned
(an error in the test suite), so a new node type means one new function here and one in the template.
"""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

from booklet.compose import tree as t
from booklet.compose.walk import strings
from booklet.errors import Loc
from booklet.outputs.qr import QUIET, runs
from booklet.outputs.tagged_pdf import tools
from booklet.outputs.tagged_pdf.pictures import chart_drawing, shapes


class UnknownNode(UserWarning):
    """The tagged PDF met a node type it has no function for; it printed the node's words plainly."""


class Data:
    """One document being turned into template data: the theme, every block's location, the images."""

    def __init__(self, doc: t.Document, theme, folder: Path):
        self.doc, self.theme, self.folder = doc, theme, folder
        self.locs: list[Loc] = []
        self.images = 0
        self.level = 1            # the last heading level in the current part (box titles go below it)

    def block(self, node) -> dict:
        self.locs.append(node.loc if hasattr(node, "loc") else self.doc.loc)
        at = len(self.locs) - 1
        return {"at": at, **RENDERERS.get(type(node), unknown)(node, self)}

    def blocks(self, nodes) -> list[dict]:
        return [self.block(n) for n in nodes]


# -- one function per node type ----------------------------------------------------------------------
def paragraph(node: t.Paragraph, data: Data) -> dict:
    return {"type": "paragraph", "text": node.text, "role": node.role, "refs": _refs(node.refs)}


def heading(node: t.Heading, data: Data) -> dict:
    data.level = 2
    return {"type": "heading", "text": node.text, "level": 2}


def bullet_list(node: t.BulletList, data: Data) -> dict:
    return {"type": "list", "items": list(node.items), "marker": node.marker, "start": node.start,
            "refs": _refs(node.refs)}


def box(node: t.Box, data: Data) -> dict:
    role = data.theme.roles.get(node.role) or data.theme.roles.get("important")
    colours = data.theme.colours
    level = data.level + 1
    return {"type": "box", "title": node.title, "level": level, "fill": getattr(colours, role.fill),
            "edge": getattr(colours, role.edge), "border": role.border, "body": data.blocks(node.body),
            "keep": any(isinstance(b, t.Grid) for b in node.body)}    # a week's log is never split


def table(node: t.Table, data: Data) -> dict:
    return {"type": "table", "caption": node.caption, "header": list(node.header), "rows": [list(r) for r in node.rows],
            "numeric": list(node.numeric) or [False] * len(node.header), "note": node.note, "refs": _refs(node.refs),
            **_use(node)}


def _use(node: t.Table | t.Chart | t.Figure) -> dict:
    """What the reader can do with a table, chart or figure, printed under it after its label."""
    return {"use": node.use, "use_label": node.use_label}


def chart(node: t.Chart, data: Data) -> dict:
    drawing = chart_drawing(node, data.theme)
    return {"type": "drawing", "title": node.title, "alt": node.alt, "text": None, "refs": "", "width": drawing.width,
            "height": drawing.height, "shapes": shapes(drawing, data.theme), **_use(node)}


def figure(node: t.Figure, data: Data) -> dict:
    """Laid out as the print booklet lays it out: the text column's width, the booklet's figure text
    size (scaled with the edition's body text), every label measured with the font Typst embeds."""
    from booklet.figures import layout
    from booklet.typeset.fonts import measurer, register_family

    measure = measurer(register_family(data.theme))
    theme = data.theme
    column = theme.page_size[0] - (theme.page.margin_inner_mm + theme.page.margin_outer_mm) * tools.MM
    size = theme.figures.booklet_text_size * theme.editions.pdf_body_size / theme.booklet.body_size
    drawing = layout(node, column, size, measure)
    return {"type": "drawing", "title": node.title, "alt": node.alt, "text": node.text, "refs": _refs(node.refs),
            "width": drawing.width, "height": drawing.height, "shapes": shapes(drawing, theme), **_use(node)}


def image(node: t.Image, data: Data) -> dict:
    """The picture is copied beside the template (Typst reads files only inside its root folder)."""
    data.images += 1
    name = f"image-{data.images}{Path(node.path).suffix.lower()}"
    shutil.copyfile(node.path, data.folder / name)
    return {"type": "image", "path": name, "alt": node.alt, "caption": node.caption}


def write_in(node: t.WriteIn, data: Data) -> dict:
    return {"type": "write-in", "items": list(node.items), "lines": data.theme.booklet.write_lines_per_question}


def definitions(node: t.Definitions, data: Data) -> dict:
    return {"type": "definitions", "items": [[term, meaning] for term, meaning in node.items]}


def lines(node: t.Lines, data: Data) -> dict:
    looks = data.theme.editions
    count = node.count or (looks.html_question_boxes if node.numbered else looks.html_note_rows)
    return {"type": "lines", "count": count, "numbered": node.numbered,
            "word": data.doc.web.question if data.doc.web else ""}


def form(node: t.Form, data: Data) -> dict:
    """Each field with its labelled lines, and what a personal booklet wrote on them."""
    values = node.values or ((),) * len(node.fields)
    return {"type": "form", "fields": list(node.fields), "labels": list(node.line_labels),
            "values": [[written[n] if n < len(written) else "" for n in range(len(node.line_labels))]
                       for written in values]}


def source_list(node: t.SourceList, data: Data) -> dict:
    return {"type": "sources", "entries": [[n, text] for n, text in node.entries]}


def contents(node: t.Contents, data: Data) -> dict:
    return {"type": "contents", "entries": [[key, title] for key, title in node.entries]}


def badges(node: t.Badges, data: Data) -> dict:
    return {"type": "paragraph", "role": "strong", "refs": "",
            "text": f"{node.label}: " + ", ".join(f"{name} {word}" for name, _, word in node.items)}


def web_link(node: t.WebLink, data: Data) -> dict:
    count, dark = runs(node.url)
    return {"type": "web-link", "url": node.url, "short": node.short, "label": node.label, "alt": node.alt,
            "modules": count + 2 * QUIET, "runs": [[QUIET + x, QUIET + y, n] for x, y, n in dark],
            "size": data.theme.editions.qr_size_mm}


def unknown(node, data: Data) -> dict:
    warnings.warn(UnknownNode(f"the tagged PDF has no function for {type(node).__name__} nodes "
                              f"({getattr(node, 'loc', '')}); add one to booklet/outputs/tagged_pdf/data.py"),
                  stacklevel=3)
    return {"type": "unknown", "texts": [value for value, _ in strings(node) if value.strip()]}


RENDERERS = {t.Paragraph: paragraph, t.Heading: heading, t.BulletList: bullet_list, t.Box: box, t.Table: table,
             t.Chart: chart, t.Figure: figure, t.Image: image, t.WriteIn: write_in, t.Definitions: definitions,
             t.Lines: lines, t.Form: form, t.Grid: tools.grid, t.SourceList: source_list, t.Contents: contents,
             t.Badges: badges, t.WebLink: web_link, t.FillIn: tools.fill_in, t.Steps: tools.steps,
             t.ResultsForm: tools.results_form, t.Illustration: tools.illustration}


def _refs(numbers) -> str:
    return f" [{', '.join(str(n) for n in numbers)}]" if numbers else ""


# -- the document ------------------------------------------------------------------------------------
def document(doc: t.Document, theme, folder: Path) -> tuple[dict, list[Loc]]:
    """(template data, the location of every block by its ``at``)."""
    data = Data(doc, theme, folder)
    meta, b, e = doc.meta, theme.booklet, theme.editions
    language, _, region = str(meta.language).partition("-")
    width, height = theme.page_size
    parts = []
    for part in doc.parts:
        data.level = 1
        data.locs.append(part.loc)
        parts.append({"at": len(data.locs) - 1, "key": part.key, "title": part.title, "role": part.role,
                      "blocks": data.blocks(part.blocks)})
    looks = {"width": width, "height": height, "margin_top": theme.page.margin_top_mm,
             "margin_bottom": theme.page.margin_bottom_mm, "margin_inner": theme.page.margin_inner_mm,
             "margin_outer": theme.page.margin_outer_mm, "font": theme.fonts.family, "size": e.pdf_body_size,
             "leading": e.pdf_leading, "scale": e.pdf_body_size / b.body_size, "h1": b.h1_size, "h2": b.h2_size,
             "title": b.title_size, "subtitle": b.subtitle_size, "small": b.small_size, "table": b.table_size,
             "lead": b.lead_scale, "rule": b.rule_width, "gap": b.ruled_line_gap, "padding": b.callout_padding,
             "edge": b.callout_edge_width, "colours": {f: getattr(theme.colours, f) for f in (
                 "text", "muted", "heading", "accent", "rule", "table_header_fill", "table_header_text",
                 "table_stripe")}}
    return ({"meta": {"title": meta.title, "author": meta.author, "subject": meta.subject,
                      "keywords": list(meta.keywords), "lang": language.lower(), "region": region.upper() or None,
                      "folio": doc.folio},
             "looks": looks, "parts": parts}, data.locs)
