"""Walking a document tree: its content items (what ``verify`` looks for), its blocks, its strings,
and its fingerprint (what a rebuild compares to know whether anything changed)."""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

from booklet.compose import tree as t
from booklet.errors import Loc


def items(doc: t.Document) -> Iterator[tuple[str, object]]:
    """(item key, node) for every content item this document shows: sections, subtypes, tables,
    charts, figures and the glossary's terms."""
    for part in doc.parts:
        if part.item:
            yield part.item, part
        yield from _shown(walk(part.blocks))
    for slide in doc.slides:
        if slide.item:
            yield slide.item, slide
        yield from _shown((slide.table, slide.chart, slide.figure))


_KINDS = ((t.Table, "table"), (t.Chart, "chart"), (t.Figure, "figure"))


def _shown(nodes) -> Iterator[tuple[str, object]]:
    """The tables, charts, figures and glossary among ``nodes``, by item key."""
    for node in nodes:
        kind = next((name for cls, name in _KINDS if isinstance(node, cls)), None)
        if kind is not None:
            yield f"{kind}:{node.id}", node
        elif isinstance(node, t.Definitions) and node.role == "glossary":
            yield "terms:glossary", node


def size(doc: t.Document) -> int:
    """How much a document holds: its blocks (those inside boxes too) and its slides. Render time
    grows with it, so the build weighs its jobs by it."""
    return sum(1 for part in doc.parts for _ in walk(part.blocks)) + len(doc.slides)


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


def document_chars(doc: t.Document) -> set[str]:
    """The characters beyond ASCII of every string a document will print. Each part's are remembered
    by its print (``part_chars``), so a rebuild walks only the parts that changed."""
    found = {c for part in doc.parts for c in part_chars(part)}
    rest = dataclasses.replace(doc, parts=())
    return found | {c for text, _ in document_strings(rest) for c in text if ord(c) > 127}


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


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "loc")
    return names


def _flat(value, out: list, top: bool = False) -> None:
    """``value`` as a flat list of tagged pieces; locations are left out. Parts and slides inside a
    larger value stand for their own (remembered) print."""
    if not top and isinstance(value, (t.Part, t.Slide)):
        out.append("#" + part_print(value))
    elif isinstance(value, str):
        out.append("s" + value)
    elif isinstance(value, (tuple, list)):
        out.append(f"({len(value)}")
        for item in value:
            _flat(item, out)
    elif isinstance(value, Loc):
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        out.append("@" + cls.__name__)
        for name in _fields(cls):
            _flat(getattr(value, name), out)
    elif isinstance(value, dict):
        out.append(f"{{{len(value)}")
        for key in sorted(value, key=str):
            _flat(key, out)
            _flat(value[key], out)
    else:
        out.append(f"{type(value).__name__}:{value!r}")


_PRINTS: dict[int, tuple[object, str]] = {}   # id -> (the Part or Slide, its print): a build prints each once


def part_print(node) -> str:
    """A Part's, Slide's or Document's own print, remembered for the object (the build's cache key
    and the booklet's reuse both print the same parts in one build)."""
    found = _PRINTS.get(id(node))
    if found is not None and found[0] is node:
        return found[1]
    out: list[str] = []
    _flat(node, out, top=True)
    digest = hashlib.blake2b("\x1f".join(out).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
    _PRINTS[id(node)] = (node, digest)
    if len(_PRINTS) > 2048:
        _PRINTS.pop(next(iter(_PRINTS)))
    return digest


def fingerprint(*values) -> str:
    """A hash of plain data (dataclasses, tuples, dicts, strings, numbers), ignoring source locations."""
    out: list[str] = []
    for value in values:
        _flat(value, out)
    return hashlib.blake2b("\x1f".join(out).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def part_chars(part) -> str:
    """The characters beyond ASCII a part's strings use, in code-point order (remembered with its print)."""
    key = part_print(part)
    found = _CHARS.get(key)
    if found is None:
        found = _CHARS[key] = "".join(sorted({c for text, _ in strings(part) for c in text if ord(c) > 127}))
        if len(_CHARS) > 2048:
            _CHARS.pop(next(iter(_CHARS)))
    return found


_CHARS: dict[str, str] = {}
