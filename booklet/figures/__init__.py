"""Figures: pictures drawn from content data, never bitmaps made by hand.

A figure in the document tree (``booklet.compose.tree.Figure``) carries its kind and its data. A
layout function per kind turns it into a ``Drawing``: a list of output-neutral primitives (boxes,
lines, arrows, text, icons) sized for the width and text size the output asks for, with every
text measured by the output's own font metrics. Each output then draws the primitives natively
(reportlab graphics, PowerPoint shapes, SVG, Typst), so a figure looks the same everywhere and
stays editable where the format allows.
"""


def labels(figure) -> tuple[str, ...]:
    """The texts every output must show for ``figure`` (what ``verify`` looks for)."""
    return (figure.title,)


def layout(figure, width: float, text_size: float, measure) -> "Drawing":  # noqa: F821
    """``figure`` laid out ``width`` points wide with text at ``text_size`` points, every text measured
    by ``measure(text, size, bold) -> width in points`` (the output's own font metrics).
    Dispatches on ``figure.kind``; each kind's layout function lives in its own module here."""
    raise NotImplementedError(f"no layout for figure kind {figure.kind!r} yet")
