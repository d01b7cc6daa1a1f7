"""Figures in the content model: a picture described as data (``content/figures/<id>.yaml``).

Every figure has an id, a kind, a title, alt text (what a screen reader says in its place), a short
text equivalent printed beside it, sources, and optionally a use line (what a patient can do with
it, printed under it); ``data`` holds the kind's own content, located like every other value so
validation can point at the line that is wrong. ``booklet.compose`` turns it into the plain data
each kind's layout draws (``booklet.figures``).
"""
from __future__ import annotations

from dataclasses import dataclass

from booklet.errors import Loc
from booklet.load.fields import Text


@dataclass(frozen=True)
class ScaleGroup:
    id: Text
    label: Text
    loc: Loc
    within: Text | None = None          # the id of the group this one sits inside


@dataclass(frozen=True)
class ScaleStep:
    label: Text
    group: Text                         # the id of its group (the innermost one)
    loc: Loc
    detail: Text | None = None


@dataclass(frozen=True)
class ScaleData:
    ends: tuple[Text, ...]              # the arrow's two ends: from the first step, to the last
    groups: tuple[ScaleGroup, ...]
    steps: tuple[ScaleStep, ...]
    loc: Loc


@dataclass(frozen=True)
class PathwayStep:
    label: Text
    loc: Loc
    detail: Text | None = None
    sometimes: bool = False             # not everyone has this step


@dataclass(frozen=True)
class PathwayData:
    steps: tuple[PathwayStep, ...]
    loc: Loc
    legend: Text | None = None          # what the dashed outline of a 'sometimes' step means


@dataclass(frozen=True)
class Joined:
    """Results that count together ("one or both"): one cell over adjacent receptor columns."""

    receptors: tuple[Text, ...]
    text: Text
    loc: Loc


@dataclass(frozen=True)
class GridRow:
    type: Text
    er: Text                            # positive | negative | either | low
    pr: Text
    her2: Text
    loc: Loc
    detail: Text | None = None
    note: Text | None = None
    joined: Joined | None = None


@dataclass(frozen=True)
class GridData:
    heading: Text
    rows: tuple[GridRow, ...]
    loc: Loc


@dataclass(frozen=True)
class IconArrayData:
    filled: int                         # solid people in 100: the number, or a range's lower end
    label: Text
    rest_label: Text
    loc: Loc
    extra: int = 0                      # hatched people after them: the rest of a range
    extra_label: Text | None = None


@dataclass(frozen=True)
class SpreadStage:
    label: Text
    detail: Text
    reach: Text                         # breast | nodes | distant
    loc: Loc


@dataclass(frozen=True)
class SpreadData:
    stages: tuple[SpreadStage, ...]
    legend: Text
    loc: Loc


FigureData = ScaleData | PathwayData | GridData | IconArrayData | SpreadData


@dataclass(frozen=True)
class FigureClinician:
    """How the deck shows a figure: a slide title of its own that states its point to clinicians
    (short enough for any template's title box). Without it the slide takes the figure's title."""

    title: Text
    loc: Loc


@dataclass(frozen=True)
class Figure:
    id: Text
    kind: Text                          # scale | pathway | receptor-grid | icon-array | spread
    title: Text
    alt: Text
    text: Text
    sources: tuple[Text, ...]
    data: FigureData
    loc: Loc
    clinician: FigureClinician | None = None
    use: Text | None = None             # what a reader can do with it, printed under it (patient text)


@dataclass(frozen=True)
class FigureRef:
    """``- figure: <id>`` in a section's body."""

    figure: Text
    loc: Loc
    applies_to: "Applies | None" = None  # noqa: F821 - who it is for (booklet.model.personal)
