"""Content text made safe for each target language: the only places text meets markup.

No content string is ever markup or code. Every renderer that writes a markup language passes text
through one of these at the single point where the text enters it.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr


def markup(text: str) -> str:
    """Text for reportlab paragraph source or XML character data: &, < and > printed literally."""
    return escape(str(text))


def attribute(text: str) -> str:
    """Text as a quoted XML/HTML attribute value (quotes included)."""
    return quoteattr(str(text))


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def html(text: str) -> str:
    """Text for HTML or inline SVG, as character data or inside a double-quoted attribute value:
    &, <, >, " and ' all become entities, so no content string can open a tag or leave an attribute."""
    return str(text).translate(_HTML)
