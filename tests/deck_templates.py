"""A deck template unlike the house one, made with python-pptx for the deck tests."""
from __future__ import annotations

import re
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.util import Inches

INSTITUTION_FONTS = ("Georgia", "Verdana")          # major, minor: fonts the fitter has no width table for
INSTITUTION_COLOURS = {"dk2": "7A1F3D", "accent1": "2E7D32", "accent2": "6A1B9A"}
LOGO_SIZE = (Inches(0.5), Inches(0.25))             # 2:1; a stretched logo would change this ratio


def rename(prs, names: dict[str, str]) -> None:
    for layout in prs.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]


def _theme_part(prs):
    return next(rel.target_part for rel in prs.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))


def make_institution_template(path: Path) -> Path:
    """A 4:3 template unlike the house one: renamed layouts (found only by their built-in types),
    another layout order, Georgia and Verdana as theme fonts, its own colours, a 2:1 logo on the
    master, and a sample slide."""
    prs = Presentation()                                       # python-pptx's default is 4:3
    rename(prs, {"Title Slide": "Cover", "Title and Content": "Text", "Section Header": "Divider",
                  "Title Only": "Heading only", "Two Content": "Side by side"})
    ids = prs.slide_layouts._sldLayoutIdLst
    blank = [e for e, layout in zip(list(ids), prs.slide_layouts) if layout.name == "Blank"][0]
    ids.remove(blank)
    ids.insert(0, blank)                                       # another layout order
    part = _theme_part(prs)
    blob = part.blob.decode()
    major, minor = INSTITUTION_FONTS
    blob = blob.replace('<a:latin typeface="Calibri"/>', f'<a:latin typeface="{major}"/>', 1)
    blob = blob.replace('<a:latin typeface="Calibri"/>', f'<a:latin typeface="{minor}"/>', 1)
    for key, value in INSTITUTION_COLOURS.items():
        blob = re.sub(rf"<a:{key}>.*?</a:{key}>", f'<a:{key}><a:srgbClr val="{value}"/></a:{key}>', blob)
    part._blob = blob.encode()
    logo = path.parent / "logo.png"
    Image.new("RGB", (200, 100), (46, 125, 50)).save(logo)
    holder = prs.slides.add_slide(prs.slide_layouts.get_by_name("Cover"))
    picture = holder.shapes.add_picture(str(logo), Inches(9.45), Inches(0.02), *LOGO_SIZE)   # clear of the title
    rid = prs.slide_master.part.relate_to(picture.part.related_part(picture._element.blip_rId),
                                          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
    picture._element.blipFill.blip.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed", rid)
    prs.slide_master.shapes._spTree.append(picture._element)   # the logo moves to the master
    holder.shapes.title.text = "TEMPLATE SAMPLE SLIDE"
    prs.save(str(path))
    return path
