"""A booklet for one patient: the booklet's own tree, cut to what applies and filled in.

From the patient file (``booklet.personal.patient``): a "prepared for" cover (the name only if the
file gives one) that says the full booklet is available; the patient's own subtype page near the
front; only the sections and blocks whose ``applies_to`` matches the patient; a glossary of just the
terms those sections use; the care-team and appointment pages filled in; the patient's urgent
contact in every when-to-call panel. The matching one-page handout is the subtype's handout, with
the same panel. Nothing personal goes into the documents' metadata.
"""
from __future__ import annotations

import dataclasses
import datetime

from booklet import model as m
from booklet.compose import booklet, common, handout, walk
from booklet.compose import tree as t


def documents(kit: m.Kit, patient) -> tuple[t.Document, ...]:
    """The patient's booklet, and their subtype's handout when the subtype is known; every
    when-to-call panel in both gives the patient's own urgent contact where the file has one."""
    kit = with_contact(kit, patient)
    docs = [personal_booklet(kit, patient)]
    subtype = next((s for s in kit.subtypes if s.id == patient.subtype), None)
    if subtype is not None:
        sheet = handout.compose(kit, subtype)
        # the kit's title, not the subtype's: a file's metadata must not say what the patient has
        docs.append(dataclasses.replace(sheet, name=f"patients/{patient.id}/handout",
                                        meta=dataclasses.replace(sheet.meta, title=kit.meta.title)))
    return tuple(docs)


def with_contact(kit: m.Kit, patient) -> m.Kit:
    """The kit with the patient's urgent contact as the number every when-to-call panel prints (in
    place of the institution's, or of the line to write it on)."""
    if not patient.urgent_contact:
        return kit
    contact = patient.urgent_contact
    number = m.InstitutionField(str(contact), False, getattr(contact, "loc", patient.loc))
    institution = dataclasses.replace(kit.meta.institution, urgent_number=number)
    return dataclasses.replace(kit, meta=dataclasses.replace(kit.meta, institution=institution))


def applying(kit: m.Kit, patient) -> m.Kit:
    """The kit with only the sections, blocks and list items whose ``applies_to`` matches ``patient``
    (its glossary whole: ``printed_terms`` cuts it to what the pages print)."""
    sections = []
    for section in kit.sections:
        if patient.applies(section.applies_to):
            sections.append(dataclasses.replace(section, body=kept_blocks(section.body, patient),
                                                key_points=_kept_items(section.key_points, patient)))
    return dataclasses.replace(kit, sections=tuple(sections))


def kept_blocks(body: tuple[m.Block, ...], patient) -> tuple[m.Block, ...]:
    """The blocks that apply to the patient, each list with only the items that apply (a list left
    empty goes); a heading goes too when every block under it went, so no title stands over nothing."""
    kept = [_with_items(block, patient) for block in body if patient.applies(block.applies_to)]
    kept = [block for block in kept if _still_says_something(block)]
    return tuple(block for index, block in enumerate(kept)
                 if not isinstance(block, m.Heading)
                 or (index + 1 < len(kept) and not isinstance(kept[index + 1], m.Heading)))


def _kept_items(items: tuple, patient) -> tuple:
    return tuple(item for item in items if patient.applies(item.applies_to))


def _with_items(block: m.Block, patient) -> m.Block:
    """A list block (bullets, questions, a callout) with only the items that apply to the patient."""
    items = getattr(block, "items", None)
    if not items:
        return block
    return dataclasses.replace(block, items=_kept_items(items, patient))


def _still_says_something(block: m.Block) -> bool:
    """False for a list left with no items (and a callout with no text either)."""
    if isinstance(block, (m.Bullets, m.Questions)):
        return bool(block.items)
    return not isinstance(block, m.Callout) or bool(block.text or block.items)


def printed_terms(glossary: tuple[m.GlossaryTerm, ...], parts) -> tuple[m.GlossaryTerm, ...]:
    """The glossary terms any of whose spellings ``parts`` print as a whole word (their tables too)."""
    text = " ".join(s for part in parts for s, _ in walk.strings(part)).casefold()
    return tuple(term for term in glossary if any(_printed_as_word(sp.casefold(), text) for sp in term.spellings))


