"""Native tables and charts: editable in PowerPoint, coloured by the template.

A table is one ``a:tbl`` in the template's default table style (header row and banding switched
on); every row exactly as tall as the plan measured, every cell's size, insets and line height
set, and no fill, colour or font of our own. A chart's series take the theme's accent colours
(scheme references, not literal colours); its values are data labels, not gridlines.
"""
from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml import parse_xml
from pptx.util import Emu, Pt

from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.private import element, set_alt_text
from booklet.outputs.deck_pptx.textxml import NS, Text, emu

ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_3, MSO_THEME_COLOR.ACCENT_4,
           MSO_THEME_COLOR.ACCENT_5, MSO_THEME_COLOR.ACCENT_6)


def add_table(slide, plan: dp.TablePlan, area: dp.Box, text: Text, style_id: str, name: str) -> None:
    s = text.s
    heights = (plan.header_height, *plan.row_heights)
    frame = slide.shapes.add_table(1, 1, Emu(emu(area.x)), Emu(emu(area.y)), Emu(emu(area.w)), Emu(emu(sum(heights))))
    frame.name = f"Table: {name}"
    set_alt_text(frame, name)
    widths = [emu(w) for w in plan.col_widths]
    widths[-1] = emu(area.w) - sum(widths[:-1])
    mx, my = emu(float(s.cell_margin_x)), emu(float(s.cell_margin_y))
    old = element(frame).graphic.graphicData.tbl
    xml = [f'<a:tbl {NS}><a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{style_id}</a:tableStyleId></a:tblPr>'
           "<a:tblGrid>", *(f'<a:gridCol w="{w}"/>' for w in widths), "</a:tblGrid>"]
    props = f'<a:tcPr marL="{mx}" marR="{mx}" marT="{my}" marB="{my}" anchor="t"/>'
    for cells, height in zip((plan.header, *plan.rows), heights):
        xml.append(f'<a:tr h="{emu(height)}">')
        for cell, align in zip(cells, plan.align):
            body = text.body([cell], plan.size, marker="none", inset=(float(s.cell_margin_x), float(s.cell_margin_y)),
                             align=align, spacing=float(s.table_line_spacing))
            xml.append(f"<a:tc><a:txBody>{body}</a:txBody>{props}</a:tc>")
        xml.append("</a:tr>")
    old.getparent().replace(old, parse_xml("".join(xml) + "</a:tbl>"))


def add_chart(slide, plan: dp.ChartPlan, area: dp.Box, name: str) -> None:
    """A clustered column chart: values as data labels above the bars, no gridlines, no value axis."""
    fmt = '0"%"' if plan.percent else "General"
    data = CategoryChartData(number_format=fmt)
    data.categories = plan.categories
    for series_name, values in plan.series:
        data.add_series(series_name, values)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Emu(emu(area.x)), Emu(emu(area.y)),
                                   Emu(emu(area.w)), Emu(emu(area.h)), data)
    frame.name = f"Chart: {name}"
    set_alt_text(frame, plan.alt)
    chart = frame.chart
    chart.has_title = False                     # the slide title states what the chart shows
    chart.font.size = Pt(plan.size)
    chart.has_legend = True
    chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 60, -10
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = fmt, False
    labels.show_value, labels.position = True, XL_LABEL_POSITION.OUTSIDE_END
    for series, accent in zip(plot.series, ACCENTS * len(plan.series)):
        series.format.fill.solid()
        series.format.fill.fore_color.theme_color = accent
    axis = chart.value_axis
    axis.minimum_scale = 0
    if plan.percent:
        axis.maximum_scale = 100
    axis.has_major_gridlines = False
    axis.visible = False                        # the data labels carry every value
