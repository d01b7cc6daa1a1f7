"""What content says about whom each part is for, and the words of a personal booklet.

``content/personal.yaml`` lists the stage groups and treatments a patient file may name (subtypes
are the ids of ``content/subtypes/``), and holds the personal booklet's own words. A section (or a
block) with ``applies_to:`` is only in the booklets of patients it applies to; without it, it is in
every booklet.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text

UNKNOWN = "not-yet-known"      # a stage group or subtype not known yet: the patient gets every option


@dataclass(frozen=True)
class Applies:
    """Who a part is for. Each list that is given must match the patient (a stage group, a subtype,
    any one of the planned treatments); an empty list says nothing about that dimension. A patient
    whose stage group or subtype is not yet known, or whose file plans no treatments yet, gets every
    option: a plan not yet made must not hide a treatment they may be offered."""

    loc: Loc
    stages: tuple[Text, ...] = ()
    subtypes: tuple[Text, ...] = ()
    treatments: tuple[Text, ...] = ()

    def matches(self, stage: str, subtype: str, treatments: tuple[str, ...]) -> bool:
        if self.stages and stage != UNKNOWN and stage not in self.stages:
            return False
        if self.subtypes and subtype != UNKNOWN and subtype not in self.subtypes:
            return False
        return not self.treatments or not treatments or bool(set(self.treatments) & set(treatments))


@dataclass(frozen=True)
class PersonalWords:
    prepared_for: Text           # "Prepared for"
    prepared_for_you: Text       # the cover line when the patient file gives no name
    full_booklet: Text           # says the full booklet is available from the care team
    your_type: Text              # the title of the patient's own subtype page
    loc: Loc


@dataclass(frozen=True)
class Personal:
    stages: tuple[Text, ...]
    treatments: tuple[Text, ...]
    words: PersonalWords
    loc: Loc
