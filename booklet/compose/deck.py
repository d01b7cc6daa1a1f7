"""The clinician deck's structure: the logical slides in order, with their notes and footnotes.

Cover, objectives, agenda, then per deck part a section slide and per topic its bullet slide, its
table and chart slides, its figure slides; then the case, discussion, take-aways and references. The deck renderer
measures each logical slide and continues it on more slides where it does not fit.
"""
from __future__ import annotations

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
    slides = [t.Slide("cover", "title", km.title, km.loc, km.disclaimer, subtitle=(km.edition, reviewed)),
              t.Slide("objectives", "content", labels.objectives, labels.loc, notes(*deck.objectives, every),
                      bullets=deck.objectives)]
    parts = [(part, [kit.section(i) for i in part.sections]) for part in deck.parts]
    agenda_notes = notes(*(f"{part.title}: " + "; ".join(s.clinician.title for s in sections)
                           for part, sections in parts))
    slides.append(t.Slide("agenda", "content", labels.agenda, labels.loc, agenda_notes,
                          bullets=tuple(part.title for part, _ in parts), capped=False))
    for part, sections in parts:
        slides.append(t.Slide("section", "section", part.title, part.loc,
                              "; ".join(s.clinician.title for s in sections)))
        for section in sections:
            slides += topic_slides(kit, section, src)
    slides += closing_slides(kit, src, every)
    return t.Document("deck", FILE_STEM, common.meta(kit), (), kit.deck.loc, slides=tuple(slides),
                      continued=labels.continued)


def topic_slides(kit: m.Kit, section: m.Section, src: _Sources) -> list[t.Slide]:
    """A topic's bullet slide, then its tables and charts; the first slide carries the topic's title."""
    view = section.clinician
    item = f"section:{section.id}"
    topic_notes = notes(view.notes, src.line(src.of(view.sources)))
    slides = []
    if view.points:
        slides.append(t.Slide("topic", "content", view.title, view.loc, topic_notes, bullets=view.points, item=item))
    lead = None if view.points else view.title
    for ident in view.tables:
        source = kit.tables[ident]
        used = src.of(source.sources) or src.of(view.sources)
        slides.append(t.Slide("table", "title_only", lead or source.caption, source.loc,
                              notes(source.caption, source.note or "", src.line(used)),
                              table=common.table(kit, ident), footnote=notes(source.note or "", src.numbers(used)),
                              item=item if lead else None))
        lead = None
    for ident in view.charts:
        source = kit.tables[ident]
        used = src.of(source.sources) or src.of(view.sources)
        chart = common.chart(kit, ident)
        slides.append(t.Slide("chart", "title_only", lead or chart.title, chart.loc,
                              notes(chart.alt, source.note or "", src.line(used)), chart=chart,
                              footnote=notes(source.note or "", src.numbers(used)), item=item if lead else None))
        lead = None
    if lead is not None:
        slides.append(t.Slide("topic", "title_only", view.title, view.loc, topic_notes, item=item))
    return slides + figure_slides(kit, view, src)


def figure_slides(kit: m.Kit, view: m.ClinicianView, src: _Sources) -> list[t.Slide]:
    """One slide per figure, after the topic's bullets, tables and charts: the figure's title, the
    figure as native shapes, its sources under it; the notes give its alt text and text equivalent."""
    slides = []
    for ident in view.figures:
        node = figures.figure(kit, ident, ident.loc)
        used = src.of(kit.figures[ident].sources) or src.of(view.sources)
        slides.append(t.Slide("figure", "title_only", node.title, node.loc, notes(node.alt, node.text, src.line(used)),
                              figure=node, footnote=src.numbers(used)))
    return slides


def closing_slides(kit: m.Kit, src: _Sources, every: str) -> list[t.Slide]:
    deck, labels = kit.deck, kit.meta.deck
    case = deck.case
    case_notes = notes(case.notes, src.line(src.of(case.sources)))
    references = [text for _, text in src.entries.values()]
    numbered = [f"{number}. {text}" for number, text in src.entries.values()]
    return [t.Slide("section", "section", labels.case, case.loc, case.title),
            t.Slide("case", "content", case.title, case.loc, case_notes, bullets=case.presentation),
            t.Slide("discussion", "content", labels.discussion, case.loc, case_notes, bullets=case.discussion),
            t.Slide("take_aways", "content", labels.take_aways, labels.loc, notes(*deck.take_aways, every),
                    bullets=deck.take_aways),
            t.Slide("references", "content", labels.references, labels.loc, notes(*numbered),
                    bullets=tuple(references), numbered_from=1, capped=False)]
