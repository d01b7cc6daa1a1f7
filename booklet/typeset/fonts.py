"""The kit's fonts: TrueType files registered once by explicit path, their widths, their glyphs.

One layer for everything that needs a font's metrics: the PDF renderers draw with these faces,
the deck measures slide text with them, ``check`` and preflights ask which characters they can
draw. reportlab's TrueType parser is the one used (it is also what embeds the fonts in the PDFs).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from booklet.errors import ContentError, Loc, Problem, Problems

FACES = ("regular", "bold", "italic", "bold_italic")


@functools.lru_cache(maxsize=None)
def _register(path: str, name: str) -> TTFont:
    font = TTFont(name, path)
    pdfmetrics.registerFont(font)
    return font


def registered(path, loc: Loc | None = None) -> str:
    """The registered name of the TrueType file at ``path`` (its stem), registered once; a file that
    does not parse is a ContentError at ``loc`` (where the styles name it)."""
    path = Path(path)
    try:
        _register(str(path), path.stem)
    except Exception as exc:  # noqa: BLE001 - reportlab raises several kinds for a broken font
        raise ContentError([Problem(loc or Loc(str(path)), f"font file {path.name} cannot be read as a font "
                                                           f"({type(exc).__name__}: {exc}); use another .ttf file")]) from None
    return path.stem


def register_family(theme) -> dict[str, str]:
    """Register the theme's four faces by explicit path (as one family); face -> registered name."""
    names = {face: registered(theme.font_file(face), theme.font_loc(face)) for face in FACES}
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    return names


@functools.lru_cache(maxsize=1 << 16)
def unit_width(text: str, font: str) -> float:
    """Width of ``text`` at 1 pt in a registered font: widths scale linearly with the size."""
    return pdfmetrics.stringWidth(text, font, 1000) / 1000


def width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def measurer(fonts: dict[str, str]):
    """``measure(text, size, bold) -> points`` in the regular or bold face of ``fonts`` (as
    ``register_family`` names them): how a figure's or chart's layout measures its labels."""
    return lambda text, size, bold: width(text, fonts["bold" if bold else "regular"], size)


def covered(font: str) -> frozenset[int]:
    """The code points a registered font has glyphs for."""
    return _covered(font)


@functools.lru_cache(maxsize=16)
def _covered(font: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


@functools.lru_cache(maxsize=16)
def _have(fonts: tuple[str, ...]) -> frozenset[int]:
    return functools.reduce(frozenset.intersection, (covered(f) for f in fonts))


@functools.lru_cache(maxsize=16)
def _drawable(fonts: tuple[str, ...]) -> frozenset[str]:
    # reportlab writes characters beyond U+FFFF into a PDF's ToUnicode map in a form readers cannot
    # decode (<1F16A> instead of a UTF-16 pair), so screen readers and copy-paste would get another
    # character: refuse them as if the font lacked them
    return frozenset(chr(c) for c in _have(fonts) if c <= 0xFFFF) | {"\n", "\t"}


def check_glyphs(texts: Iterable[tuple[str, Loc]], theme, fonts: tuple[str, ...] = ("regular",)) -> Problems:
    """A located error for every string holding a character that the theme's ``fonts`` cannot all draw
    (the first such character of each string)."""
    problems = Problems()
    names = register_family(theme)
    faces = tuple(names[f] for f in fonts)
    have = _have(faces)
    drawable = _drawable(faces)
    seen: set[tuple[str, Loc]] = set()
    for text, loc in texts:
        if drawable.issuperset(text):         # the common case, without a loop in Python
            continue
        if (text, loc) in seen:
            continue
        seen.add((text, loc))
        for offset, ch in enumerate(text):
            if ch not in drawable:
                why = (f"the font {theme.fonts.family} has no glyph for" if ord(ch) <= 0xFFFF or ord(ch) not in have
                       else "PDF readers cannot read back")
                problems.error(loc, f"{why} '{ch}' (U+{ord(ch):04X}) at character {offset + 1}")
                break
    return problems
