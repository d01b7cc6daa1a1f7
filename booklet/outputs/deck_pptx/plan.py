"""Plan the clinician deck as plain data before any PowerPoint object exists (as pandoc's pptx writer does).

``plan()`` turns the deck's logical slides (``booklet.compose.deck``) into a list of ``SlidePlan``:
which layout, which title, which bullets, which rows of which table. PowerPoint never fits text, so
every split is decided here by MEASURING text with the theme's TrueType metrics (times a safety
factor) against the real placeholder boxes of the template (``Geometry``, in points). The writer then
only turns the plan into python-pptx calls. Measuring (``booklet.typeset.measure``) is the only
library used.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from booklet.compose import tree as t
from booklet.errors import Loc, fail
from booklet.typeset.measure import Measure, column_widths


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Geometry:
    """The template's boxes (points) that the plan measures against, by layout role."""

    cover_title: Box
    cover_subtitle: Box
    section_title: Box
    title: Box          # title of 'Title and Content'
    body: Box           # body of 'Title and Content'; also the area for tables and charts
    title_only: Box     # title of 'Title Only'


@dataclass(frozen=True)
class TablePlan:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...]
    header_height: float
    row_heights: tuple[float, ...]
    align: tuple[str, ...] = ()     # per column: "l", or "ctr" for a column of numbers


@dataclass(frozen=True)
class ChartPlan:
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    percent: bool
    alt: str


@dataclass(frozen=True)
class SlidePlan:
    kind: str                 # cover | objectives | agenda | section | topic | table | chart | case | ... | references
    layout: str               # a key of theme deck.layouts: title | section | content | title_only
    title: str
    loc: Loc
    notes: str = ""
    title_size: float = 0
    subtitle: tuple[str, ...] = ()
    subtitle_size: float = 0
    bullets: tuple[str, ...] = ()
    body_size: float = 0
    numbered_from: int = 0    # > 0: bullets are numbered starting here (references)
    table: TablePlan | None = None
    chart: ChartPlan | None = None
    footnote: str = ""
    footnote_box: Box | None = None
    area: Box | None = None   # where the table or chart goes
    part: int = 0             # 0 for the first slide of a run, 1.. for its continuation slides
    figure: t.Figure | None = None   # drawn in ``area`` by deck_pptx.figures


def chunks(heights: list[float], capacity: float, gap: float, max_count: int) -> list[tuple[int, int]] | None:
    """Split items into (start, end) runs whose heights (plus gaps) fit; balanced by count where possible."""
    def greedy(limit: int):
        runs, start, used = [], 0, 0.0
        for i, h in enumerate(heights):
            if h > capacity:
                return None
            need = h + (gap if i > start else 0)
            if i > start and (used + need > capacity or i - start >= limit):
                runs.append((start, i))
                start, need = i, h
                used = 0.0
            used += need
        runs.append((start, len(heights)))
        return runs
    first = greedy(max_count)
    if first is None or len(first) == 1:
        return first
    balanced = greedy(min(max_count, math.ceil(len(heights) / len(first))))
    return balanced if balanced is not None and len(balanced) == len(first) else first


