"""Class 1: a treatment for some, written as if for all.

For each claim in ``wording.yaml``, every sentence (in patient and clinician text, tables, glossary,
handouts) that says the claim - and one of its ``when`` words, if any - must carry one of its
qualifiers. The sentence is read with what frames it: the heading above a list and the lead-in
before it, a table row's other cells and its column header, a glossary headword, a handout's
heading. Questions are not claims; a glossary definition's first sentence defines, it does not claim.
Also: "standard choice" (and the like) near a drug name, unless the sentence gives a qualifier.
"""
from __future__ import annotations

from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import sentences
from booklet.model import wording as w

DEFINITION = ("called", "stands for")


def claim_sentences(lint: Lint):
    """(passage, offset, sentence, frame) for every sentence that could make a claim."""
    for p in lint.passages:
        if p.kind in ("question", "variant", "term", "label", "heading"):
            continue
        for index, (offset, sentence) in enumerate(sentences(p.text, clauses=True)):
            if sentence.rstrip().endswith("?"):
                continue
            if p.kind == "definition" and index == 0:
                continue
            yield p, offset, sentence, " ".join(p.context)


def check_claims(lint: Lint, report: Report) -> None:
    for p, offset, sentence, frame in claim_sentences(lint):
        framed = f"{sentence} {frame}"
        about = sentence if p.kind == "prose" else framed   # a list item or cell is about what frames it
        for claim in lint.wording.claims:
            found = w.search(claim.claim, sentence)
            if found is None or _defines(sentence):
                continue
            if claim.when and not w.says(claim.when, about):
                continue
            if w.says(claim.qualifiers, framed):
                continue
            match, phrase = found
            why = f": {claim.why}" if claim.why else ""
            report.error(report.at(p.text, offset + match.start(), offset + match.end()),
                         f"'{match.group(0)}' in {p.where} reads as for everyone ({claim.name}); keep the "
                         f"sources' qualifier in the same sentence, such as '{claim.qualifiers[0]}'{why}")


def _defines(sentence: str) -> bool:
    folded = sentence.casefold()
    return any(f" {word} " in f" {folded} " for word in DEFINITION)


def check_standard(lint: Lint, report: Report) -> None:
    rules = lint.wording.standard
    qualifiers = tuple(q for claim in lint.wording.claims for q in claim.qualifiers)
    for p, offset, sentence, frame in claim_sentences(lint):
        for match, _ in w.finditer(rules.phrases, sentence):
            window = sentence[max(0, match.start() - rules.window):match.end() + rules.window]
            drug = w.search(rules.drugs, window)
            if drug is None or w.says(qualifiers, f"{sentence} {frame}"):
                continue
            report.error(report.at(p.text, offset + match.start(), offset + match.end()),
                         f"'{match.group(0)}' next to '{drug[0].group(0)}' in {p.where} reads as for everyone: "
                         "say for whom, as the sources do (e.g. 'for certain people with higher-risk cancer')")


RULES = (Rule("claims", "a treatment for some keeps its qualifier (class 1)", check_claims, "wording"),
         Rule("standard choice", "no 'standard choice' next to a drug without its qualifier", check_standard,
              "wording"))
