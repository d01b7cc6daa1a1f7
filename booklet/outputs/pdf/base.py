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

from booklet.outputs.pdf.private import StableParagraph, plain_frags, stamp_date   # noqa: F401 - stamp_date re-exported
from booklet.typeset import escape, fonts


def para(text: str, style, refs: tuple[int, ...] = (), stable: bool = False) -> Paragraph:
    """The ONE place where content text becomes a reportlab Paragraph (escaped, never markup).
    ``stable=True`` gives a StableParagraph (faster; the style must not change afterwards)."""
    make = StableParagraph if stable else Paragraph
    if not refs:                          # plain text: the parser's fragments without the parser
        frags = plain_frags(str(text), style)
        if frags is not None:
            return make(escape.markup(text), style, frags=frags)
    source = escape.markup(text)
    if refs:
        numbers = ", ".join(str(n) for n in refs)
        source += f'<super><font size="{max(style.fontSize * 0.6, 7):.1f}"> [{numbers}]</font></super>'
    return make(source, style)


def labelled(label: str, text: str, style, bold_font: str, stable: bool = False) -> Paragraph:
    """"Label: text" with the label in ``bold_font``; both escaped here, like every content string."""
    source = f'<font name="{bold_font}">{escape.markup(label)}</font> {escape.markup(text)}'
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

