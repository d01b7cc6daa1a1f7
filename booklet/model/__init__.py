"""The content model: frozen dataclasses in the domain's words, each carrying its source location.

Built by ``booklet.load`` from ``content/``; checked across files by ``booklet.validate``; turned
into document trees by ``booklet.compose``. Nothing here knows about PDF or PowerPoint.
``content`` holds the content itself, ``words`` the words of the fixed parts and the metadata.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

from booklet.load.fields import Text
from booklet.model.content import *  # noqa: F401,F403 - one namespace for the whole model
from booklet.model.content import GlossaryTerm, Section, Source, Subtype, Table
from booklet.model.deck import *  # noqa: F401,F403
from booklet.model.deck import Deck
from booklet.model.personal import Applies, Personal, PersonalWords  # noqa: F401
from booklet.model.figures import *  # noqa: F401,F403
from booklet.model.figures import Figure
from booklet.model.words import *  # noqa: F401,F403
from booklet.model.tools import *  # noqa: F401,F403
from booklet.model.words import Meta


@dataclass(frozen=True)
class Kit:
    """Everything in content/, loaded and located."""

    meta: Meta
    sources: tuple[Source, ...]
    glossary: tuple[GlossaryTerm, ...]
    sections: tuple[Section, ...]
    tables: dict[str, Table] = field(hash=False)
    subtypes: tuple[Subtype, ...] = ()
    deck: Deck | None = None
    personal: Personal | None = None
    root: str = "content"
    figures: dict[str, Figure] = field(default_factory=dict, hash=False)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


def texts(value) -> Iterator[Text]:
    """Every located content string inside a model object (dataclasses, tuples, dicts)."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from texts(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
