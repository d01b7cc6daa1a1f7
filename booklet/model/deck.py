"""The clinician teaching deck's own content (``content/deck.yaml``): its parts, the worked case,
the title-slide details and the audience questions. The slides' clinical words live in the
sections' clinician parts (``booklet.model.content``); this holds what only the deck says.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text


@dataclass(frozen=True)
class DeckPart:
    title: Text
    sections: tuple[Text, ...]
    loc: Loc


@dataclass(frozen=True)
class Case:
    title: Text
    presentation: tuple[Text, ...]
    discussion: tuple[Text, ...]
    notes: Text
    sources: tuple[Text, ...]
    loc: Loc


@dataclass(frozen=True)
class Cover:
    """Who presents, where and when: printed on the title slide (``--presenter`` etc. override them)."""

    presenter: Text
    credentials: Text
    institution: Text
    event_date: Text
    loc: Loc


@dataclass(frozen=True)
class Question:
    """An audience question: the stem, lettered options, the right letter and why (speaker notes)."""

    question: Text
    options: tuple[Text, ...]
    answer: Text
    explanation: Text
    sources: tuple[Text, ...]
    loc: Loc


@dataclass(frozen=True)
class AudienceQuestions:
    before: Question
    after: Question
    loc: Loc


@dataclass(frozen=True)
class Deck:
    objectives: tuple[Text, ...]
    parts: tuple[DeckPart, ...]
    case: Case
    take_aways: tuple[Text, ...]
    loc: Loc
    cover: Cover | None = None
    disclosures: tuple[Text, ...] = ()
    questions: AudienceQuestions | None = None
