"""Walking a document tree: its content items (what ``verify`` looks for), its blocks, its strings."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from booklet.compose import tree as t
from booklet.errors import Loc


def items(doc: t.Document) -> Iterator[tuple[str, object]]:
    """(item key, node) for every content item this document shows: sections, subtypes, tables,
    charts, figures and the glossary's terms."""
    for part in doc.parts:
        if part.item:
            yield part.item, part
        for node in walk(part.blocks):
            if isinstance(node, t.Table):
                yield f"table:{node.id}", node
            elif isinstance(node, t.Chart):
                yield f"chart:{node.id}", node
            elif isinstance(node, t.Figure):
                yield f"figure:{node.id}", node
            elif isinstance(node, t.Definitions) and node.role == "glossary":
                yield "terms:glossary", node
    for slide in doc.slides:
        if slide.item:
            yield slide.item, slide
        for node in (slide.table, slide.chart, slide.figure):
            if isinstance(node, t.Table):
                yield f"table:{node.id}", node
            elif isinstance(node, t.Chart):
                yield f"chart:{node.id}", node
            elif isinstance(node, t.Figure):
                yield f"figure:{node.id}", node


def walk(blocks) -> Iterator[t.Block]:
    """Every block, depth first (a box's body after the box)."""
    for block in blocks:
        yield block
        if isinstance(block, t.Box):
            yield from walk(block.body)


def document_strings(doc: t.Document) -> Iterator[tuple[str, Loc]]:
    """Every string a document will print, each with the nearest location."""
    for part in doc.parts:
        yield from strings(part)
    for slide in doc.slides:
        yield from strings(slide)
    for text in (doc.pad_title, doc.folio):
        if text:
            yield text, getattr(text, "loc", doc.loc)


def strings(node) -> Iterator[tuple[str, Loc]]:
    """Every string a node will print, each with the nearest location (for glyph checks)."""
    loc = getattr(node, "loc", None)
    for f in fields(node):
        value = getattr(node, f.name)
        yield from _strings(value, loc)


def _strings(value, loc) -> Iterator[tuple[str, Loc]]:
    if isinstance(value, str):
        yield value, getattr(value, "loc", loc)
    elif is_dataclass(value) and not isinstance(value, type):
        if not isinstance(value, Loc):
            yield from strings(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item, loc)

