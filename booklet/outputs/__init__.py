"""The registry of outputs, and the contract every output keeps.

An output is one module (or package) that draws one kind of composed document. It declares:

- ``NAME``: its name on the command line (``--only NAME``) and in ``verify``'s coverage matrix;
- ``AUDIENCE``: ``patient`` or ``clinician``;
- ``DOCUMENT``: the kind of document it draws (``booklet.compose.COMPOSERS``);
- ``SUFFIX``: appended to each document's name to make its artefact's path (``.pdf``);
- ``COST``: rough milliseconds to render one node of a document's tree (``walk.size``), so the
  build can balance its two processes at any content size;
- ``preflight(docs, theme, options) -> Problems``: cheap checks before anything renders (optional);
- ``render(doc, theme, options) -> bytes``: one document in, one artefact's bytes out;
- ``read_back(path, doc, theme) -> Readback``: what a reader finds in the artefact, for ``verify``.

A new output is one module plus one line in ``REGISTRY``. The CLI's choices, ``verify`` and the
manifest all come from here; outputs are imported only when a run needs them.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from booklet.errors import Problems

REGISTRY = (
    "booklet.outputs.booklet_pdf",
    "booklet.outputs.handouts_pdf",
    "booklet.outputs.deck_pptx",
    "booklet.outputs.web_html",
    "booklet.outputs.tagged_pdf",
)


class Output(Protocol):
    NAME: str
    AUDIENCE: str
    DOCUMENT: str
    SUFFIX: str
    COST: float

    def render(self, doc, theme, options) -> bytes: ...

    def read_back(self, path: Path, doc, theme): ...


def names() -> list[str]:
    """Every output's NAME, in registry order (the last dotted part is not necessarily the NAME)."""
    return [load(module).NAME for module in REGISTRY]


def load(module: str) -> Output:
    return importlib.import_module(module)


def by_name(chosen: list[str] | None = None) -> list[Output]:
    """The outputs called ``chosen`` (all when None), in registry order; unknown names raise KeyError."""
    outputs = [load(module) for module in REGISTRY]
    if not chosen:
        return outputs
    known = {o.NAME: o for o in outputs}
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise KeyError(f"unknown output {', '.join(unknown)}; the outputs are: {', '.join(known)}")
    return [o for o in outputs if o.NAME in chosen]


def preflight(output: Output, docs, theme, options) -> Problems:
    check = getattr(output, "preflight", None)
    return check(docs, theme, options) if check is not None else Problems()


def artefact(output: Output, doc) -> str:
    """The artefact's path relative to the build folder."""
    return doc.name + output.SUFFIX
