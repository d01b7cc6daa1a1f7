"""Reusable reportlab building blocks for the kit's PDFs: data tables, boxed callouts, hatched bar
charts, ruled write-in lines and grids, and clickable contents entries whose page numbers are
filled in at the end of the build.

Nothing here reads content words or fixed sizes of its own: callers pass the theme, the styles and
the sizes, so the booklet and the handouts can share these without drifting apart.
"""
from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from booklet import model as m
from booklet.outputs.pdfbase import colour, para

# which theme colours (fill, edge) each boxed callout uses, and how its border differs, so that
# colour is never the only thing that tells the kinds apart
CALLOUT_LOOKS = {
    "key-points": ("key_fill", "key_edge", "box"),
    "tip": ("tip_fill", "tip_edge", "rule"),
    "call-care-team": ("warn_fill", "warn_edge", "heavy-box"),
    "important": ("important_fill", "important_edge", "bars"),
}


# -- tables -------------------------------------------------------------------------------------
def column_widths(rows: list[list[str]], styles: list, width: float, padding: float) -> list[float]:
    """Widths that fill ``width``: every column gets its longest word, the rest goes where text is long."""
    n = len(rows[0])
    least, most = [0.0] * n, [0.0] * n
    for row, style in zip(rows, styles):
        for c, cell in enumerate(row):
            measure = lambda s: stringWidth(s, style.fontName, style.fontSize)  # noqa: E731
            words = cell.split() or [""]
            least[c] = max(least[c], max(measure(w) for w in words) + 2 * padding)
            most[c] = max(most[c], measure(cell) + 2 * padding)
    if sum(least) >= width:
        return [width * w / sum(least) for w in least]
    spare, want = width - sum(least), [b - a for a, b in zip(least, most)]
    if sum(want) <= spare:
        return [b + (width - sum(most)) / n for b in most]
    return [a + spare * w / sum(want) for a, w in zip(least, want)]


def data_table(table: m.Table, width: float, theme, *, header, cell, caption, note,
               padding: float, rule_width: float, refs: tuple[int, ...] = ()) -> list[Flowable]:
    """Caption above, the table (header row repeated on every page it spans), note below."""
    texts = [list(table.columns), *[list(r) for r in table.rows]]
    widths = column_widths(texts, [header] + [cell] * len(table.rows), width, padding)
    data = [[para(c, header) for c in table.columns]] + [[para(c, cell) for c in row] for row in table.rows]
    grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colour(theme, "table_header_fill")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour(theme, "background"), colour(theme, "table_stripe")]),
        ("LINEBELOW", (0, 0), (-1, -1), rule_width, colour(theme, "rule")),
        ("BOX", (0, 0), (-1, -1), rule_width, colour(theme, "rule")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]))
    parts: list[Flowable] = [para(table.caption, caption, refs), grid]
    if table.note:
        parts.append(para(table.note, note))
    return [KeepTogether(parts)]


# -- callouts -----------------------------------------------------------------------------------
def callout_box(kind: str, content: list[Flowable], width: float, theme, *, edge_width: float,
                padding: float, rule_width: float) -> Table:
    """A shaded box with a thick left rule in the kind's colour; the border pattern differs by kind."""
    fill, edge, border = CALLOUT_LOOKS[kind]
    edge_colour = colour(theme, edge)
    commands = [
        ("BACKGROUND", (0, 0), (-1, -1), colour(theme, fill)),
        ("LINEBEFORE", (0, 0), (0, -1), edge_width, edge_colour),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + edge_width / 2), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if border in ("box", "heavy-box"):
        heavy = 2.5 if border == "heavy-box" else 1
        commands.append(("BOX", (0, 0), (-1, -1), rule_width * heavy, edge_colour))
    elif border == "bars":
        commands += [("LINEABOVE", (0, 0), (-1, 0), rule_width * 2, edge_colour),
                     ("LINEBELOW", (0, -1), (-1, -1), rule_width * 2, edge_colour)]
    box = Table([[content]], colWidths=[width], hAlign="LEFT", splitInRow=1)
    box.setStyle(TableStyle(commands))
    return box


