"""The wording rules `booklet check` applies, as content: preferred terms (``content/terms.yaml``) and
the rules about claims, survival numbers, fevers, the clinician voice, handouts and misleading
seed claims (``content/wording.yaml``). Loaded by ``booklet.load.wording``; used by ``booklet.check``.

A ``Phrase`` is one entry of a phrase list as the writer typed it, with the regular expression it
stands for: plain words match at word boundaries (case-insensitively unless the phrase holds two or
more capitals, like "HER2"; a plain "s" or "es" plural also matches); an entry starting ``re:`` is a
regular expression, matched as written (case-sensitive unless it starts with ``(?i)``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text


@dataclass(frozen=True)
class Phrase:
    text: Text
    regex: re.Pattern

    def __str__(self) -> str:
        return str(self.text)


Phrases = tuple[Phrase, ...]


def finditer(phrases: Phrases, text: str) -> Iterator[tuple[re.Match, Phrase]]:
    """Every match of any phrase in ``text``, in order of position; where matches overlap, the one
    that starts first (the longest, on a tie) is kept."""
    found = sorted(((match, phrase) for phrase in phrases for match in phrase.regex.finditer(text)),
                   key=lambda pair: (pair[0].start(), -pair[0].end()))
    end = -1
    for match, phrase in found:
        if match.start() >= end:
            end = max(match.end(), match.start() + 1)
            yield match, phrase


def search(phrases: Phrases, text: str) -> tuple[re.Match, Phrase] | None:
    return next(finditer(phrases, text), None)


def says(phrases: Phrases, text: str) -> bool:
    return any(p.regex.search(text) for p in phrases)


# -- content/terms.yaml ------------------------------------------------------------------------
@dataclass(frozen=True)
class PreferredTerm:
    """One thing, one word: the patient form and the variants to flag, with the phrases in which a
    variant is fine ("chemo brain", "outlook, or prognosis")."""

    preferred: Text
    variants: Phrases
    loc: Loc
    allow: Phrases = ()
    in_tables: bool = True          # false: table cells are exempt (numbers such as "92%")


@dataclass(frozen=True)
class Spelling:
    us: Text
    others: Phrases
    loc: Loc


@dataclass(frozen=True)
class Terms:
    terms: tuple[PreferredTerm, ...]
    introductions: Phrases            # "also called", "may see it written as": a variant named on purpose
    spelling: tuple[Spelling, ...]
    loc: Loc


# -- content/wording.yaml ----------------------------------------------------------------------
@dataclass(frozen=True)
class Claim:
    """A treatment for some, easily written as for all: a sentence saying ``claim`` (and, if given,
    one of ``when``) must also say one of ``qualifiers``."""

    name: Text
    claim: Phrases
    qualifiers: Phrases
    loc: Loc
    when: Phrases = ()
    why: Text | None = None


@dataclass(frozen=True)
class Standard:
    """"standard choice" and the like, too close to a drug name."""

    phrases: Phrases
    drugs: Phrases
    window: int
    loc: Loc


@dataclass(frozen=True)
class Survival:
    figures: Phrases                  # words that mark survival figures: "five-year survival"
    framing: tuple[Phrases, ...]      # each group must be said where the figures are shown
    spread: Phrases                   # the "treatable, often for years" context for spread-cancer figures
    forbidden: Phrases                # definitions no seed gives
    loc: Loc


@dataclass(frozen=True)
class Fever:
    word: Phrases
    thresholds: Phrases
    defer: Phrases
    loc: Loc
    institution_fields: tuple[Text, ...] = ()   # fields where the institution writes its own numbers


@dataclass(frozen=True)
class Voice:
    second_person: Phrases
    booklet: Phrases
    max_bullet_words: int
    max_bullets: int
    loc: Loc


@dataclass(frozen=True)
class Explanations:
    within: int
    after: Phrases
    before: Phrases
    references: Phrases
    loc: Loc
    everyday: tuple[Text, ...] = ()   # glossary headwords plain enough to need no explanation ("Tiredness")


@dataclass(frozen=True)
class Required:
    subtype: Text
    phrases: Phrases
    loc: Loc


@dataclass(frozen=True)
class Handouts:
    forbidden: Phrases
    required: tuple[Required, ...]
    loc: Loc


@dataclass(frozen=True)
class Misleading:
    """A seed claim that misleads out of context: ``pattern`` (in a sentence that also says one of
    ``near``, if given) in text of ``voice`` is flagged unless its part says one of ``unless``."""

    name: Text
    pattern: Phrases
    voice: Text                       # patient | clinician | any
    message: Text
    loc: Loc
    near: Phrases = ()
    unless: Phrases = ()


@dataclass(frozen=True)
class Wording:
    claims: tuple[Claim, ...]
    standard: Standard
    survival: Survival
    fever: Fever
    voice: Voice
    explanations: Explanations
    handouts: Handouts
    misleading: tuple[Misleading, ...]
    loc: Loc


@dataclass(frozen=True)
class Rules:
    """Both rule files; either is None when its file is absent (its rules are then off)."""

    terms: Terms | None
    wording: Wording | None
