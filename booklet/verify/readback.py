"""What an output's reader finds in it, as plain data: the common shape every output's read-back
returns, so ``verify`` and the tests can look for content the same way in a PDF, a deck or a page.

A ``Readback`` is a sequence of places (pages, slides, sections of a page), each with its text,
the titles that start there (bookmarks, slide titles, headings), and where the format has them,
native tables, native charts and the alt texts of its pictures.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text with all white space removed and compatibility forms folded (NFKC: readers such as
    poppler give 'ﬁ' as 'fi'), so wrapped lines and cells compare equal to their source."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).replace("\u00ad", "")


Rows = tuple[tuple[str, ...], ...]
ChartData = tuple[tuple[str, ...], tuple[tuple[str, tuple[float, ...]], ...]]   # (categories, series)


@dataclass(frozen=True)
class Place:
    label: str                              # "p. 3", "s. 12"
    text: str
    anchors: tuple[str, ...] = ()           # titles that start here
    tables: tuple[Rows, ...] | None = None  # native tables (header row first); None: the format has none
    charts: tuple[ChartData, ...] | None = None
    alts: tuple[str, ...] = ()              # text alternatives of pictures, charts and tables
    squashed: str = field(default="", compare=False)

    def __post_init__(self):
        object.__setattr__(self, "squashed", squash(self.text))


@dataclass(frozen=True)
class Readback:
    places: tuple[Place, ...]
    counts: dict                            # for the manifest: {"pages": 92} or {"slides": 48}
    problems: tuple[str, ...] = ()          # the format's own checks that failed (fonts, page size ...)
    metadata: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(p.squashed for p in self.places)
