"""Width tables: a font's advance widths as data, so text can be measured without the font file.

The deck names a font (Calibri) that the kit may not ship; what the fitter needs is only how wide
each character is. A width table is a small JSON file made once from a TrueType file by
``styles/deck/make_metrics.py`` (Carlito has Calibri's widths; DejaVu Sans is the wide stand-in a
viewer without the named font falls back to). Format::

    {"family": "Carlito", "stands_for": ["Calibri", "Carlito"], "source": "...",
     "units_per_em": 2048, "faces": {"regular": {"default": 1038, "widths": {"32": 463, ...}},
                                     "bold": {...}}}

Widths are in font units; a character the table lacks takes the face's ``default`` (its .notdef).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from booklet.errors import ContentError, Loc, Problem

FACES = ("regular", "bold")


@dataclass(frozen=True, eq=False)      # hashed by identity: one object per file (cached)
class WidthTable:
    family: str
    stands_for: tuple[str, ...]     # family names measured by this table (a font and its metric twins)
    path: str
    faces: dict                     # face -> (code point -> width in em, default width in em)

    def unit_width(self, text: str, bold: bool = False) -> float:
        """Width of ``text`` at 1 pt (in points), in the regular or bold face."""
        return _unit_width(self, text, bold)

    def measures(self, family: str) -> bool:
        return family.casefold() in (f.casefold() for f in self.stands_for)


@functools.lru_cache(maxsize=1 << 16)
def _unit_width(table: WidthTable, text: str, bold: bool) -> float:
    widths, default = table.faces["bold" if bold else "regular"]
    return sum(widths.get(ord(ch), default) for ch in text)


def load_table(path: Path) -> WidthTable:
    """The width table at ``path``; a located error (naming the file) when it cannot be read."""
    return _load(str(Path(path).resolve()))


@functools.lru_cache(maxsize=16)
def _load(path: str) -> WidthTable:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        em = float(data["units_per_em"])
        faces = {face: ({int(cp): w / em for cp, w in data["faces"][face]["widths"].items()},
                        data["faces"][face]["default"] / em) for face in FACES}
        return WidthTable(str(data["family"]), tuple(str(f) for f in data["stands_for"]), path, faces)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ContentError([Problem(Loc(path, 0, 0), f"cannot read the font width table ({exc}); "
                                                     "remake it with styles/deck/make_metrics.py")]) from None


def make_table(regular: Path, bold: Path, family: str, stands_for: list[str], source: str) -> dict:
    """A width table (as JSON-ready data) from two TrueType files; characters beyond U+FFFF are left out."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    out: dict = {"family": family, "stands_for": stands_for, "source": source, "faces": {}}
    for face, path in (("regular", regular), ("bold", bold)):
        font = TTFontFile(str(path))
        em = font.unitsPerEm
        out["units_per_em"] = em
        units = {cp: round(w * em / 1000) for cp, w in font.charWidths.items() if 0 < cp <= 0xFFFF}
        out["faces"][face] = {"default": round(font.defaultWidth * em / 1000),
                              "widths": {str(cp): units[cp] for cp in sorted(units)}}
    return out
