"""Rules that span files: unique ids, references that resolve, tables that are rectangular.

``validate(kit)`` returns every problem it finds (errors and warnings), each located at the YAML
value that causes it. It never stops at the first.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from booklet import model as m
from booklet.errors import Problems, suggest, unique_ids
from booklet.load.files import check_image
from booklet.load.fields import Text

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def validate(kit: m.Kit) -> Problems:
    problems = Problems()
    unique_ids(problems, "source", (s.id for s in kit.sources))
    unique_ids(problems, "section", (s.id for s in kit.sections))
    unique_ids(problems, "subtype", (s.id for s in kit.subtypes))
    unique_ids(problems, "glossary term", (t.term for t in kit.glossary), fold=True)
    for table in kit.tables.values():
        _check_table(problems, table)
    refs = _References(kit, problems)
    for section in kit.sections:
        refs.section(section)
    for subtype in kit.subtypes:
        refs.subtype(subtype)
    refs.deck(kit.deck)
    _check_applies(kit, problems)
    _check_dates(problems, kit.meta)
    return problems



def _check_table(problems: Problems, table: m.Table) -> None:
    width = len(table.columns)
    for number, row in enumerate(table.rows, start=1):
        if len(row) != width:
            where = row[0].loc if row else table.loc
            problems.error(where, f"row {number} of table '{table.id}' has {len(row)} cells; the header has {width}")
    chart = table.chart
    if chart is None:
        return
    for column in (chart.category_column, *chart.value_columns):
        if not 0 <= column < width:
            problems.error(chart.loc, f"chart column {column} is outside table '{table.id}' (columns 0-{width - 1})")
            return
    for row in table.rows:
        for column in chart.value_columns:
            if column < len(row):
                try:
                    m.number_of(row[column])
                except ValueError:
                    problems.error(row[column].loc, f"chart value '{row[column]}' is not a number")


def _check_applies(kit: m.Kit, problems: Problems) -> None:
    """Every value an ``applies_to:`` names is in content/personal.yaml's lists (or a subtype's id)."""
    known = {"stages": kit.personal.stages, "treatments": kit.personal.treatments,
             "subtypes": tuple(s.id for s in kit.subtypes)}
    every = [s.applies_to for s in kit.sections] + [b.applies_to for s in kit.sections for b in s.body]
    for applies in every:
        if applies is None:
            continue
        for dimension, allowed in known.items():
            for value in getattr(applies, dimension):
                if value not in allowed:
                    problems.error(value.loc, f"unknown {dimension[:-1].replace('stage', 'stage group')} "
                                              f"'{value}' in applies_to{suggest(value, allowed)}")


def _check_dates(problems: Problems, meta: m.Meta) -> None:
    if meta.next_review <= meta.last_reviewed:
        problems.error(meta.loc, f"next_review ({meta.next_review}) must come after last_reviewed ({meta.last_reviewed})")


class _References:
    """Checks that every id a content file names exists, and where it must be."""

    def __init__(self, kit: m.Kit, problems: Problems):
        self.kit, self.problems = kit, problems
        self.source_ids = {s.id for s in kit.sources}
        self.section_ids = {s.id for s in kit.sections}
        self.terms = {spelling.casefold() for t in kit.glossary for spelling in t.spellings}
        self.root = Path(kit.root)

    def sources(self, ids: Iterable[Text]) -> None:
        for ident in ids:
            if ident not in self.source_ids:
                self._unknown(ident, "source", self.source_ids)

    def table(self, ident: Text, needs_chart: bool = False) -> m.Table | None:
        table = self.kit.tables.get(ident)
        if table is None:
            self._unknown(ident, "table", self.kit.tables)
        elif needs_chart and table.chart is None:
            self.problems.error(ident.loc, f"table '{ident}' has no 'chart:' so it cannot be drawn as a chart")
        return table

    def _unknown(self, ident: Text, what: str, known: Iterable[str]) -> None:
        self.problems.error(ident.loc, f"unknown {what} '{ident}'{suggest(ident, known)}")

    def section(self, section: m.Section) -> None:
        for block in section.body:
            self.sources(getattr(block, "sources", ()))
            if isinstance(block, m.TableRef):
                self.table(block.table)
            elif isinstance(block, m.ChartRef):
                self.table(block.table, needs_chart=True)
            elif isinstance(block, m.Image):
                self.image(block)
        for term in section.terms:
            if term.casefold() not in self.terms:
                self._unknown(term, "glossary term", [t.term for t in self.kit.glossary])
        view = section.clinician
        if view is not None:
            self.sources(view.sources)
            for ident in view.tables:
                self.table(ident)
            for ident in view.charts:
                self.table(ident, needs_chart=True)

    def image(self, image: m.Image) -> None:
        path = (self.root / image.path).resolve()
        if not path.is_relative_to(self.root):
            self.problems.error(image.path.loc, f"image path '{image.path}' points outside the content folder")
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            self.problems.error(image.path.loc, f"image '{image.path}' must be PNG or JPEG")
        elif not path.exists():
            self.problems.error(image.path.loc, f"image '{image.path}' not found in the content folder")
        elif why := check_image(path):
            self.problems.error(image.path.loc, f"image '{image.path}' {why}")

    def subtype(self, subtype: m.Subtype) -> None:
        self.sources(subtype.sources)
        table = self.table(subtype.outlook.table, needs_chart=True)
        if table is None or table.chart is None:
            return
        value_names = [table.columns[c] for c in table.chart.value_columns if c < len(table.columns)]
        for column in subtype.outlook.columns:
            if column not in value_names:
                self._unknown(column, f"value column of table '{table.id}'", value_names)

    def deck(self, deck: m.Deck) -> None:
        self.sources(deck.case.sources)
        placed: dict[str, Text] = {}
        for part in deck.parts:
            for ident in part.sections:
                if ident not in self.section_ids:
                    self._unknown(ident, "section", self.section_ids)
                elif ident in placed:
                    self.problems.error(ident.loc, f"section '{ident}' is already in the deck (at {placed[ident].loc})")
                elif self.kit.section(ident).clinician is None:
                    self.problems.error(ident.loc, f"section '{ident}' has no 'clinician:' part to put on slides")
                placed.setdefault(ident, ident)
        for section in self.kit.sections:
            if section.clinician is not None and section.id not in placed:
                self.problems.error(section.clinician.loc,
                                    f"section '{section.id}' has a clinician part but no deck part lists it")
