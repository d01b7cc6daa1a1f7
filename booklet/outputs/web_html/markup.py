"""Building HTML that cannot be broken by content: every string is escaped unless it is ``Markup``.

``el("p", text)`` escapes ``text`` (through ``booklet.typeset.escape.html``, the one HTML escaping
function); only what ``el`` and ``text`` return is ``Markup`` and passes through as it is. Attribute
values are always escaped and always double-quoted. Nothing else in the web edition writes tags.
"""
from __future__ import annotations

import re

from booklet.typeset.escape import html as _escape

VOID = frozenset({"meta", "input", "br", "link", "img", "col"})
_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*$")   # SVG has camelCase names (viewBox)


class Markup(str):
    """HTML known to be safe: made by ``el`` or ``text`` (or ``join``) from escaped parts."""


def text(value) -> Markup:
    """Plain text as HTML character data."""
    return value if isinstance(value, Markup) else Markup(_escape(value))


def join(parts, separator: str = "") -> Markup:
    return Markup(text(separator).join(text(p) for p in parts))


def el(tag_name: str, /, *children, **attrs) -> Markup:
    """``<name attrs>children</name>``. Attribute names are Python names with ``_`` for ``-`` (a
    trailing ``_`` is dropped: ``class_``); None or False leaves an attribute out, True writes it bare."""
    name = tag_name
    assert _NAME.match(name), name
    out = [f"<{name}"]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        assert _NAME.match(key), key
        out.append(f" {key}" if value is True else f' {key}="{_escape(value)}"')
    out.append(">")
    if name in VOID:
        assert not children, name
        return Markup("".join(out))
    out.extend(text(child) for child in children if child is not None)
    out.append(f"</{name}>")
    return Markup("".join(out))
