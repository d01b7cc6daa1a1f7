"""Plan the clinician deck as plain data before any PowerPoint object exists (as pandoc's pptx writer does).

``plan()`` turns the deck's logical slides (``booklet.compose.deck``) into a list of ``SlidePlan``:
which layout, which title, which bullets, which rows of which table at which size, and where each
box goes. PowerPoint never fits text, so every decision is made here by MEASURING text against the
template's real boxes (``Geometry``, in points) with every font a viewer may draw it in (the named
font's widths and a wide stand-in, ``booklet.typeset.measure``). The note and source line of a
slide sit in their own box pinned to the foot of the content area, anchored at the bottom, so a
row or a line that grows in a viewer grows into free space, never into them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from booklet.compose import tree as t
from booklet.errors import Loc, fail
from booklet.typeset.measure import Measure, chunks, column_widths


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Geometry:
    """The template's boxes (points) that the plan measures against, by layout role."""

    size: tuple[float, float]
    cover_title: Box
    cover_subtitle: Box
    section_title: Box
    section_kicker: Box | None   # the divider's text placeholder ("Part 2 of 6"), if its layout has one
    title: Box                   # title of the content layout
    body: Box                    # its body: the area for bullets, tables, charts and figures
    title_only: Box
    halves: tuple[Box, Box] | None = None          # the two bodies of Two Content, if the template has it
    footers: dict = field(default_factory=dict)    # "dt" | "ftr" | "sldNum" -> Box
    bullet_indent: float = 27.0


@dataclass(frozen=True)
class TablePlan:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...]
    header_height: float
    row_heights: tuple[float, ...]
    size: float                     # text size of every cell
    align: tuple[str, ...] = ()     # per column: "l", or "ctr" for a column of numbers


@dataclass(frozen=True)
class ChartPlan:
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    percent: bool
    alt: str
    size: float


@dataclass(frozen=True)
class SlidePlan:
    kind: str                 # cover | objectives | agenda | section | topic | table | chart | figure | ...
    layout: str               # a key of theme deck.layouts: title | section | content | title_only
    title: str
    loc: Loc
    notes: str = ""
    title_size: float = 0
    subtitle: tuple[str, ...] = ()
    subtitle_size: float = 0
    bullets: tuple[str, ...] = ()
    body_size: float = 0
    body_box: Box | None = None   # where the bullets go (the body less the foot)
    marker: str = "bullet"        # bullet | number | letter | none
    indent: float = 0.0           # the hanging indent of numbers and letters (bullets keep the master's)
    numbered_from: int = 0        # the first number (or letter) of a numbered list
    table: TablePlan | None = None
    chart: ChartPlan | None = None
    figure: t.Figure | None = None
    footnote: str = ""            # the note and source line at the foot of the content area
    footnote_box: Box | None = None
    area: Box | None = None       # where the table, chart or figure goes
    footed: bool = True           # slide number and footer (every slide but the cover)
    part: int = 0                 # 0 for the first slide of a run, 1.. for its continuation slides


