"""Rules that span files: unique ids, references that resolve, tables that are rectangular.

``validate(kit)`` returns every problem it finds (errors and warnings), each located at the YAML
value that causes it. It never stops at the first.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from booklet import model as m
from booklet.errors import Problems, suggest, unique_ids
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
                self.shown(self.table(ident), section)
            for ident in view.charts:
                self.shown(self.table(ident, needs_chart=True), section)
                if ident in view.tables:
                    self.problems.error(ident.loc, f"table '{ident}' is shown both as a table and as a chart in the "
                                                   "deck; list it under one of 'tables:' or 'charts:'")

    def shown(self, table: m.Table | None, section: m.Section) -> None:
        """A table or chart on a slide needs the clinician's caption and note."""
        if table is not None and table.clinician is None:
            self.problems.error(table.loc, f"table '{table.id}' is shown in the deck (section '{section.id}') but has "
                                           "no 'clinician:' caption and note for its slide")

    def image(self, image: m.Image) -> None:
        path = (self.root / image.path).resolve()
        if not path.is_relative_to(self.root):
            self.problems.error(image.path.loc, f"image path '{image.path}' points outside the content folder")
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            self.problems.error(image.path.loc, f"image '{image.path}' must be PNG or JPEG")
        elif not path.is_file():
            self.problems.error(image.path.loc, f"image '{image.path}' not found in the content folder")

    def subtype(self, subtype: m.Subtype) -> None:
        self.sources(subtype.sources)
        table = self.table(subtype.outlook.table, needs_chart=True)
        if table is None or table.chart is None:
            return
        value_names = [table.columns[c] for c in table.chart.value_columns if c < len(table.columns)]
        for column in subtype.outlook.columns:
            if column not in value_names:
                self._unknown(column, f"value column of table '{table.id}'", value_names)

    def question(self, question: m.Question) -> None:
        self.sources(question.sources)
        letters = [chr(ord("A") + i) for i in range(len(question.options))]
        if not 2 <= len(question.options) <= 6:
            self.problems.error(question.loc, f"a question needs 2 to 6 options; found {len(question.options)}")
        elif question.answer.strip().upper() not in letters:
            self.problems.error(question.answer.loc, f"answer '{question.answer}' is not one of the option letters "
                                                     f"{', '.join(letters)}")

    def deck(self, deck: m.Deck) -> None:
        self.sources(deck.case.sources)
        if deck.questions is not None:
            self.question(deck.questions.before)
            self.question(deck.questions.after)
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
