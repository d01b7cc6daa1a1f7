"""Reading the deck back with python-pptx: each slide's title, texts (inside groups too, where the
figures' words are), native tables and charts, notes and alt texts, as the ``Readback`` that
``verify`` checks.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE_TYPE

from booklet.outputs.deck_pptx.private import alt_text
from booklet.verify.readback import Place, Readback


@dataclass(frozen=True)
class SlideFacts:
    number: int                             # 1-based
    title: str
    texts: tuple[str, ...]                  # every text frame's text, shape order
    tables: tuple[tuple[tuple[str, ...], ...], ...]   # each table: rows of cell texts (header first)
    charts: tuple[tuple[tuple[str, ...], tuple[tuple[str, tuple[float, ...]], ...]], ...]  # (categories, series)
    notes: str
    alt_texts: tuple[str, ...]              # descr of pictures, graphic frames and groups (figures)


def read_deck(path: Path) -> tuple[SlideFacts, ...]:
    from pptx import Presentation

    deck = Presentation(str(path))
    return tuple(_slide_facts(number, slide) for number, slide in enumerate(deck.slides, start=1))


def _slide_facts(number: int, slide) -> SlideFacts:
    title_shape = slide.shapes.title
    texts, tables, charts, alts = [], [], [], []
    for shape in _every(slide.shapes):
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            tables.append(tuple(tuple(cell.text for cell in row.cells) for row in shape.table.rows))
        if getattr(shape, "has_chart", False) and shape.has_chart:
            plot = shape.chart.plots[0]
            charts.append((tuple(str(c) for c in plot.categories),
                           tuple((s.name, tuple(float(v) for v in s.values)) for s in plot.series)))
        descr = alt_text(shape)
        if descr is not None:
            alts.append(descr)
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    return SlideFacts(number, title_shape.text_frame.text if title_shape is not None else "", tuple(texts),
                      tuple(tables), tuple(charts), notes, tuple(alts))


def _every(shapes):
    """Every shape in order, a group's shapes right after the group (figures are groups)."""
    for shape in shapes:
        yield shape
        if getattr(shape, "shape_type", None) == MSO_SHAPE_TYPE.GROUP:
            yield from _every(shape.shapes)


def read_deck_back(path: Path) -> Readback:
    slides = read_deck(path)
    places = tuple(Place(f"s. {s.number}", "\n".join(s.texts), (s.title,), s.tables, s.charts, s.alt_texts)
                   for s in slides)
    return Readback(places, {"slides": len(slides)})
