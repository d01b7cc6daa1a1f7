"""The output-neutral document tree: what every renderer draws, and all it may see.

``booklet.compose`` builds one ``Document`` per artefact from the content model; renderers walk it
and never see the model. Nodes are plain frozen data: strings, numbers, tuples and other nodes.
Every node keeps the ``loc`` of the YAML value it came from, so a failure at render time (a missing
glyph, an overflowing handout) still names the content line. Text is plain text: renderers escape it
for their medium and never read it as markup.

A node's ``role`` names what it is for (``key-points``, ``call-care-team``, ``lead`` ...); the theme
maps roles to looks, so no renderer decides what a callout looks like by its own rules.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from booklet.compose.tree_tools import (  # noqa: F401
    Badges, Choice, FillIn, Illustration, ResultsForm, Step, Steps, WebLink)
from booklet.errors import Loc


# -- blocks --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paragraph:
    text: str
    loc: Loc
    role: str = "body"          # body | lead | note | small | strong | label | title | subtitle
    refs: tuple[int, ...] = ()  # source numbers, as listed in the document's sources


@dataclass(frozen=True)
class Heading:
    text: str
    loc: Loc
    level: int = 2              # 1 is a part's title, drawn by the part itself


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    loc: Loc
    refs: tuple[int, ...] = ()  # printed after the last item
    marker: str = "bullet"      # bullet | check (a box to tick) | number
    start: int = 1              # the first number, for marker="number"


@dataclass(frozen=True)
class Box:
    """A boxed callout: key points, a tip, when to call, an important note. ``role`` picks its look."""

    role: str
    title: str | None
    body: tuple["Block", ...]
    loc: Loc


@dataclass(frozen=True)
class Table:
    """A data table, stored once in content and shown wherever a document needs it."""

    id: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    loc: Loc
    refs: tuple[int, ...] = ()
    note: str | None = None
    numeric: tuple[bool, ...] = ()   # per column: does every cell hold a number ("92%")?
    use: str | None = None           # what a reader can do with it, printed under it after ``use_label``
    use_label: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...]     # each value as the table prints it ("92%")


@dataclass(frozen=True)
class Chart:
    """A bar chart of a table's numbers: categories along the axis, one series per value column."""

    id: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt: str                    # states every value, so nothing depends on seeing the bars
    loc: Loc
    category: str = ""          # the table's header over the categories ("Stage"), for a data table
    use: str | None = None      # what a reader can do with it, printed under it after ``use_label``
    use_label: str = ""


@dataclass(frozen=True)
class Figure:
    """A picture drawn from content data (``booklet.figures``): a scale, a pathway, a grid, an icon
    array. Every output draws it natively from ``data``; ``alt`` is what a screen reader says in its
    place and ``text`` a short text equivalent shown with it; ``use`` (where set) is what a patient can
    do with it, printed under it after ``use_label`` as under a table."""

    id: str
    kind: str                   # scale | pathway | receptor-grid | icon-array | spread (booklet.figures.KINDS)
    title: str
    alt: str
    text: str
    data: object                # the kind's own plain, frozen data (see booklet.figures)
    loc: Loc
    refs: tuple[int, ...] = ()  # source numbers, printed after the text equivalent
    use: str | None = None      # what a reader can do with it, printed under it after ``use_label``
    use_label: str = ""


@dataclass(frozen=True)
class Image:
    path: str                   # absolute path inside the content folder, already checked
    alt: str
    loc: Loc
    caption: str | None = None


@dataclass(frozen=True)
class WriteIn:
    """Questions or prompts, each followed by ruled lines to write on."""

    items: tuple[str, ...]
    loc: Loc


@dataclass(frozen=True)
class Definitions:
    """Terms each followed by their explanation: the glossary, side effects and what helps."""

    items: tuple[tuple[str, str], ...]
    loc: Loc
    role: str = "glossary"      # glossary | side-effects


@dataclass(frozen=True)
class Lines:
    """Ruled lines to write on. ``count=None`` fills the rest of the page; with ``numbered`` every
    ``every``-th line starts with its running number."""

    loc: Loc
    count: int | None = None
    numbered: bool = False
    every: int = 1


