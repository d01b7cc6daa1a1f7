"""Plan the clinician deck as plain data before any PowerPoint object exists (as pandoc's pptx writer does).

``plan()`` turns a ``DeckDoc`` into a list of ``SlidePlan``: which layout, which title, which bullets,
which rows of which table. PowerPoint never fits text, so every split is decided here by MEASURING
text with the theme's TrueType metrics (times a safety factor) against the real placeholder boxes of
the template (``Geometry``, in points). The writer (``deck_pptx``) then only turns the plan into
python-pptx calls. Measuring (``deck_measure.Measure``, reportlab metrics) is the only library used.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from booklet import compose, model as m
from booklet.compose import tree as ir
from booklet.errors import Loc, fail
from booklet.typeset.measure import Measure


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


def _is_number(cell: str) -> bool:
    try:
        m.number_of(cell)
        return True
    except ValueError:
        return False


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
    def __init__(self, style, geo: Geometry, measure: Measure, labels: m.DeckLabels):
        self.s, self.geo, self.measure, self.labels = style, geo, measure, labels
        self.ls = float(style.line_spacing)

    # -- words ---------------------------------------------------------------------------------
    def continued(self, title: str, index: int) -> str:
        if index == 0:
            return title
        return f"{title} ({self.labels.continued}{'' if index == 1 else f' {index}'})"

    def sources_line(self, entries) -> str:
        return f"{self.labels.sources}: " + "; ".join(e.text for e in entries) if entries else ""

    def source_numbers(self, entries) -> str:
        """'Sources: [2], [4]': the numbers of the References slide, short enough for a slide."""
        return f"{self.labels.sources}: " + ", ".join(f"[{n}]" for n in sorted(e.number for e in entries)) if entries else ""

    @staticmethod
    def notes(*parts: str) -> str:
        return "\n".join(p for p in parts if p)

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
            heights = [len(self.measure.lines(t, width, size)) * size * self.ls for t in items]
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
        return len(self.measure.lines(text, width - 2 * float(self.s.inset_x), size)) * size * self.ls \
            + 2 * float(self.s.inset_y)

    def column_widths(self, table: m.Table, total: float) -> list[float]:
        size, pad = float(self.s.table_size), 2 * float(self.s.cell_margin_x)
        rows = [(table.columns, True)] + [(r, False) for r in table.rows]
        natural = [max(self.measure.width(r[c], size, b) for r, b in rows) + pad for c in range(len(table.columns))]
        least = [max(max((self.measure.width(w, size, b) for w in r[c].split()), default=0) for r, b in rows) + pad
                 for c in range(len(table.columns))]
        if sum(natural) <= total:       # fits on one line per cell: a little air, centred by the writer
            target = min(total, max(sum(natural) * 1.3, total * 0.6))
            return [n * target / sum(natural) for n in natural]
        if sum(least) >= total:
            return [w * total / sum(least) for w in least]
        spare, stretch = total - sum(least), sum(n - w for n, w in zip(natural, least)) or 1
        return [w + spare * (n - w) / stretch for n, w in zip(natural, least)]

    def row_height(self, cells, widths, bold: bool) -> float:
        size, s = float(self.s.table_size), self.s
        lines = max(len(self.measure.lines(t, w - 2 * float(s.cell_margin_x), size, bold)) for t, w in zip(cells, widths))
        return lines * size * self.ls + 2 * float(s.cell_margin_y)

    def table(self, table: m.Table, title: str, notes: str, footnote: str) -> list[SlidePlan]:
        area, gap = self.geo.body, float(self.s.gap)
        widths = self.column_widths(table, area.w)
        x = area.x + (area.w - sum(widths)) / 2
        note_h = self.note_height(footnote, sum(widths))
        area = Box(area.x, area.y, area.w, area.h - (note_h + gap if footnote else 0))
        header_h = self.row_height(table.columns, widths, True)
        heights = [self.row_height(r, widths, False) for r in table.rows]
        runs = chunks(heights, area.h - header_h, 0, int(self.s.table_max_rows))
        if runs is None:
            raise fail(table.loc, f"a row of table '{table.id}' is too tall for one slide; shorten its cells")
        align = tuple("ctr" if all(_is_number(r[c]) for r in table.rows) else "l" for c in range(len(table.columns)))
        slides = []
        for i, (a, b) in enumerate(runs):
            box = Box(x, area.y, sum(widths), header_h + sum(heights[a:b]))
            below = Box(x, box.y + box.h + gap, box.w, note_h) if footnote else None   # the note right under it
            slides.append(SlidePlan("table", "title_only", title, table.loc, notes, footnote=footnote,
                                    footnote_box=below, area=box, part=i,
                                    table=TablePlan(table.caption, tuple(table.columns), tuple(table.rows[a:b]),
                                                    tuple(widths), header_h, tuple(heights[a:b]), align)))
        return slides

    def chart(self, table: m.Table, title: str, notes: str, footnote: str) -> SlidePlan:
        assert table.chart is not None
        area, gap = self.geo.body, float(self.s.gap)
        note_h = self.note_height(footnote, area.w)
        note_box = Box(area.x, area.y + area.h - note_h, area.w, note_h) if footnote else None
        area = Box(area.x, area.y, area.w, area.h - (note_h + gap if footnote else 0))
        cells = [row[c] for row in table.rows for c in table.chart.value_columns]
        chart = ChartPlan(table.chart.title, tuple(table.categories()),
                          tuple((name, tuple(values)) for name, values in table.series()),
                          all(c.strip().endswith("%") for c in cells), compose.chart_alt_text(table))
        return SlidePlan("chart", "title_only", title, table.chart.loc, notes, chart=chart,
                         footnote=footnote, footnote_box=note_box, area=area)

    # -- titles --------------------------------------------------------------------------------
    def fit(self, text: str, box: Box, size: float, least: float, max_lines: int, loc: Loc) -> float:
        width, height = box.w - 2 * float(self.s.inset_x), box.h - 2 * float(self.s.inset_y)
        while size >= least:
            lines = self.measure.lines(text, width, size)
            if len(lines) <= max_lines and len(lines) * size * self.ls <= height:
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


def plan(doc: ir.DeckDoc, kit_meta: m.Meta, style, geo: Geometry, measure: Measure) -> list[SlidePlan]:
    """Every slide of the deck, in order, split so that nothing overflows its box."""
    labels = kit_meta.deck
    p = Planner(style, geo, measure, labels)
    by_id = {e.id: e for e in doc.references}
    every = p.sources_line(doc.references)
    meta = doc.meta
    slides = [SlidePlan("cover", "title", meta.title, kit_meta.loc, meta.disclaimer,
                        subtitle=(meta.edition, f"{kit_meta.pages.reviewed} {compose.human_date(meta.last_reviewed)}"))]
    slides += p.bullets("objectives", labels.objectives, doc.objectives, p.notes(*doc.objectives, every), labels.loc)
    agenda_notes = p.notes(*(f"{part.title}: " + "; ".join(t.title for t in part.topics) for part in doc.parts))
    slides += p.bullets("agenda", labels.agenda, [part.title for part in doc.parts], agenda_notes, labels.loc,
                        capped=False)
    for part in doc.parts:
        slides.append(SlidePlan("section", "section", part.title, part.loc, "; ".join(t.title for t in part.topics)))
        for topic in part.topics:
            topic_notes = p.notes(topic.notes, p.sources_line(topic.sources))
            if topic.points:
                slides += p.bullets("topic", topic.title, topic.points, topic_notes, topic.loc)
            lead = None if topic.points else topic.title   # no bullets: the first table or chart carries the title
            for table in topic.tables:
                used = [by_id[i] for i in table.sources if i in by_id] or list(topic.sources)
                slides += p.table(table, lead or table.caption, p.notes(table.caption, table.note or "",
                                                                         p.sources_line(used)),
                                  p.notes(table.note or "", p.source_numbers(used)))
                lead = None
            for table in topic.charts:
                used = [by_id[i] for i in table.sources if i in by_id] or list(topic.sources)
                chart_notes = p.notes(compose.chart_alt_text(table), table.note or "", p.sources_line(used))
                slides.append(p.chart(table, lead or table.chart.title, chart_notes,
                                      p.notes(table.note or "", p.source_numbers(used))))
                lead = None
            if lead is not None:
                slides.append(SlidePlan("topic", "title_only", topic.title, topic.loc, topic_notes))
    case = doc.case
    case_notes = p.notes(case.notes, p.sources_line([by_id[i] for i in case.sources if i in by_id]))
    slides.append(SlidePlan("section", "section", labels.case, case.loc, case.title))
    slides += p.bullets("case", case.title, case.presentation, case_notes, case.loc)
    slides += p.bullets("discussion", labels.discussion, case.discussion, case_notes, case.loc)
    slides += p.bullets("take_aways", labels.take_aways, doc.take_aways, p.notes(*doc.take_aways, every), labels.loc)
    ref_notes = p.notes(*(f"{e.number}. {e.text}" for e in doc.references))
    slides += p.bullets("references", labels.references, [e.text for e in doc.references], ref_notes, labels.loc,
                        numbered_from=1, capped=False)
    return p.finish(slides)
