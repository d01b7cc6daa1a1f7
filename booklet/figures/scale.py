"""A scale: ordered steps (test results from less to more) under an arrow, and the groups they fall
into as bars below them, like the "dimmer switch" of HER2 scores.

Groups may sit inside another group (HER2-low inside HER2-negative): each level of groups is a
row of bars. A bar's look (fill and pattern) comes from its group's place in the list, and its
label is printed beside the bar, never on the pattern, so neither colour nor pattern is needed to
read it. Wide enough, the steps run left to right; in a narrow column they run top to bottom.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.figures import text as tx
from booklet.figures.drawing import Box, Drawing, Line

# (fill, stroke, pattern) of the groups, in their order: light, dotted, then dark and hatched
LOOKS = (("soft", "line", None), ("soft", "line", "dots"), ("deep", "paper", "hatch"), ("strong", "paper", "cross"))


@dataclass(frozen=True)
class Step:
    label: str
    detail: str | None
    group: int                  # index of its innermost group in ``Scale.groups``


@dataclass(frozen=True)
class Group:
    label: str
    first: int                  # the first and last step it covers
    last: int
    level: int                  # 0: a group of its own; 1: a group inside a level-0 group


@dataclass(frozen=True)
class Scale:
    steps: tuple[Step, ...]
    groups: tuple[Group, ...]
    ends: tuple[str, str]       # the arrow's two ends, from the first step to the last ("Less HER2", "More HER2")


def labels(scale: Scale) -> tuple[str, ...]:
    texts = [*scale.ends]
    for step in scale.steps:
        texts += [step.label] + ([step.detail] if step.detail else [])
    return tuple(texts + [g.label for g in scale.groups])


def layout(scale: Scale, width: float, size: float, measure: tx.Measure) -> Drawing:
    across = _across(scale, width, size, measure)
    return across if across is not None else _down(scale, width, size, measure)


def _look(index: int) -> dict:
    fill, stroke, pattern = LOOKS[index % len(LOOKS)]
    return dict(fill=fill, stroke=stroke, pattern=pattern)


def _step_text(step: Step, width: float, size: float, measure) -> tuple[tx.Lines, tx.Lines | None]:
    label = tx.wrap(step.label, width, size, measure, bold=True)
    detail = tx.wrap(step.detail, width, size, measure) if step.detail else None
    return label, detail


def _across(scale: Scale, width: float, size: float, measure) -> Drawing | None:
    """Steps left to right; None where a step's words do not fit their column."""
    n, pad, gap = len(scale.steps), size * 0.45, size * 0.4
    column = (width - gap * (n - 1)) / n
    texts = [_step_text(s, column - 2 * pad, size, measure) for s in scale.steps]
    if column < size * 3.5 or any(lab.cut or (det is not None and det.cut) for lab, det in texts):
        return None
    shapes: list = []
    less, more = (tx.wrap(end, width / 2 - size, size, measure, bold=True) for end in scale.ends)
    shapes += tx.place(less, 0, 0) + tx.place(more, width, 0, "end")
    y = max(less.height, more.height) + size * 0.5
    shapes.append(Line(0, y, width, y, "line", 2.0, arrow=True))
    y += size * 0.7
    box_h = max(lab.height + (det.height + size * 0.2 if det else 0) for lab, det in texts) + 2 * pad
    for i, (label, detail) in enumerate(texts):
        x = i * (column + gap)
        shapes.append(Box(x, y, column, box_h, "paper", "line", 1.0, radius=size * 0.3))
        shapes += tx.place(label, x + column / 2, y + pad, "middle")
        if detail:
            shapes += tx.place(detail, x + column / 2, y + pad + label.height + size * 0.2, "middle")
    y += box_h + size * 0.5
    for level in sorted({g.level for g in scale.groups}):
        y = _bar_row(scale, level, y, column, gap, size, measure, shapes)
    return Drawing(width, y, tuple(shapes), labels(scale))


def _bar_row(scale: Scale, level: int, y: float, column: float, gap: float, size: float, measure, shapes) -> float:
    """One row of group bars across the steps, each with its label centred under it."""
    bar = size * 0.8
    bottom = y + bar
    for index, group in enumerate(scale.groups):
        if group.level != level:
            continue
        x = group.first * (column + gap)
        span = (group.last - group.first + 1) * (column + gap) - gap
        shapes.append(Box(x, y, span, bar, radius=bar / 2, **_look(index)))
        label = tx.wrap(group.label, span, size, measure, bold=True)
        shapes += tx.place(label, x + span / 2, y + bar + size * 0.25, "middle")
        bottom = max(bottom, y + bar + size * 0.25 + label.height)
    return bottom + size * 0.6


def _down(scale: Scale, width: float, size: float, measure) -> Drawing:
    """Steps top to bottom along a downward arrow, the group bars to their right with labels beside."""
    pad, gap = size * 0.45, size * 0.35
    levels = sorted({g.level for g in scale.groups})
    bar = size * 0.8
    arrow_x = size * 0.6
    step_x = size * 1.6
    step_w = max((width - step_x) * 0.5, size * 5)
    bars_x = step_x + step_w + gap
    label_x = bars_x + len(levels) * (bar + gap)
    label_w = max(width - label_x, size * 3)
    shapes: list = []
    less = tx.wrap(scale.ends[0], width, size, measure, bold=True)
    shapes += tx.place(less, 0, 0)
    y = top = less.height + size * 0.4
    rows = []
    for step in scale.steps:
        label, detail = _step_text(step, step_w - 2 * pad, size, measure)
        h = label.height + (detail.height + size * 0.2 if detail else 0) + 2 * pad
        shapes.append(Box(step_x, y, step_w, h, "paper", "line", 1.0, radius=size * 0.3))
        shapes += tx.place(label, step_x + pad, y + pad)
        if detail:
            shapes += tx.place(detail, step_x + pad, y + pad + label.height + size * 0.2)
        rows.append((y, h))
        y += h + gap
    bottom = y - gap
    shapes.append(Line(arrow_x, top, arrow_x, bottom, "line", 2.0, arrow=True))
    next_label = top
    for index, group in enumerate(scale.groups):
        y0, (y1, h1) = rows[group.first][0], rows[group.last]
        x = bars_x + levels.index(group.level) * (bar + gap)
        shapes.append(Box(x, y0, bar, y1 + h1 - y0, radius=bar / 2, **_look(index)))
        label = tx.wrap(group.label, label_w, size, measure, bold=True)
        at = max(y0, next_label)
        shapes += tx.place(label, label_x, at)
        next_label = at + label.height + size * 0.4
    more = tx.wrap(scale.ends[1], width, size, measure, bold=True)
    end = max(bottom, next_label) + size * 0.3
    shapes += tx.place(more, 0, end)
    return Drawing(width, end + more.height, tuple(shapes), labels(scale))
