"""A content figure as a tree ``Figure``: the kind's plain data, with references resolved.

Group ids become step ranges, receptor results become the words the kit prints for them, a range
of people becomes filled and extra counts: what a layout (``booklet.figures``) needs and nothing of
the content model.
"""
from __future__ import annotations

from booklet import model as m
from booklet.compose import common
from booklet.compose import tree as t
from booklet.figures import icon_array, pathway, receptor_grid, scale, spread

ICONS = 100
RECEPTORS = (("ER", "er"), ("PR", "pr"), ("HER2", "her2"))   # column heading, field of model.GridRow


def figure(kit: m.Kit, ident: str, loc=None) -> t.Figure:
    """The figure ``ident`` as a tree node, located where it is placed (or at its own file), with its
    use line and the kit's label for it, as ``common.table`` gives a table's."""
    source = kit.figures[ident]
    return t.Figure(source.id, source.kind, source.title, source.alt, source.text, data(kit, source.data),
                    loc or source.loc, common.numbers(kit, source.sources), source.use, kit.meta.tools.use)


def data(kit: m.Kit, content) -> object:
    match content:
        case m.ScaleData():
            return _scale(content)
        case m.PathwayData():
            return pathway.Pathway(tuple(pathway.Step(s.label, s.detail, s.sometimes) for s in content.steps),
                                   content.legend)
        case m.GridData():
            return _grid(kit, content)
        case m.IconArrayData():
            return icon_array.IconArray(ICONS, int(content.filled), int(content.extra), content.label,
                                        content.extra_label, content.rest_label)
        case m.SpreadData():
            return spread.Spread(tuple(spread.Stage(s.label, s.detail, s.reach) for s in content.stages),
                                 content.legend)
    raise TypeError(f"unknown figure data {content!r}")


def _scale(content: m.ScaleData) -> scale.Scale:
    index = {g.id: i for i, g in enumerate(content.groups)}
    outer = {g.id: g.within for g in content.groups}
    groups = []
    for g in content.groups:
        covered = [i for i, s in enumerate(content.steps) if s.group == g.id or outer.get(s.group) == g.id]
        groups.append(scale.Group(g.label, covered[0], covered[-1], 1 if g.within else 0))
    steps = tuple(scale.Step(s.label, s.detail, index[s.group]) for s in content.steps)
    return scale.Scale(steps, tuple(groups), (content.ends[0], content.ends[1]))


def _grid(kit: m.Kit, content: m.GridData) -> receptor_grid.ReceptorGrid:
    words = kit.meta.handout   # the receptor results in the words every handout prints
    rows = []
    for row in content.rows:
        joined = set(row.joined.receptors) if row.joined else set()
        marks: list[receptor_grid.Mark] = []
        for name, field in RECEPTORS:
            value = str(getattr(row, field))
            if name in joined:
                if not any(m_.span > 1 for m_ in marks):
                    marks.append(receptor_grid.Mark(value, row.joined.text, len(joined)))
                continue
            marks.append(receptor_grid.Mark(value, getattr(words, value)))
        rows.append(receptor_grid.Row(row.type, row.detail, row.note, tuple(marks)))
    return receptor_grid.ReceptorGrid(tuple(name for name, _ in RECEPTORS), content.heading, tuple(rows))
