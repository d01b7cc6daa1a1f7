"""The output-neutral document tree that renderers draw.

``booklet.compose`` builds these from the model; each renderer walks them. Every node keeps the
``loc`` of the YAML value it came from, so a failure at render time (a missing glyph, an
overflowing handout) still names the content line. Text in these nodes is plain text: renderers
must escape it for their medium and never treat it as markup.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from booklet import model as m
from booklet.errors import Loc


@dataclass(frozen=True)
class Para:
    text: str
    loc: Loc
    role: str = "body"          # body | lead | note | small
    refs: tuple[int, ...] = ()  # source numbers, as listed in the document's sources


@dataclass(frozen=True)
class SubHeading:
    text: str
    loc: Loc


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    loc: Loc
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Callout:
    kind: str                   # tip | call-care-team | important | key-points
    title: str
    loc: Loc
    text: str | None = None
    items: tuple[str, ...] = ()
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class TableNode:
    table: m.Table
    loc: Loc
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class ChartNode:
    table: m.Table
    loc: Loc
    alt: str = ""


@dataclass(frozen=True)
class WriteIn:
    """Questions (or prompts) each followed by ruled lines to write on."""

    items: tuple[str, ...]
    loc: Loc
    lines: int = 2


@dataclass(frozen=True)
class Figure:
    path: str                   # absolute path inside the content folder
    alt: str
    loc: Loc
    caption: str | None = None


Node = Para | SubHeading | BulletList | Callout | TableNode | ChartNode | WriteIn | Figure


@dataclass(frozen=True)
class Chapter:
    """One patient section of the booklet."""

    id: str
    title: str
    nodes: tuple[Node, ...]
    loc: Loc


@dataclass(frozen=True)
class SourceEntry:
    number: int
    id: str
    text: str                   # "Publisher. Title. Date." ready to print
    loc: Loc


@dataclass(frozen=True)
class DocMeta:
    """What every output prints about itself: identity, governance and PDF/PPTX metadata."""

    title: str
    subtitle: str
    edition: str
    language: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    last_reviewed: datetime.date
    next_review: datetime.date
    disclaimer: str


@dataclass(frozen=True)
class BookletDoc:
    meta: DocMeta
    pages: m.Pages
    chapters: tuple[Chapter, ...]
    glossary: tuple[m.GlossaryTerm, ...]
    sources: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class OutlookRow:
    label: str
    values: tuple[tuple[str, str], ...]  # (column name, cell) for the subtype's columns


@dataclass(frozen=True)
class HandoutDoc:
    meta: DocMeta
    subtype: m.Subtype
    outlook_caption: str
    outlook_rows: tuple[OutlookRow, ...]
    sources: tuple[SourceEntry, ...]
    booklet_title: str


@dataclass(frozen=True)
class Topic:
    """The clinician view of one section, ready to become one or more slides."""

    section_id: str
    title: str
    points: tuple[str, ...]
    notes: str
    tables: tuple[m.Table, ...]
    charts: tuple[m.Table, ...]
    sources: tuple[SourceEntry, ...]
    loc: Loc


@dataclass(frozen=True)
class DeckPart:
    title: str
    topics: tuple[Topic, ...]
    loc: Loc


@dataclass(frozen=True)
class DeckDoc:
    meta: DocMeta
    objectives: tuple[str, ...]
    parts: tuple[DeckPart, ...]
    case: m.Case
    take_aways: tuple[str, ...]
    references: tuple[SourceEntry, ...]
