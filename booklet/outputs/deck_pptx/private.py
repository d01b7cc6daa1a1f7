"""Every use of python-pptx's private API, in one place (python-pptx >= 1.0.2, < 1.1; see pyproject.toml).

Each function says what it reaches into and why no public API does the job.
tests/test_private_api.py exercises every one, so an upgrade that moves them fails there first.
"""
from __future__ import annotations

import copy

from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart


def drop_all_slides(prs) -> None:
    """Remove a template's own slides: python-pptx can add slides but not delete them, so the slide id
    list (``slides._sldIdLst``) and the relationships are edited directly."""
    slide_ids = prs.slides._sldIdLst
    for sld in list(slide_ids):
        prs.part.drop_rel(sld.rId)
        slide_ids.remove(sld)


def add_blank_slide(prs, layout):
    """A slide on ``layout`` with none of the layout's placeholders copied (``slides.add_slide`` clones
    them all, which we would then have to delete): the presentation part's ``add_slide``."""
    rid, slide = prs.part.add_slide(layout)
    prs.slides._sldIdLst.add_sldId(rid)
    return slide


def shape_tree(slide):
    """The slide's ``p:spTree``, to append shapes written as XML (``shapes._spTree``)."""
    return slide.shapes._spTree


def element(shape):
    """The shape's XML element (``shape._element``)."""
    return shape._element


def set_alt_text(frame, text: str) -> None:
    """Alt text of a graphic frame (table, chart, group): python-pptx has no setter for ``descr``."""
    frame._element.nvGraphicFramePr.cNvPr.set("descr", text)


def alt_text(shape) -> str | None:
    """The ``descr`` of any shape's non-visual properties, or None."""
    found = shape._element.xpath("./*[1]/p:cNvPr/@descr")
    return str(found[0]) if found else None


def text_body(frame):
    """A text frame's ``a:txBody``, to replace its paragraphs in one go (``frame._txBody``)."""
    return frame._txBody


def copy_notes(first_notes_part, number: int, slide):
    """A notes page for ``slide`` copied from an existing one: cloning the notes master for every slide
    (what ``slide.notes_slide`` does) is many times slower. Builds the NotesSlidePart by hand."""
    element = copy.deepcopy(first_notes_part._element)
    part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE,
                          first_notes_part.package, element)
    part.relate_to(first_notes_part.part_related_by(RT.NOTES_MASTER), RT.NOTES_MASTER)
    part.relate_to(slide.part, RT.SLIDE)
    slide.part.relate_to(part, RT.NOTES_SLIDE)
    return element


def package_rels_xml(prs) -> bytes:
    """The package-level relationships (``package._rels``): written by hand with the other parts so
    the zip can carry fixed entry times."""
    return prs.part.package._rels.xml


def set_part_blob(part, blob: bytes) -> None:
    """Replace a generic part's bytes (a theme, the table styles): python-pptx loads them as plain
    ``Part`` objects whose ``blob`` has no setter, so ``_blob`` is written directly."""
    part._blob = blob
