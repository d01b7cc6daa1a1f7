"""Figures: pictures drawn from content data, never bitmaps made by hand.

A figure in the document tree (``booklet.compose.tree.Figure``) carries its kind and its data (one
of the frozen dataclasses of the kind's module here). A layout function per kind turns it into a
``Drawing``: a list of output-neutral primitives (boxes, lines, arrows, text, icons) sized for the
width and text size the output asks for, with every text measured by the output's own font
metrics. Each output then draws the primitives natively (reportlab graphics, PowerPoint shapes,
SVG, Typst), so a figure looks the same everywhere and stays editable where the format allows.

Contract of every layout: no label smaller than ``text_size``; every label wrapped to the width of
what it belongs to, so nothing runs out of the drawing; colour never the only signal; colours
named by the roles of the theme's ``figures.palette`` (``colour`` resolves them).
"""
from __future__ import annotations

from booklet.figures import icon_array, pathway, receptor_grid, scale, spread
from booklet.figures.drawing import Drawing
from booklet.figures.text import Measure

KINDS = {"scale": scale, "pathway": pathway, "receptor-grid": receptor_grid, "icon-array": icon_array,
         "spread": spread}


def labels(figure) -> tuple[str, ...]:
    """The texts every output must show for ``figure`` (what ``verify`` looks for): its title and
    every word its drawing prints."""
    return (figure.title, *KINDS[figure.kind].labels(figure.data))


def layout(figure, width: float, text_size: float, measure: Measure) -> Drawing:
    """``figure`` laid out ``width`` points wide with text at ``text_size`` points, every text measured
    by ``measure(text, size, bold) -> width in points`` (the output's own font metrics).
    Dispatches on ``figure.kind``; each kind's layout function lives in its own module here."""
    return KINDS[figure.kind].layout(figure.data, width, text_size, measure)


def colour(theme, name: str) -> str:
    """'#RRGGBB' for a shape's colour name: a role of the theme's ``figures.palette``, else a theme colour."""
    palette = theme.figures.palette
    return theme.colour(getattr(palette, name) if hasattr(palette, name) else name)


def roles(drawing: Drawing) -> set[str]:
    """Every colour name a drawing uses (for contrast checks)."""
    used = set()
    for shape in drawing.shapes:
        for attr in ("fill", "stroke", "colour"):
            value = getattr(shape, attr, None)
            if value:
                used.add(value)
    return used
