"""Figures on slides as native, editable PowerPoint shapes: one group per figure.

A figure slide is planned with the whole content area, down to the footers (the source numbers at
its foot); when the slide is written, the figure is laid out (``booklet.figures``) at the theme's
deck text size, measured with the deck's own metrics, and every primitive becomes a shape a
clinician can recolour, move or relabel, in the template's own theme colours
(``figures.deck_palette``) and body font: boxes and circles as preset shapes (patterns as pattern
fills, dashes as dashed outlines), lines as connectors with arrowheads, words as text boxes, each
person as a head and a body. The group carries the figure's alt text (``descr``) for screen readers.
"""
from __future__ import annotations

from pptx.oxml import parse_xml

from booklet import figures
from booklet.compose import tree as t
from booklet.errors import fail
from booklet.figures import drawing as d
from booklet.typeset.escape import attribute as quoteattr, markup as escape
from booklet.typeset.measure import Measure

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = f'xmlns:a="{A}" xmlns:p="{P}"'
PATTERNS = {"hatch": "wdUpDiag", "cross": "diagCross", "dots": "pct25"}
FIRST_ID = 1000             # shape ids inside figure groups: far above the few the slide writer numbers
BASELINE = 0.94             # from a text box's top to its first baseline, in font sizes (Calibri, no insets)


def fitted(node: t.Figure, area, theme, measure: Measure) -> d.Drawing:
    """The figure laid out across the area at the deck's text size, smaller (down to the theme's least
    size) where it would be too tall; a located error where even that does not fit. ``measure`` is the
    deck's own (the fitter's), so figure labels are measured as slide text is."""
    looks = theme.figures
    size = float(looks.deck_text_size)
    while size >= float(looks.deck_min_text_size):
        laid = figures.layout(node, area.w, size, measure.width)
        if laid.height <= area.h:
            return laid
        size -= 1
    raise fail(node.loc, f"figure '{node.id}' is too tall for its slide even with {looks.deck_min_text_size} pt "
                         "labels; shorten its words or use fewer steps")


def draw_figure(slide_tree, node: t.Figure, area, theme, language: str, measure: Measure) -> None:
    """Append the figure to the slide's shape tree as one group with alt text, centred in ``area``."""
    laid = fitted(node, area, theme, measure)
    x0, y0 = area.x + (area.w - laid.width) / 2, area.y + (area.h - laid.height) / 2
    shapes = Shapes(theme, language, x0, y0, measure)
    children = "".join(shapes.shape(s) for s in laid.shapes)
    off = f'<a:off x="{_emu(x0)}" y="{_emu(y0)}"/><a:ext cx="{_emu(laid.width)}" cy="{_emu(laid.height)}"/>'
    child = f'<a:chOff x="{_emu(x0)}" y="{_emu(y0)}"/><a:chExt cx="{_emu(laid.width)}" cy="{_emu(laid.height)}"/>'
    xml = (f'<p:grpSp {NS}><p:nvGrpSpPr><p:cNvPr id="{FIRST_ID}" name={quoteattr(f"Figure: {node.title}")} '
           f'descr={quoteattr(node.alt)}/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
           f'<p:grpSpPr><a:xfrm>{off}{child}</a:xfrm></p:grpSpPr>{children}</p:grpSp>')
    slide_tree.append(parse_xml(xml))


def _emu(points: float) -> int:
    return round(points * 12700)


