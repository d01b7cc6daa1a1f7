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
ICONS = 100                      # people in an icon array
RECEPTORS = {"ER": "er", "PR": "pr", "HER2": "her2"}   # a receptor grid's columns, and the row field of each


def validate(kit: m.Kit) -> Problems:
    problems = Problems()
    unique_ids(problems, "source", (s.id for s in kit.sources))
    unique_ids(problems, "section", (s.id for s in kit.sections))
    unique_ids(problems, "subtype", (s.id for s in kit.subtypes))
    unique_ids(problems, "glossary term", (t.term for t in kit.glossary), fold=True)
    for table in kit.tables.values():
        _check_table(problems, table)
    refs = _References(kit, problems)
    for figure in kit.figures.values():
        refs.sources(figure.sources)
        _check_figure(problems, figure)
    for section in kit.sections:
        refs.section(section)
    for subtype in kit.subtypes:
        refs.subtype(subtype)
    refs.deck(kit.deck)
    _check_applies(kit, problems)
    _check_placed(problems, kit)
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
    every += [item.applies_to for s in kit.sections for item in _list_items(s)]
    for applies in every:
        if applies is None:
            continue
        for dimension, allowed in known.items():
            for value in getattr(applies, dimension):
                if value not in allowed:
                    problems.error(value.loc, f"unknown {dimension[:-1].replace('stage', 'stage group')} "
                                              f"'{value}' in applies_to{suggest(value, allowed)}")
def _list_items(section: m.Section):
    """Every list item of a section (key points, bullets, questions, a callout's bullets)."""
    yield from section.key_points
    for block in section.body:
        yield from getattr(block, "items", ())


def _check_placed(problems: Problems, kit: m.Kit) -> None:
    """Every figure is placed somewhere: in a section's body or a clinician part."""
    placed = {b.figure for s in kit.sections for b in s.body if isinstance(b, m.FigureRef)}
    placed |= {i for s in kit.sections if s.clinician for i in s.clinician.figures}
    for figure in kit.figures.values():
        if figure.id not in placed:
            problems.error(figure.id.loc, f"figure '{figure.id}' is not placed anywhere: add '- figure: "
                                          f"{figure.id}' to a section's body or 'figures: [{figure.id}]' to a "
                                          "clinician part, or remove the file")


def _check_figure(problems: Problems, figure: m.Figure) -> None:
    """The rules inside one figure's data, by kind."""
    data, name = figure.data, f"figure '{figure.id}'"
    if isinstance(data, m.ScaleData):
        _check_scale(problems, data, name)
    elif isinstance(data, m.PathwayData) and len(data.steps) < 2:
        problems.error(data.steps[0].loc if data.steps else data.loc, f"{name}: a pathway needs at least two steps")
    elif isinstance(data, m.GridData):
        for row in data.rows:
            if row.joined is not None:
                _check_joined(problems, row, name)
    elif isinstance(data, m.IconArrayData):
        if data.filled > ICONS:
            problems.error(_at(data.filled, data), f"{name}: filled is {data.filled}, but an icon array shows "
                                                   f"{ICONS} people")
        elif data.filled + data.extra > ICONS:
            problems.error(_at(data.extra, data), f"{name}: filled ({data.filled}) and extra ({data.extra}) add up "
                                                  f"to more than the {ICONS} people shown")
        if data.extra and data.extra_label is None:
            problems.error(_at(data.extra, data), f"{name}: extra people need an 'extra_label' that says what they mean")


def _at(value, data):
    """Where a value was written, else where its figure's data starts."""
    return getattr(value, "loc", None) or data.loc


def _check_scale(problems: Problems, data: m.ScaleData, name: str) -> None:
    if len(data.ends) != 2:
        problems.error(data.ends[0].loc if data.ends else data.loc,
                       f"{name}: 'ends' needs two words, for the first step and the last; found {len(data.ends)}")
    groups = {}
    for group in data.groups:
        if group.id in groups:
            problems.error(group.id.loc, f"{name}: duplicate group id '{group.id}'")
        groups.setdefault(group.id, group)
    for group in data.groups:
        if group.within is None:
            continue
        outer = groups.get(group.within)
        if outer is None or outer is group:
            problems.error(group.within.loc, f"{name}: group '{group.id}' is within an unknown group "
                                             f"'{group.within}'{suggest(group.within, [g for g in groups if g != group.id])}")
        elif outer.within is not None:
            problems.error(group.within.loc, f"{name}: groups nest one level deep, but '{group.within}' is itself "
                                             f"within '{outer.within}'")
    for step in data.steps:
        if step.group not in groups:
            problems.error(step.group.loc, f"{name}: step '{step.label}' names an unknown group "
                                           f"'{step.group}'{suggest(step.group, groups)}")
    for group in data.groups:
        covered = [i for i, step in enumerate(data.steps, start=1)
                   if step.group == group.id or getattr(groups.get(step.group), "within", None) == group.id]
        if not covered:
            problems.error(group.loc, f"{name}: group '{group.id}' has no steps")
        elif covered != list(range(covered[0], covered[-1] + 1)):
            listed = ", ".join(str(i) for i in covered)
            problems.error(group.loc, f"{name}: the steps of group '{group.id}' are not next to each other "
                                      f"(steps {listed}); a group covers neighbouring steps")


def _check_joined(problems: Problems, row: m.GridRow, name: str) -> None:
    joined, order = row.joined, list(RECEPTORS)
    unknown = [r for r in joined.receptors if r not in order]
    if unknown:
        problems.error(unknown[0].loc, f"{name}: unknown receptor '{unknown[0]}'{suggest(unknown[0], order)}")
        return
    places = sorted(order.index(r) for r in joined.receptors)
    values = {getattr(row, RECEPTORS[r]) for r in joined.receptors}
    if len(places) < 2 or places != list(range(places[0], places[-1] + 1)):
        problems.error(joined.loc, f"{name}: 'joined' needs two or more neighbouring receptors "
                                   f"(in the order {', '.join(order)})")
    elif len(values) > 1:
        problems.error(joined.loc, f"{name}: joined receptors must have the same result; found "
                                   f"{', '.join(sorted(values))}")


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
            elif isinstance(block, m.FigureRef):
                self.figure(block.figure)
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
            for ident in view.figures:
                self.figure(ident)

    def figure(self, ident: Text) -> None:
        if ident not in self.kit.figures:
            self._unknown(ident, "figure", self.kit.figures)

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
