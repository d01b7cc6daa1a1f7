"""The patient booklet: a print-grade PDF for newly diagnosed patients, many of them older and with
low vision. Large left-aligned type in a ~68-character column, every section on a new page with its
key points boxed, tables and charts that never rely on colour alone, pages to write on, and a
clickable contents page with real page numbers, all laid out in a single pass.

Words come from the content (``kit.meta.pages`` for the furniture pages), looks from the theme's
``booklet``, ``page``, ``colours`` and ``fonts`` groups. Page furniture is in ``booklet_pages``,
reusable flowables in ``pdf_flowables`` and ``pdf_chart``.
"""
from __future__ import annotations

import io

from itertools import islice

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, ListFlowable, ListItem, PageBreak, Spacer

from booklet import compose
from booklet.compose import tree as ir
from booklet.errors import Problems, fail
from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.booklet_pdf.pages import Anchor, BookletTemplate, Geometry, PadMarker, Running
from booklet.outputs.pdf.chart import bar_chart
from booklet.outputs.pdf.flowables import (ContentsEntry, RuledGrid, RuledLines, callout_box, data_table,
                                           figure)

NAME = "booklet"
AUDIENCE = "patient"
FILE = "patient-booklet.pdf"
APPOINTMENT_HINTS = ["/      /", ":", "", ""]  # faint marks in the date and time columns


def para(text: str, style, refs: tuple[int, ...] = ()):
    """Content text as a paragraph (escaped by pdfbase); booklet styles never change once made."""
    return pdfbase.para(text, style, refs, stable=True)


def preflight(kit, theme, options=None) -> Problems:
    return pdfbase.check_glyphs(kit, theme)


def render(kit, theme, options) -> dict[str, bytes]:
    fonts = pdfbase.register_fonts(theme)
    doc = compose.booklet(kit)
    geometry = Geometry.of(theme, column_width(doc, fonts["regular"], theme))
    buffer = io.BytesIO()
    template = BookletTemplate(buffer, geometry, theme, fonts, doc.pages.page, options.build_time,
                               **pdfbase.pdf_info(doc.meta, options.build_time, doc.meta.title))
    template.build(Story(doc, theme, fonts, geometry, template).flowables())
    return {FILE: buffer.getvalue()}


def column_width(doc: ir.BookletDoc, font: str, theme) -> float:
    """About ``measure_chars`` characters of this booklet's own running text at body size."""
    sample = "".join(islice((n.text for c in doc.chapters for n in c.nodes if isinstance(n, ir.Para)), 40))
    sample = sample[:4000] or doc.meta.subtitle
    average = stringWidth(sample, font, theme.booklet.body_size) / len(sample)
    return average * theme.booklet.measure_chars


def make_styles(theme, fonts: dict[str, str]) -> dict[str, ParagraphStyle]:
    b, colour = theme.booklet, lambda name: pdfbase.colour(theme, name)
    regular, bold = fonts["regular"], fonts["bold"]
    body = ParagraphStyle("body", fontName=regular, fontSize=b.body_size, leading=b.leading, alignment=TA_LEFT,
                          textColor=colour("text"), spaceAfter=b.space_after_paragraph, splitLongWords=1,
                          allowWidows=0, allowOrphans=0, bulletFontName=regular, hyphenationLang="")

    def like(name, parent=body, **kw):
        return ParagraphStyle(name, parent=parent, **kw)

    heading = dict(fontName=bold, textColor=colour("heading"), keepWithNext=1)
    small = like("small", fontSize=b.small_size, leading=b.small_size * b.leading / b.body_size)
    return {
        "body": body, "small": small,
        "lead": like("lead", fontSize=b.body_size * 1.15, leading=b.leading * 1.15),
        "note": like("note", parent=small, textColor=colour("muted"), spaceBefore=b.space_after_paragraph / 2),
        "h1": like("h1", fontSize=b.h1_size, leading=b.h1_size * 1.2, spaceAfter=b.h1_size * 0.6, **heading),
        "h2": like("h2", fontSize=b.h2_size, leading=b.h2_size * 1.25, spaceBefore=b.h2_size * 0.9,
                   spaceAfter=b.space_after_paragraph, **heading),
        "title": like("title", fontSize=b.title_size, leading=b.title_size * 1.15, spaceAfter=b.title_size * 0.5,
                      **heading),
        "subtitle": like("subtitle", fontSize=b.subtitle_size, leading=b.subtitle_size * 1.3,
                         spaceAfter=b.subtitle_size * 2),
        "strong": like("strong", fontName=bold, spaceAfter=b.space_after_paragraph / 2, keepWithNext=1),
        "caption": like("caption", fontName=bold, spaceBefore=b.space_after_paragraph,
                        spaceAfter=b.space_after_paragraph * 0.75, keepWithNext=1),
        "cell": like("cell", fontSize=b.table_size, leading=b.table_leading, spaceAfter=0),
        "header": like("header", fontName=bold, fontSize=b.table_size, leading=b.table_leading, spaceAfter=0,
                       textColor=colour("table_header_text")),
        "label": like("label", fontName=bold, fontSize=b.body_size * 1.1, leading=b.leading * 1.1,
                      spaceAfter=b.space_after_paragraph / 2),
        "field": like("field", fontName=bold, spaceBefore=b.space_after_paragraph, spaceAfter=0, keepWithNext=1),
        "item": like("item", spaceAfter=b.space_after_paragraph / 2),
        "definition": like("definition", leftIndent=b.bullet_indent),
        "contents": like("contents", fontSize=b.contents_size, leading=b.contents_size * 1.3, spaceAfter=0),
    }


