"""The reader's tools as document-tree nodes (see ``booklet.compose.tree``, which re-exports them):
fill-in answers, the step-by-step when-to-call panel, the "My results" form, drawn illustrations,
receptor badges and the QR link to the web edition.

Plain frozen data like every tree node; each keeps the ``loc`` of the content it came from.
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc


@dataclass(frozen=True)
class FillIn:
    """A labelled answer: "label: value", or the label and a line to write the value on (``value`` None)."""

    label: str
    value: str | None
    loc: Loc


@dataclass(frozen=True)
class Step:
    """One numbered step of a panel: its label and what it says (paragraphs, a list, fill-ins)."""

    label: str
    blocks: tuple["Block", ...]
    loc: Loc


@dataclass(frozen=True)
class Steps:
    """A step-by-step panel. Role ``when-to-call``: what to look for, what to do, which number to
    call (with the institution's instructions). The theme maps the role to its look."""

    role: str
    title: str
    steps: tuple[Step, ...]
    loc: Loc


@dataclass(frozen=True)
class Choice:
    """One answer of a form: tick boxes for ``choices``, one more box and a line for ``other``; a
    line to write on when there are no choices."""

    label: str
    choices: tuple[str, ...]
    other: str | None
    loc: Loc
    short: str | None = None    # a shorter label where room is tight (a one-page handout)


@dataclass(frozen=True)
class ResultsForm:
    """A fill-in box (role ``my-results``): the reader's own test results, ticked or written in."""

    role: str
    title: str
    intro: str | None
    fields: tuple[Choice, ...]
    loc: Loc


@dataclass(frozen=True)
class Illustration:
    """A picture each output draws from simple shapes; ``name`` says which (``cover``), ``alt`` is
    what a screen reader says in its place."""

    name: str
    alt: str
    loc: Loc


@dataclass(frozen=True)
class Badges:
    """Receptor results in a row after a label: (receptor name, status, status in words)."""

    label: str
    items: tuple[tuple[str, str, str], ...]
    loc: Loc


@dataclass(frozen=True)
class WebLink:
    """Where the web edition lives: printed as a QR code beside its short address and a label.
    ``alt`` is the QR code's text alternative in the digital editions."""

    url: str
    short: str
    label: str
    alt: str
    loc: Loc
