"""The booklet's flowables, in reading order, from the booklet document tree.

Each part starts on a new page with its anchor (bookmark, contents number, running header) and its
title; blocks become flowables by type; the furniture parts (glossary, forms, sources) get the
spacing of a page to write on. Words come from the tree, looks from the theme.
"""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, ListFlowable, ListItem, PageBreak, Spacer, Table

from booklet.compose import tree as t
from booklet.compose.walk import part_chars, part_print
from booklet.errors import fail
from booklet.outputs.booklet_pdf import tools
from booklet.outputs.booklet_pdf.balance import Block, TailNotes, with_breaks
from booklet.outputs.booklet_pdf.pages import Anchor, BookletTemplate, Geometry, PadMarker, Running
from booklet.outputs.booklet_pdf.reuse import Deferred
from booklet.outputs.booklet_pdf.styles import make_styles
from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.pdf.chart import bar_chart
from booklet.outputs.pdf.contents import ContentsEntry
from booklet.outputs.pdf.figure import figure_block
from booklet.outputs.pdf.flowables import RuledGrid, RuledLines, _Ruled, callout_box, data_table, figure
from booklet.outputs.pdf.private import kept_height
from booklet.outputs.pdf.qr import web_link


def para(text: str, style, refs: tuple[int, ...] = ()):
    """Content text as a paragraph (escaped by pdf.base); booklet styles never change once made."""
    return pdfbase.para(text, style, refs, stable=True)


def splits(group: list) -> bool:
    """Whether a group of flowables may break across pages: not when it is kept together, a boxed
    callout or form, or ruled lines to write on."""
    first = next((f for f in group if not isinstance(f, (CondPageBreak, Spacer))), None)
    return not isinstance(first, (KeepTogether, Table, _Ruled, ContentsEntry))


