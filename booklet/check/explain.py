"""When a term counts as explained where it is used, and how to find terms in text.

A use of a term is explained when, in the same sentence, it is followed within
``explanations.within`` characters by one of ``explanations.after`` ("(", ", a", " is", " means",
" measures", ". It" ...), or is closely preceded by one of ``explanations.before`` ("called", "(",
"such as"), or its string points the reader to one of ``explanations.references`` ("Words to know").
A compound of explained terms ("HR-positive, HER2-negative") is explained; so is a table's row
heading (its row explains it); ``explanations.everyday`` names glossary words plain enough to need
no explanation.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from booklet import model as m
from booklet.load.wording import phrase_regex
from booklet.model import wording as w

ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:/[0-9]+)?s?\b")
BEFORE_WINDOW = 30       # characters between an introducing word ("called") and the term it introduces
SENTENCE_STOP = re.compile(r"[.?!;:]\s+\S+")   # the end of the sentence, and the next word (for ". It ...")
PARTS = re.compile(r"\s*(?:,|/|\band\b|\bor\b|\s)\s*")


@functools.lru_cache(maxsize=4096)
def spelling_regex(spelling: str) -> re.Pattern:
    """A glossary spelling as a phrase: word boundaries, plural, case-sensitive if it has two capitals."""
    return re.compile(re.escape(spelling)) if spelling.startswith("re:") else phrase_regex(spelling)


def uses(term: m.GlossaryTerm, text: str) -> Iterator[re.Match]:
    """Every use of a glossary term (any of its spellings) in ``text``, by position; where spellings
    overlap ("HER2" in "HER2 gene") the longest one is the use."""
    found = sorted((match for sp in term.spellings for match in spelling_regex(sp).finditer(text)),
                   key=lambda match: (match.start(), -match.end()))
    end = -1
    for match in found:
        if match.start() >= end:
            end = match.end()
            yield match


def term_uses(glossary: Iterable[m.GlossaryTerm], text: str) -> list[tuple[m.GlossaryTerm, re.Match]]:
    """(term, use) for every glossary term used in ``text``; a use inside a longer use of another term
    ("receptor" in "human epidermal growth factor receptor 2") is part of that name, not a use."""
    found = [(term, match) for term in glossary for match in uses(term, text)]
    return [(term, match) for term, match in found
            if not any(o.start() <= match.start() and match.end() <= o.end() and o.end() - o.start() > len(match[0])
                       for _, o in found)]


def used(term: m.GlossaryTerm, text: str) -> bool:
    return any(spelling_regex(sp).search(text) for sp in term.spellings)


def explained_at(rules: w.Explanations, text: str, start: int, end: int) -> bool:
    """Whether the use at ``text[start:end]`` is explained right there."""
    after = text[end:end + rules.within + 12]
    stop = SENTENCE_STOP.search(after)
    if stop:
        after = after[:stop.end()]
    if any(match.start() <= rules.within for match, _ in w.finditer(rules.after, after)):
        return True
    before = re.split(r"[.?!]\s", text[max(0, start - BEFORE_WINDOW):start])[-1]
    return w.says(rules.before, before) or w.says(rules.references, text)


def everyday(rules: w.Explanations, term: m.GlossaryTerm) -> bool:
    return any(str(word).casefold() == term.term.casefold() for word in rules.everyday)


def compound(words: str, explained: Iterable[str]) -> bool:
    """Whether ``words`` is made of two or more spellings that are all explained already."""
    known = {e.casefold() for e in explained}
    parts = [part for part in PARTS.split(words) if part]
    return len(parts) > 1 and all(part.casefold() in known for part in parts)


def spellings_of(terms: Iterable[m.GlossaryTerm]) -> set[str]:
    return {sp for term in terms for sp in term.spellings}
