"""Every printed string of the content, as a ``Passage``: its voice, where it sits and what frames it.

The rules read passages, not the model, so a field added to a section block, a clinician part, a
table, a subtype or the deck is covered by every rule without new rule code: each object is walked
field by field (``fields``), skipping only the fields that hold ids or settings (``NOT_PRINTED``).
A table's fields whose name starts with ``clinician`` or ``deck`` (captions and notes of its own for
the deck) are in the clinician voice, as are sections' clinician parts, the deck and the deck's labels.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from booklet import model as m
from booklet.load.fields import Text

NOT_PRINTED = frozenset({"id", "sources", "sections", "terms", "table", "tables", "charts", "path", "kind",
                         "seed", "receptors", "language", "keywords", "months", "appointment_hints", "quotes",
                         "category_column", "value_columns", "loc", "figure", "figures", "applies_to",
                         "group", "within", "reach", "er", "pr", "her2", "tool"})
PATIENT, CLINICIAN = "patient", "clinician"
CLINICIAN_FIELDS = ("clinician", "deck")   # a table's own words for the deck: clinician_caption, deck_note ...


@dataclass(frozen=True)
class Passage:
    """One printed string.

    ``doc`` names the reader's document piece ("section:surgery", "subtype:her2-low", "table:x",
    "glossary:Biopsy", "deck", "kit"); ``part`` groups what is printed together (a section's patient
    text, its clinician part, a table, a handout); ``unit`` is the smallest block (a paragraph, a
    bullet list, a callout, a table row). ``field`` is the model path ("body.items",
    "clinician.points"); ``item`` the position in a list, if the string is a list item. ``context``
    holds the words that frame it (the heading above, the lead-in before a list, a table row's other
    cells and column header, a glossary headword, a handout's heading)."""

    text: Text
    voice: str
    doc: str
    part: str
    unit: str
    field: str
    where: str
    context: tuple[str, ...] = ()
    item: int | None = None
    kind: str = "prose"          # prose | heading | item | question | cell | label | term | definition | variant


def fields(value, prefix: str = "") -> Iterator[tuple[str, Text, int | None]]:
    """(field path, text, list position) for every printed string inside a model object."""
    if isinstance(value, Text):
        yield prefix, value, None
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in NOT_PRINTED:
                yield from fields(getattr(value, f.name), f"{prefix}.{f.name}" if prefix else f.name)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            for path, text, position in fields(item, prefix):
                yield path, text, index if position is None and isinstance(item, Text) else position
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from fields(item, f"{prefix}.{key}")


def passages(kit: m.Kit) -> list[Passage]:
    """Every printed string of the kit, in reading order: sections (file order), tables, handouts,
    glossary, the kit's words, the deck."""
    found: list[Passage] = []
    for section in kit.sections:
        found += section_passages(kit, section)
    for table in kit.tables.values():
        found += table_passages(table)
    for subtype in kit.subtypes:
        found += subtype_passages(kit, subtype)
    for figure in kit.figures.values():
        found += figure_passages(figure)
    for term in kit.glossary:
        found += glossary_passages(term)
    found += kit_passages(kit)
    if kit.deck is not None:
        found += deck_passages(kit.deck)
    return found


def section_passages(kit: m.Kit, section: m.Section) -> list[Passage]:
    doc = f"section:{section.id}"
    where = f"section '{section.id}'"
    part = f"{doc}:patient"
    found = [Passage(section.title, PATIENT, doc, part, f"{doc}:title", "title", where, kind="heading")]
    found += [Passage(text, PATIENT, doc, part, f"{doc}:key_points", "key_points", where, (section.title,), i, "item")
              for i, text in enumerate(section.key_points)]
    heading, lead = section.title, ""
    for index, block in enumerate(section.body):
        unit = f"{doc}:block:{index}"
        kind = block_kind(block)
        if isinstance(block, m.Callout):
            context = (heading, block.title)
        else:
            context = (heading, lead) if kind in ("item", "question") else (heading,)
        for path, text, position in fields(block):
            this = "heading" if isinstance(block, m.Heading) or path == "title" else kind
            found.append(Passage(text, PATIENT, doc, part, unit, f"body.{path}", where, context, position, this))
        if isinstance(block, m.Heading):
            heading, lead = block.text, ""
        elif isinstance(block, m.Paragraph):
            lead = block.text
    if section.clinician is not None:
        found += clinician_passages(section)
    return found


def block_kind(block: m.Block) -> str:
    if isinstance(block, m.Questions):
        return "question"
    if isinstance(block, (m.Bullets, m.Callout)):
        return "item"
    return "prose"


def clinician_passages(section: m.Section) -> list[Passage]:
    view = section.clinician
    doc, where = f"section:{section.id}", f"the clinician part of section '{section.id}'"
    part = f"{doc}:clinician"
    found = []
    for path, text, position in fields(view):
        kind = "heading" if path == "title" else ("item" if position is not None else "prose")
        context = (view.title,) if kind == "item" else ()
        found.append(Passage(text, CLINICIAN, doc, part, f"{part}:{path}", f"clinician.{path}", where, context,
                             position, kind))
    return found


def table_passages(table: m.Table) -> list[Passage]:
    doc = f"table:{table.id}"
    where = f"table '{table.id}'"
    found = []
    for path, text, position in fields(table):
        if path.startswith(CLINICIAN_FIELDS):
            kind = "item" if position is not None else "prose"
            found.append(Passage(text, CLINICIAN, doc, f"{doc}:clinician", f"{doc}:{path}", path, where,
                                 (table.caption,), position, kind))
        elif path != "rows":
            found.append(Passage(text, PATIENT, doc, doc, f"{doc}:{path}", path, where, (table.caption,), position,
                                 "heading" if path in ("caption", "columns", "chart.title") else "prose"))
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            header = table.columns[c] if c < len(table.columns) else ""
            context = (header, *(other for i, other in enumerate(row) if i != c))
            found.append(Passage(cell, PATIENT, doc, doc, f"{doc}:row:{r}", "rows", where, context, c, "cell"))
    return found


def subtype_passages(kit: m.Kit, subtype: m.Subtype) -> list[Passage]:
    doc = f"subtype:{subtype.id}"
    where = f"handout '{subtype.id}'"
    labels = kit.meta.handout
    found = []
    for path, text, position in fields(subtype):
        top = path.split(".")[0]
        label = getattr(labels, top, None) or getattr(labels, top.split("_")[0], None) or ""
        kind = "question" if top == "questions" else ("item" if position is not None else "prose")
        found.append(Passage(text, PATIENT, doc, doc, f"{doc}:{path}", path, where, (subtype.name, str(label)),
                             position, kind))
    return found


def figure_passages(figure) -> list[Passage]:
    """A figure's words: title, alt text, text equivalent, the labels it draws and its use line (patient
    text; all but the use line also read as clinician text where the deck shows it, ``voice``); its own
    slide title (``clinician.title``) is clinician text only."""
    doc = f"figure:{figure.id}"
    where = f"figure '{figure.id}'"
    found = []
    for path, text, position in fields(figure):
        kind = "heading" if path.endswith("title") else ("item" if position is not None else "prose")
        if path.startswith(CLINICIAN_FIELDS):
            found.append(Passage(text, CLINICIAN, doc, f"{doc}:clinician", f"{doc}:{path}", path, where,
                                 (figure.title,), position, kind))
        else:
            found.append(Passage(text, PATIENT, doc, doc, f"{doc}:{path}", path, where, (figure.title,), position,
                                 kind))
    return found


def glossary_passages(term: m.GlossaryTerm) -> list[Passage]:
    doc = f"glossary:{term.term}"
    where = f"glossary term '{term.term}'"
    found = [Passage(term.term, PATIENT, doc, doc, doc, "term", where, kind="term"),
             Passage(term.definition, PATIENT, doc, doc, doc, "definition", where, (term.term,), kind="definition")]
    found += [Passage(text, PATIENT, doc, doc, doc, "also", where, (term.term,), i, "variant")
              for i, text in enumerate(term.also)]
    return found


def kit_passages(kit: m.Kit) -> list[Passage]:
    """The kit's own words: title, disclaimer and labels for patients; the deck's labels for clinicians."""
    found = []
    for path, text, position in fields(kit.meta):
        voice = CLINICIAN if path.startswith("deck") else PATIENT
        kind = "prose" if path in ("disclaimer", "subtitle") or path.endswith("intro") else "label"
        found.append(Passage(text, voice, "kit", f"kit:{voice}", f"kit:{path}", path, "kit.yaml", (), position, kind))
    if kit.personal is not None:    # a personal booklet's own words (its stage and treatment lists are ids)
        found += [Passage(text, PATIENT, "kit", "kit:patient", f"personal:{path}", f"personal.{path}",
                          "personal.yaml", (), position, "label") for path, text, position in fields(kit.personal.words)]
    return found


def deck_passages(deck: m.Deck) -> list[Passage]:
    found = []
    for path, text, position in fields(deck):
        top = path.split(".")[0]
        part = f"deck:{top}"
        kind = "item" if position is not None else ("heading" if path.endswith("title") else "prose")
        found.append(Passage(text, CLINICIAN, "deck", part, f"deck:{path}", path, "deck.yaml", (), position, kind))
    return found


SENTENCE_END = re.compile(r"(?<=[.?!])[\"'”’)]*\s+(?=[\"“'(]?[A-Z0-9])")
CLAUSE_END = re.compile(r"(?<=[.?!])[\"'”’)]*\s+(?=[\"“'(]?[A-Z0-9])|;\s+")


def sentences(text: str, clauses: bool = False) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text``; a new sentence starts with a capital or digit.
    With ``clauses``, a semicolon also ends one."""
    start = 0
    for match in (CLAUSE_END if clauses else SENTENCE_END).finditer(text):
        yield start, text[start:match.start()]
        start = match.end()
    if start < len(text):
        yield start, text[start:]
