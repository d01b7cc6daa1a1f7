"""Proof that a personal booklet is this patient's: what applies is there, what does not is not, and
the filled-in details are printed where they belong. Messages name sections and fields, never the
patient's details."""
from __future__ import annotations

from booklet import model as m
from booklet.compose import tree as t
from booklet.errors import Problems
from booklet.verify.readback import Readback, squash


def check_booklet(kit: m.Kit, patient, doc: t.Document, readback: Readback) -> Problems:
    problems = Problems()
    anchors = {a for p in readback.places for a in p.anchors}
    for section in kit.sections:
        applies = patient.applies(section.applies_to)
        present = section.title in anchors
        if applies and not present:
            problems.error(section.loc, f"the personal booklet for {patient.id} is missing section '{section.id}', "
                                        "which applies to the patient")
        elif present and not applies:
            problems.error(section.loc, f"the personal booklet for {patient.id} holds section '{section.id}', "
                                        "which does not apply to the patient")
    own = next((p for p in doc.parts if p.key == "your-type"), None)
    if own is not None and own.title not in anchors:
        problems.error(patient.loc, f"the personal booklet for {patient.id} is missing the patient's own "
                                    "subtype page")
    for part, what in _unprinted(doc, lambda part: _part_text(readback, part.title)):
        problems.error(patient.loc, f"the personal booklet for {patient.id} does not print the {what} on the page "
                                    f"'{part.title}'")
    return problems


def check_handout(patient, doc: t.Document, readback: Readback) -> Problems:
    problems = Problems()
    if readback.counts.get("pages") != 1:
        problems.error(patient.loc, f"the handout for {patient.id} is not one page")
    header = next(p for p in doc.parts if p.role == "header")
    if squash(header.title) not in readback.text:
        problems.error(patient.loc, f"the handout for {patient.id} does not name its subtype")
    for _, what in _unprinted(doc, lambda part: readback.text):
        problems.error(patient.loc, f"the handout for {patient.id} does not print the {what}")
    return problems


def _unprinted(doc: t.Document, text_of):
    """(part, what) for every detail written into the document that ``text_of(part)`` does not hold."""
    for part in doc.parts:
        for block in part.blocks:
            for what, written in _written(block):
                if squash(written) not in text_of(part):
                    yield part, what


def _written(block) -> list[tuple[str, str]]:
    """(what it is, the text) for every detail written into a form, a grid or a when-to-call panel."""
    if isinstance(block, t.Form):
        return [(f"{field} ({label})", value) for field, values in zip(block.fields, block.values)
                for label, value in zip(block.line_labels, values) if value]
    if isinstance(block, t.Grid):
        return [(f"appointment {n} ({column})", cell) for n, row in enumerate(block.filled, start=1)
                for column, cell in zip(block.columns, row) if cell]
    if isinstance(block, t.Steps):       # a when-to-call panel: the urgent contact and the institution's words
        return [(f"{block.title} step '{step.label}' ({fill.label})", fill.value) for step in block.steps
                for fill in step.blocks if isinstance(fill, t.FillIn) and fill.value]
    return []


def _part_text(readback: Readback, title: str) -> str:
    """The squashed text from the place a part starts to the place the next part starts."""
    places = readback.places
    start = next((i for i, p in enumerate(places) if title in p.anchors), None)
    if start is None:
        return ""
    end = next((i for i in range(start + 1, len(places)) if places[i].anchors), len(places))
    return "".join(p.squashed for p in places[start:end])
