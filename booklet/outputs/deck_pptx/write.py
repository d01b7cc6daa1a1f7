"""Turn the slide plan into PowerPoint slides: placeholders written as XML, native tables and charts,
speaker notes.

Slides come from python-pptx; their title and body placeholders are written as XML (copying each
layout placeholder's ``p:ph``) because setting dozens of properties one by one through python-pptx is
what makes decks slow. Tables and charts are python-pptx's native objects.
"""
from __future__ import annotations


from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.figures import draw_figure
from booklet.outputs.deck_pptx.private import (add_blank_slide, copy_notes, element, set_alt_text, shape_tree,
                                                text_body)
from booklet.outputs.deck_pptx.template import Layout, geometry
from booklet.typeset.escape import attribute as quoteattr, markup as escape

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = f'xmlns:a="{A}" xmlns:p="{P}"'


def _emu(points: float) -> int:
    return round(points * 12700)


def _xfrm(box: dp.Box) -> str:
    return (f'<a:xfrm><a:off x="{_emu(box.x)}" y="{_emu(box.y)}"/>'
            f'<a:ext cx="{_emu(box.w)}" cy="{_emu(box.h)}"/></a:xfrm>')


class Writer:
    def __init__(self, prs, layouts: dict[str, Layout], theme, language: str):
        self.prs, self.layouts, self.s, self.lang = prs, layouts, theme.deck, language
        self.colours = theme.colours
        self.theme = theme
        self._notes, self._count = None, 0

    def slide(self, plan: dp.SlidePlan) -> None:
        role, c, s = self.layouts[plan.layout], self.colours, self.s
        slide = add_blank_slide(self.prs, role.layout)
        tree = shape_tree(slide)
        title = self.body([plan.title], plan.title_size, c.heading)
        shapes = [self.sp("Title", role.title_ph, role.title_box, title)]
        if plan.subtitle:
            box = geometry(self.layouts).cover_subtitle
            shapes.append(self.sp("Subtitle", role.body_ph, box, self.body(plan.subtitle, plan.subtitle_size, c.muted)))
        elif plan.layout == "content":
            shapes.append(self.sp("Content", role.body_ph, role.body_box,
                                  self.body(plan.bullets, plan.body_size, c.text, "t", float(s.paragraph_space), True,
                                            plan.numbered_from)))
        for n, xml in enumerate(shapes, start=2):
            tree.append(parse_xml(xml.replace("__ID__", str(n), 1)))
        if plan.table is not None:
            self.table(slide, plan.table, plan.area)
        if plan.chart is not None:
            self.chart(slide, plan.chart, plan.area)
        if plan.figure is not None:     # native shapes, grouped, with alt text
            draw_figure(tree, plan.figure, plan.area, self.theme, self.lang)
        if plan.footnote:
            xml = self.sp("Note", None, plan.footnote_box,
                          self.body(plan.footnote.split("\n"), float(s.footnote_size), c.muted, "t"))
            tree.append(parse_xml(xml.replace("__ID__", str(len(tree) + 2), 1)))
        if plan.notes:
            self.notes(slide, plan.notes.split("\n"))

    @staticmethod
    def sp(name: str, ph: dict | None, box: dp.Box, body: str) -> str:
        """A title/body placeholder (``ph`` copied from the layout) or, without ``ph``, a text box."""
        nv = ('<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph '
              + " ".join(f"{k}={quoteattr(v)}" for k, v in ph.items()) + "/></p:nvPr>") if ph is not None else \
            '<p:cNvSpPr txBox="1"/><p:nvPr/>'
        geom = "" if ph is not None else '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
        return (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="__ID__" name={quoteattr(name)}/>{nv}</p:nvSpPr>'
                f'<p:spPr>{_xfrm(box)}{geom}</p:spPr><p:txBody>{body}</p:txBody></p:sp>')

    def body(self, paragraphs, size: float, colour: str, anchor: str = "", space: float = 0.0, bullet: bool = False,
             numbered_from: int = 0, bold: bool = False, fixed: bool = True, inset=None, align: str = "") -> str:
        """Inside of a text body: explicit font, size, colour, exact line height and insets; autofit off."""
        s = self.s
        ix, iy = (_emu(v) for v in (inset or (float(s.inset_x), float(s.inset_y))))
        props = (f'<a:bodyPr wrap="square" lIns="{ix}" tIns="{iy}" rIns="{ix}" bIns="{iy}"'
                 f'{f" anchor={quoteattr(anchor)}" if anchor else ""}><a:noAutofit/></a:bodyPr>') if fixed \
            else "<a:bodyPr/>"
        indent = _emu(float(s.bullet_indent)) if bullet else 0
        run = (f'<a:rPr lang={quoteattr(self.lang)} sz="{round(size * 100)}" b="{int(bold)}" i="0" cap="none" '
               'dirty="0">'
               f'<a:solidFill><a:srgbClr val="{colour[1:].upper()}"/></a:solidFill>'
               f'<a:latin typeface={quoteattr(s.font)}/><a:cs typeface={quoteattr(s.font)}/></a:rPr>')
        line = f'<a:lnSpc><a:spcPts val="{round(size * float(s.line_spacing) * 100)}"/></a:lnSpc>' if fixed else ""
        out = [props, "<a:lstStyle/>"]
        for i, text in enumerate(paragraphs):
            gap = (f'<a:spcBef><a:spcPts val="{round(space * 100) if i else 0}"/></a:spcBef>'
                   '<a:spcAft><a:spcPts val="0"/></a:spcAft>') if fixed else ""
            if not bullet:
                mark = "<a:buNone/>"
            elif numbered_from:
                mark = f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="{numbered_from + i}"/>'
            else:
                mark = '<a:buFont typeface="Arial"/><a:buChar char="\u2022"/>'
            runs = f"<a:br>{run}</a:br>".join(f"<a:r>{run}<a:t>{escape(part)}</a:t></a:r>"
                                              for part in str(text).split("\n"))
            algn = f' algn="{align}"' if align else ""
            out.append(f'<a:p><a:pPr marL="{indent}" indent="{-indent}"{algn}>{line}{gap}{mark}</a:pPr>{runs}</a:p>')
        return "".join(out)

    def notes(self, slide, lines: list[str]) -> None:
        """Speaker notes. The first notes page is made by python-pptx (cloning the notes master); the
        others copy it, which is many times faster than cloning the master for every slide."""
        text = self.body(lines, float(self.s.notes_size), self.colours.text, fixed=False)
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

    def table(self, slide, plan: dp.TablePlan, area: dp.Box) -> None:
        """A native table (header row marked first_row) built as one ``a:tbl``: every cell's fill, margins,
        font and exact line height set, every row exactly as tall as the plan measured."""
        s, c = self.s, self.colours
        heights = (plan.header_height, *plan.row_heights)
        frame = slide.shapes.add_table(1, 1, Emu(_emu(area.x)), Emu(_emu(area.y)), Emu(_emu(area.w)),
                                       Emu(_emu(sum(heights))))
        frame.name = f"Table: {plan.caption}"
        set_alt_text(frame, plan.caption)
        widths = [_emu(w) for w in plan.col_widths]
        widths[-1] = _emu(area.w) - sum(widths[:-1])
        mx, my = _emu(float(s.cell_margin_x)), _emu(float(s.cell_margin_y))
        old = element(frame).graphic.graphicData.tbl
        style = old.tblPr.find(qn("a:tableStyleId"))
        xml = [f'<a:tbl {NS}><a:tblPr firstRow="1" bandRow="0">'
               f'{"" if style is None else f"<a:tableStyleId>{style.text}</a:tableStyleId>"}</a:tblPr><a:tblGrid>',
               *(f'<a:gridCol w="{w}"/>' for w in widths), "</a:tblGrid>"]
        for r, (cells, height) in enumerate(zip((plan.header, *plan.rows), heights)):
            fill = c.table_header_fill if r == 0 else (c.table_stripe if r % 2 == 0 else c.background)
            props = (f'<a:tcPr marL="{mx}" marR="{mx}" marT="{my}" marB="{my}" anchor="t"><a:solidFill>'
                     f'<a:srgbClr val="{fill[1:].upper()}"/></a:solidFill></a:tcPr>')
            xml.append(f'<a:tr h="{_emu(height)}">')
            for text, align in zip(cells, plan.align):
                body = self.body([text], float(s.table_size), c.table_header_text if r == 0 else c.text, bold=r == 0,
                                 inset=(float(s.cell_margin_x), float(s.cell_margin_y)), align=align)
                xml.append(f"<a:tc><a:txBody>{body}</a:txBody>{props}</a:tc>")
            xml.append("</a:tr>")
        old.getparent().replace(old, parse_xml("".join(xml) + "</a:tbl>"))

    def chart(self, slide, plan: dp.ChartPlan, area: dp.Box) -> None:
        s, c = self.s, self.colours
        fmt = '0"%"' if plan.percent else "General"
        data = CategoryChartData(number_format=fmt)
        data.categories = plan.categories
        for name, values in plan.series:
            data.add_series(name, values)
        frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Emu(_emu(area.x)), Emu(_emu(area.y)),
                                       Emu(_emu(area.w)), Emu(_emu(area.h)), data)
        frame.name = f"Chart: {plan.title}"
        set_alt_text(frame, plan.alt)
        chart = frame.chart
        chart.has_title = False                     # the slide title names the chart
        chart.font.size, chart.font.name = Pt(float(s.table_size)), s.font
        chart.font.color.rgb = RGBColor.from_string(c.text[1:])
        chart.has_legend = True
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        plot = chart.plots[0]
        plot.gap_width, plot.overlap = 60, -10
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format, labels.number_format_is_linked = fmt, False
        labels.show_value, labels.position = True, XL_LABEL_POSITION.OUTSIDE_END
        for series, colour in zip(plot.series, list(c.chart_series) * len(plan.series)):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(colour[1:])
        axis = chart.value_axis
        axis.minimum_scale = 0
        if plan.percent:
            axis.maximum_scale = 100
        axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = fmt, False
        axis.major_gridlines.format.line.color.rgb = RGBColor.from_string("D9D9D9")


def _replace(body, inner: str) -> None:
    for child in list(body):
        body.remove(child)
    body.extend(list(parse_xml(f"<a:txBody {NS}>{inner}</a:txBody>")))
