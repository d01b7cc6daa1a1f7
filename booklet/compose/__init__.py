"""Turn the content model into one document tree per output (see ``booklet.ir``).

Pure functions: no I/O, no rendering library. What is for patients goes to the booklet and the
handouts; what is for clinicians goes to the deck. Sources are numbered once, in sources.yaml
order, so a claim's number is the same in every output.
"""
from __future__ import annotations

from pathlib import Path

from booklet import model as m
from booklet.compose import tree as ir


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def human_date(day) -> str:
    """'22 November 2026': unambiguous for readers on both sides of the Atlantic."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def doc_meta(kit: m.Kit) -> ir.DocMeta:
    meta = kit.meta
    return ir.DocMeta(meta.title, meta.subtitle, meta.edition, meta.language, meta.author, meta.subject,
                      tuple(meta.keywords), meta.last_reviewed, meta.next_review, meta.disclaimer)


def source_entries(kit: m.Kit) -> tuple[ir.SourceEntry, ...]:
    entries = []
    for number, source in enumerate(kit.sources, start=1):
        parts = [source.publisher, source.title, source.author, source.date]
        text = " ".join(_sentence(p) for p in parts if p)
        entries.append(ir.SourceEntry(number, source.id, text, source.loc))
    return tuple(entries)


def _sentence(text: str) -> str:
    """'Title' -> 'Title.'; 'Good or Bad?' stays as it is."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _numbers(kit: m.Kit, ids) -> tuple[int, ...]:
    order = {s.id: n for n, s in enumerate(kit.sources, start=1)}
    return tuple(sorted({order[i] for i in ids if i in order}))


def _node(kit: m.Kit, block: m.Block) -> ir.Node:
    refs = _numbers(kit, getattr(block, "sources", ()))
    match block:
        case m.Paragraph():
            return ir.Para(block.text, block.loc, refs=refs)
        case m.Heading():
            return ir.SubHeading(block.text, block.loc)
        case m.Bullets():
            return ir.BulletList(block.items, block.loc, refs)
        case m.Callout():
            return ir.Callout(block.kind, block.title, block.loc, block.text, block.items, refs)
        case m.TableRef():
            table = kit.tables[block.table]
            return ir.TableNode(table, block.loc, _numbers(kit, table.sources))
        case m.ChartRef():
            return ir.ChartNode(kit.tables[block.table], block.loc, chart_alt_text(kit.tables[block.table]))
        case m.Questions():
            return ir.WriteIn(block.items, block.loc)
        case m.Image():
            return ir.Figure(str((Path(kit.root) / block.path).resolve()), block.alt, block.loc, block.caption)
    raise TypeError(f"unknown block {block!r}")


def chart_alt_text(table: m.Table) -> str:
    """Alt text that states the chart's data, so nothing depends on seeing it."""
    assert table.chart is not None
    parts = []
    for category, row in zip(table.categories(), table.rows):
        values = ", ".join(f"{table.columns[c]} {row[c]}" for c in table.chart.value_columns)
        parts.append(f"{category}: {values}")
    return f"Bar chart: {table.chart.title}. " + "; ".join(parts) + "."


def booklet(kit: m.Kit) -> ir.BookletDoc:
    chapters = []
    for section in kit.sections:
        nodes: list[ir.Node] = []
        if section.key_points:
            nodes.append(ir.Callout("key-points", kit.meta.pages.key_points, section.loc, items=section.key_points))
        nodes.extend(_node(kit, block) for block in section.body)
        chapters.append(ir.Chapter(section.id, section.title, tuple(nodes), section.loc))
    glossary = tuple(sorted(kit.glossary, key=lambda t: t.term.casefold()))
    return ir.BookletDoc(doc_meta(kit), kit.meta.pages, tuple(chapters), glossary, source_entries(kit))


def handout(kit: m.Kit, subtype: m.Subtype) -> ir.HandoutDoc:
    table = kit.tables[subtype.outlook.table]
    assert table.chart is not None
    index = {name: i for i, name in enumerate(table.columns)}
    rows = tuple(ir.OutlookRow(row[table.chart.category_column],
                               tuple((name, row[index[name]]) for name in subtype.outlook.columns))
                 for row in table.rows)
    used = [e for e in source_entries(kit) if e.id in set(subtype.sources) | set(table.sources)]
    return ir.HandoutDoc(doc_meta(kit), subtype, table.caption, rows, tuple(used), kit.meta.title)


def deck(kit: m.Kit) -> ir.DeckDoc:
    entries = {e.id: e for e in source_entries(kit)}
    parts = []
    for part in kit.deck.parts:
        topics = []
        for section_id in part.sections:
            view = kit.section(section_id).clinician
            topics.append(ir.Topic(section_id, view.title, view.points, view.notes,
                                   tuple(kit.tables[t] for t in view.tables), tuple(kit.tables[t] for t in view.charts),
                                   tuple(entries[s] for s in view.sources), view.loc))
        parts.append(ir.DeckPart(part.title, tuple(topics), part.loc))
    return ir.DeckDoc(doc_meta(kit), kit.deck.objectives, tuple(parts), kit.deck.case, kit.deck.take_aways,
                      tuple(entries.values()))
