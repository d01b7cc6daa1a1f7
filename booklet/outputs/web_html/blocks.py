"""The web edition's blocks: one function per node type of the document tree, and a loud fallback.

``block(node, ctx)`` looks the node's type up in ``RENDERERS``. A node type the web edition does
not know yet (one a composer has just added) is NOT dropped: the fallback prints every string the
node holds and warns with ``UnknownNode`` (an error in the test suite, where warnings are errors),
so adding a node type means adding one function here. Every string goes through ``markup.el``.
"""
from __future__ import annotations

import base64
import re
import warnings
from pathlib import Path

from booklet.compose import tree as t
from booklet.compose.walk import strings
from booklet.outputs.web_html import tools
from booklet.outputs.web_html.chart import chart_svg
from booklet.outputs.web_html.figures import figure
from booklet.outputs.web_html.markup import Markup, el, join, text
from booklet.outputs.web_html.svg import qr_svg


class UnknownNode(UserWarning):
    """The web edition met a node type it has no function for; it printed the node's words plainly."""


class Context:
    """What rendering one document needs besides the node: the theme, unique ids, glossary links."""

    def __init__(self, doc: t.Document, theme, glossary: dict[str, str]):
        self.doc, self.theme, self.web = doc, theme, doc.web
        self.glossary = glossary                  # term (folded) -> anchor id
        self.pattern = _term_pattern(glossary)
        self.linked: set[str] = set()             # terms already linked in the current part
        self.part_title_id = ""                   # the current part's heading: names its notes box
        self.part_title = ""                      # and captions its form grid
        self.box_title = ""                       # the box being drawn, which captions a grid inside it
        self.counter = 0

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}"

    def prose(self, value: str) -> Markup:
        """Running text with the first use of each glossary term in the part linked to its definition."""
        if self.pattern is None:
            return text(value)
        out, last = [], 0
        for match in self.pattern.finditer(value):
            key = match.group(0).casefold()
            if key in self.linked:
                continue
            self.linked.add(key)
            out += [text(value[last:match.start()]),
                    el("a", match.group(0), href=f"#{self.glossary[key]}", class_="term")]
            last = match.end()
        out.append(text(value[last:]))
        return join(out)


def _term_pattern(glossary: dict[str, str]):
    if not glossary:
        return None
    words = sorted(glossary, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).casefold()).strip("-") or "x"


def refs(numbers: tuple[int, ...]) -> Markup | None:
    """Source numbers as links to the list of sources: ' [1, 3]'."""
    if not numbers:
        return None
    links = join((el("a", str(n), href=f"#source-{n}") for n in numbers), ", ")
    return el("sup", " [", links, "]", class_="refs")


# -- one function per node type ---------------------------------------------------------------------
def paragraph(node: t.Paragraph, ctx: Context) -> Markup:
    if node.role == "title":
        return el("h1", node.text)
    if node.role == "subtitle":
        return el("p", node.text, class_="subtitle")
    return el("p", ctx.prose(node.text), refs(node.refs), class_=node.role if node.role != "body" else None)


def heading(node: t.Heading, ctx: Context) -> Markup:
    return el("h3", node.text)


def bullet_list(node: t.BulletList, ctx: Context) -> Markup:
    last = len(node.items) - 1
    items = [el("li", ctx.prose(item), refs(node.refs) if i == last else None) for i, item in enumerate(node.items)]
    if node.marker == "number":
        return el("ol", *items, start=str(node.start) if node.start != 1 else None)
    return el("ul", *items, class_="checklist" if node.marker == "check" else None)


def box(node: t.Box, ctx: Context) -> Markup:
    title_id = ctx.new_id("box") if node.title else None
    ctx.box_title = node.title or ""
    body = [block(b, ctx) for b in node.body]
    ctx.box_title = ""
    return el("div", el("h3", node.title, id=title_id) if node.title else None, *body,
              class_=f"box role-{slug(node.role)}", role="note", aria_labelledby=title_id)


def table(node: t.Table, ctx: Context) -> Markup:
    caption_id = ctx.new_id("table")
    numeric = node.numeric or (False,) * len(node.header)

    def cell(c: int, value: str) -> Markup:
        kind = "num" if c < len(numeric) and numeric[c] else None
        return el("th", value, scope="row", class_=kind) if c == 0 else el("td", value, class_=kind)
    head = el("thead", el("tr", *(el("th", h, scope="col", class_="num" if c < len(numeric) and numeric[c] else None)
                                  for c, h in enumerate(node.header))))
    body = el("tbody", *(el("tr", *(cell(c, v) for c, v in enumerate(row))) for row in node.rows))
    grid = el("table", el("caption", node.caption, refs(node.refs), id=caption_id), head, body,
              id=f"table-{slug(node.id)}")
    note = el("p", node.note, class_="note") if node.note else None
    return el("div", el("div", grid, class_="table-scroll", role="region", aria_labelledby=caption_id, tabindex="0"),
              note, tools.use_line(node), class_="table-block")


def chart(node: t.Chart, ctx: Context, beside_table: bool = False) -> Markup:
    """The chart as a picture; its numbers as a data table beside it, unless the table it was drawn
    from stands right next to it already (``beside_table``)."""
    ident = ctx.new_id("chart")
    picture = el("figure", chart_svg(node, ident, ctx.theme), el("figcaption", node.title), tools.use_line(node),
                 class_="chart-figure")
    if beside_table:
        return picture
    data = t.Table(f"{node.id}-data", ctx.web.chart_data if ctx.web else node.title,
                   (node.category or node.title, *(s.name for s in node.series)),
                   tuple((c, *(s.labels[i] for s in node.series)) for i, c in enumerate(node.categories)), node.loc)
    return el("div", picture, table(data, ctx), class_="chart-with-table")


MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}


def image(node: t.Image, ctx: Context) -> Markup:
    path = Path(node.path)
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    source = f"data:{MIME.get(path.suffix.lower(), 'application/octet-stream')};base64,{data}"
    return el("figure", el("img", src=source, alt=node.alt),
              el("figcaption", node.caption) if node.caption else None, class_="image")


def write_in(node: t.WriteIn, ctx: Context) -> Markup:
    fields = []
    for question in node.items:
        ident = ctx.new_id("answer")
        fields.append(el("div", el("label", question, for_=ident), el("textarea", id=ident, name=ident, rows="3"),
                         class_="field"))
    return el("div", *fields, class_="write-in")


def definitions(node: t.Definitions, ctx: Context) -> Markup:
    entries = []
    for term, meaning in node.items:
        ident = ctx.glossary.get(str(term).casefold()) if node.role == "glossary" else None
        entries.append(el("div", el("dt", term, id=ident), el("dd", meaning)))
    return el("dl", *entries, class_=f"definitions {slug(node.role)}")


def lines(node: t.Lines, ctx: Context) -> Markup:
    """Ruled lines become boxes to type or write in: numbered ones a box per question, else one box."""
    looks = ctx.theme.editions
    if not node.numbered:
        ident = ctx.new_id("notes")
        return el("textarea", id=ident, name=ident, rows=str(node.count or looks.html_note_rows),
                  aria_labelledby=ctx.part_title_id, class_="notes")
    word = ctx.web.question if ctx.web else ""
    items = []
    for number in range(1, (node.count or looks.html_question_boxes) + 1):
        ident = ctx.new_id("question")
        items.append(el("li", el("label", f"{word} {number}".strip(), for_=ident),
                        el("textarea", id=ident, name=ident, rows="2")))
    return el("ol", *items, class_="write-lines")


def form(node: t.Form, ctx: Context) -> Markup:
    """One field set per field, a labelled text field per line, holding what a personal booklet wrote in."""
    groups = []
    values = node.values or ((),) * len(node.fields)
    for field, written in zip(node.fields, values):
        inputs = []
        for n, line_label in enumerate(node.line_labels):
            ident = ctx.new_id("field")
            value = written[n] if n < len(written) and written[n] else None
            inputs.append(el("div", el("label", line_label, for_=ident),
                             el("input", type="text", id=ident, name=ident, autocomplete="off", value=value),
                             class_="field"))
        groups.append(el("fieldset", el("legend", field), *inputs))
    return el("div", *groups, class_="form")


def grid(node: t.Grid, ctx: Context) -> Markup:
    """A grid to fill in (appointments, tracker, a week's log) as a table of inputs; its caption is
    the part's title, or the title of the box it stands in."""
    return tools.grid(node, ctx, ctx.box_title or ctx.part_title)


def source_list(node: t.SourceList, ctx: Context) -> Markup:
    return el("ol", *(el("li", entry, id=f"source-{n}", value=str(n)) for n, entry in node.entries),
              class_="sources")


def contents(node: t.Contents, ctx: Context) -> Markup:
    return el("ol", *(el("li", el("a", title, href=f"#{key}")) for key, title in node.entries), class_="contents")


def badges(node: t.Badges, ctx: Context) -> Markup:
    return el("p", el("strong", node.label), " ",
              *(el("span", f"{name} {word}", class_=f"badge badge-{slug(status)}") for name, status, word in node.items),
              class_="badges")


def web_link(node: t.WebLink, ctx: Context) -> Markup:
    ident = ctx.new_id("qr")
    return el("div", qr_svg(node.url, ident, node.alt, ctx.theme.colour("text")),
              el("p", node.label, el("br"), el("a", node.short, href=node.url)), class_="web-link")


def unknown(node, ctx: Context) -> Markup:
    """A node type this edition has no function for: its words, plainly, and a loud warning."""
    warnings.warn(UnknownNode(f"the web edition has no function for {type(node).__name__} nodes "
                              f"({getattr(node, 'loc', '')}); add one to booklet/outputs/web_html/blocks.py"),
                  stacklevel=2)
    return el("div", *(el("p", value) for value, _ in strings(node) if value.strip()), class_="unknown-node")


RENDERERS = {t.Paragraph: paragraph, t.Heading: heading, t.BulletList: bullet_list, t.Box: box, t.Table: table,
             t.Chart: chart, t.Figure: figure, t.Image: image, t.WriteIn: write_in, t.Definitions: definitions,
             t.Lines: lines, t.Form: form, t.Grid: grid, t.SourceList: source_list, t.Contents: contents,
             t.Badges: badges, t.WebLink: web_link, t.FillIn: tools.fill_in, t.Steps: tools.steps,
             t.ResultsForm: tools.results_form, t.Illustration: tools.illustration}


def block(node, ctx: Context) -> Markup:
    return RENDERERS.get(type(node), unknown)(node, ctx)


def blocks(nodes, ctx: Context) -> list[Markup]:
    """A part's blocks in order; a chart right after the table it was drawn from goes beside it."""
    out: list[Markup] = []
    nodes = list(nodes)
    i = 0
    while i < len(nodes):
        node = nodes[i]
        after = nodes[i + 1] if i + 1 < len(nodes) else None
        if isinstance(node, t.Table) and isinstance(after, t.Chart) and after.id == node.id:
            out.append(el("div", table(node, ctx), chart(after, ctx, beside_table=True), class_="chart-with-table"))
            i += 2
            continue
        out.append(block(node, ctx))
        i += 1
    return out
