"""A deck as a viewer draws it: LibreOffice converts the .pptx to PDF, poppler reads every word's box
back, and each word is checked against the box of the shape it belongs to.

``convert(pptx, folder, hide=("Carlito",))`` converts with a fontconfig file that rejects the named
families, as on a machine without them (LibreOffice then draws Calibri with DejaVu Sans).
``problems(pptx, pdf)`` lists every word drawn outside the box of every shape whose text holds it
(a bullet running out of its placeholder, a table row grown into the note under it) and every two
words drawn on top of each other. Used by tests/test_deck_render.py.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

SOFFICE, PDFTOTEXT = shutil.which("soffice"), shutil.which("pdftotext")
MARKERS = re.compile(r"^([\u2022\u2013\u25aa\u25cf\u2023-]|[A-Z0-9]{1,2}[.)])$")
LEADING_MARKER = re.compile(r"^[A-Z0-9]{1,2}[.)](?=\S)")     # "A." drawn close to its text reads as one word
EMU = 12700
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SLACK = 2.0                       # points a word may stick out of its box (rounding, side bearings)

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>{patterns}</rejectfont></selectfont>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def available() -> bool:
    return SOFFICE is not None and PDFTOTEXT is not None


def convert(pptx: Path, folder: Path, hide: tuple[str, ...] = ()) -> Path:
    """The PDF LibreOffice makes of ``pptx``, with the font families in ``hide`` made invisible to it."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if hide:
        patterns = "".join(f'<pattern><patelt name="family"><string>{f}</string></patelt></pattern>' for f in hide)
        conf = folder / "fonts.conf"
        conf.write_text(FONTS_CONF.format(patterns=patterns, cache=folder / "fc-cache"))
        env["FONTCONFIG_FILE"] = str(conf)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(pptx)],
                   check=True, capture_output=True, timeout=300, env=env)
    return folder / (pptx.stem + ".pdf")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def core(self) -> tuple[float, float, float, float]:
        """The middle of the word: its ink without side bearings, ascenders and descenders."""
        h = self.y1 - self.y0
        return self.x0 + 0.5, self.y0 + 0.3 * h, self.x1 - 0.5, self.y1 - 0.3 * h


def words(pdf: Path) -> list[tuple[tuple[float, float], list[Word]]]:
    """Per page: (width, height) in points and its words with their boxes."""
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, timeout=120).stdout
    root = ElementTree.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", out))
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        found = [Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                 for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append(((float(page.get("width")), float(page.get("height"))), found))
    return pages


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


@dataclass(frozen=True)
class ShapeBox:
    name: str
    box: tuple[float, float, float, float]      # x0, y0, x1, y1 in points
    text: str                                   # normalised; "*" accepts any word (a chart)


def _flat(shapes, place=lambda x, y, w, h: (x, y, w, h)):
    """(shape, its box on the slide in EMU) for every shape, a group's shapes (a figure's labels) in
    the group's place: a group maps its child extent (chOff, chExt) onto its own (off, ext)."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            xfrm = shape._element.grpSpPr.find(f"{DRAWING}xfrm")
            off, ext = xfrm.find(f"{DRAWING}off"), xfrm.find(f"{DRAWING}ext")
            ch_off, ch_ext = xfrm.find(f"{DRAWING}chOff"), xfrm.find(f"{DRAWING}chExt")
            ox, oy, ow, oh = place(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
            sx, sy = ow / max(1, int(ch_ext.get("cx"))), oh / max(1, int(ch_ext.get("cy")))
            cx, cy = int(ch_off.get("x")), int(ch_off.get("y"))
            yield from _flat(shape.shapes, lambda x, y, w, h, ox=ox, oy=oy, sx=sx, sy=sy, cx=cx, cy=cy:
                             (ox + (x - cx) * sx, oy + (y - cy) * sy, w * sx, h * sy))
        else:
            yield shape, place(shape.left, shape.top, shape.width, shape.height)


def shape_boxes(slide) -> list[ShapeBox]:
    """Every shape that draws text on ``slide`` (inside groups too), with its box (a table's box is its
    rows' total height)."""
    out = []
    drawn = [s for s in (*slide.slide_layout.slide_master.shapes, *slide.slide_layout.shapes) if not s.is_placeholder]
    for shape, (left, top, width, height) in _flat([*drawn, *slide.shapes]):   # layout and master placeholders draw nothing
        x, y = left / EMU, top / EMU
        if getattr(shape, "has_chart", False) and shape.has_chart:
            out.append(ShapeBox(shape.name, (x, y, x + width / EMU, y + height / EMU), "*"))
        elif getattr(shape, "has_table", False) and shape.has_table:
            table = shape.table
            h = sum(row.height for row in table.rows) / EMU
            text = " ".join(c.text for row in table.rows for c in row.cells)
            out.append(ShapeBox(shape.name, (x, y, x + width / EMU, y + h), norm(text)))
        elif shape.has_text_frame and shape.text_frame.text.strip():
            out.append(ShapeBox(shape.name, (x, y, x + width / EMU, y + height / EMU), norm(shape.text_frame.text)))
    return out


def _inside(core, box) -> bool:
    return (core[0] >= box[0] - SLACK and core[2] <= box[2] + SLACK and core[1] >= box[1] - SLACK
            and core[3] <= box[3] + SLACK)


def _overlap(a: Word, b: Word) -> bool:
    ca, cb = a.core(), b.core()
    return min(ca[2], cb[2]) - max(ca[0], cb[0]) > 0.5 and min(ca[3], cb[3]) - max(ca[1], cb[1]) > 0.5


def problems(pptx: Path, pdf: Path) -> list[str]:
    """Every word outside the box of the shapes whose text holds it, and every two overlapping words."""
    prs = Presentation(str(pptx))
    pages = words(pdf)
    found = []
    if len(pages) != len(prs.slides):
        return [f"{len(pages)} PDF pages for {len(prs.slides)} slides"]
    for number, (slide, (_, page)) in enumerate(zip(prs.slides, pages), start=1):
        boxes = shape_boxes(slide)
        for word in page:
            key = norm(LEADING_MARKER.sub("", word.text))
            if not key:
                continue
            holders = [b for b in boxes if b.text == "*" or key in b.text or MARKERS.match(word.text)]
            if not any(_inside(word.core(), b.box) for b in holders):
                where = ", ".join(b.name for b in holders if b.text != "*") or "no shape holds it"
                found.append(f"slide {number}: {word.text!r} at ({word.x0:.0f}, {word.y0:.0f}) is outside its box "
                             f"({where})")
        ordered = sorted(page, key=lambda w: w.y0)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.y0 > a.y1:
                    break
                if _overlap(a, b):
                    found.append(f"slide {number}: {a.text!r} and {b.text!r} overlap at ({a.x0:.0f}, {a.y0:.0f})")
    return found
