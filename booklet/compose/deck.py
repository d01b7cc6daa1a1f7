"""The clinician deck's structure: the logical slides in order, with their notes and foot lines.

Cover (presenter, institution, event date), disclosures, objectives, an audience question, the
agenda, then per deck part a divider ("Part 2 of 7") and per topic its bullet slide and its table,
chart and figure slides; then the case, the discussion, the audience question again, take-aways and
references. Tables and charts show the clinician's caption (the slide title) and note, never the
patient's. Every slide but the cover is numbered and footed by the renderer; slides that make
claims carry a short source line ("Sources: [1], [3]") whose full text is in the notes.
"""
from __future__ import annotations

from dataclasses import replace

from booklet import model as m
from booklet.compose import common, figures
from booklet.compose import tree as t

FILE_STEM = "clinician-deck"


def notes(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


class _Sources:
    """The deck's source lines: in full for the notes, as numbers for the slide."""

    def __init__(self, kit: m.Kit):
        self.word = kit.meta.deck.sources
        self.entries = {ident: (number, text) for number, ident, text in common.source_entries(kit)}

    def of(self, ids) -> list[str]:
        return [i for i in ids if i in self.entries]

    def line(self, ids) -> str:
        return f"{self.word}: " + "; ".join(self.entries[i][1] for i in ids) if ids else ""

    def numbers(self, ids) -> str:
        return f"{self.word}: " + ", ".join(f"[{n}]" for n in sorted(self.entries[i][0] for i in ids)) if ids else ""


def compose(kit: m.Kit) -> t.Document:
    deck, labels, km = kit.deck, kit.meta.deck, kit.meta
    src = _Sources(kit)
    every = src.line(list(src.entries))
    reviewed = f"{km.pages.reviewed} {common.human_date(km.last_reviewed, km.pages.months)}"
    slides = [cover_slide(kit, reviewed)]
    if deck.disclosures:
        slides.append(t.Slide("disclosures", "content", labels.disclosures, labels.loc, notes(*deck.disclosures),
                              bullets=deck.disclosures))
    slides.append(t.Slide("objectives", "content", labels.objectives, labels.loc, notes(*deck.objectives, every),
                          bullets=deck.objectives))
    if deck.questions is not None:
        slides.append(question_slide(kit, deck.questions.before, labels.question_before, src))
    parts = [(part.title, [kit.section(i) for i in part.sections]) for part in deck.parts]
    total = len(parts) + 1                                   # the case is the last part
    agenda_notes = notes(*(f"{title}: " + "; ".join(s.clinician.title for s in sections) for title, sections in parts))
    slides.append(t.Slide("agenda", "content", labels.agenda, labels.loc, agenda_notes,
                          bullets=(*(title for title, _ in parts), labels.case), numbered_from=1, capped=False))
    for number, (title, sections) in enumerate(parts, start=1):
        slides.append(t.Slide("section", "section", title, deck.parts[number - 1].loc,
                              "; ".join(s.clinician.title for s in sections),
                              subtitle=(f"{labels.part} {number} {labels.of} {total}",)))
        for section in sections:
            slides += topic_slides(kit, section, src)
    slides += closing_slides(kit, src, every, f"{labels.part} {total} {labels.of} {total}")
    return t.Document("deck", FILE_STEM, common.meta(kit), (), kit.deck.loc, slides=tuple(slides),
                      continued=labels.continued, footer=(km.title, reviewed))


def cover_slide(kit: m.Kit, reviewed: str) -> t.Slide:
    """Title, then who presents, where and when, then the edition and review date."""
    km, cover = kit.meta, kit.deck.cover
    lines = []
    if cover is not None:
        lines = [", ".join(p for p in (cover.presenter, cover.credentials) if p), cover.institution, cover.event_date]
    lines.append(f"{km.edition} \u00b7 {reviewed}")
    return t.Slide("cover", "title", km.title, km.loc, km.disclaimer, subtitle=tuple(line for line in lines if line))


def question_slide(kit: m.Kit, question: m.Question, label: str, src: _Sources) -> t.Slide:
    """The stem as the title, the options lettered; the answer and why only in the notes."""
    letter = question.answer.strip().upper()
    chosen = question.options[ord(letter) - ord("A")]
    said = notes(f"{label}. {kit.meta.deck.answer}: {letter} ({chosen}).", question.explanation,
                 src.line(src.of(question.sources)))
    return t.Slide("question", "content", question.question, question.loc, said, bullets=question.options,
                   marker="letter")


def topic_slides(kit: m.Kit, section: m.Section, src: _Sources) -> list[t.Slide]:
    """A topic's bullet slide, then its tables and charts; the first slide carries the topic's title."""
    view = section.clinician
    item = f"section:{section.id}"
    topic_notes = notes(view.notes, src.line(src.of(view.sources)))
    slides = []
    if view.points:
        slides.append(t.Slide("topic", "content", view.title, view.loc, topic_notes, bullets=view.points, item=item,
                              footnote=src.numbers(src.of(view.sources))))
    lead = None if view.points else view.title
    for ident in view.tables:
        source, words = kit.tables[ident], kit.tables[ident].clinician
        used = src.of(source.sources) or src.of(view.sources)
        table = replace(common.table(kit, ident), caption=words.caption, note=words.note)
        slides.append(t.Slide("table", "title_only", lead or words.caption, source.loc,
                              notes(words.caption, words.note, src.line(used)), table=table,
                              footnote=notes(words.note, src.numbers(used)), item=item if lead else None))
        lead = None
    for ident in view.charts:
        source, words = kit.tables[ident], kit.tables[ident].clinician
        used = src.of(source.sources) or src.of(view.sources)
        chart = replace(common.chart(kit, ident), title=words.caption)
        slides.append(t.Slide("chart", "title_only", lead or words.caption, chart.loc,
                              notes(words.caption, chart.alt, words.note, src.line(used)), chart=chart,
                              footnote=notes(words.note, src.numbers(used)), item=item if lead else None))
        lead = None
    if lead is not None:
        slides.append(t.Slide("topic", "title_only", view.title, view.loc, topic_notes, item=item))
    return slides + figure_slides(kit, view, src)


def figure_slides(kit: m.Kit, view: m.ClinicianView, src: _Sources) -> list[t.Slide]:
    """One slide per figure, after the topic's bullets, tables and charts: the figure's clinician
    title (else its own title), the figure as native shapes, its sources under it; the notes give its
    alt text and text equivalent. Its use line is left out: it speaks to the patient, the deck to
    clinicians."""
    slides = []
    for ident in view.figures:
        node = replace(figures.figure(kit, ident, ident.loc), use=None, use_label="")
        clinician = kit.figures[ident].clinician
        if clinician is not None:
            node = replace(node, title=clinician.title)
        used = src.of(kit.figures[ident].sources) or src.of(view.sources)
        slides.append(t.Slide("figure", "title_only", node.title, node.loc, notes(node.alt, node.text, src.line(used)),
                              figure=node, footnote=src.numbers(used)))
    return slides


def closing_slides(kit: m.Kit, src: _Sources, every: str, part: str) -> list[t.Slide]:
    deck, labels = kit.deck, kit.meta.deck
    case = deck.case
    case_notes = notes(case.notes, src.line(src.of(case.sources)))
    case_line = src.numbers(src.of(case.sources))
    references = [text for _, text in src.entries.values()]
    numbered = [f"{number}. {text}" for number, text in src.entries.values()]
    slides = [t.Slide("section", "section", labels.case, case.loc, case.title, subtitle=(part,)),
              t.Slide("case", "content", case.title, case.loc, case_notes, bullets=case.presentation,
                      footnote=case_line),
              t.Slide("discussion", "content", labels.discussion, case.loc, case_notes, bullets=case.discussion)]
    if deck.questions is not None:
        slides.append(question_slide(kit, deck.questions.after, labels.question_after, src))
    return slides + [
        t.Slide("take_aways", "content", labels.take_aways, labels.loc, notes(*deck.take_aways, every),
                bullets=deck.take_aways, footnote=src.numbers(list(src.entries))),
        t.Slide("references", "content", labels.references, labels.loc, notes(*numbered),
                bullets=tuple(references), numbered_from=1, capped=False)]
