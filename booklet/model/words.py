"""The words of the kit's fixed parts (furniture pages, handout and deck labels) and its metadata."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text
from booklet.model.tools import CoverWords, Institution, MyResultsWords, ToolWords, WhenToCallWords


@dataclass(frozen=True)
class Pages:
    """Words for the booklet's furniture pages (contents, glossary, forms, sources)."""

    contents: Text
    glossary: Text
    glossary_intro: Text
    care_team: Text
    care_team_intro: Text
    care_team_fields: tuple[Text, ...]
    care_team_lines: tuple[Text, ...]
    appointments: Text
    appointments_intro: Text
    appointment_columns: tuple[Text, ...]
    notes: Text
    sources: Text
    sources_intro: Text
    questions: Text
    key_points: Text
    reviewed: Text
    next_review: Text
    page: Text
    chart: Text                          # "Bar chart", the start of every chart's alt text
    appointment_hints: tuple[Text, ...]  # faint marks in the appointment grid's cells ("/  /", ":")
    months: tuple[Text, ...]             # month names for dates, January first
    loc: Loc


@dataclass(frozen=True)
class HandoutLabels:
    """Headings and small words printed on every one-page handout."""

    what_it_means: Text
    receptors: Text
    how_common: Text
    early: Text
    metastatic: Text
    side_effects: Text
    what_helps: Text
    outlook: Text
    questions: Text
    learn_more: Text
    sources: Text
    positive: Text
    negative: Text
    either: Text
    low: Text
    quotes: Text                # the opening and closing quotation marks, around the booklet's title
    loc: Loc


@dataclass(frozen=True)
class DeckLabels:
    """Titles of the deck's fixed slides and its small words."""

    objectives: Text
    agenda: Text
    case: Text
    discussion: Text
    take_aways: Text
    references: Text
    continued: Text
    sources: Text
    disclosures: Text
    question_before: Text       # small words over the audience questions
    question_after: Text
    answer: Text                # "Answer" in the speaker notes
    part: Text                  # "Part" and "of" in "Part 2 of 6" on section dividers
    of: Text
    loc: Loc


@dataclass(frozen=True)
class WebLabels:
    """Small words of the digital editions (the web page and the tagged PDF)."""

    skip: Text                  # the skip link: "Skip to the main text"
    question: Text              # before each numbered write-in box: "Question" 1, 2 ...
    chart_data: Text            # the caption of a chart's own data table: "The numbers in this chart"
    online: Text                # beside the QR code: "Read this booklet on a phone or computer"
    qr_alt: Text                # the QR code's text alternative, followed by the address
    loc: Loc


@dataclass(frozen=True)
class WebEdition:
    """Where the institution hosts the web edition (kit.yaml ``web_edition``): printed as a QR code
    and a short address on the booklet's cover and on every handout."""

    url: Text                   # https://...
    loc: Loc

    @property
    def short(self) -> str:
        """The address as people type it: no scheme, no trailing slash."""
        return str(self.url).split("://", 1)[-1].rstrip("/")


@dataclass(frozen=True)
class Meta:
    title: Text
    subtitle: Text
    edition: Text
    language: Text
    author: Text
    subject: Text
    keywords: tuple[Text, ...]
    last_reviewed: datetime.date
    next_review: datetime.date
    disclaimer: Text
    pages: Pages
    handout: HandoutLabels
    deck: DeckLabels
    institution: Institution
    when_to_call: WhenToCallWords
    my_results: MyResultsWords
    cover: CoverWords
    tools: ToolWords
    loc: Loc
    web: WebLabels | None = None             # required by the loader; None only in hand-made models
    web_edition: WebEdition | None = None    # optional: no QR code without it
