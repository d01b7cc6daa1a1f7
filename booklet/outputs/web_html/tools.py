"""The reader's tools on the web page: what the print booklet draws to write on becomes real form
controls a reader can fill in on screen, and that still print as boxes and lines.

- the when-to-call panel (``Steps``): a labelled region holding an ordered list of steps, each step
  its label and what it says; the institution's numbers (``FillIn``) as "label value", or a labelled
  text field where the institution has not set one;
- "My results" (``ResultsForm``): a labelled region of field sets, one per result, with a labelled
  checkbox per choice and a labelled text field for "other" or a free answer;
- grids (``Grid``: appointments, side-effect tracker, activity log): tables of inputs with scoped
  column headers and, where the grid has row labels, scoped row headers; a column whose print hint
  is a box to tick, or words to circle, gets checkboxes; rows already written in (a personal
  booklet) are filled in;
- a table's, chart's or figure's "What you can do:" line; the cover's illustration.

Every control has a name a screen reader reads: its own label, or the column and the row it sits in.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.outputs.web_html.art import art_svg
from booklet.outputs.web_html.markup import Markup, el

TICK = "\u2610"     # a print hint that is a box to tick


def fill_in(node: t.FillIn, ctx) -> Markup:
    """"Label value", or the label and a text field to write the value in."""
    if node.value is not None:
        return el("p", el("strong", node.label), " ", ctx.prose(node.value), class_="fill-in")
    ident = ctx.new_id("fill")
    return el("div", el("label", node.label, for_=ident),
              el("input", type="text", id=ident, name=ident, autocomplete="off"), class_="field fill-in")


def steps(node: t.Steps, ctx) -> Markup:
    """The when-to-call panel: its title names the region, its steps an ordered list."""
    from booklet.outputs.web_html.blocks import block, slug

    title_id = ctx.new_id("panel")
    items = [el("li", el("p", step.label, class_="step-label"), *(block(b, ctx) for b in step.blocks))
             for step in node.steps]
    return el("section", el("h3", node.title, id=title_id), el("ol", *items, class_="steps"),
              class_=f"panel role-{slug(node.role)}", aria_labelledby=title_id)


def _choice(ident: str, name: str, text: str, label: str | None = None) -> Markup:
    """A checkbox and its visible words; ``label`` names it fully where the words alone would be ambiguous."""
    return el("label", el("input", type="checkbox", id=ident, name=name, value=text, aria_label=label), " ", text,
              for_=ident, class_="tick")


def results_form(node: t.ResultsForm, ctx) -> Markup:
    """"My results": one field set per result, its label the legend, a checkbox per choice, a text
    field for "other" (named "label: other") or for a result that has no choices."""
    from booklet.outputs.web_html.blocks import slug

    title_id = ctx.new_id("results")
    groups = []
    for field in node.fields:
        name = ctx.new_id("result")
        ticks = [_choice(f"{name}-{n}", name, choice) for n, choice in enumerate(field.choices, start=1)]
        if field.other:
            ticks.append(_choice(f"{name}-other", name, field.other))
        ident = f"{name}-text"
        write = None
        if field.other or not field.choices:
            spoken = f"{field.label}: {field.other}" if field.other else None
            write = el("input", type="text", id=ident, name=ident, autocomplete="off", aria_label=spoken)
        if field.choices:
            groups.append(el("fieldset", el("legend", field.label), el("div", *ticks, write, class_="ticks")))
        else:
            groups.append(el("div", el("label", field.label, for_=ident), write, class_="field"))
    return el("section", el("h3", node.title, id=title_id), el("p", node.intro) if node.intro else None, *groups,
              class_=f"results box role-{slug(node.role)}", aria_labelledby=title_id)


def _cell(column: str, row: str, hint: str, value: str, ident: str) -> Markup:
    """One cell to fill in: checkboxes for a hint that is a box to tick or words to circle, else a
    text field (holding ``value`` when the row is already written in)."""
    words = [w.strip() for w in str(hint).split("\n") if w.strip()]
    if words == [TICK]:
        return el("input", type="checkbox", id=ident, name=ident, aria_label=f"{column} {row}",
                  checked=bool(value.strip()))
    if len(words) > 1:
        return el("div", *(_choice(f"{ident}-{n}", ident, word, f"{column} {row}: {word}")
                           for n, word in enumerate(words, start=1)), class_="ticks")
    return el("input", type="text", id=ident, name=ident, autocomplete="off", aria_label=f"{column} {row}",
              value=value or None)


def grid(node: t.Grid, ctx, caption: str) -> Markup:
    """A grid to fill in as a table of inputs under scoped column headers. With row labels (a week's
    days) each row starts with its label as a row header; without, it has the theme's number of
    rows (more if a personal booklet has written more in), each named by its number."""
    from booklet.outputs.web_html.blocks import slug

    caption_id = ctx.new_id("grid")
    columns = node.columns[1:] if node.rows else node.columns
    hints = node.hints[1:] if node.rows else node.hints
    labels = node.rows or tuple(str(n) for n in range(1, max(ctx.theme.editions.html_appointment_rows,
                                                               len(node.filled)) + 1))
    body = []
    for r, label in enumerate(labels):
        written = node.filled[r] if r < len(node.filled) else ()
        cells = [el("td", _cell(column, label, hints[c] if c < len(hints) else "",
                                written[c] if c < len(written) else "", ctx.new_id(slug(column))))
                 for c, column in enumerate(columns)]
        body.append(el("tr", el("th", label, scope="row") if node.rows else None, *cells))
    head = el("thead", el("tr", *(el("th", c, scope="col") for c in node.columns)))
    table = el("table", el("caption", caption, id=caption_id, class_="visually-hidden"), _columns(node, ctx.theme),
               head, el("tbody", *body),
               class_=f"form-grid role-{slug(node.role)}")
    return el("div", table, class_="table-scroll", role="region", aria_labelledby=caption_id, tabindex="0")


def _columns(node: t.Grid, theme) -> Markup | None:
    """The grid's column widths: the print booklet's shares for its role (``BookletLooks.grid_widths``)."""
    shares = theme.booklet.grid_widths(node.role)
    if not shares or len(shares) != len(node.columns):
        return None
    total = sum(shares)
    return el("colgroup", *(el("col", style=f"width: {share / total * 100:.1f}%") for share in shares))


def use_line(node: t.Table | t.Chart | t.Figure) -> Markup | None:
    """What the reader can do with a table, chart or figure, under it (None where it has no use line)."""
    if not node.use:
        return None
    return el("p", el("strong", node.use_label), " ", node.use, class_="use")


def illustration(node: t.Illustration, ctx) -> Markup:
    return el("div", art_svg(node.name, node.alt, ctx.new_id("art"), ctx.theme), class_=f"art art-{node.name}")
