"""The pieces of a handout's two columns, from the body part of its document tree, in reading order.

Headings stay with what follows them; list items hang after their marker; side effects are a bold
line with what helps under it; the survival table shows the subtype's columns, stacked when the
column is too narrow for them side by side.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.outputs.handouts_pdf import tools
from booklet.outputs.handouts_pdf.flow import Piece
from booklet.outputs.handouts_pdf.looks import Looks, table_pieces, text_piece
from booklet.typeset.fonts import width as stringWidth


def column_pieces(body: t.Part, looks: Looks, width: float) -> list[Piece]:
    """Everything between the header and the footer, in reading order."""
    pieces: list[Piece] = []
    label = ""
    markers = {"bullet": looks.theme.handout.bullet, "check": looks.theme.handout.check}

    def text(value: str, loc, style=None) -> None:
        gap = looks.gap_after_heading if pieces[-1].keep_next else looks.gap_item
        pieces.append(text_piece(looks, value, style or looks.body, width, gap, label=label, loc=loc))

    for block in body.blocks:
        match block:
            case t.Heading():
                label = block.text
                pieces.append(text_piece(looks, block.text, looks.h2, width, looks.gap_heading, keep_next=True))
            case t.Paragraph():
                text(block.text, block.loc, looks.strong if block.role == "strong" else None)
            case t.BulletList():
                style, lead = looks.hanging(markers[block.marker])
                for item in block.items:
                    text(lead + item, getattr(item, "loc", block.loc), style)
            case t.Definitions():     # each term in bold, its explanation run in after it
                style, lead = looks.hanging(markers["bullet"])
                run_in = tools.labelled(looks, style)
                for term, explanation in block.items:
                    flow = run_in(lead + sentence(term), explanation)
                    gap = looks.gap_after_heading if pieces[-1].keep_next else looks.gap_item
                    pieces.append(Piece(flow, tools.height(flow, width), gap, leading=style.leading, label=label,
                                        loc=getattr(term, "loc", block.loc)))
            case t.Table():
                text(block.caption, block.loc, looks.strong)
                pieces.extend(outlook_pieces(block, looks, width, label))
                if block.note:
                    text(block.note, getattr(block.note, "loc", block.loc))
                if block.use:
                    flow = tools.use_line(block, looks)
                    pieces.append(Piece(flow, tools.height(flow, width), looks.gap_item, label=label, loc=block.loc))
            case t.Box() | t.Steps():
                label = block.title or label
                flow = (tools.key_points if isinstance(block, t.Box) else tools.steps_panel)(block, looks, width)
                gap = looks.gap_heading if pieces else 0.0
                pieces.append(Piece(flow, tools.height(flow, width), gap, label=label, loc=block.loc))
            case _:
                raise TypeError(f"a handout body cannot hold {block!r}")
    return pieces


def sentence(text: str) -> str:
    """A term run in before its explanation ends like a sentence."""
    return text if text.endswith((".", "?", "!", ":")) else f"{text}."


def outlook_pieces(table: t.Table, looks: Looks, width: float, label: str) -> list[Piece]:
    """The subtype's columns of the shared survival table.

    Value columns are made just wide enough for their longest word, so no word is broken; the row
    labels get the rest. If they would get less than a fifth of the column, or if it is shorter,
    each label goes on a line of its own above its values instead.
    """
    category, *columns = table.header
    cells = [list(columns)] + [list(row[1:]) for row in table.rows]
    font, size = looks.th.fontName, looks.th.fontSize
    longest = max(stringWidth(word, font, size) for row in cells for cell in row for word in str(cell).split())
    value = max(longest + 2 * looks.pad + 8, width * 0.2)
    rows = [[(row[0], looks.body)] + [(cell, looks.value) for cell in row[1:]] for row in table.rows]
    stacked = table_pieces(looks, [category, *columns], rows, [width / len(columns)] * len(columns),
                           looks.gap_item, label, span_first=True, loc=table.loc)
    if width - value * len(columns) < width * 0.2:
        return stacked
    widths = [width - value * len(columns)] + [value] * len(columns)
    side = table_pieces(looks, [category, *columns], rows, widths, looks.gap_item, label, centred=True, loc=table.loc)
    return min((side, stacked), key=lambda pieces: sum(p.height for p in pieces))
