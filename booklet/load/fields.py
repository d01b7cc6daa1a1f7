"""Typed reading of composed YAML nodes, with every problem located.

A content type is described by a field table (``{"title": TEXT, "rows": list_of(TEXT_LIST)}``);
``Reader.fields`` checks a mapping against it: unknown keys (with a suggestion), missing required
keys, duplicate keys, and each value's type. Scalars are taken from the node's raw text, so YAML 1.1
surprises (``no`` read as False, ``1.10`` as 1.1) are reported instead of silently converted.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable

import yaml

from booklet.errors import Loc, Problems, suggest
from booklet.load.yamltext import FORBIDDEN_IN_TEXT, loc_of

_STR_TAG = "tag:yaml.org,2002:str"
_KIND_NAMES = {
    "tag:yaml.org,2002:bool": "a yes/no value (boolean)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Text(str):
    """A content string that remembers where it was written, and, for a list item written as
    ``{text: ..., applies_to: ...}``, whom it is for (``applies_to``; None: everyone). Only personal
    booklets read ``applies_to``; everything else sees the string."""

    loc: Loc
    applies_to = None

    @classmethod
    def at(cls, value: str, loc: Loc) -> "Text":
        text = cls(value)
        text.loc = loc
        return text


@dataclass(frozen=True)
class Field:
    """How to read one key: a reader function and whether the key must be present."""

    read: Callable[["Reader", Any], Any]
    required: bool = True
    default: Any = None


class Reader:
    """Reads typed values from the nodes of one content file, reporting problems as it goes."""

    def __init__(self, path: str, problems: Problems):
        self.path, self.problems = path, problems

    def loc(self, node) -> Loc:
        return loc_of(self.path, node.start_mark)

    def error(self, node, message: str) -> None:
        self.problems.error(self.loc(node), message)

    # -- mappings ---------------------------------------------------------------------------
    def mapping(self, node, what: str) -> dict[str, tuple[Any, Any]] | None:
        """Key -> (key node, value node) for a mapping node, reporting duplicates and odd keys."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"expected a mapping (key: value) for {what}, found {_shape(node)}")
            return None
        entries: dict[str, tuple[Any, Any]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"keys in {what} must be plain words")
                continue
            key = key_node.value
            if key in entries:
                first = self.loc(entries[key][0])
                self.error(key_node, f"duplicate key '{key}' (first given at line {first.line})")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def fields(self, node, spec: dict[str, Field], what: str) -> dict[str, Any] | None:
        """Read a mapping against a field table; None if the node is not a mapping at all."""
        entries = self.mapping(node, what)
        if entries is None:
            return None
        values: dict[str, Any] = {"loc": self.loc(node)}
        for key, (key_node, _) in entries.items():
            if key not in spec:
                self.error(key_node, f"unknown key '{key}' in {what}{suggest(key, spec)}")
        for key, field in spec.items():
            if key in entries:
                values[key] = field.read(self, entries[key][1])
            elif field.required:
                self.error(node, f"missing required key '{key}' in {what}")
                values[key] = field.default
            else:
                values[key] = field.default
        return values

    # -- scalars ----------------------------------------------------------------------------
    def text(self, node) -> Text | None:
        """A non-empty string written as text (quoted if YAML would read it as something else)."""
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"expected text, found {_shape(node)}")
            return None
        if not node.style:
            kind = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, node.value, (True, False))
            if kind != _STR_TAG:
                self.error(node, f"expected text, but YAML reads '{node.value}' as {_KIND_NAMES.get(kind, kind)};"
                                 f" put it in quotes: \"{node.value}\"")
                return None
        value = node.value.strip()
        if not value:
            self.error(node, "text is empty")
            return None
        bad = FORBIDDEN_IN_TEXT.search(value) if node.style == '"' else None   # only escapes can bring them
        if bad:
            self.error(node, f"control character U+{ord(bad.group()):04X} at character {bad.start() + 1} "
                             "is not allowed")
            return None
        return Text.at(value, self.loc(node))

    def ident(self, node) -> Text | None:
        """An id: lower-case words joined by hyphens."""
        value = self.text(node)
        if value is not None and not ID_PATTERN.match(value):
            self.error(node, f"'{value}' is not a valid id: use lower-case letters, digits and hyphens")
            return None
        return value

    def date(self, node) -> datetime.date | None:
        """A calendar date written YYYY-MM-DD (quoted or not)."""
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"expected a date YYYY-MM-DD, found {_shape(node)}")
            return None
        try:
            return datetime.date.fromisoformat(node.value.strip())
        except ValueError:
            self.error(node, f"expected a date YYYY-MM-DD, found '{node.value}'")
            return None

    def integer(self, node) -> int | None:
        if isinstance(node, yaml.ScalarNode) and not node.style and re.fullmatch(r"\d{1,4}", node.value):
            return int(node.value)
        self.error(node, f"expected a whole number, found {_shape(node)}")
        return None

    def choice(self, node, options: tuple[str, ...]) -> Text | None:
        value = self.text(node)
        if value is not None and value not in options:
            self.error(node, f"'{value}' is not one of: {', '.join(options)}{suggest(value, options)}")
            return None
        return value

    def sequence(self, node, item: Callable[["Reader", Any], Any], what: str = "a list") -> list:
        """A list; items that fail to read are dropped after their problem is reported."""
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"expected {what}, found {_shape(node)}")
            return []
        if not node.value:
            self.error(node, f"{what} is empty")
        values = [item(self, child) for child in node.value]
        return [v for v in values if v is not None]


def _shape(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value else "nothing"



# -- field readers, composable ----------------------------------------------------------------
def TEXT(r: Reader, n):  # noqa: N802 - reads like a type in field tables
    return r.text(n)


def ID(r: Reader, n):  # noqa: N802
    return r.ident(n)


def DATE(r: Reader, n):  # noqa: N802
    return r.date(n)


def INT(r: Reader, n):  # noqa: N802
    return r.integer(n)


def list_of(item: Callable[[Reader, Any], Any], what: str = "a list") -> Callable[[Reader, Any], list]:
    return lambda r, n: tuple(r.sequence(n, item, what))


def one_of(*options: str) -> Callable[[Reader, Any], Any]:
    return lambda r, n: r.choice(n, options)


TEXT_LIST = list_of(TEXT, "a list of text")
ID_LIST = list_of(ID, "a list of ids")
INT_LIST = list_of(INT, "a list of numbers")


def build(cls, r: Reader, node, spec: dict[str, Field], what: str):
    """Read a mapping against ``spec`` and build ``cls``; None if any required value is unusable."""
    values = r.fields(node, spec, what)
    if values is None or any(values[k] is None for k, f in spec.items() if f.required):
        return None
    return cls(**values)


def nested(cls, spec: dict[str, Field], what: str):
    return lambda r, n: build(cls, r, n, spec, what)