class Story:
    """The booklet's flowables, in reading order."""

    def __init__(self, doc: ir.BookletDoc, theme, fonts, geometry: Geometry, template: BookletTemplate):
        self.doc, self.theme, self.fonts, self.geometry, self.template = doc, theme, fonts, geometry, template
        self.b, self.styles, self.words = theme.booklet, make_styles(theme, fonts), doc.pages
        self.width = geometry.column
        self.scratch = Canvas(io.BytesIO(), pagesize=(geometry.width, geometry.height))  # to measure on

    def colour(self, name: str):
        return pdfbase.colour(self.theme, name)

    # -- parts ----------------------------------------------------------------------------------
    def flowables(self) -> list:
        w, chapters = self.words, self.doc.chapters
        furniture = [("glossary", w.glossary, self.glossary), ("questions", w.questions, self.questions),
                     ("care-team", w.care_team, self.care_team),
                     ("appointments", w.appointments, self.appointments), ("notes", w.notes, self.notes)]
        parts = [(f"section-{i}", c.title, lambda c=c: self.chapter(c)) for i, c in enumerate(chapters, 1)]
        parts += furniture
        sources = self.part("sources", w.sources, self.sources())
        story = self.cover() + self.part("contents", w.contents, self.contents(parts + [("sources", w.sources)]))
        for key, title, make in parts:
            story += self.part(key, title, make())
        story.append(PadMarker(sources, self.notes_page))
        story += sources
        story.append(PadMarker([], self.notes_page))   # in case the sources took more pages than measured
        return story

    def part(self, key: str, title: str, body: list) -> list:
        return [PageBreak(), Anchor(key, title), para(title, self.styles["h1"]), *body]

    def cover(self) -> list:
        meta, s = self.doc.meta, self.styles
        return [para(meta.title, s["title"]), para(meta.subtitle, s["subtitle"]),
                para(meta.edition, s["label"]),
                para(f"{self.words.reviewed}: {compose.human_date(meta.last_reviewed)}", s["body"]),
                para(meta.author, s["body"])]

    def contents(self, entries) -> list:
        size = self.b.contents_size
        return [ContentsEntry(para(title, self.styles["contents"]), key, self.template.number_form(key),
                              size * 3, size * 0.7, self.colour("muted"), self.b.rule_width)
                for key, title, *_ in entries]

    def chapter(self, chapter: ir.Chapter) -> list:
        """The chapter's blocks; a sub-heading only starts where the start of its next block fits too
        (platypus's keepWithNext cannot hold a heading to a list, a table or a kept-together block)."""
        blocks = [self.node(n) for n in chapter.nodes]
        out: list = []
        for node, block, after in zip(chapter.nodes, blocks, blocks[1:] + [[]]):
            if isinstance(node, ir.SubHeading) and after:
                out.append(CondPageBreak(self.height(block) + self.start_height(after)))
            out += block
        return out

    def height(self, flowables: list) -> float:
        total = 0.0
        for f in flowables:
            _, h = f.wrapOn(self.scratch, self.width, self.geometry.frame_height)
            h = f._H if isinstance(f, KeepTogether) else h   # its wrap says "too tall" to force a split
            total += h + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def start_height(self, block: list) -> float:
        """The least of a block that must fit below a heading: all of it if it stays whole, else a few lines."""
        first = block[0]
        if isinstance(first, CondPageBreak):
            return first.height
        whole = self.height([first])
        return whole if whole <= self.geometry.frame_height / 2 else self.b.leading * 3

    # -- content blocks -----------------------------------------------------------------------
    def node(self, node: ir.Node) -> list:
        s, b = self.styles, self.b
        gap = Spacer(1, b.space_after_paragraph * 1.5)
        match node:
            case ir.Para():
                return [para(node.text, s.get(node.role, s["body"]), node.refs)]
            case ir.SubHeading():
                return [para(node.text, s["h2"])]
            case ir.BulletList():     # a list up to a third of a page is never split
                items = self.bullets(node.items, node.refs)
                short = self.height([items]) <= self.geometry.frame_height / 3
                return [KeepTogether([items]) if short else items, gap]
            case ir.Callout():
                inner = [para(node.title, s["label"])]
                inner += [para(node.text, s["body"], node.refs)] if node.text else []
                inner += [self.bullets(node.items, node.refs)] if node.items else []
                return [self.box(node.kind, inner), gap]
            case ir.TableNode():
                return data_table(node.table, self.width, self.theme, header=s["header"], cell=s["cell"],
                                  caption=s["caption"], note=s["note"], padding=b.table_padding,
                                  rule_width=b.rule_width, max_height=self.geometry.frame_height,
                                  refs=node.refs) + [gap]
            case ir.ChartNode():
                chart = bar_chart(node.table, min(b.chart_width, self.width), b.chart_height, self.theme,
                                  font=self.fonts["regular"], size=b.chart_label_size, hatch_gap=b.hatch_gap,
                                  rule_width=b.rule_width)
                return [KeepTogether([para(node.table.chart.title, s["caption"]), chart]), gap]
            case ir.WriteIn():
                return [KeepTogether([para(q, s["item"]), self.lines(b.write_lines_per_question)])
                        for q in node.items] + [gap]
            case ir.Figure():
                caption = para(node.caption, s["note"]) if node.caption else None
                return figure(node.path, self.width, self.geometry.frame_height * 0.6, caption) + [gap]
        raise TypeError(f"unknown node {node!r}")

    def box(self, kind: str, inner: list):
        b = self.b
        return callout_box(kind, inner, self.width, self.theme, font=self.fonts["regular"],
                           edge_width=b.callout_edge_width, padding=b.callout_padding, rule_width=b.rule_width,
                           max_height=self.geometry.frame_height)

    def bullets(self, items, refs=()) -> ListFlowable:
        s = self.styles["item"]
        last = len(items) - 1
        return ListFlowable([ListItem(para(t, s, refs if i == last else ())) for i, t in enumerate(items)],
                            bulletType="bullet", start="\u2022", leftIndent=self.b.bullet_indent,
                            bulletFontName=self.fonts["regular"], bulletFontSize=self.b.body_size,
                            bulletColor=self.colour("text"))

    def lines(self, count: int | None, every: int = 1, numbered: bool = False) -> RuledLines:
        return RuledLines(count, self.b.ruled_line_gap, self.colour("rule"), self.b.rule_width,
                          number_font=self.fonts["bold"] if numbered else None, number_size=self.b.body_size,
                          number_colour=self.colour("muted"), every=every)

    def labelled_lines(self, labels: tuple[str, ...]) -> RuledLines:
        return RuledLines(len(labels), self.b.ruled_line_gap, self.colour("rule"), self.b.rule_width,
                          number_font=self.fonts["regular"], number_size=self.b.small_size,
                          number_colour=self.colour("muted"), labels=tuple(labels))

    # -- furniture pages ------------------------------------------------------------------------
    def glossary(self) -> list:
        s = self.styles
        out = [para(self.words.glossary_intro, s["body"]), Spacer(1, self.b.space_after_paragraph)]
        for term in self.doc.glossary:
            out.append(KeepTogether([para(term.term, s["strong"]),
                                     para(term.definition, s["definition"])]))
        return out

    def questions(self) -> list:
        return [self.lines(None, every=self.b.write_lines_per_question + 1, numbered=True)]

    def care_team(self) -> list:
        s = self.styles
        out = [para(self.words.care_team_intro, s["body"]), Spacer(1, self.b.space_after_paragraph)]
        for field in self.words.care_team_fields:
            out.append(KeepTogether([para(field, s["field"]), self.labelled_lines(self.words.care_team_lines)]))
        return out

    def appointments(self) -> list:
        fractions, hints = self.b.appointment_column_widths, APPOINTMENT_HINTS
        labels = self.words.appointment_columns
        if len(labels) != len(fractions):
            raise fail(labels[0].loc, f"appointment_columns has {len(labels)} labels; the theme's "
                                      f"booklet.appointment_column_widths has {len(fractions)} columns")
        return [para(self.words.appointments_intro, self.styles["body"]), Spacer(1, self.b.leading / 2),
                RuledGrid(fractions, self.b.ruled_line_gap * 1.6, self.colour("rule"), self.b.rule_width,
                          hints=hints, hint_font=self.fonts["regular"], hint_size=self.b.body_size,
                          hint_colour=self.colour("muted"), header=tuple(self.words.appointment_columns),
                          header_font=self.fonts["bold"], header_colour=self.colour("text"))]

    def notes(self) -> list:
        return [self.lines(None)]

    def notes_page(self) -> list:
        """One more page to write on (added to make the page count a multiple of the theme's)."""
        return [PageBreak(), Running(self.words.notes), self.lines(None)]

    def sources(self) -> list:
        s, meta, w = self.styles, self.doc.meta, self.words
        entries = ListFlowable([ListItem(para(e.text, s["item"]), value=e.number) for e in self.doc.sources],
                               bulletType="1", bulletFormat="[%s]", leftIndent=self.b.bullet_indent * 2,
                               bulletFontName=self.fonts["regular"], bulletFontSize=self.b.body_size,
                               bulletColor=self.colour("text"))
        dates = [f"{w.reviewed}: {compose.human_date(meta.last_reviewed)}",
                 f"{w.next_review}: {compose.human_date(meta.next_review)}"]
        return [para(w.sources_intro, s["body"]), entries, Spacer(1, self.b.leading / 2),
                *[para(d, s["strong"]) for d in dates], Spacer(1, self.b.leading),
                self.box("important", [para(meta.disclaimer, s["body"])])]
