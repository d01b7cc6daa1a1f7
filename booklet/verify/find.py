"""Finding one content item in what a reader finds in an artefact, whatever the format.

``find(key, node, readback)`` returns (where it was found, "") or ("", what is missing). The rules
are the same for every output; only the read-back differs:

- a section: a place that starts with the section's title (a bookmark, a slide title, a heading)
  and shows that title;
- a table: where the format has native tables, the rows (across continuation places) equal the
  source exactly; otherwise the caption, and every header and body cell from the caption's place
  up to the next titled place;
- a chart: native chart data equal to the source, or the title and every value label on one place;
- a figure: every label it draws on one place, and where the format carries text alternatives
  (a deck's shapes, a web page, a tagged PDF), its alt text;
- the glossary: every term somewhere in the artefact;
- a subtype's handout: its name.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.verify.readback import Readback, squash


def find(key: str, node, readback: Readback) -> tuple[str, str]:
    kind = key.split(":", 1)[0]
    finder = {"section": _section, "table": _table, "chart": _chart, "terms": _terms, "subtype": _subtype,
              "figure": _figure}[kind]
    return finder(node, readback)


def _section(node, readback: Readback) -> tuple[str, str]:
    title = str(node.title)
    want = squash(title)
    for place in readback.places:
        if any(a.startswith(title) for a in place.anchors) and want in place.squashed:
            return place.label, ""
    return "", "no titled place (bookmark, slide title or heading) carrying its title"


def _subtype(node, readback: Readback) -> tuple[str, str]:
    if squash(node.title) in readback.text:
        return f"{len(readback.places)} {'page' if len(readback.places) == 1 else 'pages'}", ""
    return "", f"its name '{node.title}' is not printed"


def _table(node: t.Table, readback: Readback) -> tuple[str, str]:
    if any(p.tables is not None for p in readback.places):
        return _native_table(node, readback)
    places = readback.places
    caption = squash(node.caption)
    cells = [*node.header, *(cell for row in node.rows for cell in row)]
    absent: list[str] = []
    for start, place in enumerate(places):
        if caption not in place.squashed:
            continue
        end = next((i for i in range(start + 1, len(places)) if places[i].anchors), len(places))
        window = "".join(p.squashed for p in places[start:end])
        absent = [c for c in cells if squash(c) not in window]
        if not absent:
            return place.label, ""
    if not absent:
        return "", f"its caption '{node.caption}' is not printed"
    return "", f"cells not found: {', '.join(absent[:3])}"


def _native_table(node: t.Table, readback: Readback) -> tuple[str, str]:
    """The rows, concatenated across continuation places, must equal the source exactly."""
    want, rows, labels = [tuple(r) for r in node.rows], [], []
    for place in readback.places:
        for native in place.tables or ():
            if tuple(native[0]) == tuple(node.header):
                rows.extend(tuple(r) for r in native[1:])
                labels.append(place.label)
                if len(rows) >= len(want):
                    if rows[:len(want)] == want:
                        return _range(labels), ""
                    rows, labels = [], []
    return "", "no native table with identical cells"


def _range(labels: list[str]) -> str:
    """'s. 9-10' from ['s. 9', 's. 10']; 'p. 4' from one label."""
    if len(labels) == 1:
        return labels[0]
    unit = labels[0].split(" ", 1)[0]
    first, last = labels[0].split(" ", 1)[1], labels[-1].split(" ", 1)[1]
    return f"{'pp.' if unit == 'p.' else unit} {first}-{last}"


def _chart(node: t.Chart, readback: Readback) -> tuple[str, str]:
    if any(p.charts is not None for p in readback.places):
        want = (tuple(node.categories), tuple((s.name, tuple(s.values)) for s in node.series))
        for place in readback.places:
            for categories, series in place.charts or ():
                if (tuple(categories), tuple((n, tuple(v)) for n, v in series)) == want:
                    return place.label, ""
        return "", "no native chart with the table's values"
    values = [squash(label) for s in node.series for label in s.labels]
    for place in readback.places:
        if squash(node.title) in place.squashed and all(v in place.squashed for v in values):
            return place.label, ""
    return "", "no page carries the chart's title and every value"


def _terms(node: t.Definitions, readback: Readback) -> tuple[str, str]:
    text = readback.text
    absent = [term for term, _ in node.items if squash(term) not in text]
    if absent:
        return "", f"terms not found: {', '.join(absent[:5])}"
    return f"{len(node.items)}/{len(node.items)}", ""


def _figure(node: t.Figure, readback: Readback) -> tuple[str, str]:
    from booklet.figures import labels

    wanted = [squash(label) for label in labels(node)]
    carries_alts = any(p.alts for p in readback.places)
    for place in readback.places:
        if all(w in place.squashed for w in wanted):
            if carries_alts and squash(node.alt) not in {squash(a) for a in place.alts}:
                return "", f"its labels are on {place.label} but its alt text is not"
            return place.label, ""
    return "", "no place shows every label of the figure"
