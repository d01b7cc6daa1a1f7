"""Reading ``content/figures/<id>.yaml``: the keys every figure has, then its kind's own keys.

The kind is read first, so an unknown key is reported against the keys that kind accepts (with a
suggestion), and a figure without alt text or a text equivalent gets a message that says what to
write. Rules between values (a step naming an unknown group, more than 100 people filled) are
``booklet.validate``'s.
"""
from __future__ import annotations

import yaml

from booklet import model as m
from booklet.load.content import RECEPTOR_VALUES, nested
from booklet.load.fields import ID, ID_LIST, TEXT, TEXT_LIST, Field, Reader, list_of, one_of

KINDS = ("scale", "pathway", "receptor-grid", "icon-array", "spread")
REACHES = ("breast", "nodes", "distant")
OPTIONAL = dict(required=False)
NEEDED = {"alt": "the words a screen reader says in its place",
          "text": "a short text equivalent, printed beside the figure"}


class Count(int):
    """A whole number that remembers where it was written (so a rule about it can point there)."""

    loc = None


def COUNT(r: Reader, node):  # noqa: N802
    value = r.integer(node)
    if value is None:
        return None
    count = Count(value)
    count.loc = r.loc(node)
    return count


def BOOL(r: Reader, node):  # noqa: N802 - reads like a type in field tables
    if isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("true", "false"):
        return node.value == "true"
    r.error(node, f"expected true or false, found '{getattr(node, 'value', '')}'")
    return None


def _grid_row(r: Reader, node):
    result = one_of(*RECEPTOR_VALUES)
    joined = nested(m.Joined, {"receptors": Field(TEXT_LIST), "text": Field(TEXT)}, "joined results")
    spec = {"type": Field(TEXT), "ER": Field(result), "PR": Field(result), "HER2": Field(result),
            "detail": Field(TEXT, **OPTIONAL), "note": Field(TEXT, **OPTIONAL), "joined": Field(joined, **OPTIONAL)}
    values = r.fields(node, spec, "a row of a receptor grid")
    if values is None or any(values[k] is None for k in ("type", "ER", "PR", "HER2")):
        return None
    return m.GridRow(values["type"], values["ER"], values["PR"], values["HER2"], values["loc"], values["detail"],
                     values["note"], values["joined"])


DATA = {
    "scale": (m.ScaleData, {
        "ends": Field(TEXT_LIST),
        "groups": Field(list_of(nested(m.ScaleGroup, {"id": Field(ID), "label": Field(TEXT),
                                                      "within": Field(ID, **OPTIONAL)}, "a group"), "a list of groups")),
        "steps": Field(list_of(nested(m.ScaleStep, {"label": Field(TEXT), "group": Field(ID),
                                                    "detail": Field(TEXT, **OPTIONAL)}, "a step"), "a list of steps"))}),
    "pathway": (m.PathwayData, {
        "steps": Field(list_of(nested(m.PathwayStep, {"label": Field(TEXT), "detail": Field(TEXT, **OPTIONAL),
                                                      "sometimes": Field(BOOL, False, False)}, "a step"),
                               "a list of steps")),
        "legend": Field(TEXT, **OPTIONAL)}),
    "receptor-grid": (m.GridData, {"heading": Field(TEXT), "rows": Field(list_of(_grid_row, "a list of rows"))}),
    "icon-array": (m.IconArrayData, {
        "filled": Field(COUNT), "extra": Field(COUNT, False, 0), "label": Field(TEXT),
        "extra_label": Field(TEXT, **OPTIONAL), "rest_label": Field(TEXT)}),
    "spread": (m.SpreadData, {
        "stages": Field(list_of(nested(m.SpreadStage, {"label": Field(TEXT), "detail": Field(TEXT),
                                                       "reach": Field(one_of(*REACHES))}, "a stage"),
                                "a list of stages")),
        "legend": Field(TEXT)}),
}
COMMON = {"id": Field(ID), "kind": Field(TEXT), "title": Field(TEXT), "alt": Field(TEXT, **OPTIONAL),
          "text": Field(TEXT, **OPTIONAL), "sources": Field(ID_LIST),
          "clinician": Field(nested(m.FigureClinician, {"title": Field(TEXT)}, "the clinician part"), **OPTIONAL),
          "use": Field(TEXT, **OPTIONAL)}
REQUIRED = ("id", "kind", "title", "alt", "text", "sources")


def read_figure(r: Reader, node) -> m.Figure | None:
    """One figure file; None (with its problems reported) if it cannot be used."""
    if not isinstance(node, yaml.MappingNode):
        r.error(node, "a figure file is a mapping of keys (id, kind, title, alt, text, sources ...)")
        return None
    keys = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    if "kind" not in keys:
        r.error(node, f"missing required key 'kind' in a figure (one of: {', '.join(KINDS)})")
        return None
    kind = r.choice(keys["kind"], KINDS)
    if kind is None:
        return None
    cls, spec = DATA[kind]
    values = r.fields(node, COMMON | spec, f"a figure of kind '{kind}'")
    if values is None:
        return None
    for key, what in NEEDED.items():
        if key not in keys:
            r.error(node, f"figure '{values['id'] or kind}' has no '{key}': write {what}")
    if any(values[k] is None for k in REQUIRED) or any(values[k] is None for k, f in spec.items() if f.required):
        return None
    data = cls(loc=values["loc"], **{k.replace("-", "_"): values[k] for k in spec})
    return m.Figure(values["id"], kind, values["title"], values["alt"], values["text"], tuple(values["sources"]),
                    data, values["loc"], values["clinician"], values["use"])


def read_figures(tree) -> list[m.Figure]:
    """Every figure in the content's figures/ folder (a content folder may have none)."""
    if not (tree.root / "figures").is_dir():
        return []
    found = []
    for path in tree.folder("figures"):
        figure = tree.memo(path, tree.shown(path), "a figure", read_figure)
        if figure is not None:
            found.append(figure)
    return found
