"""The deck's template: python-pptx's default or an institution's .pptx, checked before any slide exists.

Layouts are picked BY NAME (theme deck.layouts); a missing one is a located error listing the layouts
the template has. The template's own slides are removed, and a template that is not 16:9 (python-pptx's
default is 4:3) is widened: every positioned shape of its masters and layouts is scaled, so the
placeholder boxes the plan measures against are the boxes PowerPoint shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from booklet.errors import ContentError, Loc, Problem
from booklet.outputs.deck_pptx import plan as dp
from booklet.outputs.deck_pptx.private import drop_all_slides

WIDE = (12192000, 6858000)                    # 13.333 x 7.5 in, in EMU
ROLES = ("title", "section", "content", "title_only")
TITLE_TYPES, BODY_TYPES = ("title", "ctrTitle"), ("body", "obj", "subTitle")


@dataclass
class Layout:
    layout: object
    title_ph: dict                # attributes of the layout's title <p:ph>, copied to each slide
    body_ph: dict | None
    title_box: dp.Box
    body_box: dp.Box | None


def open_template(theme, options):
    """The template with its own slides removed and its size 16:9, and the path to blame for problems."""
    chosen = options.deck_template or (theme.folder / theme.deck.template if theme.deck.template else None)
    if chosen is None:
        prs, where = Presentation(), str(theme.folder / "theme.yaml")
    else:
        where = str(chosen)
        if not Path(chosen).is_file():
            raise ContentError([Problem(Loc(where), "deck template not found")])
        try:
            prs = Presentation(str(chosen))
        except Exception as exc:  # python-pptx raises many kinds for a bad package
            raise ContentError([Problem(Loc(where), f"deck template is not a valid .pptx file ({exc})")]) from None
    drop_all_slides(prs)
    if (prs.slide_width, prs.slide_height) != WIDE:
        widen(prs)
    return prs, where


def widen(prs) -> None:
    """Make the slides 16:9, scaling every positioned shape of the masters and layouts to match."""
    sx, sy = WIDE[0] / prs.slide_width, WIDE[1] / prs.slide_height
    roots = [master.element for master in prs.slide_masters]
    roots += [layout.element for master in prs.slide_masters for layout in master.slide_layouts]
    for root in roots:
        for xfrm in root.iter(qn("a:xfrm"), qn("p:xfrm")):
            for child in xfrm:
                if child.tag in (qn("a:off"), qn("a:chOff")):
                    child.set("x", str(round(int(child.get("x")) * sx)))
                    child.set("y", str(round(int(child.get("y")) * sy)))
                elif child.tag in (qn("a:ext"), qn("a:chExt")):
                    child.set("cx", str(round(int(child.get("cx")) * sx)))
                    child.set("cy", str(round(int(child.get("cy")) * sy)))
    prs.slide_width, prs.slide_height = Emu(WIDE[0]), Emu(WIDE[1])


def _placeholders(root) -> list:
    return root.xpath("./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph]")


def _ph(sp) -> dict:
    return dict(sp.xpath("./p:nvSpPr/p:nvPr/p:ph")[0].attrib)


def _box(sp, master) -> dp.Box | None:
    """A layout placeholder's box in points: its own, else its master placeholder's (title or body)."""
    off, ext = sp.xpath("./p:spPr/a:xfrm/a:off"), sp.xpath("./p:spPr/a:xfrm/a:ext")
    if off and ext:
        return dp.Box(*(int(v) / 12700 for v in (off[0].get("x"), off[0].get("y"), ext[0].get("cx"), ext[0].get("cy"))))
    want = "title" if _ph(sp).get("type") in TITLE_TYPES else "body"
    base = next((m for m in _placeholders(master) if _ph(m).get("type", "obj") == want), None)
    return _box(base, master) if base is not None and base is not sp else None


def pick_layouts(prs, style, where: str) -> dict[str, Layout]:
    """Each role's layout BY NAME from theme deck.layouts; located errors before any slide exists."""
    have = {layout.name: layout for layout in prs.slide_layouts}
    problems, found = [], {}
    for role in ROLES:
        name = getattr(style.layouts, role)
        layout = have.get(name)
        if layout is None:
            problems.append(Problem(Loc(where), f"template has no layout '{name}'; it has: {', '.join(have)}"))
            continue
        master = layout.slide_master.element
        phs = sorted(_placeholders(layout.element), key=lambda sp: int(_ph(sp).get("idx", 0)))
        title = next((sp for sp in phs if _ph(sp).get("type") in TITLE_TYPES), None)
        body = next((sp for sp in phs if _ph(sp).get("type", "obj") in BODY_TYPES), None)
        if title is None or _box(title, master) is None:
            problems.append(Problem(Loc(where), f"layout '{name}' has no positioned title placeholder"))
            continue
        if role == "content" and (body is None or _box(body, master) is None):
            problems.append(Problem(Loc(where), f"layout '{name}' has no positioned body placeholder"))
            continue
        found[role] = Layout(layout, _ph(title), _ph(body) if body is not None else None, _box(title, master),
                             _box(body, master) if body is not None else None)
    if problems:
        raise ContentError(problems)
    return found


def geometry(layouts: dict[str, Layout]) -> dp.Geometry:
    cover = layouts["title"]
    t = cover.title_box
    subtitle = cover.body_box or dp.Box(t.x, t.y + t.h, t.w, max(72.0, 540 - (t.y + t.h) - 36))
    return dp.Geometry(t, subtitle, layouts["section"].title_box, layouts["content"].title_box,
                       layouts["content"].body_box, layouts["title_only"].title_box)