def _printed_as_word(spelling: str, text: str) -> bool:
    """Whether ``spelling`` occurs in ``text`` with no letter, digit or underscore either side (a
    regular expression's word boundaries, found with str.find: ~100 times faster over a booklet)."""
    start = text.find(spelling)
    while start >= 0:
        end = start + len(spelling)
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
            return True
        start = text.find(spelling, start + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def personal_booklet(kit: m.Kit, patient) -> t.Document:
    kept = applying(kit, patient)
    doc = booklet.compose(kept)
    own = your_type(kit, patient)
    sections = [p for p in doc.parts if p.role == "section"] + ([own] if own else [])
    glossary = booklet.furniture_parts(dataclasses.replace(kept, glossary=printed_terms(kit.glossary, sections)))[0]
    cover, _, *listed = (glossary if p.key == glossary.key else p for p in doc.parts)
    words = kit.personal.words
    prepared = f"{words.prepared_for} {patient.name}" if patient.name else words.prepared_for_you
    cover = dataclasses.replace(cover, blocks=(*cover.blocks, t.Paragraph(prepared, words.loc, "label"),
                                               t.Paragraph(words.full_booklet, words.loc, "body")))
    listed = [fill(part, patient, kit.meta.pages.months) for part in listed]
    if own is not None:
        listed.insert(0, own)
    # the full booklet's column: the sections a patient shares with others are laid out the same
    # pad=None: a personal booklet comes off a desk printer, not folded into signatures, so it gets
    # no blank notes pages to reach the full booklet's page multiple
    return dataclasses.replace(doc, name=f"patients/{patient.id}/booklet", measure=_full_measure(kit),
                               parts=(cover, booklet.contents_part(kit, listed), *listed), pad=None)


_MEASURE: list = [None, ""]      # (the sections it was taken from, the full booklet's running text)


def _full_measure(kit: m.Kit) -> str:
    """The full booklet's running text, composed once for all the patients of a run (the sections
    are the same object for every patient: ``with_contact`` changes only the kit's meta)."""
    if _MEASURE[0] is not kit.sections:
        _MEASURE[:] = [kit.sections, booklet.compose(kit).measure]
    return _MEASURE[1]


def your_type(kit: m.Kit, patient) -> t.Part | None:
    """The patient's own subtype page: the handout's words as a booklet part."""
    subtype = next((s for s in kit.subtypes if s.id == patient.subtype), None)
    if subtype is None:
        return None
    blocks = _for_stage(handout.body(kit, subtype).blocks, kit.meta.handout, patient.stage)
    title = f"{kit.personal.words.your_type}: {subtype.name}"
    return t.Part("your-type", title, blocks, subtype.loc, "section", item=f"subtype:{subtype.id}")


def _for_stage(blocks, labels, stage: str) -> tuple:
    """The handout's blocks without the treatment list of the stage group the patient is not in."""
    other = {"early": labels.metastatic, "metastatic": labels.early}.get(stage)
    out, skip = [], False
    for block in blocks:
        if skip:
            skip = False
            continue
        if other is not None and isinstance(block, t.Heading) and block.text == other:
            skip = True           # the heading and the list under it
            continue
        out.append(block)
    return tuple(out)


def fill(part: t.Part, patient, months) -> t.Part:
    """The care-team and appointment pages with the patient's details written in."""
    if part.role == "care-team":
        return dataclasses.replace(part, blocks=tuple(_filled_form(b, patient) if isinstance(b, t.Form) else b
                                                      for b in part.blocks))
    if part.role == "appointments":
        rows = tuple((_day(a.date, months), a.time, a.who, a.notes) for a in patient.appointments)
        return dataclasses.replace(part, blocks=tuple(dataclasses.replace(b, filled=rows) if isinstance(b, t.Grid)
                                                      else b for b in part.blocks))
    return part


def _day(text: str, months) -> str:
    """'2026-12-10' as '10 December 2026' (the booklet's own date style); anything else as written."""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return text
    return common.human_date(day, months)


def _filled_form(form: t.Form, patient) -> t.Form:
    """Each care-team member on the field of their role (a new field if no role matches); the urgent
    contact on the day-or-night line."""
    fields = list(form.fields)
    values: dict[str, tuple[str, ...]] = {}
    for member in patient.care_team:
        match = next((f for f in fields if f.casefold() == member.role.casefold()), None)
        if match is None:
            fields.append(member.role)
            match = member.role
        values[match] = (member.name, member.phone)
    if patient.urgent_contact:
        urgent = next((f for f in fields if "day or night" in f.casefold() or "out-of-hours" in f.casefold()), None)
        if urgent is not None:
            values[urgent] = ("", patient.urgent_contact)
    return dataclasses.replace(form, fields=tuple(fields), values=tuple(values.get(f, ()) for f in fields))
