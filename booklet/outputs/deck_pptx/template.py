"""The deck's template (the house template, or an institution's .pptx), read before any slide exists.

Each kind of slide gets its layout by NAME (theme ``deck: layouts:``), else by the layout's built-in
type (a renamed "Section Header" still says ``secHead``); a template with neither is an error that
names the template file and the mapping to set. The template is kept as it is: its slide size (4:3
stays 4:3), its boxes, its fonts and colours. Only its own slides are removed. What the plan needs
to measure against (boxes in points, the fonts its theme names, its bullet indent) is read here.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from booklet.errors import ContentError, Loc, Problem
from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.private import drop_all_slides

TYPES = {"title": "title", "section": "secHead", "content": "obj", "two_content": "twoObj", "title_only": "titleOnly"}
REQUIRED = ("title", "section", "content", "title_only")
TITLE_TYPES, BODY_TYPES = ("title", "ctrTitle"), ("body", "obj", "subTitle")
FOOTER_TYPES = ("dt", "ftr", "sldNum")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DEFAULT_TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"   # PowerPoint's "Medium Style 2 - Accent 1"


@dataclass
class Layout:
    layout: object
    title_ph: dict                # attributes of the layout's title <p:ph>, copied to each slide
    title_box: dp.Box
    bodies: list                  # (ph attributes, box) of each body placeholder, in idx order
    footers: dict                 # "dt" | "ftr" | "sldNum" -> (ph attributes, box)

    @property
    def body_ph(self) -> dict | None:
        return self.bodies[0][0] if self.bodies else None

    @property
    def body_box(self) -> dp.Box | None:
        return self.bodies[0][1] if self.bodies else None


@dataclass(frozen=True)
class Template:
    prs: object
    where: str                    # the file to blame (the template, or theme.yaml for python-pptx's default)
    layouts: dict                 # role -> Layout
    fonts: tuple[str, str]        # the theme's (major, minor) latin typefaces
    bullet_indent: float          # the master's first-level bullet indent, points
    table_style: str              # the table style id tables use (the template's default)


def open_template(theme, options):
    """The template with its own slides removed, and the path to blame for problems."""
    chosen = options.deck_template or (theme.folder / theme.deck.template if theme.deck.template else None)
    if chosen is None:
        return _without_slides(Presentation()), str(theme.path)
    where = str(chosen)
    # a file named on the command line is blamed itself; one the styles name, at the line naming it
    named = Loc(where, 0, 0) if options.deck_template else theme.locs.get("deck.template", Loc(where, 0, 0))
    if not Path(chosen).is_file():
        raise ContentError([Problem(named, f"deck template {Path(chosen).name} not found")])
    name = Path(chosen).name
    if not zipfile.is_zipfile(chosen):
        raise ContentError([Problem(named, f"deck template {name} is not a valid .pptx file (not a zip package: "
                                           "damaged, cut short, or another kind of file); save it from PowerPoint as .pptx")])
    try:
        prs = Presentation(str(chosen))
    except Exception as exc:  # python-pptx raises many kinds for a bad package
        raise ContentError([Problem(named, f"deck template {name} is not a valid .pptx file (a zip package, but "
                                           f"not a presentation: {type(exc).__name__}: {exc}); save it from "
                                           "PowerPoint as .pptx")]) from None
    return _without_slides(prs), where


def _without_slides(prs):
    drop_all_slides(prs)
    return prs


def read_template(theme, options) -> Template:
    prs, where = open_template(theme, options)
    layouts = pick_layouts(prs, theme, where)
    return Template(prs, where, layouts, _fonts(prs), _bullet_indent(prs, theme.deck), _table_style(prs))


# -- layouts ----------------------------------------------------------------------------------------
def _placeholders(root) -> list:
    return root.xpath("./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph]")


def _ph(sp) -> dict:
    return dict(sp.xpath("./p:nvSpPr/p:nvPr/p:ph")[0].attrib)


def _kind(sp) -> str:
    return _ph(sp).get("type", "obj")


def _box(sp, master) -> dp.Box | None:
    """A layout placeholder's box in points: its own, else its master placeholder's of the same type."""
    off, ext = sp.xpath("./p:spPr/a:xfrm/a:off"), sp.xpath("./p:spPr/a:xfrm/a:ext")
    if off and ext:
        return dp.Box(*(int(v) / 12700 for v in (off[0].get("x"), off[0].get("y"), ext[0].get("cx"), ext[0].get("cy"))))
    kind = _kind(sp)
    want = "title" if kind in TITLE_TYPES else kind if kind in FOOTER_TYPES else "body"
    base = next((m for m in _placeholders(master) if _kind(m) == want), None)
    return _box(base, master) if base is not None and base is not sp else None


def _find(prs, role: str, name: str):
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    if name in by_name:
        return by_name[name]
    return next((layout for layout in prs.slide_layouts if layout.element.get("type") == TYPES[role]), None)


def _read_layout(layout) -> Layout | None:
    master = layout.slide_master.element
    phs = sorted(_placeholders(layout.element), key=lambda sp: int(_ph(sp).get("idx", 0)))
    title = next((sp for sp in phs if _kind(sp) in TITLE_TYPES), None)
    if title is None or _box(title, master) is None:
        return None
    bodies = [(_ph(sp), _box(sp, master)) for sp in phs if _kind(sp) in BODY_TYPES and _box(sp, master) is not None]
    footers = {_kind(sp): (_ph(sp), _box(sp, master)) for sp in phs
               if _kind(sp) in FOOTER_TYPES and _box(sp, master) is not None}
    return Layout(layout, _ph(title), _box(title, master), bodies, footers)


def pick_layouts(prs, theme, where: str) -> dict[str, Layout]:
    """Each role's layout by name, else by built-in type; errors name the template and the mapping."""
    names, problems, found = theme.deck.layouts, [], {}
    have = ", ".join(f"'{layout.name}'" for layout in prs.slide_layouts)
    for role in TYPES:
        name = getattr(names, role)
        layout = _find(prs, role, name)
        if layout is None:
            if role in REQUIRED:
                problems.append(Problem(Loc(where, 0, 0), (
                    f"no layout for {role.replace('_', ' ')} slides: none is named '{name}' and none has the built-in "
                    f"type '{TYPES[role]}'; name one in {theme.path} under deck: layouts: {role}: (this template "
                    f"has {have})")))
            continue
        read = _read_layout(layout)
        needs_body = role in ("content", "two_content")
        if read is None or (needs_body and not read.bodies):
            if role in REQUIRED:
                what = "a positioned title placeholder" if read is None else "a positioned body placeholder"
                problems.append(Problem(Loc(where, 0, 0), f"layout '{layout.name}' (for {role.replace('_', ' ')} "
                                                          f"slides, deck: layouts: {role}: in {theme.path}) has no {what}"))
            continue
        if role != "two_content" or len(read.bodies) >= 2:
            found[role] = read
    if problems:
        raise ContentError(problems)
    return found


