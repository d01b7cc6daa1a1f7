"""The web edition's page: one self-contained HTML file drawn from the booklet's document tree.

Landmarks in reading order: a skip link, the cover as the page's header (its title is the one
``h1``), the contents as navigation, then every other part as a section of ``main`` (``h2``, with
``h3`` inside). No script, no external file, and a Content-Security-Policy that forbids any
request, so the page works offline from an email attachment or a patient portal.
"""
from __future__ import annotations

from booklet.compose import tree as t
from booklet.compose.walk import walk
from booklet.outputs.web_html.blocks import Context, blocks, slug
from booklet.outputs.web_html.markup import Markup, el, join
from booklet.outputs.web_html.style import stylesheet

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"


def glossary_ids(doc: t.Document) -> dict[str, str]:
    """Folded glossary term -> the id of its definition, for every term the document defines."""
    ids: dict[str, str] = {}
    for part in doc.parts:
        for node in walk(part.blocks):
            if isinstance(node, t.Definitions) and node.role == "glossary":
                for term, _ in node.items:
                    ident, n = f"term-{slug(term)}", 2
                    while ident in ids.values():
                        ident, n = f"term-{slug(term)}-{n}", n + 1
                    ids.setdefault(str(term).casefold(), ident)
    return ids


def part_html(part: t.Part, ctx: Context) -> Markup:
    ctx.linked = set()
    ctx.part_title_id, ctx.part_title = f"{part.key}-title", part.title
    if part.role == "cover":
        return el("header", *blocks(part.blocks, ctx), class_="cover", id=part.key)
    heading = el("h2", part.title, id=ctx.part_title_id)
    if part.role == "contents":
        return el("nav", heading, *blocks(part.blocks, ctx), aria_labelledby=ctx.part_title_id,
                  class_="contents-nav", id=part.key)
    return el("section", heading, *blocks(part.blocks, ctx), id=part.key, aria_labelledby=ctx.part_title_id,
              tabindex="-1", class_=f"part part-{slug(part.role)}")


def render_page(doc: t.Document, theme) -> str:
    ctx = Context(doc, theme, glossary_ids(doc))
    meta = doc.meta
    front = [part_html(p, ctx) for p in doc.parts if p.role in ("cover", "contents")]
    rest = [part_html(p, ctx) for p in doc.parts if p.role not in ("cover", "contents")]
    skip = ctx.web.skip if ctx.web else meta.title
    head = el("head", el("meta", charset="utf-8"),
              el("meta", http_equiv="Content-Security-Policy", content=POLICY),
              el("meta", name="viewport", content="width=device-width, initial-scale=1"),
              el("title", meta.title), el("meta", name="description", content=meta.subject),
              el("meta", name="author", content=meta.author),
              el("meta", name="keywords", content=", ".join(meta.keywords)),
              el("style", Markup(stylesheet(theme))))
    body = el("body", el("a", skip, href="#main", class_="skip-link"), *front,
              el("main", *rest, id="main", tabindex="-1"))
    return "<!DOCTYPE html>\n" + el("html", head, body, lang=meta.language) + "\n"


__all__ = ["render_page", "join"]
