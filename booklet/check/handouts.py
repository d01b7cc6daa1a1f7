"""Class 5: a handout explains itself. Class 9: a handout keeps what the sources say about its subtype.

A handout is read without the booklet, so every abbreviation and glossary term on it (any text of
its subtype entry) is explained somewhere on the same handout (its own text, or the survival table's
caption and headings printed on it) (see ``booklet.check.explain``); it calls itself a handout, never "this booklet"
(nor do the handout labels and the disclaimer printed on every sheet). Each subtype's required phrases
(``handouts.required`` in wording.yaml: its treatments by name, its side effects, its exact receptor
results) are all on its handout.
"""
from __future__ import annotations

from booklet.check.explain import ABBREVIATION, compound, everyday, explained_at, spellings_of, term_uses
from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import Passage
from booklet.errors import suggest
from booklet.model import wording as w

PRINTED_TABLE_FIELDS = ("caption", "columns")   # the handout prints its table without the note


def handout_passages(lint: Lint, subtype) -> list[Passage]:
    table = f"table:{subtype.outlook.table}"
    return [p for p in lint.patient
            if p.doc == f"subtype:{subtype.id}" or (p.doc == table and p.field in PRINTED_TABLE_FIELDS)]


def check_explained(lint: Lint, report: Report) -> None:
    rules = lint.wording.explanations
    for subtype in lint.kit.subtypes:
        sheet = handout_passages(lint, subtype)
        found = _words(lint, sheet)
        explained = {key for key, places in found.items()
                     if any(explained_at(rules, p.text, match.start(), match.end()) for p, match in places)}
        explained |= {t.term for t in lint.kit.glossary if everyday(rules, t)}
        spelled = spellings_of(t for t in lint.kit.glossary if t.term in explained) | explained
        for key, places in found.items():
            own = [(p, match) for p, match in places if p.doc == f"subtype:{subtype.id}"]
            if key in explained or not own or any(compound(match.group(0), spelled) for _, match in own):
                continue
            p, match = own[0]
            report.error(report.at(p.text, match.start(), match.end()),
                         f"handout '{subtype.id}' uses '{match.group(0)}' without explaining it on the handout "
                         "(it is read without the booklet): add a short plain explanation where it is used")


def _words(lint: Lint, sheet: list[Passage]) -> dict[str, list]:
    """Glossary term (or abbreviation not in the glossary) -> its uses on a handout, in order."""
    spelled = {sp: term for term in lint.kit.glossary for sp in term.spellings}
    found: dict[str, list] = {}
    for p in sheet:
        for match in ABBREVIATION.finditer(p.text):
            term = spelled.get(match.group(0)) or spelled.get(match.group(0).rstrip("s"))
            if term is None:
                found.setdefault(match.group(0), []).append((p, match))
        for term, match in term_uses(lint.kit.glossary, p.text):
            found.setdefault(term.term, []).append((p, match))
    return found


def check_self_reference(lint: Lint, report: Report) -> None:
    forbidden = lint.wording.handouts.forbidden
    printed = [p for p in lint.patient if p.doc.startswith("subtype:")
               or (p.doc == "kit" and (p.field.startswith("handout.") or p.field == "disclaimer"))]
    for p in printed:
        for match, _ in w.finditer(forbidden, p.text):
            report.error(report.at(p.text, match.start(), match.end()),
                         f"'{match.group(0)}' in {p.where} is printed on a handout: call it 'this handout', or "
                         "name the booklet by its title")


def check_required(lint: Lint, report: Report) -> None:
    subtypes = {s.id: s for s in lint.kit.subtypes}
    for required in lint.wording.handouts.required:
        subtype = subtypes.get(required.subtype)
        if subtype is None:
            report.error(required.loc, f"unknown subtype '{required.subtype}'{suggest(required.subtype, subtypes)}")
            continue
        text = " ".join(p.text for p in handout_passages(lint, subtype))
        for phrase in required.phrases:
            if not phrase.regex.search(text):
                report.error(subtype.loc, f"handout '{subtype.id}' does not say '{phrase}', which the sources say "
                                          f"about this subtype (required at {phrase.text.loc})")


RULES = (Rule("handout explains itself", "every term on a handout explained on it (class 5)", check_explained,
              "wording"),
         Rule("handout names itself", "no 'this booklet' on a handout (class 5)", check_self_reference, "wording"),
         Rule("handout keeps its content", "each handout says what the sources say of its subtype (class 9)",
              check_required, "wording"))
