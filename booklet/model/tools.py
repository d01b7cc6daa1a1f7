"""The words of the tools a reader acts with: the institution's urgent-contact instructions, the
step-by-step when-to-call panel, the "My results" form, the cover's own words.

The institution's fields are never guessed: each holds either the institution's own words or a
neutral default (``is_default``), and ``booklet check`` warns at every field still on its default.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text


@dataclass(frozen=True)
class InstitutionField:
    """One urgent-contact instruction. ``text`` is "" when the kit prints a line to write on."""

    text: str
    is_default: bool
    loc: Loc

    @property
    def value(self) -> str | None:
        """The words to print, or None for a blank line to write on."""
        return self.text or None


@dataclass(frozen=True)
class Institution:
    """Local instructions an institution must set: its name, its urgent number, what counts as a
    fever, and when to go to the emergency department."""

    name: InstitutionField
    urgent_number: InstitutionField
    fever: InstitutionField
    emergency: InstitutionField
    loc: Loc

    def fields(self) -> tuple[tuple[str, InstitutionField], ...]:
        return (("name", self.name), ("urgent_number", self.urgent_number), ("fever", self.fever),
                ("emergency", self.emergency))


@dataclass(frozen=True)
class WhenToCallWords:
    """The fixed words of every when-to-call panel: its step labels and the labels of the
    institution's instructions in its last step."""

    title: Text                 # the panel's title on a handout
    look: Text                  # step 1: what to look for
    do: Text                    # step 2: what to do
    call: Text                  # step 3: which number to call
    number: Text                # before the urgent number (or the line to write it on)
    fever: Text
    emergency: Text
    loc: Loc


@dataclass(frozen=True)
class ResultField:
    """One answer on the "My results" form: tick boxes for ``choices`` (a short list) and, with
    ``other``, one more box with a line after it; a field without choices is a line to write on."""

    label: Text
    loc: Loc
    choices: tuple[Text, ...] = ()
    other: Text | None = None
    short: Text | None = None       # a shorter label for the handouts ("ER")


@dataclass(frozen=True)
class MyResultsWords:
    title: Text
    intro: Text
    fields: tuple[ResultField, ...]
    loc: Loc


@dataclass(frozen=True)
class CoverWords:
    illustration: Text          # what a screen reader says for the cover picture
    institution: Text           # the label of the line for the institution's name, while it is not set
    loc: Loc


@dataclass(frozen=True)
class ToolWords:
    """Words of the write-in tools: the side-effect tracker page, the weekly activity log, and the
    label before a table's "what you can do with it" line."""

    use: Text
    tracker: Text
    tracker_intro: Text
    tracker_columns: tuple[Text, ...]
    tracker_hints: tuple[Text, ...]
    activity_log: Text
    activity_intro: Text
    activity_columns: tuple[Text, ...]
    activity_hints: tuple[Text, ...]
    weekdays: tuple[Text, ...]
    loc: Loc
