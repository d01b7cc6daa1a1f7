"""What every document's composer shares: dates in words, source numbers, metadata, tables, charts.

Sources are numbered once, in sources.yaml order, so a claim's number is the same in every output.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from booklet import model as m
from booklet.compose import tree as t


def human_date(day: datetime.date, months) -> str:
    """'22 November 2026': unambiguous for readers on both sides of the Atlantic."""
    return f"{day.day} {months[day.month - 1]} {day.year}"


def date_lines(kit: m.Kit) -> tuple[str, str]:
    """'Reviewed: 22 November 2026' and 'Next review: ...', in the content's words."""
    meta, pages = kit.meta, kit.meta.pages
    return (f"{pages.reviewed}: {human_date(meta.last_reviewed, pages.months)}",
            f"{pages.next_review}: {human_date(meta.next_review, pages.months)}")


def meta(kit: m.Kit, title: str | None = None) -> t.Meta:
    km = kit.meta
    return t.Meta(title or km.title, km.title, km.subtitle, km.edition, km.language, km.author, km.subject,
                  tuple(km.keywords), km.last_reviewed, km.next_review, km.disclaimer)


def source_entries(kit: m.Kit) -> tuple[tuple[int, str, str], ...]:
    """(number, source id, "Publisher. Title. Author. Date.") for every source, in sources.yaml order."""
    entries = []
    for number, source in enumerate(kit.sources, start=1):
        parts = [source.publisher, source.title, source.author, source.date]
        entries.append((number, source.id, " ".join(_sentence(p) for p in parts if p)))
    return tuple(entries)


def _sentence(text: str) -> str:
    """'Title' -> 'Title.'; 'Good or Bad?' stays as it is."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def numbers(kit: m.Kit, ids) -> tuple[int, ...]:
    """The source numbers of ``ids``, sorted, unknown ids left out."""
    order = {s.id: n for n, s in enumerate(kit.sources, start=1)}
    return tuple(sorted({order[i] for i in ids if i in order}))


def table(kit: m.Kit, table_id: str, loc=None) -> t.Table:
    source = kit.tables[table_id]
    numeric = tuple(all(_is_number(row[c]) for row in source.rows) for c in range(len(source.columns)))
    return t.Table(source.id, source.caption, tuple(source.columns), tuple(tuple(r) for r in source.rows),
                   loc or source.loc, numbers(kit, source.sources), source.note, numeric, source.use,
                   kit.meta.tools.use)


def _is_number(cell: str) -> bool:
    try:
        m.number_of(cell)
        return True
    except ValueError:
        return False


def chart(kit: m.Kit, table_id: str) -> t.Chart:
    """The table's chart: categories from one column, one series per value column, with alt text."""
    source = kit.tables[table_id]
    spec = source.chart
    assert spec is not None
    series = tuple(t.Series(name, tuple(values), tuple(row[c] for row in source.rows))
                   for (name, values), c in zip(source.series(), spec.value_columns))
    return t.Chart(source.id, spec.title, tuple(source.categories()), series,
                   chart_alt_text(source, kit.meta.pages.chart), spec.loc, source.columns[spec.category_column],
                   use=spec.use, use_label=kit.meta.tools.use)


def chart_alt_text(table: m.Table, word: str) -> str:
    """Alt text that states the chart's data, so nothing depends on seeing it."""
    assert table.chart is not None
    parts = []
    for category, row in zip(table.categories(), table.rows):
        values = ", ".join(f"{table.columns[c]} {row[c]}" for c in table.chart.value_columns)
        parts.append(f"{category}: {values}")
    return f"{word}: {table.chart.title}. " + "; ".join(parts) + "."


def image_path(kit: m.Kit, path: str) -> str:
    return str((Path(kit.root) / path).resolve())


def web_link(kit: m.Kit) -> tuple[t.WebLink, ...]:
    """The QR code and short address of the web edition, where content gives its address; else nothing."""
    edition, words = kit.meta.web_edition, kit.meta.web
    if edition is None or words is None:
        return ()
    return (t.WebLink(edition.url, edition.short, words.online, f"{words.qr_alt} {edition.short}", edition.loc),)


def web_words(kit: m.Kit) -> t.WebWords | None:
    words = kit.meta.web
    return None if words is None else t.WebWords(words.skip, words.question, words.chart_data, words.loc)
