"""Every private reportlab and python-pptx attribute the kit relies on still exists and behaves:
an upgrade of either library that moves one fails here, by name, before it breaks a build.
(The upper version bounds in pyproject.toml exist for the same reason.)"""
from __future__ import annotations

import datetime
import io

from pptx import Presentation
from pptx.util import Inches
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from booklet.outputs.deck_pptx import private as pptx_private
from booklet.outputs.pdf import private as rl_private
from booklet.outputs.pdf.chart import HatchedBarChart

STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)


def test_reportlab_document_timestamp_can_be_fixed():
    canvas = Canvas(io.BytesIO(), invariant=1)
    rl_private.stamp_date(canvas, datetime.datetime(2026, 11, 22, tzinfo=datetime.timezone.utc))
    assert canvas._doc._timeStamp.YMDhms[:3] == (2026, 11, 22)


def test_reportlab_table_row_heights_and_keep_together_height_are_readable():
    table = Table([["a"], ["b\nc"]])
    table.wrap(100, 100)
    assert len(rl_private.row_heights(table)) == 2
    kept = KeepTogether([Spacer(1, 30), Spacer(1, 20)])
    kept.wrapOn(Canvas(io.BytesIO()), 100, 10)      # too tall on purpose: the real height is kept
    assert rl_private.kept_height(kept) == 50


def test_reportlab_word_split_keeps_no_break_spaces_together():
    assert rl_private.words("one two\u00a0three") == ["one", "two\u00a0three"]


def test_reportlab_paragraph_breaks_can_be_remembered():
    para = rl_private.StableParagraph("a few words to wrap over lines " * 5, STYLE)
    first = para.wrap(80, 1000)
    assert para.wrap(80, 1000) == first and para.blPara is not None and para._wrapWidths


def test_reportlab_flowables_reach_their_doc_template_and_a_build_can_end_unsaved():
    seen = []

    class Probe(Spacer):
        def draw(self):
            seen.append(rl_private.doc_template(self.canv))

    class Template(SimpleDocTemplate):
        def _endBuild(self):
            rl_private.end_build_without_saving(self, SimpleDocTemplate)

    buffer = io.BytesIO()
    template = Template(buffer)
    template.build([Probe(1, 1), Paragraph("x", STYLE)])
    assert seen == [template] and buffer.getvalue() == b""       # not saved until we say so
    template.canv.save()
    assert buffer.getvalue().startswith(b"%PDF")


def test_reportlab_bar_chart_still_calls_the_bar_hook_that_hatches_bars():
    from reportlab.graphics.shapes import Group, Line

    def lines(node):
        for child in getattr(node, "contents", []):
            yield from lines(child) if isinstance(child, Group) else [child]

    chart = HatchedBarChart()
    chart.hatchGap, chart.hatchColour, chart.hatchWidth = 3, None, 0.77
    chart.data = [[10, 20], [15, 5]]
    chart.width = chart.height = 100
    hatches = [s for s in lines(chart.draw()) if isinstance(s, Line) and s.strokeWidth == 0.77]
    assert hatches, "VerticalBarChart._makeBar is no longer called: bars would lose their hatching"


def test_python_pptx_slides_can_be_dropped_added_blank_and_given_alt_text():
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0])
    pptx_private.drop_all_slides(prs)
    assert len(prs.slides) == 0
    slide = pptx_private.add_blank_slide(prs, prs.slide_layouts[1])
    assert len(prs.slides) == 1 and len(slide.shapes) == 0
    assert pptx_private.shape_tree(slide) is slide.shapes._spTree
    frame = slide.shapes.add_table(1, 1, Inches(1), Inches(1), Inches(2), Inches(1))
    pptx_private.set_alt_text(frame, "A table")
    assert pptx_private.alt_text(frame) == "A table"
    assert pptx_private.element(frame).graphic.graphicData.tbl is not None


def test_python_pptx_notes_pages_can_be_copied_and_the_package_rels_read():
    prs = Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[1])
    body = pptx_private.text_body(first.notes_slide.notes_text_frame)
    assert body.tag.endswith("txBody")
    second = prs.slides.add_slide(prs.slide_layouts[1])
    element = pptx_private.copy_notes(first.notes_slide.part, 9, second)
    assert element is not None and second.has_notes_slide
    assert b"officeDocument" in pptx_private.package_rels_xml(prs)


def test_python_pptx_generic_parts_can_be_given_new_bytes():
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    prs = Presentation()
    styles = prs.part.part_related_by(RT.TABLE_STYLES)
    pptx_private.set_part_blob(styles, b"<a:tblStyleLst xmlns:a='x' def='{1}'/>")
    out = io.BytesIO()
    prs.save(out)
    again = Presentation(io.BytesIO(out.getvalue()))
    assert again.part.part_related_by(RT.TABLE_STYLES).blob == b"<a:tblStyleLst xmlns:a='x' def='{1}'/>"


def _ttf_canvas():
    from booklet.theme import load_theme
    from booklet.typeset.fonts import register_family
    from conftest import STYLES

    names = register_family(load_theme(STYLES))
    return Canvas(io.BytesIO()), names["regular"], names["bold"]


def test_reportlab_glyph_codes_can_be_given_in_a_fixed_order_and_read():
    canvas, regular, bold = _ttf_canvas()
    rl_private.preassign_glyphs(canvas, [regular, bold], "\u2014\u2610")
    assert [name for name in canvas._doc.fontMapping if name in (regular, bold)] == [regular, bold]
    codes = rl_private.glyph_codes(canvas._doc, "\u2014\u2610")
    before = rl_private.font_snapshot(canvas._doc)
    canvas.setFont(regular, 12)
    canvas.drawString(10, 10, "\u2014\u2610 a")                # already coded: nothing new
    assert rl_private.font_changes(before, rl_private.font_snapshot(canvas._doc)) == []
    canvas.drawString(10, 30, "\u00e9")                         # a first use gives a new code
    assert rl_private.font_changes(before, rl_private.font_snapshot(canvas._doc)) == [(regular, "\u00e9", False)]
    assert rl_private.glyph_codes(canvas._doc, "\u2014\u2610") == codes


def test_reportlab_page_content_can_be_read_and_put_back():
    canvas, regular, _ = _ttf_canvas()
    canvas.setFont(regular, 12)
    canvas.drawString(10, 10, "recorded")
    code, forms = list(canvas._code), list(rl_private.forms_in_use(canvas))
    canvas.showPage()
    rl_private.set_page_content(canvas, code, forms)
    canvas.showPage()
    canvas.save()
    pages = canvas._doc.Pages.pages
    assert len(pages) == 2 and pages[0].stream == pages[1].stream


def test_reportlab_stream_compression_can_be_remembered_and_gives_the_same_bytes():
    import zlib

    from reportlab.pdfbase import pdfdoc

    rl_private.remember_compression()
    data = b"BT /F1 12 Tf (remembered) Tj ET" * 20
    assert pdfdoc.PDFZCompress.encode(data) == zlib.compress(data) == pdfdoc.PDFZCompress.encode(data)


def test_reportlab_plain_text_fragments_are_what_its_parser_makes():
    from booklet.typeset.escape import markup

    for text in ["a  b\n   c", "  lead and trail  ", "no\u00a0break", "\u2014\u2610 \u00e9", "tab\there", "x"]:
        parsed = Paragraph(markup(text), STYLE).frags
        made = rl_private.plain_frags(text, STYLE)
        assert [f.__dict__ for f in made] == [f.__dict__ for f in parsed], text
    assert rl_private.plain_frags("5 < 6 & 7", STYLE) is None       # the parser splits at entities
