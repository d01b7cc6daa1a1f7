"""Compose: the content model in, output-neutral document trees out (see ``booklet.compose.tree``).

Pure functions: no I/O, no rendering library. Each document kind has one composer; an output names
the kind it draws, and ``documents(kit, kind)`` gives it every document of that kind (one booklet,
one handout per subtype, one deck).
"""
from __future__ import annotations

from collections.abc import Callable

from booklet import model as m
from booklet.compose import booklet, deck, handout
from booklet.compose.tree import Document

COMPOSERS: dict[str, Callable[[m.Kit], tuple[Document, ...]]] = {
    "booklet": lambda kit: (booklet.compose(kit),),
    "handout": handout.compose_all,
    "deck": lambda kit: (deck.compose(kit),),
}


def documents(kit: m.Kit, kind: str) -> tuple[Document, ...]:
    """Every document of ``kind`` that the content makes."""
    return COMPOSERS[kind](kit)
