"""What the PDF outputs share: the embedded TrueType family, safe paragraphs, fixed metadata.

All reportlab font and markup handling for the kit lives here, so the booklet and the handouts
cannot drift apart in the three things that matter most: every glyph exists, every string is
escaped before reportlab sees it, and the same content gives the same bytes.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from booklet import model as m
from booklet.errors import Problems
from booklet.load.fields import Text
from booklet.theme import Theme

FACES = ("regular", "bold", "italic", "bold_italic")
PAGE_SIZES = {"letter": letter, "a4": A4}


def safe(text: str) -> str:
    """Content text as reportlab paragraph source: every &, < and > printed literally, nothing read as markup."""
    return escape(str(text))


class StableParagraph(Paragraph):
    """A Paragraph that remembers its line breaks per width. Platypus wraps the same paragraph
    several times (keep-together groups, tables, page splits); the breaks cannot change while the
    style does not, so only use it for styles that are not changed after the paragraph is made."""

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == availWidth:
            self.width, self.height, self.blPara, self._wrapWidths = memo[1]
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._memo = (availWidth, (self.width, self.height, self.blPara, self._wrapWidths))
        return size


def para(text: str, style, refs: tuple[int, ...] = (), stable: bool = False) -> Paragraph:
    """The ONE place where content text becomes a reportlab Paragraph (escaped, never markup).
    ``stable=True`` gives a StableParagraph (faster; the style must not change afterwards)."""
    source = safe(text)
    if refs:
        numbers = ", ".join(str(n) for n in refs)
        source += f'<super><font size="{max(style.fontSize * 0.6, 7):.1f}"> [{numbers}]</font></super>'
    return (StableParagraph if stable else Paragraph)(source, style)


@functools.lru_cache(maxsize=None)
def _register(path: str, name: str) -> TTFont:
    font = TTFont(name, path)
    pdfmetrics.registerFont(font)
    return font


def registered(path) -> str:
    """The reportlab name of the TrueType file at ``path`` (its stem), registered once by explicit path."""
    path = Path(path)
    _register(str(path), path.stem)
    return path.stem


@functools.lru_cache(maxsize=1 << 16)
def unit_width(text: str, font: str) -> float:
    """Width of ``text`` at 1 pt in a registered font: widths scale linearly with the size."""
    return pdfmetrics.stringWidth(text, font, 1000) / 1000


def register_fonts(theme: Theme) -> dict[str, str]:
    """Register the theme's four faces by explicit path; returns face -> registered font name."""
    names = {face: registered(theme.font_file(face)) for face in FACES}
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    # the canvas would otherwise put a non-embedded Helvetica in every page's resources
    rl_config.canvas_basefontname = names["regular"]
    # streams stay zlib-compressed binary: ASCII85 on top only makes them bigger and slower to write
    rl_config.useA85 = 0
    return names


def page_size(theme: Theme) -> tuple[float, float]:
    return PAGE_SIZES[str(theme.page.size).lower()]


def colour(theme: Theme, name: str) -> HexColor:
    return HexColor(getattr(theme.colours, name))


def texts(value) -> Iterator[Text]:
    """Every located content string inside a model object (dataclasses, tuples, dicts)."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from texts(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)


def check_glyphs(kit: m.Kit, theme: Theme) -> Problems:
    """A located error for every content character that no face of the theme's font can draw."""
    problems = Problems()
    register_fonts(theme)
    regular = theme.font_file("regular")
    covered = set(_register(str(regular), regular.stem).face.charToGlyph)
    drawable = {chr(c) for c in covered} | {"\n", "\t"}
    for text in texts(kit):
        if drawable.issuperset(text):   # the common case, without a loop in Python
            continue
        for offset, ch in enumerate(text):
            if ord(ch) not in covered and ch not in "\n\t":
                problems.error(text.loc, f"the font {theme.fonts.family} has no glyph for "
                                         f"'{ch}' (U+{ord(ch):04X}) at character {offset + 1}")
                break
    return problems


def pdf_info(doc_meta, build_time, title: str) -> dict:
    """Keyword arguments for reportlab's doc templates: metadata and reproducibility."""
    return dict(title=title, author=doc_meta.author, subject=doc_meta.subject,
                keywords=", ".join(doc_meta.keywords), creator="booklet (patient-education kit builder)",
                lang=doc_meta.language, displayDocTitle=1, invariant=1)


def stamp_date(canv, when) -> None:
    """Date the PDF (CreationDate, ModDate) with the build's fixed time instead of reportlab's
    invariant-mode placeholder, so the metadata is true and two builds still give the same bytes."""
    stamp = canv._doc._timeStamp
    stamp.YMDhms = tuple(when.utctimetuple())[:6]
    stamp.dhh = stamp.dmm = 0