class Shapes:
    """Each primitive as PresentationML, in slide coordinates (the drawing's origin at x0, y0)."""

    def __init__(self, theme, language: str, x0: float, y0: float, measure: Measure):
        self.theme, self.lang, self.x0, self.y0 = theme, language, x0, y0
        self.unit = theme.figures.line_width
        self.measure = measure
        self.next_id = FIRST_ID

    def shape(self, shape) -> str:
        match shape:
            case d.Box():
                return self.sp("Box", "roundRect" if shape.radius else "rect", shape.x, shape.y, shape.w, shape.h,
                               self.fill(shape.fill, shape.pattern, shape.stroke),
                               self.outline(shape.stroke, shape.stroke_width, shape.dash),
                               self.corner(shape.radius, shape.w, shape.h))
            case d.Ellipse():
                return self.sp("Circle", "ellipse", shape.x, shape.y, shape.w, shape.h, self.fill(shape.fill),
                               self.outline(shape.stroke, shape.stroke_width))
            case d.Line():
                return self.line(shape)
            case d.Label():
                return self.label(shape)
            case d.Person():
                return self.person(shape)
        raise TypeError(f"unknown figure shape {shape!r}")

    # -- pieces of XML ----------------------------------------------------------------------------
    def ident(self) -> int:
        self.next_id += 1
        return self.next_id

    def rgb(self, name: str) -> str:
        """The role's colour as one of the template's theme colours (``figures.deck_palette``), never a
        literal: an institution's template recolours the figure as it recolours the rest of the deck."""
        slot, _, lighter = getattr(self.theme.figures.deck_palette, name).partition(" lighter ")
        if not lighter:
            return f'<a:schemeClr val="{slot}"/>'
        share = int(lighter) * 1000
        return f'<a:schemeClr val="{slot}"><a:lumMod val="{100000 - share}"/><a:lumOff val="{share}"/></a:schemeClr>'

    def fill(self, name: str | None, pattern: str | None = None, ink: str | None = None) -> str:
        if pattern:
            return (f'<a:pattFill prst="{PATTERNS[pattern]}"><a:fgClr>{self.rgb(ink or "line")}</a:fgClr>'
                    f'<a:bgClr>{self.rgb(name or "paper")}</a:bgClr></a:pattFill>')
        return f"<a:solidFill>{self.rgb(name)}</a:solidFill>" if name else "<a:noFill/>"

    def outline(self, name: str | None, width: float = 1.0, dash=(), arrow: bool = False) -> str:
        if not name:
            return "<a:ln><a:noFill/></a:ln>"
        dashed = '<a:prstDash val="dash"/>' if dash else ""
        head = '<a:tailEnd type="triangle" w="med" len="med"/>' if arrow else ""
        return f'<a:ln w="{_emu(width * self.unit)}"><a:solidFill>{self.rgb(name)}</a:solidFill>{dashed}{head}</a:ln>'

    @staticmethod
    def corner(radius: float, w: float, h: float) -> str:
        if not radius:
            return "<a:avLst/>"
        return f'<a:avLst><a:gd name="adj" fmla="val {min(50000, round(radius / min(w, h) * 100000))}"/></a:avLst>'

    def xfrm(self, x: float, y: float, w: float, h: float, flips: str = "") -> str:
        return (f'<a:xfrm{flips}><a:off x="{_emu(self.x0 + x)}" y="{_emu(self.y0 + y)}"/>'
                f'<a:ext cx="{_emu(w)}" cy="{_emu(h)}"/></a:xfrm>')

    def sp(self, name: str, geometry: str, x, y, w, h, fill: str, line: str, adjust: str = "<a:avLst/>") -> str:
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.ident()}" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
                f'<p:spPr>{self.xfrm(x, y, w, h)}<a:prstGeom prst="{geometry}">{adjust}</a:prstGeom>{fill}{line}'
                "</p:spPr></p:sp>")

    def line(self, ln: d.Line) -> str:
        flips = (' flipH="1"' if ln.x2 < ln.x1 else "") + (' flipV="1"' if ln.y2 < ln.y1 else "")
        box = self.xfrm(min(ln.x1, ln.x2), min(ln.y1, ln.y2), abs(ln.x2 - ln.x1), abs(ln.y2 - ln.y1), flips)
        return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{self.ident()}" name="{"Arrow" if ln.arrow else "Line"}"/>'
                f'<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{box}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
                f"{self.outline(ln.stroke, ln.stroke_width, ln.dash, ln.arrow)}</p:spPr></p:cxnSp>")

    def label(self, lb: d.Label) -> str:
        width = self.measure.width(lb.text, lb.size, lb.bold) + lb.size * 0.6   # room for a wider viewer font
        x = {"start": lb.x, "middle": lb.x - width / 2, "end": lb.x - width}[lb.anchor]
        align = {"start": "l", "middle": "ctr", "end": "r"}[lb.anchor]
        box = self.xfrm(x, lb.y - BASELINE * lb.size, width, lb.size * 1.25)
        run = (f'<a:rPr lang={quoteattr(self.lang)} sz="{round(lb.size * 100)}" b="{int(lb.bold)}" dirty="0">'
               f'<a:solidFill>{self.rgb(lb.colour)}</a:solidFill><a:latin typeface="+mn-lt"/>'
               '<a:cs typeface="+mn-cs"/></a:rPr>')
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{self.ident()}" name="Label"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
                f'</p:nvSpPr><p:spPr>{box}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
                '<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/>'
                f'</a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{align}"/><a:r>{run}<a:t>{escape(lb.text)}</a:t></a:r>'
                "</a:p></p:txBody></p:sp>")

    def person(self, p: d.Person) -> str:
        (hx, hy, hw, hh), (bx, by, bw, bh), radius = d.person_parts(p)
        fill = self.fill(p.fill) if p.filled else (self.fill("paper", p.pattern, p.stroke) if p.pattern else "<a:noFill/>")
        line = self.outline(p.stroke, 0.9)
        return (self.sp("Head", "ellipse", hx, hy, hw, hh, fill, line)
                + self.sp("Body", "roundRect", bx, by, bw, bh, fill, line, self.corner(radius, bw, bh)))


def draw(slide, node: t.Figure, area, writer) -> None:
    """The writer's hook: the figure drawn on ``slide`` in the planned ``area``."""
    from booklet.outputs.deck_pptx.private import shape_tree

    draw_figure(shape_tree(slide), node, area, writer.theme, writer.text.lang, writer.measure)