class Planner:
    def __init__(self, style, geo: Geometry, measure: Measure, continued: str):
        self.s, self.geo, self.measure, self.continued_word = style, geo, measure, continued
        self.ls = float(style.line_spacing)

    def continued(self, title: str, index: int) -> str:
        if index == 0:
            return title
        return f"{title} ({self.continued_word}{'' if index == 1 else f' {index}'})"

    # -- bullets -------------------------------------------------------------------------------
    def text_width(self, box: Box, bulleted: bool = True) -> float:
        return box.w - 2 * float(self.s.inset_x) - (float(self.s.bullet_indent) if bulleted else 0)

    def bullets(self, kind: str, title: str, items, notes: str, loc: Loc, numbered_from: int = 0,
                capped: bool = True) -> list[SlidePlan]:
        """Bullets over as many slides as measuring says (and at most max_bullets a slide when capped)."""
        box, s = self.geo.body, self.s
        width, capacity = self.text_width(box), box.h - 2 * float(s.inset_y)
        size = float(s.body_size)
        while size >= float(s.min_body_size):
            gap = float(s.paragraph_space)
            heights = [self.measure.line_count(t_, width, size) * size * self.ls for t_ in items]
            runs = chunks(heights, capacity, gap, int(s.max_bullets) if capped else len(items) or 1)
            if runs is not None:
                return [SlidePlan(kind, "content", title, loc, notes, bullets=tuple(items[a:b]), body_size=size,
                                  numbered_from=numbered_from + a if numbered_from else 0, part=i)
                        for i, (a, b) in enumerate(runs)]
            size -= 1
        raise fail(loc, f"a bullet on slide '{title}' is too long for one slide even at {s.min_body_size} pt; "
                        "shorten it or split it")

    # -- tables and charts ---------------------------------------------------------------------
    def note_height(self, text: str, width: float) -> float:
        """Height of the small note (and source numbers) under a table or chart; 0 without one."""
        if not text:
            return 0.0
        size = float(self.s.footnote_size)
        return self.measure.line_count(text, width - 2 * float(self.s.inset_x), size) * size * self.ls \
            + 2 * float(self.s.inset_y)

    def column_widths(self, table: t.Table, total: float) -> list[float]:
        """Where every cell fits on one line, a little air (the writer centres the table)."""
        size, pad = float(self.s.table_size), 2 * float(self.s.cell_margin_x)
        rows = [(table.header, True)] + [(r, False) for r in table.rows]
        natural = [max(self.measure.width(r[c], size, b) for r, b in rows) + pad for c in range(len(table.header))]
        least = [max(max((self.measure.width(w, size, b) for w in r[c].split()), default=0) for r, b in rows) + pad
                 for c in range(len(table.header))]
        return column_widths(least, natural, total, roomy="air", narrow="scale")

    def row_height(self, cells, widths, bold: bool) -> float:
        size, s = float(self.s.table_size), self.s
        lines = max(self.measure.line_count(t_, w - 2 * float(s.cell_margin_x), size, bold) for t_, w in zip(cells, widths))
        return lines * size * self.ls + 2 * float(s.cell_margin_y)

    def table(self, table: t.Table, title: str, notes: str, footnote: str, loc: Loc) -> list[SlidePlan]:
        area, gap = self.geo.body, float(self.s.gap)
        widths = self.column_widths(table, area.w)
        x = area.x + (area.w - sum(widths)) / 2
        note_h = self.note_height(footnote, sum(widths))
        area = Box(area.x, area.y, area.w, area.h - (note_h + gap if footnote else 0))
        header_h = self.row_height(table.header, widths, True)
        heights = [self.row_height(r, widths, False) for r in table.rows]
        runs = chunks(heights, area.h - header_h, 0, int(self.s.table_max_rows))
        if runs is None:
            raise fail(loc, f"a row of table '{table.id}' is too tall for one slide; shorten its cells")
        align = tuple("ctr" if numeric else "l" for numeric in table.numeric)
        slides = []
        for i, (a, b) in enumerate(runs):
            box = Box(x, area.y, sum(widths), header_h + sum(heights[a:b]))
            below = Box(x, box.y + box.h + gap, box.w, note_h) if footnote else None   # the note right under it
            slides.append(SlidePlan("table", "title_only", title, loc, notes, footnote=footnote,
                                    footnote_box=below, area=box, part=i,
                                    table=TablePlan(table.caption, tuple(table.header), tuple(table.rows[a:b]),
                                                    tuple(widths), header_h, tuple(heights[a:b]), align)))
        return slides

    def chart(self, node: t.Chart, title: str, notes: str, footnote: str) -> SlidePlan:
        area, gap = self.geo.body, float(self.s.gap)
        note_h = self.note_height(footnote, area.w)
        note_box = Box(area.x, area.y + area.h - note_h, area.w, note_h) if footnote else None
        area = Box(area.x, area.y, area.w, area.h - (note_h + gap if footnote else 0))
        cells = [label for s in node.series for label in s.labels]
        chart = ChartPlan(node.title, node.categories, tuple((s.name, s.values) for s in node.series),
                          all(c.strip().endswith("%") for c in cells), node.alt)
        return SlidePlan("chart", "title_only", title, node.loc, notes, chart=chart,
                         footnote=footnote, footnote_box=note_box, area=area)

    # -- titles --------------------------------------------------------------------------------
    def fit(self, text: str, box: Box, size: float, least: float, max_lines: int, loc: Loc) -> float:
        width, height = box.w - 2 * float(self.s.inset_x), box.h - 2 * float(self.s.inset_y)
        while size >= least:
            lines = self.measure.line_count(text, width, size)
            if lines <= max_lines and lines * size * self.ls <= height:
                return size
            size -= 1
        raise fail(loc, f"'{text}' does not fit its slide box on {max_lines} line(s) at {least} pt; shorten it")

    def finish(self, slides: list[SlidePlan]) -> list[SlidePlan]:
        """Unique titles (a repeated title gets ' (2)', its continuations '(2) (cont.)'), then every title
        and subtitle measured to fit."""
        seen: set[str] = set()
        out, base = [], ""
        s = self.s
        for slide in slides:
            if slide.part == 0:
                base, n = slide.title, 2
                while base.casefold() in seen:
                    base, n = f"{slide.title} ({n})", n + 1
            title, n = self.continued(base, slide.part), 2
            while title.casefold() in seen:
                title, n = f"{self.continued(base, slide.part)} ({n})", n + 1
            seen.add(title.casefold())
            box, size = {"title": (self.geo.cover_title, s.cover_title_size),
                         "section": (self.geo.section_title, s.section_title_size),
                         "content": (self.geo.title, s.title_size),
                         "title_only": (self.geo.title_only, s.title_size)}[slide.layout]
            fitted = self.fit(title, box, float(size), float(s.min_title_size), int(s.title_lines), slide.loc)
            sub = 0.0
            if slide.subtitle:
                sub = self.fit("\n".join(slide.subtitle), self.geo.cover_subtitle, float(s.subtitle_size),
                               float(s.footnote_size), 99, slide.loc)
            out.append(replace(slide, title=title, title_size=fitted, subtitle_size=sub))
        return out


def plan(doc: t.Document, style, geo: Geometry, measure: Measure) -> list[SlidePlan]:
    """Every slide of the deck, in order, split so that nothing overflows its box."""
    p = Planner(style, geo, measure, doc.continued)
    slides: list[SlidePlan] = []
    for slide in doc.slides:
        if slide.table is not None:
            slides += p.table(slide.table, slide.title, slide.notes, slide.footnote, slide.loc)
        elif slide.chart is not None:
            slides.append(p.chart(slide.chart, slide.title, slide.notes, slide.footnote))
        elif slide.figure is not None:
            from booklet.outputs.deck_pptx.figures import plan_figure
            slides.append(plan_figure(p, slide))
        elif slide.layout == "content":
            slides += p.bullets(slide.kind, slide.title, slide.bullets, slide.notes, slide.loc,
                                numbered_from=slide.numbered_from, capped=slide.capped)
        else:
            slides.append(SlidePlan(slide.kind, slide.layout, slide.title, slide.loc, slide.notes,
                                    subtitle=slide.subtitle))
    return p.finish(slides)
