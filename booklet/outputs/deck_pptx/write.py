"""Turn the slide plan into PowerPoint slides: placeholders written as XML, native tables and charts,
footers, speaker notes.

Slides come from python-pptx with none of the layout's placeholders copied; the title, body and
footer placeholders are then written as XML (copying each layout placeholder's ``p:ph``), which is
much faster than setting dozens of properties one by one. Text inherits the template's fonts,
colours and bullets (``textxml``). Footers go into the layout's own date, footer and slide-number
placeholders; a layout without them gets small text boxes under its body instead.

Figures: a slide planned with a ``figure`` is drawn by ``booklet/outputs/deck_pptx/figures.py``
(``draw(slide, figure, area, writer)``), when that module exists.
"""
from __future__ import annotations

import importlib

from pptx.oxml import parse_xml

from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.native import add_chart, add_table
from booklet.outputs.deck_pptx.private import add_blank_slide, copy_notes, shape_tree, text_body
from booklet.outputs.deck_pptx.template import Template, geometry
from booklet.outputs.deck_pptx.textxml import NS, Text, shape


def figure_module():
    """The figure drawer, or None while ``figures.py`` does not exist (figure slides are then left out)."""
    try:
        return importlib.import_module("booklet.outputs.deck_pptx.figures")
    except ModuleNotFoundError:
        return None


class Writer:
    def __init__(self, template: Template, theme, language: str, footer: tuple[str, ...], measure=None):
        self.template, self.theme, self.s = template, theme, theme.deck
        self.measure = measure        # the planner's: figure labels are measured as slide text was
        self.prs, self.layouts, self.geo = template.prs, template.layouts, geometry(template)
        self.text = Text(theme.deck, language)
        self.footer = footer
        self._notes, self._count, self.number = None, 0, 0

    def slide(self, plan: dp.SlidePlan) -> None:
        role = self.layouts[plan.layout]
        slide = add_blank_slide(self.prs, role.layout)
        self.number += 1
        shapes = [shape("Title", role.title_ph, None, self.text.body([plan.title], plan.title_size))]
        if plan.subtitle and role.body_ph is not None:
            box = self.geo.cover_subtitle if plan.layout == "title" else None
            shapes.append(shape("Subtitle", role.body_ph, box,
                                self.text.body(plan.subtitle, plan.subtitle_size, marker="none")))
        elif plan.layout == "content":
            shapes.append(shape("Content", role.body_ph, plan.body_box,
                                self.text.body(plan.bullets, plan.body_size, space=float(self.s.paragraph_space),
                                               marker="inherit" if plan.marker == "bullet" else plan.marker,
                                               start=plan.numbered_from or 1, indent=plan.indent)))
        if plan.footnote:
            shapes.append(shape("Note", None, plan.footnote_box,
                                self.text.body(plan.footnote.split("\n"), float(self.s.footnote_size), marker="none",
                                               anchor="b", own=True)))
        if plan.footed:
            shapes += self.footers(role)
        tree = shape_tree(slide)
        for xml in shapes:
            tree.append(parse_xml(xml.replace("__ID__", str(len(tree) + 2), 1)))
        self.content(slide, plan)
        if plan.notes:
            self.notes(slide, plan.notes.split("\n"))

    def content(self, slide, plan: dp.SlidePlan) -> None:
        base = plan.title.split(" (")[0] if plan.part else plan.title
        if plan.table is not None:
            add_table(slide, plan.table, plan.area, self.text, self.template.table_style, plan.table.caption or base)
        if plan.chart is not None:
            add_chart(slide, plan.chart, plan.area, plan.title)
        if plan.figure is not None:
            figures = figure_module()
            if figures is not None:
                figures.draw(slide, plan.figure, plan.area, self)

    def footers(self, role) -> list[str]:
        """The slide's footer, review date and number: in the layout's placeholders where it has them."""
        words = list(self.footer) + ["", ""]
        title, reviewed = words[0], words[1]
        have, out = role.footers, []
        if "dt" not in have:
            title = " \u00b7 ".join(w for w in (title, reviewed) if w)
        for kind, text in (("ftr", title), ("dt", reviewed), ("sldNum", str(self.number))):
            if kind not in have or not text:
                continue
            body = self.text.field("slidenum", text) if kind == "sldNum" else self.text.plain(text)
            out.append(shape({"ftr": "Footer", "dt": "Date", "sldNum": "Slide number"}[kind], have[kind][0], None, body))
        out += self.own_footers(have, title)
        return out

    def own_footers(self, have: dict, title: str) -> list[str]:
        """Text boxes under the body for a layout without footer or number placeholders, where there is room."""
        body, (_, height) = self.geo.body, self.geo.size
        room = height - body.bottom - 4
        size = float(self.s.footer_size)
        if room < size * 1.6:
            return []
        box = dp.Box(body.x, body.bottom + 2, body.w, min(room, size * 2))
        out = []
        if "ftr" not in have and title:
            out.append(shape("Footer", None, box, self.text.body([title], size, marker="none", anchor="ctr", own=True)))
        if "sldNum" not in have:
            out.append(shape("Slide number", None, box, self.text.body([str(self.number)], size, marker="none",
                                                                       anchor="ctr", own=True, align="r")))
        return out

    def notes(self, slide, lines: list[str]) -> None:
        """Speaker notes. The first notes page is made by python-pptx (cloning the notes master); the
        others copy it, which is many times faster than cloning the master for every slide."""
        inner = "".join(f'<a:p>{self.text.run(line, float(self.s.notes_size))}</a:p>' for line in lines)
        text = f"<a:bodyPr/><a:lstStyle/>{inner}"
        if self._notes is None:
            frame = slide.notes_slide.notes_text_frame
            if frame is None:           # a notes master without a body placeholder
                return
            _replace(text_body(frame), text)
            self._notes = slide.notes_slide.part
            self._count = self._notes.partname.idx
            return
        self._count += 1
        element = copy_notes(self._notes, self._count, slide)
        _replace(element.xpath('.//p:sp[p:nvSpPr/p:nvPr/p:ph[@type="body"]]/p:txBody')[0], text)


def _replace(body, inner: str) -> None:
    for child in list(body):
        body.remove(child)
    body.extend(list(parse_xml(f"<a:txBody {NS}>{inner}</a:txBody>")))
