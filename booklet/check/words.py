"""Class 6: one word per thing, and en-US spelling.

Patient text uses each preferred form of ``terms.yaml``; a variant is flagged with its preferred form
unless it sits inside one of its term's ``allow`` phrases or right after an ``introductions`` phrase
("also called endocrine therapy"). Glossary ``also`` lists are spellings, not text; a glossary entry
whose headword is a variant names the preferred form in its definition. A term with
``in_tables: false`` (numbers as "X in 100") leaves table cells alone. Spelling slips are flagged in
all text, both voices (the kit's language is en-US).
"""
from __future__ import annotations

import re

from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import Passage
from booklet.model import wording as w

INTRODUCTION_WINDOW = 30   # characters between "also called" and the variant it names


def check_preferred(lint: Lint, report: Report) -> None:
    terms = lint.terms
    definitions = {p.doc: p.text for p in lint.patient if p.kind == "definition"}
    for p in lint.patient:
        if p.kind == "variant":
            continue
        for term in terms.terms:
            if p.kind == "cell" and not term.in_tables:
                continue
            for match, _ in w.finditer(term.variants, p.text):
                if _allowed(terms, term, p, match, definitions):
                    continue
                report.warning(report.at(p.text, match.start(), match.end()),
                               f"'{match.group(0)}' in {p.where}: say '{term.preferred}' (one word per thing, "
                               f"{term.loc.path}:{term.loc.line})")


def _allowed(terms: w.Terms, term: w.PreferredTerm, p: Passage, match: re.Match, definitions: dict) -> bool:
    for allowed, _ in w.finditer(term.allow, p.text):
        if allowed.start() <= match.start() and match.end() <= allowed.end():
            return True
    before = p.text[max(0, match.start() - INTRODUCTION_WINDOW):match.start()]
    before = re.split(r"[.?!;]\s", before)[-1]
    if any(intro.end() >= len(before) - 12 for intro, _ in w.finditer(terms.introductions, before)):
        return True
    if p.kind == "term":
        return re.search(re.escape(str(term.preferred)), definitions.get(p.doc, ""), re.IGNORECASE) is not None
    return False


def check_spelling(lint: Lint, report: Report) -> None:
    for p in lint.passages:
        if p.kind == "variant":
            continue
        for spelling in lint.terms.spelling:
            for match, _ in w.finditer(spelling.others, p.text):
                report.warning(report.at(p.text, match.start(), match.end()),
                               f"'{match.group(0)}' in {p.where}: the kit is written in US English: "
                               f"'{spelling.us}'")


RULES = (Rule("preferred terms", "one word per thing in patient text (class 6)", check_preferred, "terms"),
         Rule("spelling", "US English spelling (class 6)", check_spelling, "terms"))
