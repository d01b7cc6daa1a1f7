"""Class 3: when to call. No source gives a fever threshold, so none may be written - except in the
institution's own fields (``fever.institution_fields``), where the institution sets it. Patient text
that names a fever defers to the care team for the temperature in the same place (the same block of
a section; the same handout, table or glossary entry)."""
from __future__ import annotations

from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import Passage
from booklet.model import wording as w


def institutional(lint: Lint, p: Passage) -> bool:
    names = set(p.field.split("."))
    return any(name in names for name in lint.wording.fever.institution_fields)


def place(p: Passage) -> str:
    return p.unit if p.doc.startswith("section:") else p.part


def check_thresholds(lint: Lint, report: Report) -> None:
    for p in lint.passages:
        if institutional(lint, p):
            continue
        for match, _ in w.finditer(lint.wording.fever.thresholds, p.text):
            report.error(report.at(p.text, match.start(), match.end()),
                         f"'{match.group(0)}' in {p.where}: no source gives a fever threshold; the institution "
                         "sets it in its urgent-contact field, and the text says the care team will tell the "
                         "reader what temperature counts as a fever")


def panel_words(lint: Lint, unit: str) -> list[str]:
    """What a when-to-call panel adds to a ``call-care-team`` callout: the institution's fever words
    (its own, or the neutral default that defers to the care team)."""
    parts = unit.split(":")
    if len(parts) != 4 or parts[0] != "section" or parts[2] != "block":
        return []
    section = next((s for s in lint.kit.sections if s.id == parts[1]), None)
    block = section.body[int(parts[3])] if section is not None and int(parts[3]) < len(section.body) else None
    if getattr(block, "kind", None) != "call-care-team":
        return []
    institution = getattr(lint.kit.meta, "institution", None)
    fever = getattr(institution, "fever", None)
    return [str(getattr(fever, "text", fever) or "")]


def check_deferral(lint: Lint, report: Report) -> None:
    rules = lint.wording.fever
    texts: dict[str, list[str]] = {}
    for p in lint.patient:
        texts.setdefault(place(p), panel_words(lint, place(p))).append(p.text)
    for p in lint.patient:
        if p.kind == "variant" or institutional(lint, p):
            continue
        found = w.search(rules.word, p.text)
        if found and not w.says(rules.defer, " ".join(texts[place(p)])):
            report.error(report.at(p.text, found[0].start(), found[0].end()),
                         f"'{found[0].group(0)}' in {p.where} without saying who decides what counts as a "
                         f"fever: add '{rules.defer[0]}' (the care team tells the reader) to the same "
                         "block")


RULES = (Rule("fever threshold", "no invented fever threshold (class 3)", check_thresholds, "wording"),
         Rule("fever deferral", "a fever named with 'your care team will tell you what counts'", check_deferral,
              "wording"))
