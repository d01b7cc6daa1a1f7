"""The reader's tools as template data for the tagged PDF: the when-to-call panel, "My results",
fill-in answers, grids to fill in, and the cover's illustration.

The tagged PDF is read on screen and printed, so it draws the tools as the print booklet does
(tick boxes, lines to write on, ruled grids) in a tagged structure: a panel is a titled box holding
a numbered list of steps, "My results" a titled box of labelled answers, a grid a table whose
column headers have a scope, the illustration a figure with its alt text. Marks that only help a
pen (the faint hints in a grid's cells) are artifacts, so a screen reader does not read them.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.outputs.tagged_pdf.pictures import illustration as traced

MM = 72 / 25.4
ART_SHARE = 0.38     # the cover picture takes at most this share of the text area's height
HINT = 0.9           # a grid hint's size, times the body text (template.typ draws it so)
INSET = 5            # a table cell's inset in points (template.typ's table inset)


def looks(role: str, data) -> dict:
    """The fill, edge and border of a boxed role (as ``box`` in data.py)."""
    look = data.theme.roles.get(role) or data.theme.roles.get("important")
    colours = data.theme.colours
    return {"fill": getattr(colours, look.fill), "edge": getattr(colours, look.edge), "border": look.border}


def fill_in(node: t.FillIn, data) -> dict:
    return {"type": "fill-in", "label": node.label, "value": node.value}


def steps(node: t.Steps, data) -> dict:
    level = data.level + 1
    items = [{"label": step.label, "blocks": data.blocks(step.blocks)} for step in node.steps]
    return {"type": "steps", "title": node.title, "level": level, "steps": items,
            "disc": data.theme.booklet.step_disc / data.theme.booklet.body_size, **looks(node.role, data)}


def results_form(node: t.ResultsForm, data) -> dict:
    fields = [{"label": f.label, "choices": list(f.choices), "other": f.other, "line": bool(f.other or not f.choices)}
              for f in node.fields]
    return {"type": "results", "title": node.title, "intro": node.intro, "level": data.level + 1, "fields": fields,
            **looks(node.role, data)}


def grid(node: t.Grid, data) -> dict:
    """Rows of cells: a row's label (a fixed grid), what a personal booklet wrote in, or the column's hint."""
    widths = data.theme.booklet.grid_widths(node.role)
    if widths is None or len(widths) != len(node.columns):
        widths = [1] * len(node.columns)
    count = len(node.rows) or max(data.theme.editions.html_appointment_rows, len(node.filled))
    rows = []
    for r in range(count):
        written = node.filled[r] if r < len(node.filled) else ()
        cells = []
        for c in range(len(node.columns)):
            if node.rows and c == 0:
                cells.append({"label": node.rows[r]})
            else:
                value = written[c] if c < len(written) else ""
                hint = node.hints[c] if c < len(node.hints) else ""
                cells.append({"text": value} if value else {"hint": hint})
        rows.append(cells)
    theme = data.theme
    lines = max((len(str(hint).split("\n")) for hint in node.hints), default=1)
    height = max(theme.booklet.ruled_line_gap * 1.6, lines * theme.editions.pdf_body_size * HINT * 1.35 + 2 * INSET)
    return {"type": "grid", "columns": list(node.columns), "widths": list(widths), "rows": rows, "height": height}


def illustration(node: t.Illustration, data) -> dict:
    theme = data.theme
    page = theme.page
    room = theme.page_size[1] - (page.margin_top_mm + page.margin_bottom_mm) * MM
    size = min(theme.booklet.cover_art_height_mm * MM, room * ART_SHARE)
    return {"type": "art", "alt": node.alt, "size": size, "groups": traced(node.name, size, theme)}
