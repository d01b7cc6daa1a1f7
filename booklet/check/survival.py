"""Class 2: survival numbers carry their frame wherever they are shown.

A table shows survival figures when its caption, columns or chart title say one of
``survival.figures`` and a cell holds a number; a sentence does when it says one and a percentage.
Wherever such figures are shown - a section that places the table or chart, a handout's outlook, a
clinician part that shows the table or chart, any sentence that quotes the figures - every
``framing`` group must be said in the same place (the section's text or the table's note; the
handout's own text, as a handout prints the table without its note; the clinician part, or the
table's clinician note; the deck text it is in). A handout also
gives the ``spread`` context for the spread-cancer figures. ``forbidden`` definitions are flagged
everywhere.
"""
from __future__ import annotations

import re

from booklet import model as m
from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import sentences
from booklet.errors import Loc
from booklet.model import wording as w

PERCENT = re.compile(r"\d+(\.\d+)?\s?%")


def survival_tables(lint: Lint) -> set[str]:
    figures = lint.wording.survival.figures
    found = set()
    for table in lint.kit.tables.values():
        headings = [table.caption, *table.columns, *([table.chart.title] if table.chart else [])]
        if any(w.says(figures, h) for h in headings) and any(re.search(r"\d", c) for row in table.rows for c in row):
            found.add(table.id)
    return found


def texts_of(lint: Lint, *parts: str) -> str:
    return " ".join(p.text for p in lint.passages if p.part in parts)


def missing(rules: w.Survival, text: str, spread: bool = False) -> list[str]:
    groups = [*rules.framing, *((rules.spread,) if spread else ())]
    return [str(group[0]) for group in groups if not w.says(group, text)]


def _say(report: Report, loc: Loc, what: str, lacks: list[str]) -> None:
    report.error(loc, f"{what} shows five-year survival figures without their frame: say "
                      + ", ".join(f"'{x}'" for x in lacks)
                      + " in the same place (the sources: broad U.S. statistics, averages across many people, "
                        "they cannot predict one person's outcome)")


def check_framing(lint: Lint, report: Report) -> None:
    rules, tables = lint.wording.survival, survival_tables(lint)
    checked = set()
    for section in lint.kit.sections:
        doc = f"section:{section.id}"
        for block in section.body:
            if isinstance(block, (m.TableRef, m.ChartRef)) and block.table in tables:
                lacks = missing(rules, texts_of(lint, f"{doc}:patient", f"table:{block.table}"))
                if lacks:
                    _say(report, block.loc, f"section '{section.id}'", lacks)
        view = section.clinician
        if view is not None:
            for ident in (*view.tables, *view.charts):
                if ident in tables and f"{doc}:clinician" not in checked:
                    checked.add(f"{doc}:clinician")
                    lacks = missing(rules, texts_of(lint, f"{doc}:clinician", f"table:{ident}:clinician"))
                    if lacks:
                        _say(report, ident.loc, f"the clinician part of section '{section.id}'", lacks)
    for subtype in lint.kit.subtypes:
        if subtype.outlook.table in tables:
            lacks = missing(rules, texts_of(lint, f"subtype:{subtype.id}"), True)   # the handout prints no note
            if lacks:
                _say(report, subtype.outlook.loc, f"handout '{subtype.id}'", lacks)
    _quoted_figures(lint, report, rules, checked)


def _quoted_figures(lint: Lint, report: Report, rules: w.Survival, done: set) -> None:
    """Prose that quotes survival percentages (a clinician note, a case) is framed in its own part."""
    for p in lint.passages:
        if p.kind == "cell" or p.part in done:
            continue
        for offset, sentence in sentences(p.text):
            figure = PERCENT.search(sentence)
            if figure and w.says(rules.figures, sentence):
                done.add(p.part)
                lacks = missing(rules, texts_of(lint, p.part))
                if lacks:
                    _say(report, report.at(p.text, offset + figure.start(), offset + figure.end()), p.where, lacks)
                break


def check_forbidden(lint: Lint, report: Report) -> None:
    for p in lint.passages:
        for match, _ in w.finditer(lint.wording.survival.forbidden, p.text):
            report.error(report.at(p.text, match.start(), match.end()),
                         f"'{match.group(0)}' in {p.where}: no source defines survival figures this way; say "
                         "what the sources say (broad U.S. statistics, averages across many people, they cannot "
                         "predict one person's outcome)")


RULES = (Rule("survival framing", "survival figures shown with their frame (class 2)", check_framing, "wording"),
         Rule("survival definitions", "no definition of survival figures the sources do not give", check_forbidden,
              "wording"))