# -- fonts, bullets, table style --------------------------------------------------------------------
def _fonts(prs) -> tuple[str, str]:
    from lxml import etree

    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    major = theme.find(f".//{A}fontScheme/{A}majorFont/{A}latin")
    minor = theme.find(f".//{A}fontScheme/{A}minorFont/{A}latin")
    return (major.get("typeface", "") if major is not None else "", minor.get("typeface", "") if minor is not None else "")


def _bullet_indent(prs, style) -> float:
    """The first-level bullet indent (marL) of the master's body style; the theme's where it gives none."""
    found = prs.slide_master.element.xpath("./p:txStyles/p:bodyStyle/a:lvl1pPr/@marL")
    return int(found[0]) / 12700 if found else float(style.bullet_indent)


def _table_style(prs) -> str:
    from lxml import etree

    try:
        part = prs.part.part_related_by(RT.TABLE_STYLES)
    except KeyError:
        return DEFAULT_TABLE_STYLE
    return etree.fromstring(part.blob).get("def") or DEFAULT_TABLE_STYLE


def geometry(template: Template) -> dp.Geometry:
    layouts = template.layouts
    cover = layouts["title"]
    t = cover.title_box
    height = int(template.prs.slide_height) / 12700
    subtitle = cover.body_box or dp.Box(t.x, t.y + t.h, t.w, max(72.0, height - (t.y + t.h) - 36))
    section = layouts["section"]
    two = layouts.get("two_content")
    content = layouts["content"]
    return dp.Geometry(
        size=(int(template.prs.slide_width) / 12700, height), cover_title=t, cover_subtitle=subtitle,
        section_title=section.title_box, section_kicker=section.body_box, title=content.title_box,
        body=content.body_box, title_only=layouts["title_only"].title_box,
        halves=(two.bodies[0][1], two.bodies[1][1]) if two else None,
        footers={kind: box for kind, (_, box) in content.footers.items()},
        bullet_indent=template.bullet_indent)
