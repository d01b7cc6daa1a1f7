"""Plan the clinician deck as plain data before any PowerPoint object exists (as pandoc's pptx writer does).

``plan()`` turns a ``DeckDoc`` into a list of ``SlidePlan``: which layout, which title, which bullets,
which rows of which table. PowerPoint never fits text, so every split is decided here by MEASURING
text with the theme's TrueType metrics (times a safety factor) against the real placeholder boxes of
the template (``Geometry``, in points). The writer (``deck_pptx``) then only turns the plan into
python-pptx calls. The measuring class is the one place this module touches a library (reportlab).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from booklet import compose, ir, model as m
from booklet.errors import Loc, fail


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


@functools.lru_cache(maxsize=None)
def _font(path: str) -> str:
    name = "deckmetrics-" + path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    pdfmetrics.registerFont(TTFont(name, path))
    return name


@functools.lru_cache(maxsize=1 << 16)
def _width(font: str, text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


class Measure:
    """Text widths from a TrueType font (reportlab metrics) times a safety factor; greedy word wrap.

    Breaks only at spaces (PowerPoint may also break after hyphens, which only ever needs fewer lines)
    and breaks a word wider than the box anywhere, as PowerPoint does.
    """

    def __init__(self, regular: str, bold: str, safety: float):
        self.fonts = (_font(str(regular)), _font(str(bold)))
        self.safety = float(safety)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _width(self.fonts[bold], text, size) * self.safety

    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        out: list[str] = []
        space = self.width(" ", size, bold)
        for paragraph in str(text).split("\n"):
            line, used = "", 0.0
            for word in paragraph.split():
                w = self.width(word, size, bold)
                if line and used + space + w <= width:
                    line, used = f"{line} {word}", used + space + w
                    continue
                if line:
                    out.append(line)
                while w > width and len(word) > 1:
                    cut = next((i for i in range(len(word) - 1, 0, -1) if self.width(word[:i], size, bold) <= width), 1)
                    out.append(word[:cut])
                    word = word[cut:]
                    w = self.width(word, size, bold)
                line, used = word, w
            out.append(line)
        return out

    def height(self, items, width: float, size: float, line_spacing: float, space: float) -> float:
        """Height of paragraphs stacked with ``space`` points between them."""
        lines = sum(len(self.lines(t, width, size)) for t in items)
        return lines * size * line_spacing + space * max(0, len(items) - 1)


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

    @staticmethod
    def notes(*parts: str) -> str:
        return "\n".join(p for p in parts if p)

    # -- bullets -------------------------------------------------------------------------------
    def text_width(self, box: Box, bulleted: bool = True) -> float:
        return box.w - 2 * float(self.s.inset_x) - (float(self.s.bullet_indent) if bulleted else 0)

    def bullets(self, kind: str, title: str, items, notes: str, loc: Loc, numbered_from: int = 0) -> list[SlidePlan]:
        box, s = self.geo.body, self.s
        width, capacity = self.text_width(box), box.h - 2 * float(s.inset_y)
        size = float(s.body_size)
        while size >= float(s.min_body_size):
            gap = float(s.paragraph_space)
            heights = [len(self.measure.lines(t, width, size)) * size * self.ls for t in items]
            runs = chunks(heights, capacity, gap, int(s.max_bullets))
            if runs is not None:
                return [SlidePlan(kind, "content", self.continued(title, i), loc, notes, bullets=tuple(items[a:b]),
                                  body_size=size, numbered_from=numbered_from + a if numbered_from else 0)
                        for i, (a, b) in enumerate(runs)]
            size -= 1
        raise fail(loc, f"a bullet on slide '{title}' is too long for one slide even at {s.min_body_size} pt; "
                        "shorten it or split it")

    # -- tables and charts ---------------------------------------------------------------------
    def footnote(self, text: str) -> tuple[str, Box | None, Box]:
        area, s = self.geo.body, self.s
        if not text:
            return "", None, area
        size = float(s.footnote_size)
        lines = self.measure.lines(text, area.w - 2 * float(s.inset_x), size)
        h = len(lines) * size * self.ls + 2 * float(s.inset_y)
        note = Box(area.x, area.y + area.h - h, area.w, h)
        return text, note, Box(area.x, area.y, area.w, area.h - h - float(s.gap))

    def column_widths(self, table: m.Table, total: float) -> list[float]:
        size, pad = float(self.s.table_size), 2 * float(self.s.cell_margin_x)
        rows = [(table.columns, True)] + [(r, False) for r in table.rows]
        natural = [max(self.measure.width(r[c], size, b) for r, b in rows) + pad for c in range(len(table.columns))]
        least = [max(max((self.measure.width(w, size, b) for w in r[c].split()), default=0) for r, b in rows) + pad
                 for c in range(len(table.columns))]
        if sum(natural) <= total:
            return [n * total / sum(natural) for n in natural]
        if sum(least) >= total:
            return [w * total / sum(least) for w in least]
        spare, stretch = total - sum(least), sum(n - w for n, w in zip(natural, least)) or 1
        return [w + spare * (n - w) / stretch for n, w in zip(natural, least)]

    def row_height(self, cells, widths, bold: bool) -> float:
        size, s = float(self.s.table_size), self.s
        lines = max(len(self.measure.lines(t, w - 2 * float(s.cell_margin_x), size, bold)) for t, w in zip(cells, widths))
        return lines * size * self.ls + 2 * float(s.cell_margin_y)

    def table(self, table: m.Table, title: str, notes: str, footnote: str) -> list[SlidePlan]:
        text, note_box, area = self.footnote(footnote)
        widths = self.column_widths(table, area.w)
        header_h = self.row_height(table.columns, widths, True)
        heights = [self.row_height(r, widths, False) for r in table.rows]
        runs = chunks(heights, area.h - header_h, 0, int(self.s.table_max_rows))
        if runs is None:
            raise fail(table.loc, f"a row of table '{table.id}' is too tall for one slide; shorten its cells")
        return [SlidePlan("table", "title_only", self.continued(title, i), table.loc, notes, footnote=text,
                          footnote_box=note_box, area=area,
                          table=TablePlan(table.caption, tuple(table.columns), tuple(table.rows[a:b]), tuple(widths),
                                          header_h, tuple(heights[a:b])))
                for i, (a, b) in enumerate(runs)]

    def chart(self, table: m.Table, title: str, notes: str, footnote: str) -> SlidePlan:
        assert table.chart is not None
        text, note_box, area = self.footnote(footnote)
        cells = [row[c] for row in table.rows for c in table.chart.value_columns]
        chart = ChartPlan(table.chart.title, tuple(table.categories()),
                          tuple((name, tuple(values)) for name, values in table.series()),
                          all(c.strip().endswith("%") for c in cells), compose.chart_alt_text(table))
        return SlidePlan("chart", "title_only", title, table.chart.loc, notes, chart=chart,
                         footnote=text, footnote_box=note_box, area=area)

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
        """Unique titles (a repeated title gets ' (2)'), then every title and subtitle measured to fit."""
        seen: set[str] = set()
        out = []
        s = self.s
        for slide in slides:
            title, n = slide.title, 2
            while title.casefold() in seen:
                title, n = f"{slide.title} ({n})", n + 1
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
    slides += p.bullets("agenda", labels.agenda, [part.title for part in doc.parts], agenda_notes, labels.loc)
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
                                  p.notes(table.note or "", p.sources_line(used)))
                lead = None
            for table in topic.charts:
                used = [by_id[i] for i in table.sources if i in by_id] or list(topic.sources)
                chart_notes = p.notes(compose.chart_alt_text(table), table.note or "", p.sources_line(used))
                slides.append(p.chart(table, lead or table.chart.title, chart_notes,
                                      p.notes(table.note or "", p.sources_line(used))))
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
                        numbered_from=1)
    return p.finish(slides)