@dataclass(frozen=True)
class Form:
    """A labelled form: one heading per field, each with labelled lines (name, phone ...)."""

    fields: tuple[str, ...]
    line_labels: tuple[str, ...]
    loc: Loc
    values: tuple[tuple[str, ...], ...] = ()   # per field, what is written on its lines (a personal booklet)


@dataclass(frozen=True)
class Grid:
    """A ruled grid: column labels, and faint hints in each cell. Without ``rows`` it fills the rest
    of the page; with ``rows`` it has one row per label, printed in its first column. ``role``
    (appointments, tracker, activity) names its column widths in the theme."""

    columns: tuple[str, ...]
    hints: tuple[str, ...]
    loc: Loc
    filled: tuple[tuple[str, ...], ...] = ()   # rows already written in (a personal booklet)
    rows: tuple[str, ...] = ()
    role: str = "appointments"


@dataclass(frozen=True)
class SourceList:
    entries: tuple[tuple[int, str], ...]   # (number, "Publisher. Title. Date.")
    loc: Loc


@dataclass(frozen=True)
class Contents:
    """The contents list: (part key, title) of every part that follows, in order."""

    entries: tuple[tuple[str, str], ...]
    loc: Loc


Block = (Paragraph | Heading | BulletList | Box | Table | Chart | Figure | Image | WriteIn | Definitions | Lines
         | Form | Grid | SourceList | Contents | Badges | WebLink | FillIn | Steps | ResultsForm | Illustration)


@dataclass(frozen=True)
class WebWords:
    """The small words only the digital editions print (skip link, numbered boxes, chart data)."""

    skip: str
    question: str
    chart_data: str
    loc: Loc


# -- parts and documents ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Part:
    """A run of blocks with a title: a booklet section or furniture page, or a region of a sheet.

    ``key`` names its anchor (contents links, bookmarks); ``item`` is the content item it shows
    (``section:<id>``), which ``verify`` looks for in every output; ``role`` is what kind of part
    it is (cover, contents, section, glossary, questions, care-team, appointments, notes, sources;
    on a handout: header, body, footer)."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    loc: Loc
    role: str = "section"
    item: str | None = None


@dataclass(frozen=True)
class Meta:
    """What every artefact says about itself: identity, governance, metadata."""

    title: str                  # the document's own title (the PDF title bar)
    kit_title: str
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
class Document:
    """One artefact's content, in reading order.

    ``kind`` says which composer made it (booklet, handout, deck); ``name`` is the artefact's stem
    (``patient-booklet``, ``handouts/her2-low``); ``pad`` is the key of the part before which a
    printed edition adds notes pages to reach its page multiple, and ``pad_title`` their title.
    A deck has ``slides`` instead of parts."""

    kind: str
    name: str
    meta: Meta
    parts: tuple[Part, ...]
    loc: Loc
    pad: str | None = None
    pad_title: str = ""
    folio: str = ""             # the word before a page number ("Page 3")
    continued: str = ""         # the word after a title continued on another slide ("cont.")
    slides: tuple["Slide", ...] = ()
    web: WebWords | None = None    # words of the digital editions (the booklet's web page, tagged PDF)
    footer: tuple[str, ...] = ()   # a deck's footer lines: (kit title, "Reviewed 22 November 2026")
    measure: str = ""           # running text a printed edition sets its column width by (empty: its own)


# -- slides (the deck's logical slides; the deck renderer splits them to fit) ----------------------
@dataclass(frozen=True)
class Slide:
    """One logical slide. The renderer measures it and may continue it on more slides.

    ``layout`` is a role the theme maps to a template layout (title, section, content, title_only).
    ``capped`` limits bullets per slide to the theme's maximum; ``numbered_from`` > 0 numbers them;
    ``marker="letter"`` letters them (A., B. ...: a question's options), ``"none"`` leaves them bare.
    ``footnote`` is the note and the short source line shown at the foot of the slide.
    """

    kind: str                   # cover | objectives | agenda | section | topic | table | chart | case | ...
    layout: str
    title: str
    loc: Loc
    notes: str = ""
    subtitle: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    numbered_from: int = 0
    capped: bool = True
    table: Table | None = None
    chart: Chart | None = None
    figure: Figure | None = None
    footnote: str = ""
    item: str | None = None
    marker: str = ""
