"""The glossary against the text: every abbreviation is in it, every listed term is used, and every
glossary term is explained (or pointed to "Words to know") where the booklet first uses it.

Terms are found at word boundaries ("ER" is not found in "other"). Reading order is the sections in
file order and, in each, its body blocks in order, a placed table or figure standing where it is placed.
Headings, callout titles and key points are left out of "first use": they name what the text below
explains.
"""
from __future__ import annotations

import re

from booklet import model as m
from booklet.check.explain import (ABBREVIATION, compound, everyday, explained_at, spellings_of, term_uses,
                                   used)
from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import Passage
from booklet.check.reading import patient_pieces


def check_coverage(lint: Lint, report: Report) -> None:
    kit = lint.kit
    spellings = {sp.casefold() for t in kit.glossary for sp in t.spellings}
    words_in_glossary = {w for sp in spellings for w in re.split(r"[\s()]+", sp) if w}
    entries = {sp.casefold(): t for t in kit.glossary for sp in t.spellings}
    texts = {section.id: " ".join(patient_pieces(section)) for section in kit.sections}
    for section in kit.sections:
        text = texts[section.id]
        for term in section.terms:
            entry = entries.get(term.casefold())
            if not used(entry or m.GlossaryTerm(term, term, term.loc), text):
                report.warning(term.loc, f"term '{term}' is listed but not used in section '{section.id}'")
        reported = set()
        for match in ABBREVIATION.finditer(text):
            word = match.group(0)
            if word.casefold() not in words_in_glossary and word not in reported:
                reported.add(word)
                report.warning(section.loc, f"abbreviation '{word}' in section '{section.id}' "
                                            "is not explained in the glossary")
    everything = " ".join(texts.values())
    for term in kit.glossary:
        if not used(term, everything):
            report.warning(term.loc, f"glossary term '{term.term}' is not used in any patient section")


def reading_units(lint: Lint) -> list[list[Passage]]:
    """The booklet's running text as blocks in reading order (placed tables included)."""
    by_unit: dict[str, list[Passage]] = {}
    for p in lint.patient:
        by_unit.setdefault(p.unit, []).append(p)
    placed = {}
    for p in lint.patient:
        if p.doc.startswith(("table:", "figure:")):
            placed.setdefault(p.doc, []).append(p)
    units = []
    for section in lint.kit.sections:
        doc = f"section:{section.id}"
        for index, block in enumerate(section.body):
            if isinstance(block, (m.TableRef, m.ChartRef)):
                units.append([p for p in placed.get(f"table:{block.table}", []) if p.kind in ("cell", "prose")])
            elif isinstance(block, m.FigureRef):
                units.append([p for p in placed.get(f"figure:{block.figure}", []) if p.kind != "heading"])
            else:
                units.append([p for p in by_unit.get(f"{doc}:block:{index}", []) if p.kind != "heading"])
    return [u for u in units if u]


def check_first_use(lint: Lint, report: Report) -> None:
    rules = lint.wording.explanations
    waiting = [term for term in lint.kit.glossary if not everyday(rules, term)]
    met = [term for term in lint.kit.glossary if everyday(rules, term)]
    glossary = lint.kit.glossary
    for unit in reading_units(lint):
        in_unit = [(p, term, match) for p in unit for term, match in term_uses(glossary, p.text)]
        for term in list(waiting):
            found = [(p, match) for p, t, match in in_unit if t is term]
            if not found:
                continue
            waiting.remove(term)
            if not any(_explained(rules, p, match, met) for p, match in found):
                p, match = found[0]
                report.warning(report.at(p.text, match.start(), match.end()),
                               f"'{match.group(0)}' (glossary: '{term.term}') is first used here, in {p.where}, "
                               "without a short explanation: explain it in this paragraph (\"... (...)\", "
                               "\"..., a ...\", \"... means ...\") or point to \"Words to know\"")
            met.append(term)


def _explained(rules, p: Passage, match: re.Match, met: list) -> bool:
    if p.kind == "cell" and p.item == 0 and match.start() == 0 and any(p.context[1:]):
        return True              # a row heading: its row explains it
    return explained_at(rules, p.text, match.start(), match.end()) or compound(match.group(0), spellings_of(met))


RULES = (Rule("glossary coverage", "abbreviations in the glossary; listed terms used", check_coverage),
         Rule("first use", "every glossary term explained where it is first used", check_first_use, "wording"))
