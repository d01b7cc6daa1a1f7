"""The house template: a .pptx whose theme, masters and layouts carry the kit's looks.

``styles/deck/make_template.py`` holds the design (the boxes of every layout, in points) and calls
``house_template(theme, design)``; the result is shipped as ``styles/deck/house.pptx`` and named by
``deck: template:`` in theme.yaml, so the deck renderer treats it exactly like an institution's
template: fonts, colours, bullets and the table style all come from the file. Built from
python-pptx's own default package (no network), with fixed metadata and zip times: the same theme
and design give the same bytes (a test rebuilds it and compares).

Layouts: Title Slide, Section Header, Title and Content, Two Content, Title Only and Blank, each
with the master's date, footer and slide-number placeholders.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu

from booklet.outputs.deck_pptx.package import package_bytes
from booklet.outputs.deck_pptx.private import set_part_blob
from booklet.typeset.escape import attribute as quoteattr

NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
TABLE_STYLE = "{7E5A6C2B-3F1D-4B8E-9C41-2B6F0A9D5E13}"
Box = tuple[float, float, float, float]          # x, y, w, h in points
MUTED = '<a:solidFill><a:schemeClr val="tx1"><a:lumMod val="75000"/><a:lumOff val="25000"/></a:schemeClr></a:solidFill>'
ANCHOR = ('<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="{}">'
          '<a:normAutofit/></a:bodyPr>')


@dataclass(frozen=True)
class Design:
    """Where everything sits on a 16:9 slide (points). ``footer`` boxes are date, footer, number."""

    size: tuple[float, float]
    title: Box
    body: Box
    left: Box                   # the two halves of Two Content
    right: Box
    rule: Box                   # the accent rule under content titles
    dates: Box
    footer: Box
    number: Box
    cover_band: Box             # the coloured block behind the cover title
    cover_title: Box
    cover_subtitle: Box
    section_kicker: Box         # "Part 2 of 6"
    section_title: Box


def _emu(points: float) -> int:
    return round(points * 12700)


def _xfrm(box: Box) -> str:
    x, y, w, h = (_emu(v) for v in box)
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def _hex(colour: str) -> str:
    return colour[1:].upper()


class _Shapes:
    """XML for one spTree: placeholders and plain shapes, numbered in order."""

    def __init__(self):
        self.items, self.next_id = [], 2

    def ph(self, name: str, ph: str, box: Box | None, body: str = "<a:bodyPr/>", lst: str = "",
           prompt: str = "", fld: str = "") -> None:
        geom = f"<p:spPr>{_xfrm(box)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>" if box \
            else "<p:spPr/>"
        text = (f'<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="{fld}"><a:rPr lang="en-US"/>'
                f"<a:t>&#8249;#&#8250;</a:t></a:fld>") if fld else f'<a:r><a:rPr lang="en-US"/><a:t>{prompt}</a:t></a:r>'
        self.items.append(f'<p:sp><p:nvSpPr><p:cNvPr id="{self.next_id}" name={quoteattr(name)}/><p:cNvSpPr>'
                          f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>{geom}'
                          f"<p:txBody>{body}<a:lstStyle>{lst}</a:lstStyle><a:p>{text}</a:p></p:txBody></p:sp>")
        self.next_id += 1

    def rect(self, name: str, box: Box, fill: str) -> None:
        self.items.append(f'<p:sp><p:nvSpPr><p:cNvPr id="{self.next_id}" name={quoteattr(name)}/><p:cNvSpPr/>'
                          f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/>'
                          f"</a:prstGeom>{fill}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>")
        self.next_id += 1

    def tree(self, name: str = "", background: str = "") -> str:
        bg = f"<p:bg><p:bgPr>{background}<a:effectLst/></p:bgPr></p:bg>" if background else ""
        return (f'<p:cSld {NS}{f" name={quoteattr(name)}" if name else ""}>{bg}<p:spTree><p:nvGrpSpPr>'
                '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
                '<a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
                + "".join(self.items) + "</p:spTree></p:cSld>")


def _scheme(name: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{name}"/></a:solidFill>'


def _lvl(level: int, size: float, colour: str, font: str, extra: str = "", attrs: str = "", bullet: str = "") -> str:
    return (f"<a:lvl{level}pPr {attrs}>{extra}{bullet or '<a:buNone/>'}<a:defRPr sz=\"{round(size * 100)}\">"
            f'{colour}<a:latin typeface="{font}"/><a:ea typeface="{font.replace("lt", "ea")}"/>'
            f'<a:cs typeface="{font.replace("lt", "cs")}"/></a:defRPr></a:lvl{level}pPr>')


def _footers(shapes: _Shapes, theme, d: Design, colour: str = MUTED) -> None:
    """The date, footer and slide-number placeholders, with their looks repeated from the master (some
    viewers do not inherit a footer's font from the master)."""
    for name, kind, idx, box, algn in (("Date", "dt", 10, d.dates, "r"), ("Footer", "ftr", 11, d.footer, "l"),
                                       ("Slide number", "sldNum", 12, d.number, "r")):
        shapes.ph(name, f'<p:ph type="{kind}" sz="quarter" idx="{idx}"/>', box, ANCHOR.format("ctr"),
                  _lvl(1, theme.deck.footer_size, colour, "+mn-lt", attrs=f'algn="{algn}"'),
                  fld="slidenum" if kind == "sldNum" else "")


def _master(theme, d: Design) -> tuple[str, str]:
    s, muted, anchor = theme.deck, MUTED, ANCHOR
    shapes = _Shapes()
    shapes.ph("Title", '<p:ph type="title"/>', d.title, anchor.format("b"), prompt="Click to edit the title")
    shapes.ph("Text", '<p:ph type="body" idx="1"/>', d.body, anchor.format("t"), prompt="Click to edit the text")
    for name, kind, idx, box, algn in (("Date", "dt", 2, d.dates, "r"), ("Footer", "ftr", 3, d.footer, "l"),
                                       ("Slide number", "sldNum", 4, d.number, "r")):
        lst = _lvl(1, s.footer_size, muted, "+mn-lt", attrs=f'algn="{algn}"')
        shapes.ph(name, f'<p:ph type="{kind}" sz="quarter" idx="{idx}"/>', box, anchor.format("ctr"), lst,
                  fld="slidenum" if kind == "sldNum" else "")
    shapes.rect("Accent rule", d.rule, _scheme("accent1"))
    space = f'<a:spcBef><a:spcPts val="{round(float(s.paragraph_space) * 100)}"/></a:spcBef>'
    indent = _emu(float(s.bullet_indent))
    body = "".join(_lvl(n, size, _scheme("tx1"), "+mn-lt", space,
                        f'marL="{indent * n}" indent="{-indent}" algn="l"',
                        f'<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial"/>'
                        f'<a:buChar char="{mark}"/>')
                   for n, size, mark in ((1, s.body_size, "&#8226;"), (2, s.body_size - 4, "&#8211;"),
                                         (3, s.body_size - 6, "&#8226;")))
    styles = (f"<p:txStyles {NS}><p:titleStyle>"
              + _lvl(1, s.title_size, _scheme("tx2"), "+mj-lt", attrs='algn="l"',
                     extra='<a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef>')
              + f"</p:titleStyle><p:bodyStyle>{body}</p:bodyStyle><p:otherStyle>"
              + _lvl(1, s.body_size, _scheme("tx1"), "+mn-lt", attrs='algn="l"') + "</p:otherStyle></p:txStyles>")
    return shapes.tree(background=_scheme("bg1")), styles


def _layouts(theme, d: Design) -> dict[str, tuple[str, str, str]]:
    """Layout name -> (built-in type, cSld XML, showMasterSp)."""
    s, out = theme.deck, {}
    white = _scheme("bg1")
    cover = _Shapes()
    cover.rect("Cover band", d.cover_band, _scheme("tx2"))
    cover.rect("Cover rule", (d.cover_band[0], d.cover_band[1] + d.cover_band[3], d.cover_band[2], 6),
               _scheme("accent1"))
    cover.ph("Title", '<p:ph type="ctrTitle"/>', d.cover_title, '<a:bodyPr anchor="b"/>',
             _lvl(1, s.cover_title_size, white, "+mj-lt", attrs='algn="l"'), "Click to edit the title")
    cover.ph("Subtitle", '<p:ph type="subTitle" idx="1"/>', d.cover_subtitle, '<a:bodyPr anchor="t"/>',
             _lvl(1, s.subtitle_size, _scheme("tx1"), "+mn-lt", attrs='marL="0" indent="0" algn="l"'),
             "Presenter, institution, date")
    _footers(cover, theme, d)
    out["Title Slide"] = ("title", cover.tree("Title Slide"), "0")
    section = _Shapes()
    section.ph("Part", '<p:ph type="body" idx="1"/>', d.section_kicker, '<a:bodyPr anchor="b"/>',
               _lvl(1, s.subtitle_size, _scheme("bg2"), "+mn-lt", attrs='marL="0" indent="0" algn="l"'), "Part")
    section.ph("Title", '<p:ph type="title"/>', d.section_title, '<a:bodyPr anchor="t"/>',
               _lvl(1, s.section_title_size, white, "+mj-lt", attrs='algn="l"'), "Section title")
    _footers(section, theme, d, _scheme("bg2"))
    out["Section Header"] = ("secHead", section.tree("Section Header", _scheme("tx2")), "0")
    for name, kind, bodies in (("Title and Content", "obj", [("Content", 1, d.body, "")]),
                               ("Two Content", "twoObj", [("Left", 1, d.left, ' sz="half"'),
                                                          ("Right", 2, d.right, ' sz="half"')]),
                               ("Title Only", "titleOnly", []), ("Blank", "blank", None)):
        shapes = _Shapes()
        if bodies is not None:
            shapes.ph("Title", '<p:ph type="title"/>', None, prompt="Click to edit the title")
        for label, idx, box, size in bodies or ():
            shapes.ph(label, f'<p:ph{size} idx="{idx}"/>', box, prompt="Click to add text")
        _footers(shapes, theme, d)
        out[name] = (kind, shapes.tree(name), "1")
    return out


def _theme_xml(default: bytes, theme) -> bytes:
    c, font = theme.colours, theme.deck.font
    root = etree.fromstring(default)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root.set("name", "Booklet house")
    series = list(c.chart_series) + [c.heading, c.muted]
    colours = {"dk1": c.text, "lt1": c.background, "dk2": c.heading, "lt2": c.accent_light,
               **{f"accent{n}": series[n - 1] for n in range(1, 7)}, "hlink": c.accent, "folHlink": c.heading}
    scheme = root.find(f"{a}themeElements/{a}clrScheme")
    scheme.set("name", "Booklet house")
    for child in list(scheme):
        scheme.remove(child)
    for key, value in colours.items():
        etree.SubElement(etree.SubElement(scheme, f"{a}{key}"), f"{a}srgbClr").set("val", _hex(value))
    fonts = root.find(f"{a}themeElements/{a}fontScheme")
    fonts.set("name", "Booklet house")
    for group in ("majorFont", "minorFont"):
        element = fonts.find(f"{a}{group}")
        for child in list(element):
            element.remove(child)
        for script in ("latin", "ea", "cs"):
            etree.SubElement(element, f"{a}{script}").set("typeface", font if script == "latin" else "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _table_styles(theme) -> bytes:
    """One table style, the default: header row in the heading colour, light stripes, thin rules."""
    c = theme.colours
    line = (f'<a:ln w="9525"><a:solidFill><a:srgbClr val="{_hex(c.rule)}"/></a:solidFill></a:ln>')
    borders = "".join(f"<a:{side}>{line}</a:{side}>" for side in ("left", "right", "top", "bottom", "insideH",
                                                                   "insideV"))
    text = '<a:fontRef idx="minor"><a:prstClr val="black"/></a:fontRef>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:tblStyleLst '
            f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{TABLE_STYLE}">'
            f'<a:tblStyle styleId="{TABLE_STYLE}" styleName="Booklet house">'
            f'<a:wholeTbl><a:tcTxStyle>{text}<a:schemeClr val="dk1"/></a:tcTxStyle><a:tcStyle><a:tcBdr>{borders}'
            f'</a:tcBdr><a:fill>{_scheme("lt1")}</a:fill></a:tcStyle></a:wholeTbl>'
            f'<a:band1H><a:tcStyle><a:tcBdr/><a:fill><a:solidFill><a:srgbClr val="{_hex(c.table_stripe)}"/>'
            f"</a:solidFill></a:fill></a:tcStyle></a:band1H>"
            f'<a:firstRow><a:tcTxStyle b="on">{text}<a:srgbClr val="{_hex(c.table_header_text)}"/></a:tcTxStyle>'
            f'<a:tcStyle><a:tcBdr/><a:fill><a:solidFill><a:srgbClr val="{_hex(c.table_header_fill)}"/></a:solidFill>'
            f"</a:fill></a:tcStyle></a:firstRow></a:tblStyle></a:tblStyleLst>").encode()


def house_template(theme, design: Design) -> bytes:
    """The house template's bytes, from the theme's colours, font and sizes and the design's boxes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = (Emu(_emu(v)) for v in design.size)
    master = prs.slide_master
    tree, styles = _master(theme, design)
    element = master.element
    element.replace(element.find(qn("p:cSld")), parse_xml(tree))
    element.replace(element.find(qn("p:txStyles")), parse_xml(styles))
    wanted = _layouts(theme, design)
    for layout in list(master.slide_layouts):
        if layout.name not in wanted:
            master.slide_layouts.remove(layout)
    for layout in master.slide_layouts:
        kind, tree, show = wanted[layout.name]
        layout.element.set("type", kind)
        layout.element.set("showMasterSp", show)
        layout.element.replace(layout.element.find(qn("p:cSld")), parse_xml(tree))
    theme_part = master.part.part_related_by(RT.THEME)
    set_part_blob(theme_part, _theme_xml(theme_part.blob, theme))
    set_part_blob(prs.part.part_related_by(RT.TABLE_STYLES), _table_styles(theme))
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "Booklet house template", "booklet", "booklet"
    props.created = props.modified = datetime.datetime(2026, 1, 1)
    props.revision, props.subject, props.keywords, props.comments = 1, "", "", ""
    return package_bytes(prs)
