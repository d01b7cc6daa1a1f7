"""A pathway: numbered steps joined by arrows, in the order treatment usually follows.

A step not everyone has is drawn with a dashed outline, and its own words say so ("For some
people"), so neither the dash nor colour carries the meaning alone; an optional legend explains the
dash. Wide enough, the steps run left to right; in a narrow column they run top to bottom, each
step's detail under its label, or beside it where the column is wide but the steps are too many to
run across (a 4:3 slide, a large-print page).
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.figures import text as tx
from booklet.figures.drawing import Box, Drawing, Ellipse, Line

DASH = (4.0, 3.0)


@dataclass(frozen=True)
class Step:
    label: str
    detail: str | None
    sometimes: bool             # not everyone has this step: a dashed outline


@dataclass(frozen=True)
class Pathway:
    steps: tuple[Step, ...]
    legend: str | None          # what a dashed outline means


def labels(pathway: Pathway) -> tuple[str, ...]:
    texts: list[str] = []
    for step in pathway.steps:
        texts += [step.label] + ([step.detail] if step.detail else [])
    return tuple(texts + ([pathway.legend] if pathway.legend else []))


def layout(pathway: Pathway, width: float, size: float, measure: tx.Measure) -> Drawing:
    across = _across(pathway, width, size, measure)
    if across is not None:
        return across
    column = _label_column(pathway, _inner(width, size), size, measure)
    under = _down(pathway, width, size, measure, None)
    beside = _down(pathway, width, size, measure, column) if column is not None else None
    return beside if beside is not None and beside.height < under.height else under


def _box(x: float, y: float, w: float, h: float, step: Step, size: float) -> Box:
    return Box(x, y, w, h, "paper", "line", 1.5 if not step.sometimes else 1.2, radius=0 if step.sometimes else size * 0.3,
               dash=DASH if step.sometimes else ())


def _badge(cx: float, top: float, number: int, size: float, measure) -> list:
    """The step's number in a filled circle."""
    d = size * 1.6
    digits = tx.wrap(str(number), d, size, measure, bold=True)
    return [Ellipse(cx - d / 2, top, d, d, "strong", "strong"),
            *tx.place(digits, cx, top + (d - digits.height) / 2, "middle", "paper")]


def _texts(step: Step, width: float, size: float, measure) -> tuple[tx.Lines, tx.Lines | None]:
    label = tx.wrap(step.label, width, size, measure, bold=True)
    return label, tx.wrap(step.detail, width, size, measure) if step.detail else None


def _across(pathway: Pathway, width: float, size: float, measure) -> Drawing | None:
    n, pad, arrow = len(pathway.steps), size * 0.5, size * 1.6
    column = (width - arrow * (n - 1)) / n
    texts = [_texts(s, column - 2 * pad, size, measure) for s in pathway.steps]
    if column < size * 6 or any(a.cut or (b is not None and b.cut) or len(a.lines) + len(b.lines if b else ()) > 7
                                for a, b in texts):
        return None
    badge = size * 1.6
    box_h = max(badge + size * 0.4 + a.height + (b.height + size * 0.25 if b else 0) for a, b in texts) + 2 * pad
    shapes: list = []
    for i, (step, (label, detail)) in enumerate(zip(pathway.steps, texts)):
        x = i * (column + arrow)
        shapes.append(_box(x, 0, column, box_h, step, size))
        shapes += _badge(x + column / 2, pad, i + 1, size, measure)
        top = pad + badge + size * 0.4
        shapes += tx.place(label, x + column / 2, top, "middle")
        if detail:
            shapes += tx.place(detail, x + column / 2, top + label.height + size * 0.25, "middle", "quiet")
        if i:
            shapes.append(Line(x - arrow + size * 0.2, box_h / 2, x - size * 0.2, box_h / 2, "line", 2.0, arrow=True))
    return _with_legend(pathway, shapes, width, box_h + size * 0.6, size, measure)


def _label_column(pathway: Pathway, inner: float, size: float, measure) -> float | None:
    """Where a row is wide (a slide, a large-print page), the label column's width when each step's
    detail sits beside its label rather than under it; None where the detail would be too cramped."""
    widest = max(measure(step.label, size, True) for step in pathway.steps)
    column = min(widest, inner * LABEL_SHARE)
    if inner - column - size < size * DETAIL_EMS or not any(step.detail for step in pathway.steps):
        return None
    return column


def _inner(width: float, size: float) -> float:
    """The text width of a top-to-bottom step: the row less its badge and three paddings."""
    return width - 3 * size * 0.5 - size * 1.6


LABEL_SHARE = 0.4       # of a row's text width, at most, for the labels when details sit beside them
DETAIL_EMS = 14         # the least width of the detail column, in text sizes


def _down(pathway: Pathway, width: float, size: float, measure, column: float | None) -> Drawing:
    """Top to bottom: each step's detail under its label, or beside it in a label ``column`` that wide."""
    pad, arrow, badge = size * 0.5, size * 1.5, size * 1.6
    inner = _inner(width, size)
    shapes: list = []
    y = 0.0
    for i, step in enumerate(pathway.steps):
        x = 2 * pad + badge
        if column is None:                      # the detail under the label
            label, detail = _texts(step, inner, size, measure)
            h = max(badge, label.height + (detail.height + size * 0.2 if detail else 0)) + 2 * pad
            at = (x, y + pad + label.height + size * 0.2)
        else:                                   # the detail beside the label, one row a step
            label = tx.wrap(step.label, column, size, measure, bold=True)
            detail = tx.wrap(step.detail, inner - column - size, size, measure) if step.detail else None
            h = max(badge, label.height, detail.height if detail else 0) + 2 * pad
            at = (x + column + size, y + pad)
        if i:
            shapes.append(Line(pad + badge / 2, y - arrow + size * 0.15, pad + badge / 2, y - size * 0.15, "line",
                               2.0, arrow=True))
        shapes.append(_box(0, y, width, h, step, size))
        shapes += _badge(pad + badge / 2, y + pad, i + 1, size, measure)
        shapes += tx.place(label, x, y + pad)
        if detail:
            shapes += tx.place(detail, *at, colour="quiet")
        y += h + arrow
    return _with_legend(pathway, shapes, width, y - arrow + size * 0.6, size, measure)


def _with_legend(pathway: Pathway, shapes: list, width: float, y: float, size: float, measure) -> Drawing:
    """The drawing, with a dashed sample and the legend's words under it where there is a legend."""
    if not pathway.legend or not any(s.sometimes for s in pathway.steps):
        return Drawing(width, y - size * 0.6, tuple(shapes), labels(pathway))
    sample = size * 2.2
    words = tx.wrap(pathway.legend, width - sample - size * 0.6, size, measure)
    shapes.append(Box(0, y, sample, size * 1.2, "paper", "line", 1.2, dash=DASH))
    shapes += tx.place(words, sample + size * 0.6, y + size * 0.08, colour="quiet")   # first line beside the sample
    return Drawing(width, y + max(size * 1.2, size * 0.08 + words.height), tuple(shapes), labels(pathway))
