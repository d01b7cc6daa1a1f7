"""Content text made safe for each target language: the only places text meets markup.

No content string is ever markup or code. Every renderer that writes a markup language passes text
through one of these at the single point where the text enters it.
"""
from __future__ import annotations

# str.translate, not xml.sax.saxutils: saxutils imports urllib.request and http.client (about 60 ms
# of every cold build) for functions this one line does
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def markup(text: str) -> str:
    """Text for reportlab paragraph source or XML character data: &, < and > printed literally."""
    return str(text).translate(_MARKUP)


_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def attribute(text: str) -> str:
    """Text as a quoted XML attribute value, quotes included (saxutils.quoteattr's rules: double
    quotes unless the text holds one and no single quote; both: double quotes, " as &quot;)."""
    data = str(text).translate(_ATTRIBUTE)
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def html(text: str) -> str:
    """Text for HTML or inline SVG, as character data or inside a double-quoted attribute value:
    &, <, >, " and ' all become entities, so no content string can open a tag or leave an attribute."""
    return str(text).translate(_HTML)
