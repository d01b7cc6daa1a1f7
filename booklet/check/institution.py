"""Class 3 (when to call): the institution's urgent-contact instructions are content fields that the
institution must set; the kit never guesses a number or a temperature. While a field still holds
its neutral default (``{default: ...}`` in kit.yaml), every when-to-call panel prints that default
(or a blank line to write on), and ``booklet check`` warns at the field."""
from __future__ import annotations

from booklet import model as m
from booklet.check.lint import Rule

WHAT = {"name": "the institution's name (printed on the cover)",
        "urgent_number": "the number to call day or night (a blank line is printed to write it on)",
        "fever": "what counts as a fever",
        "emergency": "when to go to the emergency department"}


PREFIX = "institution."


def is_setup(problem) -> bool:
    """A warning that the shipped kit gives by design (a template: each institution sets these), so
    ``--strict`` does not fail on it; an institution that wants it to can grep for it."""
    return problem.severity == "warning" and problem.message.startswith(PREFIX)


def warn_defaults(kit: m.Kit, problems) -> None:
    """A warning at every institution field still on its neutral default. ``problems`` is anything
    with ``warning(loc, message)``."""
    for key, field in kit.meta.institution.fields():
        if field.is_default:
            problems.warning(field.loc, f"{PREFIX}{key} is still the neutral default: replace "
                                        f"{{default: ...}} with your institution's own words for {WHAT[key]}")


def _rule(frame, report) -> None:
    warn_defaults(frame.kit, report)


RULES = (Rule("institution setup", "the institution's urgent-contact words are set (class 3)", _rule),)
