"""What the PDF outputs share: safe paragraphs, the registered font family, fixed metadata.

All reportlab paragraph and metadata handling for the kit lives here, so the booklet and the
handouts cannot drift apart in the three things that matter most: every glyph exists (the faces
come from ``booklet.typeset.fonts``), every string is escaped before reportlab sees it, and the same
content gives the same bytes.
"""
from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.platypus import Paragraph

from booklet.typeset import escape, fonts


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
    source = escape.markup(text)
    if refs:
        numbers = ", ".join(str(n) for n in refs)
        source += f'<super><font size="{max(style.fontSize * 0.6, 7):.1f}"> [{numbers}]</font></super>'
    return (StableParagraph if stable else Paragraph)(source, style)


def register_fonts(theme) -> dict[str, str]:
    """Register the theme's four faces by explicit path; returns face -> registered font name."""
    names = fonts.register_family(theme)
    # the canvas would otherwise put a non-embedded Helvetica in every page's resources
    rl_config.canvas_basefontname = names["regular"]
    # streams stay zlib-compressed binary: ASCII85 on top only makes them bigger and slower to write
    rl_config.useA85 = 0
    return names


def colour(theme, name: str) -> HexColor:
    return HexColor(theme.colour(name))


def pdf_info(meta) -> dict:
    """Keyword arguments for reportlab's doc templates: metadata and reproducibility."""
    return dict(title=meta.title, author=meta.author, subject=meta.subject,
                keywords=", ".join(meta.keywords), creator="booklet (patient-education kit builder)",
                lang=meta.language, displayDocTitle=1, invariant=1)


def stamp_date(canv, when) -> None:
    """Date the PDF (CreationDate, ModDate) with the build's fixed time instead of reportlab's
    invariant-mode placeholder, so the metadata is true and two builds still give the same bytes.
    PRIVATE API: reportlab keeps the document's timestamp in ``canvas._doc._timeStamp`` (checked
    by tests/test_private_api.py)."""
    stamp = canv._doc._timeStamp
    stamp.YMDhms = tuple(when.utctimetuple())[:6]
    stamp.dhh = stamp.dmm = 0
