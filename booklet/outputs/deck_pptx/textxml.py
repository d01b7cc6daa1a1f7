"""DrawingML text written as XML: shapes, text bodies, paragraphs and runs.

What the plan measured is written explicitly (size, exact line height, space before, insets,
autofit off), so the file shows what was measured. What the template decides is NOT written:
no font name, no colour, no bullet character, no title alignment. Runs inherit the theme's fonts
and the master's colours and bullets; text boxes of our own (the note under a table) name the
theme's minor font (``+mn-lt``) and a shade of its text colour, never a literal font or colour.
"""
from __future__ import annotations

from booklet.outputs.deck_pptx import plan as dp
from booklet.typeset.escape import attribute as quoteattr, markup as escape

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = f'xmlns:a="{A}" xmlns:p="{P}"'
MUTED = '<a:solidFill><a:schemeClr val="tx1"><a:lumMod val="75000"/><a:lumOff val="25000"/></a:schemeClr></a:solidFill>'
NUMBERING = {"number": "arabicPeriod", "letter": "alphaUcPeriod"}


def emu(points: float) -> int:
    return round(points * 12700)


def xfrm(box: dp.Box) -> str:
    return (f'<a:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
            f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>')


def shape(name: str, ph: dict | None, box: dp.Box | None, body: str) -> str:
    """A placeholder (``ph`` copied from the layout; ``box`` None keeps the layout's position) or, without
    ``ph``, a text box. The id is filled in by the writer (``__ID__``)."""
    if ph is not None:
        nv = ('<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph '
              + " ".join(f"{k}={quoteattr(v)}" for k, v in ph.items()) + "/></p:nvPr>")
        props = f"<p:spPr>{xfrm(box)}</p:spPr>" if box is not None else "<p:spPr/>"
    else:
        nv = '<p:cNvSpPr txBox="1"/><p:nvPr/>'
        props = f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
    return (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="__ID__" name={quoteattr(name)}/>{nv}</p:nvSpPr>'
            f"{props}<p:txBody>{body}</p:txBody></p:sp>")


class Text:
    """Builds text bodies in one language with the theme's spacing and insets."""

    def __init__(self, style, language: str):
        self.s, self.lang = style, language

    def run(self, text: str, size: float, own: bool = False) -> str:
        """A run (a "\\n" in ``text`` is a line break); ``own`` text boxes name the theme font and a muted
        shade of its text colour, placeholders inherit both."""
        look = f'{MUTED}<a:latin typeface="+mn-lt"/><a:cs typeface="+mn-cs"/>' if own else ""
        props = f'<a:rPr lang={quoteattr(self.lang)} sz="{round(size * 100)}" dirty="0">{look}</a:rPr>'
        return f"<a:br>{props}</a:br>".join(f"<a:r>{props}<a:t>{escape(part)}</a:t></a:r>"
                                            for part in str(text).split("\n"))

    def props(self, anchor: str = "", inset=None) -> str:
        ix, iy = (emu(v) for v in (inset or (float(self.s.inset_x), float(self.s.inset_y))))
        return (f'<a:bodyPr wrap="square" lIns="{ix}" tIns="{iy}" rIns="{ix}" bIns="{iy}"'
                f'{f" anchor={quoteattr(anchor)}" if anchor else ""}><a:noAutofit/></a:bodyPr>')

    def paragraph(self, inner: str, size: float, space: float = 0.0, marker: str = "inherit", number: int = 0,
                  align: str = "", indent: float = 0.0, spacing: float = 0.0) -> str:
        """A paragraph with an exact line height and ``space`` points before it. ``marker``: inherit (the
        master's bullet), none, number or letter (numbered from ``number``)."""
        line = f'<a:lnSpc><a:spcPts val="{round(size * (spacing or float(self.s.line_spacing)) * 100)}"/></a:lnSpc>'
        gap = f'<a:spcBef><a:spcPts val="{round(space * 100)}"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>'
        attrs = f' algn="{align}"' if align else ""
        mark = ""
        if marker == "none":
            attrs += ' marL="0" indent="0"'
            mark = "<a:buNone/>"
        elif marker in NUMBERING:
            attrs += f' marL="{emu(indent)}" indent="{-emu(indent)}"' if indent else ""
            mark = f'<a:buFont typeface="+mj-lt"/><a:buAutoNum type="{NUMBERING[marker]}" startAt="{number}"/>'
        return f"<a:p><a:pPr{attrs}>{line}{gap}{mark}</a:pPr>{inner}</a:p>"

    def body(self, paragraphs, size: float, *, space: float = 0.0, marker: str = "inherit", start: int = 1,
             anchor: str = "", own: bool = False, inset=None, align: str = "", indent: float = 0.0,
             spacing: float = 0.0) -> str:
        """A whole text body: properties, an empty list style, one paragraph per item."""
        out = [self.props(anchor, inset), "<a:lstStyle/>"]
        for i, text in enumerate(paragraphs):
            out.append(self.paragraph(self.run(text, size, own), size, space if i else 0.0, marker, start + i, align,
                                      indent, spacing))
        return "".join(out)

    def field(self, kind: str, text: str) -> str:
        """A body holding one field (the slide number), its current text cached for viewers that do not update."""
        return (f'<a:bodyPr/><a:lstStyle/><a:p><a:fld id="{{6A3B6F2E-8C0D-4A57-9B1E-5D2C7F4E1A09}}" type="{kind}">'
                f'<a:rPr lang={quoteattr(self.lang)} dirty="0"/><a:t>{escape(text)}</a:t></a:fld></a:p>')

    def plain(self, text: str) -> str:
        """A body with one paragraph whose looks all come from the template (a footer). The run names the
        theme's minor font: LibreOffice does not inherit a footer's font from the master."""
        return (f'<a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang={quoteattr(self.lang)} dirty="0">'
                f'<a:latin typeface="+mn-lt"/></a:rPr><a:t>{escape(text)}</a:t></a:r></a:p>')
