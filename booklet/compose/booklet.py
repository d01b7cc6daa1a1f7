"""The patient booklet's structure: cover, contents, one part per section, the pages to write on,
the glossary and the sources, in that order, with every word from the content.

The same tree feeds every edition of the booklet (print, web, tagged PDF), so the order of parts,
the key-point boxes and the furniture pages are decided here once.
"""
from __future__ import annotations

from itertools import islice

from booklet import model as m
from booklet.compose import common, figures, tools
from booklet.compose import tree as t

FILE_STEM = "patient-booklet"


def compose(kit: m.Kit) -> t.Document:
    pages = kit.meta.pages
    sections = tuple(section_part(kit, section, number) for number, section in enumerate(kit.sections, start=1))
    furniture = furniture_parts(kit)
    sources = sources_part(kit)
    listed = (*sections, *furniture, sources)
    return t.Document("booklet", FILE_STEM, common.meta(kit), (cover_part(kit), contents_part(kit, listed), *listed),
                      kit.meta.loc, pad="sources", pad_title=pages.notes, folio=pages.page,
                      web=common.web_words(kit), measure=running_text(listed))


def running_text(parts) -> str:
    """A sample of the booklet's running text (its first 40 body paragraphs, at most 4,000
    characters): the printed editions set their column width by it."""
    running = (n.text for p in parts if p.role == "section" for n in p.blocks
               if isinstance(n, t.Paragraph) and n.role == "body")
    return "".join(islice(running, 40))[:4000]


def contents_part(kit: m.Kit, listed) -> t.Part:
    """The contents page: every part that follows it, in order."""
    pages = kit.meta.pages
    return t.Part("contents", pages.contents, (t.Contents(tuple((p.key, p.title) for p in listed), pages.loc),),
                  pages.loc, "contents")


def cover_part(kit: m.Kit) -> t.Part:
    meta = kit.meta
    reviewed, _ = common.date_lines(kit)
    blocks = (t.Paragraph(meta.title, meta.loc, "title"), t.Paragraph(meta.subtitle, meta.loc, "subtitle"),
              tools.cover_art(kit), tools.institution_line(kit),
              t.Paragraph(meta.edition, meta.loc, "label"), t.Paragraph(reviewed, meta.loc),
              t.Paragraph(meta.author, meta.loc), *common.web_link(kit))
    return t.Part("cover", meta.title, blocks, meta.loc, "cover")


def section_part(kit: m.Kit, section: m.Section, number: int) -> t.Part:
    blocks: list[t.Block] = []
    if section.key_points:
        blocks.append(t.Box("key-points", kit.meta.pages.key_points,
                            (t.BulletList(section.key_points, section.loc),), section.loc))
    blocks.extend(block_node(kit, block) for block in section.body)
    return t.Part(f"section-{number}", section.title, tuple(blocks), section.loc, "section",
                  item=f"section:{section.id}")


def block_node(kit: m.Kit, block: m.Block) -> t.Block:
    """The tree node for one content block of a patient section."""
    refs = common.numbers(kit, getattr(block, "sources", ()))
    match block:
        case m.Paragraph():
            return t.Paragraph(block.text, block.loc, refs=refs)
        case m.Heading():
            return t.Heading(block.text, block.loc)
        case m.Bullets():
            return t.BulletList(block.items, block.loc, refs)
        case m.Callout() if block.kind == tools.WHEN_TO_CALL_CALLOUT:
            return tools.callout_panel(kit, block, refs)
        case m.Callout():
            body: list[t.Block] = [t.Paragraph(block.text, block.loc, refs=refs)] if block.text else []
            body += [t.BulletList(block.items, block.loc, refs)] if block.items else []
            return t.Box(block.kind, block.title, tuple(body), block.loc)
        case m.TableRef():
            return common.table(kit, block.table, block.loc)
        case m.ChartRef():
            return common.chart(kit, block.table)
        case m.Questions():
            return t.WriteIn(block.items, block.loc)
        case m.Image():
            return t.Image(common.image_path(kit, block.path), block.alt, block.loc, block.caption)
        case m.FigureRef():
            return figures.figure(kit, block.figure, block.loc)
        case m.Tool():
            return tools.tool_node(kit, block)
    raise TypeError(f"unknown block {block!r}")


def furniture_parts(kit: m.Kit) -> tuple[t.Part, ...]:
    """The glossary and the pages to write on (questions, care team, appointments, the side-effect
    tracker, notes), in the order they follow the sections."""
    pages, loc = kit.meta.pages, kit.meta.pages.loc
    terms = tuple((term.term, term.definition) for term in sorted(kit.glossary, key=lambda g: g.term.casefold()))
    return (
        t.Part("glossary", pages.glossary, (t.Paragraph(pages.glossary_intro, loc), t.Definitions(terms, loc)),
               loc, "glossary"),
        t.Part("questions", pages.questions, (t.Lines(loc, numbered=True),), loc, "questions"),
        t.Part("care-team", pages.care_team, (t.Paragraph(pages.care_team_intro, loc),
                                               t.Form(pages.care_team_fields, pages.care_team_lines, loc)),
               loc, "care-team"),
        t.Part("appointments", pages.appointments, (t.Paragraph(pages.appointments_intro, loc),
                                                     t.Grid(pages.appointment_columns, pages.appointment_hints, loc)),
               loc, "appointments"),
        tools.tracker_part(kit),
        t.Part("notes", pages.notes, (t.Lines(loc),), loc, "notes"),
    )


def sources_part(kit: m.Kit) -> t.Part:
    pages, meta = kit.meta.pages, kit.meta
    entries = tuple((number, text) for number, _, text in common.source_entries(kit))
    reviewed, next_review = common.date_lines(kit)
    blocks = (t.Paragraph(pages.sources_intro, pages.loc), t.SourceList(entries, pages.loc),
              t.Paragraph(reviewed, meta.loc, "strong"), t.Paragraph(next_review, meta.loc, "strong"),
              t.Box("important", None, (t.Paragraph(meta.disclaimer, meta.loc),), meta.loc))
    return t.Part("sources", pages.sources, blocks, pages.loc, "sources")