class Story:
    """The booklet's flowables, in reading order."""

    def __init__(self, doc: t.Document, theme, fonts, geometry: Geometry, template: BookletTemplate):
        self.doc, self.theme, self.fonts, self.geometry, self.template = doc, theme, fonts, geometry, template
        self.b, self.styles = theme.booklet, make_styles(theme, fonts)
        self.width = geometry.column
        self.scratch = Canvas(io.BytesIO(), pagesize=(geometry.width, geometry.height))  # to measure on

    def colour(self, name: str):
        return pdfbase.colour(self.theme, name)

    # -- parts ----------------------------------------------------------------------------------
    def flowables(self) -> list:
        story: list = []
        for part in self.doc.parts:
            if part.key == self.doc.pad:
                following = self.part(part)
                story.append(PadMarker(following, self.notes_page))
                story += following
                story.append(PadMarker([], self.notes_page))   # in case it took more pages than measured
            elif part.role == "cover":
                story += self.part(part)
            else:          # made into flowables only if its pages are not recorded (booklet_pdf.reuse)
                story.append(Deferred(part_print(part), lambda part=part: self.part(part), part_chars(part)))
        return story

    def part(self, part: t.Part) -> list:
        if part.role == "cover":
            return tools.cover(self, part)
        furniture = {"glossary": self.glossary, "care-team": self.care_team, "appointments": self.appointments,
                     "sources": self.sources, "tracker": lambda blocks: tools.tracker(self, blocks)}
        make = furniture.get(part.role, self.blocks)
        tail = [self.tail_notes(part.key)] if part.role == "section" else []
        return [PageBreak(), Anchor(part.key, part.title), para(part.title, self.styles["h1"]), *make(part.blocks),
                *tail]

    def tail_notes(self, key: str) -> TailNotes:
        """Lines to write on filling a section's near-empty last page, if it has one."""
        return TailNotes(key, para(self.doc.pad_title, self.styles["field"]), self.lines(None),
                         self.geometry.frame_height, self.theme.page.least_fill)

    def cover_line(self, block: t.Paragraph | t.WebLink):
        if isinstance(block, t.WebLink):
            return self.web_link(block)
        return para(block.text, self.styles[block.role])

    def web_link(self, node: t.WebLink):
        """The QR code to the web edition, with its label and short address (see pdf.qr)."""
        s = self.styles
        return web_link(node, self.theme, self.width, para(node.label, s["body"]), para(node.short, s["strong"]),
                        self.fonts["regular"])

    def blocks(self, blocks) -> list:
        """The blocks of a part; a sub-heading only starts where the start of its next block fits too
        (platypus's keepWithNext cannot hold a heading to a list, a table or a kept-together block);
        a page may break before any block but the one after a heading (see ``balanced``)."""
        made = [self.node(n) for n in blocks]
        groups: list[list] = []
        allowed: list[bool] = []
        for i, (node, block, after) in enumerate(zip(blocks, made, made[1:] + [[]])):
            start = [CondPageBreak(self.height(block) + self.start_height(after))] if isinstance(node, t.Heading) and after else []
            may = i == 0 or not isinstance(blocks[i - 1], t.Heading)
            if isinstance(node, t.WriteIn):      # a page may also break between two questions
                groups += [[question] for question in block[:-1]]
                groups[-1].append(block[-1])
                allowed += [may] + [True] * (len(block) - 2)
            else:
                groups.append(start + block)
                allowed.append(may)
        return self.balanced(groups, allowed)

    def balanced(self, groups: list[list], allowed: list[bool]) -> list:
        """The groups' flowables with a balancing break before each group ``allowed`` to start a page,
        so the part never ends on an accidental near-empty page (``balance``)."""
        blocks = [Block(self.height(group), splits(group)) for group in groups]
        return with_breaks(groups, blocks, self.geometry.frame_height, self.theme.page.least_fill, allowed)

    def height(self, flowables: list) -> float:
        total = 0.0
        for f in flowables:
            if isinstance(f, CondPageBreak):      # takes no room where it does not break
                continue
            _, h = f.wrapOn(self.scratch, self.width, self.geometry.frame_height)
            h = kept_height(f) if isinstance(f, KeepTogether) else h
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
    def node(self, node: t.Block) -> list:
        s, b = self.styles, self.b
        gap = Spacer(1, b.space_after_paragraph * 1.5)
        match node:
            case t.Paragraph():
                paragraph = para(node.text, s.get(node.role, s["body"]), node.refs)
                if node.text.rstrip().endswith(":"):     # it introduces what follows: never end a page
                    paragraph.keepWithNext = 1
                return [paragraph]
            case t.Heading():
                return [para(node.text, s["h2"])]
            case t.BulletList():     # a list up to a third of a page is never split
                items = self.bullets(node.items, node.refs)
                short = self.height([items]) <= self.geometry.frame_height / 3
                return [KeepTogether([items]) if short else items, gap]
            case t.Box():
                return [self.box(node.role, self.box_inner(node)), gap]
            case t.Table():
                return data_table(node, self.width, self.theme, header=s["header"], cell=s["cell"],
                                  caption=s["caption"], note=s["note"], padding=b.table_padding,
                                  rule_width=b.rule_width, max_height=self.geometry.frame_height, use=s["use"]) + [gap]
            case t.Chart():
                chart = bar_chart(node, min(b.chart_width, self.width), b.chart_height, self.theme,
                                  font=self.fonts["regular"], size=b.chart_label_size, hatch_gap=b.hatch_gap,
                                  rule_width=b.rule_width)
                use = [tools.use_line(self, node)] if node.use else []
                return [KeepTogether([para(node.title, s["caption"]), chart, *use]), gap]
            case t.Figure():         # vector graphics, kept on one page with its title, words and use line
                return [figure_block(node, self.width, self.theme, self.fonts, title_style=s["caption"],
                                     text_style=s["body"], gap=b.space_after_paragraph,
                                     max_height=self.geometry.frame_height, use_style=s["use"]), gap]
            case t.Steps():
                return tools.steps(self, node)
            case t.ResultsForm():
                return tools.results(self, node)
            case t.WriteIn():
                return [KeepTogether([para(q, s["item"]), self.lines(b.write_lines_per_question)])
                        for q in node.items] + [gap]
            case t.Image():
                caption = para(node.caption, s["note"]) if node.caption else None
                return figure(node.path, self.width, self.geometry.frame_height * 0.6, caption) + [gap]
            case t.Definitions():     # each term bold, its explanation indented under it
                return [KeepTogether([para(term, s["strong"]), para(words, s["definition"])])
                        for term, words in node.items] + [gap]
            case t.Contents():
                size = b.contents_size
                entries = [[ContentsEntry(para(title, s["contents"]), key, self.template.number_form(key), size * 3,
                                          size * 0.7, self.colour("muted"), b.rule_width)] for key, title in node.entries]
                return self.balanced(entries, [True] * len(entries))
            case t.Lines():
                every = b.write_lines_per_question + 1 if node.numbered else 1
                return [self.lines(node.count, every=every, numbered=node.numbered)]
        raise TypeError(f"unknown node {node!r}")

    def box_inner(self, node: t.Box) -> list:
        s = self.styles
        inner = [para(node.title, s["label"])] if node.title else []
        for block in node.body:
            if isinstance(block, t.BulletList):
                inner.append(self.bullets(block.items, block.refs))
            elif isinstance(block, t.Grid):
                inner.append(tools.grid(self, block))
            else:
                inner.append(para(block.text, s.get(block.role, s["body"]), block.refs))
        return inner

    def box(self, role: str, inner: list):
        b = self.b
        return callout_box(role, inner, self.width, self.theme, font=self.fonts["regular"],
                           edge_width=b.callout_edge_width, padding=b.callout_padding, rule_width=b.rule_width,
                           max_height=self.geometry.frame_height)

    def bullets(self, items, refs=()) -> ListFlowable:
        s = self.styles["item"]
        last = len(items) - 1
        return ListFlowable([ListItem(para(t_, s, refs if i == last else ())) for i, t_ in enumerate(items)],
                            bulletType="bullet", start="\u2022", leftIndent=self.b.bullet_indent,
                            bulletFontName=self.fonts["regular"], bulletFontSize=self.b.body_size,
                            bulletColor=self.colour("text"))

    def lines(self, count: int | None, every: int = 1, numbered: bool = False) -> RuledLines:
        return RuledLines(count, self.b.ruled_line_gap, self.colour("rule"), self.b.rule_width,
                          number_font=self.fonts["bold"] if numbered else None, number_size=self.b.body_size,
                          number_colour=self.colour("muted"), every=every)

    # -- furniture pages ------------------------------------------------------------------------
    def glossary(self, blocks) -> list:
        intro, terms = blocks
        s = self.styles
        groups = [[para(intro.text, s["body"]), Spacer(1, self.b.space_after_paragraph)]]
        for term, definition in terms.items:
            groups.append([KeepTogether([para(term, s["strong"]), para(definition, s["definition"])])])
        return self.balanced(groups, [True] * len(groups))

    def care_team(self, blocks) -> list:
        intro, form = blocks
        s = self.styles
        groups = [[para(intro.text, s["body"]), Spacer(1, self.b.space_after_paragraph)]]
        values = form.values or ((),) * len(form.fields)
        for field, written in zip(form.fields, values):
            lines = RuledLines(len(form.line_labels), self.b.ruled_line_gap, self.colour("rule"), self.b.rule_width,
                               number_font=self.fonts["regular"], number_size=self.b.small_size,
                               number_colour=self.colour("muted"), labels=tuple(form.line_labels),
                               written=tuple(written), written_font=self.fonts["regular"],
                               written_size=self.b.body_size, written_colour=self.colour("text"))
            groups.append([KeepTogether([para(field, s["field"]), lines])])
        return self.balanced(groups, [True] * len(groups))

    def appointments(self, blocks) -> list:
        intro, grid = blocks
        fractions = self.b.appointment_column_widths
        if len(grid.columns) != len(fractions):
            raise fail(grid.columns[0].loc if grid.columns else grid.loc,
                       f"appointment_columns has {len(grid.columns)} labels; the theme's "
                       f"booklet.appointment_column_widths has {len(fractions)} columns")
        return [para(intro.text, self.styles["body"]), Spacer(1, self.b.leading / 2),
                RuledGrid(list(fractions), self.b.ruled_line_gap * 1.6, self.colour("rule"), self.b.rule_width,
                          hints=list(grid.hints), hint_font=self.fonts["regular"], hint_size=self.b.body_size,
                          hint_colour=self.colour("muted"), header=tuple(grid.columns),
                          header_font=self.fonts["bold"], header_colour=self.colour("text"),
                          written=tuple(grid.filled), written_font=self.fonts["regular"],
                          written_size=self.b.body_size)]

    def notes_page(self) -> list:
        """One more page to write on (added to make the page count a multiple of the theme's)."""
        return [PageBreak(), Running(self.doc.pad_title), self.lines(None)]

    def sources(self, blocks) -> list:
        s = self.styles
        intro, entries, *dates, disclaimer = blocks
        listing = ListFlowable([ListItem(para(text, s["item"]), value=number) for number, text in entries.entries],
                               bulletType="1", bulletFormat="[%s]", leftIndent=self.b.bullet_indent * 2,
                               bulletFontName=self.fonts["regular"], bulletFontSize=self.b.body_size,
                               bulletColor=self.colour("text"))
        return [para(intro.text, s["body"]), listing, Spacer(1, self.b.leading / 2),
                *[para(d.text, s[d.role]) for d in dates], Spacer(1, self.b.leading),
                self.box(disclaimer.role, self.box_inner(disclaimer))]
