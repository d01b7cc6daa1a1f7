"""Source locations and the problems reported against them.

Every problem is printed in the compiler convention, ``path:line:col: error: message``, so editors
and terminals can jump to it. Problems are collected, never raised one at a time, so a single run
reports everything that is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a content file: 1-based line and column, path as given to the loader. Line 0 means
    the file as a whole (a deck template, a width table), printed as the path alone."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    """One error or warning about the content, tied to a location."""

    loc: Loc
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.loc}: {self.severity}: {self.message}"


@dataclass
class Problems:
    """An ordered collection of problems found while loading, validating or rendering."""

    items: list[Problem] = field(default_factory=list)

    def error(self, loc: Loc, message: str) -> None:
        self.items.append(Problem(loc, message, "error"))

    def warning(self, loc: Loc, message: str) -> None:
        self.items.append(Problem(loc, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def __bool__(self) -> bool:
        return bool(self.errors)


class ContentError(Exception):
    """Raised when content cannot be built; carries every problem found so far."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def fail(loc: Loc, message: str) -> ContentError:
    """A ContentError with a single located problem (for render-time failures)."""
    return ContentError([Problem(loc, message)])


def suggest(word: str, options, prefix: str = "") -> str:
    """' (did you mean 'x'?)' for the closest of ``options``, or '' when nothing is close.
    The one place every "did you mean" in the kit comes from."""
    import difflib

    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{prefix}{close[0]}'?)" if close else ""


def unique_ids(problems: Problems, what: str, ids, fold: bool = False) -> None:
    """A located error for every id met before (case-insensitively with ``fold``)."""
    seen: dict = {}
    for ident in ids:
        key = ident.casefold() if fold else str(ident)
        if key in seen:
            problems.error(ident.loc, f"duplicate {what} id '{ident}' (first at {seen[key].loc})")
        else:
            seen[key] = ident
