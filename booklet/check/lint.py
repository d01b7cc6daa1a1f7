"""The frame every check rule runs in: the kit, the wording rules, the passages, and a problem sink
that counts what each rule found (``make check`` prints the counts per rule)."""
from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from booklet import model as m
from booklet.check.locate import locate
from booklet.check.passages import CLINICIAN, PATIENT, Passage, passages
from booklet.errors import Loc, Problems
from booklet.load.fields import Text
from booklet.model import wording as w


@dataclass
class Findings(Problems):
    """Problems, plus how many errors and warnings each rule reported."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def rule(self, name: str) -> "Report":
        self.counts.setdefault(name, Counter())
        return Report(self, name)


@dataclass(frozen=True)
class Report:
    """What one rule reports into: located errors and warnings, counted under the rule's name."""

    findings: Findings
    name: str

    def error(self, loc: Loc, message: str) -> None:
        self.findings.error(loc, message)
        self.findings.counts[self.name]["errors"] += 1

    def warning(self, loc: Loc, message: str) -> None:
        self.findings.warning(loc, message)
        self.findings.counts[self.name]["warnings"] += 1

    def at(self, text: Text, start: int, end: int | None = None) -> Loc:
        """The location of a word inside a content string."""
        return locate(text, start, end)


@dataclass
class Lint:
    kit: m.Kit
    rules: w.Rules
    today: datetime.date
    memo: dict = field(default_factory=dict)   # results one rule computes and the report reuses (grades)

    @functools.cached_property
    def passages(self) -> list[Passage]:
        return passages(self.kit)

    @property
    def patient(self) -> list[Passage]:
        return [p for p in self.passages if p.voice == PATIENT]

    @property
    def clinician(self) -> list[Passage]:
        return [p for p in self.passages if p.voice == CLINICIAN]

    @property
    def wording(self) -> w.Wording | None:
        return self.rules.wording

    @property
    def terms(self) -> w.Terms | None:
        return self.rules.terms


@dataclass(frozen=True)
class Rule:
    """One check: its name in the report, what it guards, and its function. ``needs`` names the rule
    file it reads ("wording" or "terms"); without that file the rule is off."""

    name: str
    guards: str
    run: Callable[[Lint, Report], None]
    needs: str | None = None
