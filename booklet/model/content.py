"""The content model: frozen dataclasses in the domain's words, each carrying its source location.

Built by ``booklet.load.content`` from ``content/``; checked across files by ``booklet.validate``; turned
into output documents by ``booklet.compose``. Nothing here knows about PDF or PowerPoint.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text
from booklet.model.figures import FigureRef   # a body block, defined with the figures


@dataclass(frozen=True)
class Source:
    id: Text
    publisher: Text
    title: Text
    date: Text
    seed: Text
    loc: Loc
    author: Text | None = None
    short: Text | None = None   # a short form for the small print of a one-page handout


@dataclass(frozen=True)
class GlossaryTerm:
    term: Text
    definition: Text
    loc: Loc
    also: tuple[Text, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.also)


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn from a table: categories from one column, one series per value column."""

    title: Text
    category_column: int
    value_columns: tuple[int, ...]
    loc: Loc
    use: Text | None = None     # what a reader can do with the chart (not how to read it)


@dataclass(frozen=True)
class TableClinician:
    """How the deck shows a table: a caption that states its point (the slide title) and a short note."""

    caption: Text
    note: Text
    loc: Loc


@dataclass(frozen=True)
class Table:
    id: Text
    caption: Text
    columns: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    sources: tuple[Text, ...]
    loc: Loc
    note: Text | None = None
    chart: Chart | None = None
    clinician: TableClinician | None = None
    use: Text | None = None     # what a reader can do with the table (not how to read it)

    def series(self) -> list[tuple[str, list[float]]]:
        """(series name, values) for every chart value column; cells like '92%' read as 92.0."""
        assert self.chart is not None
        return [(self.columns[c], [number_of(row[c]) for row in self.rows]) for c in self.chart.value_columns]

    def categories(self) -> list[str]:
        assert self.chart is not None
        return [row[self.chart.category_column] for row in self.rows]


def number_of(cell: str) -> float:
    """The number in a chart cell: '92%' -> 92.0. Raises ValueError if the cell is not a number."""
    return float(cell.strip().rstrip("%").strip())


# -- section blocks (the patient voice) --------------------------------------------------------
@dataclass(frozen=True)
class Paragraph:
    text: Text
    loc: Loc
    sources: tuple[Text, ...] = ()
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Heading:
    text: Text
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Bullets:
    items: tuple[Text, ...]
    loc: Loc
    sources: tuple[Text, ...] = ()
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Callout:
    kind: Text  # tip | call-care-team | important
    title: Text
    loc: Loc
    text: Text | None = None
    items: tuple[Text, ...] = ()
    sources: tuple[Text, ...] = ()
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class TableRef:
    table: Text
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class ChartRef:
    table: Text
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Questions:
    items: tuple[Text, ...]
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Image:
    """A picture from the content folder (PNG or JPEG), with alt text for those who cannot see it."""

    path: Text
    alt: Text
    loc: Loc
    caption: Text | None = None
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


@dataclass(frozen=True)
class Tool:
    """A write-in tool placed in a section: ``my-results`` or ``activity-log`` (words in kit.yaml)."""

    tool: Text                  # an id, never printed (check's passages skip it by this name)
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)


Block = Paragraph | Heading | Bullets | Callout | TableRef | ChartRef | Questions | Image | FigureRef | Tool


@dataclass(frozen=True)
class ClinicianView:
    """The clinician voice of a section, stored beside the patient voice so they cannot drift."""

    title: Text
    points: tuple[Text, ...]
    notes: Text
    sources: tuple[Text, ...]
    loc: Loc
    tables: tuple[Text, ...] = ()
    charts: tuple[Text, ...] = ()
    figures: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Section:
    id: Text
    title: Text
    body: tuple[Block, ...]
    loc: Loc
    key_points: tuple[Text, ...] = ()
    terms: tuple[Text, ...] = ()
    clinician: ClinicianView | None = None
    applies_to: "Applies | None" = None  # noqa: F821 - booklet.model.personal; None: for everyone


# -- subtypes (one-page handouts) ----------------------------------------------------------------
@dataclass(frozen=True)
class Receptors:
    er: Text
    pr: Text
    her2: Text
    loc: Loc


@dataclass(frozen=True)
class SideEffect:
    effect: Text
    what_helps: Text
    loc: Loc


@dataclass(frozen=True)
class Outlook:
    table: Text
    columns: tuple[Text, ...]
    text: Text
    loc: Loc


@dataclass(frozen=True)
class SubtypeCall:
    """A handout's when-to-call advice: the signs to look for and what to do (the number comes
    from the institution)."""

    look_for: tuple[Text, ...]
    do: Text
    loc: Loc


@dataclass(frozen=True)
class Subtype:
    id: Text
    name: Text
    short_name: Text
    receptors: Receptors
    what_it_means: Text
    how_common: Text
    early_treatment: tuple[Text, ...]
    metastatic_treatment: tuple[Text, ...]
    side_effects: tuple[SideEffect, ...]
    outlook: Outlook
    questions: tuple[Text, ...]
    sources: tuple[Text, ...]
    loc: Loc
    key_points: tuple[Text, ...] = ()
    when_to_call: SubtypeCall | None = None