class Planner:
    def __init__(self, style, geo: Geometry, measure: Measure, continued: str):
        self.s, self.geo, self.measure, self.continued_word = style, geo, measure, continued
        self.ls = float(style.line_spacing)

    def continued(self, title: str, index: int) -> str:
        if index == 0:
            return title
        return f"{title} ({self.continued_word}{'' if index == 1 else f' {index}'})"

    # -- the foot of the content area -----------------------------------------------------------
    def foot(self, text: str, area: Box) -> tuple[Box, Box | None]:
        """(what is left for the content, the footnote's box pinned to the area's foot) for ``text``."""
        if not text:
            return area, None
        size = float(self.s.footnote_size)
        lines = self.measure.line_count(text, area.w - 2 * float(self.s.inset_x), size)
        h = lines * size * self.ls + 2 * float(self.s.inset_y)
        note = Box(area.x, area.bottom - h, area.w, h)
        return Box(area.x, area.y, area.w, max(0.0, area.h - h - float(self.s.gap))), note

    # -- bullets -------------------------------------------------------------------------------
    def indent(self, marker: str, size: float) -> float:
        """The hanging indent: the master's for bullets; room for "B." or "12." for numbers and letters."""
        if marker == "none":
            return 0.0
        return self.geo.bullet_indent if marker == "bullet" else max(self.geo.bullet_indent, 1.6 * size)

    def bullets(self, slide: t.Slide) -> list[SlidePlan]:
        """Bullets over as many slides as measuring says (and at most max_bullets a slide when capped)."""
        s, items = self.s, slide.bullets
        box, note = self.foot(slide.footnote, self.geo.body)
        marker = slide.marker or ("number" if slide.numbered_from else "bullet")
        capacity = box.h - 2 * float(s.inset_y)
        best, size = None, float(s.body_size)
        while size >= float(s.min_body_size):       # the fewest slides, then the largest size
            width = box.w - 2 * float(s.inset_x) - self.indent(marker, size)
            heights = [self.measure.line_count(t_, width, size) * size * self.ls for t_ in items]
            runs = chunks(heights, capacity, float(s.paragraph_space),
                          int(s.max_bullets) if slide.capped else len(items) or 1)
            if runs is not None and (best is None or len(runs) < len(best[1])):
                best = (size, runs)
            size -= float(s.size_step)
        if best is not None:
            size, runs = best
            return [SlidePlan(slide.kind, "content", slide.title, slide.loc, slide.notes, bullets=tuple(items[a:b]),
                              body_size=size, body_box=box, marker=marker, indent=self.indent(marker, size),
                              numbered_from=(slide.numbered_from or 1) + a if marker != "bullet" else 0,
                              footnote=slide.footnote, footnote_box=note, part=i)
                    for i, (a, b) in enumerate(runs)]
        raise fail(slide.loc, f"a bullet on slide '{slide.title}' is too long for one slide even at "
                              f"{s.min_body_size} pt; shorten it or split it")

    # -- tables, charts, figures ---------------------------------------------------------------
    def column_widths(self, table: t.Table, total: float, size: float) -> list[float]:
        """Where every cell fits on one line, a little air (the writer centres the table)."""
        pad = 2 * float(self.s.cell_margin_x)
        rows = [(table.header, True)] + [(r, False) for r in table.rows]
        natural = [max(self.measure.width(r[c], size, b) for r, b in rows) + pad for c in range(len(table.header))]
        least = [max(max((self.measure.width(w, size, b) for w in r[c].split()), default=0) for r, b in rows) + pad
                 for c in range(len(table.header))]
        return column_widths(least, natural, total, roomy="air", narrow="scale")

    def row_height(self, cells, widths, size: float, bold: bool) -> float:
        s = self.s
        lines = max(self.measure.line_count(t_, w - 2 * float(s.cell_margin_x), size, bold) for t_, w in zip(cells, widths))
        return lines * size * float(s.table_line_spacing) + 2 * float(s.cell_margin_y)

    def table_layout(self, table: t.Table, area: Box):
        """(slides, -size, size, widths, header height, row heights, runs) at the size that needs the fewest
        slides, the largest such size; None where no row fits even at the least size."""
        best, size = None, float(self.s.table_size)
        while size >= float(self.s.min_table_size):
            widths = self.column_widths(table, area.w, size)
            header = self.row_height(table.header, widths, size, True)
            heights = [self.row_height(r, widths, size, False) for r in table.rows]
            runs = chunks(heights, area.h - header, 0, len(heights) or 1)
            if runs is not None and (best is None or len(runs) < best[0]):
                best = (len(runs), size, widths, header, heights, runs)
            if runs is not None and len(runs) == 1:
                break
            size -= float(self.s.size_step)
        return best

    def table(self, slide: t.Slide) -> list[SlidePlan]:
        table = slide.table
        area, note = self.foot(slide.footnote, self.geo.body)
        best = self.table_layout(table, area)
        if best is None:
            raise fail(table.loc, f"a row of table '{table.id}' is too tall for one slide even at "
                                  f"{self.s.min_table_size} pt; shorten its cells")
        _, size, widths, header_h, heights, runs = best
        x = area.x + (area.w - sum(widths)) / 2
        align = tuple("ctr" if numeric else "l" for numeric in table.numeric)
        return [SlidePlan("table", "title_only", slide.title, slide.loc, slide.notes, footnote=slide.footnote,
                          footnote_box=note, part=i, area=Box(x, area.y, sum(widths), header_h + sum(heights[a:b])),
                          table=TablePlan(table.caption, tuple(table.header), tuple(table.rows[a:b]), tuple(widths),
                                          header_h, tuple(heights[a:b]), size, align))
                for i, (a, b) in enumerate(runs)]

    def chart(self, slide: t.Slide) -> SlidePlan:
        node = slide.chart
        area, note = self.foot(slide.footnote, self.geo.body)
        cells = [label for s in node.series for label in s.labels]
        chart = ChartPlan(node.title, node.categories, tuple((s.name, s.values) for s in node.series),
                          all(c.strip().endswith("%") for c in cells), node.alt, float(self.s.chart_text_size))
        return SlidePlan("chart", "title_only", slide.title, node.loc, slide.notes, chart=chart,
                         footnote=slide.footnote, footnote_box=note, area=area)

    def open_area(self) -> Box:
        """The whole content area of a slide: the body's top and width (clear of whatever the template
        draws under its titles), down to just above the footers (or the body's foot, if lower)."""
        body = self.geo.body
        footers = [box.y for box in self.geo.footers.values() if box.y >= body.bottom - body.h / 2]
        bottom = max(body.bottom, min(footers) - float(self.s.gap)) if footers else body.bottom
        return Box(body.x, body.y, body.w, bottom - body.y)

    def figure(self, slide: t.Slide) -> SlidePlan:
        """A figure gets the whole content area less the foot (nothing in it grows in a viewer);
        ``figures.py`` lays it out in that box."""
        area, note = self.foot(slide.footnote, self.open_area())
        return SlidePlan("figure", "title_only", slide.title, slide.loc, slide.notes, figure=slide.figure,
                         footnote=slide.footnote, footnote_box=note, area=area)

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
        s, geo = self.s, self.geo
        for slide in slides:
            if slide.part == 0:
                base, n = slide.title, 2
                while base.casefold() in seen:
                    base, n = f"{slide.title} ({n})", n + 1
            title, n = self.continued(base, slide.part), 2
            while title.casefold() in seen:
                title, n = f"{self.continued(base, slide.part)} ({n})", n + 1
            seen.add(title.casefold())
            box, size = {"title": (geo.cover_title, s.cover_title_size),
                         "section": (geo.section_title, s.section_title_size),
                         "content": (geo.title, s.title_size),
                         "title_only": (geo.title_only, s.title_size)}[slide.layout]
            fitted = self.fit(title, box, float(size), float(s.min_title_size), int(s.title_lines), slide.loc)
            sub = 0.0
            if slide.subtitle:
                sub_box = geo.cover_subtitle if slide.layout == "title" else geo.section_kicker
                if sub_box is None:
                    slide = replace(slide, subtitle=())
                else:
                    sub = self.fit("\n".join(slide.subtitle), sub_box, float(s.subtitle_size),
                                   float(s.footer_size), 99, slide.loc)
            out.append(replace(slide, title=title, title_size=fitted, subtitle_size=sub))
        return out


def plan(doc: t.Document, style, geo: Geometry, measure: Measure) -> list[SlidePlan]:
    """Every slide of the deck, in order, split so that nothing overflows its box."""
    p = Planner(style, geo, measure, doc.continued)
    slides: list[SlidePlan] = []
    for slide in doc.slides:
        if slide.table is not None:
            slides += p.table(slide)
        elif slide.chart is not None:
            slides.append(p.chart(slide))
        elif slide.figure is not None:
            slides.append(p.figure(slide))
        elif slide.layout == "content":
            slides += p.bullets(slide)
        else:
            slides.append(SlidePlan(slide.kind, slide.layout, slide.title, slide.loc, slide.notes,
                                    subtitle=slide.subtitle, footed=slide.layout != "title"))
    return p.finish(slides)
