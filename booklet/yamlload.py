"""Load one YAML file into a node tree that remembers where every value came from.

PyYAML's safe loader is used through ``compose`` only: nothing is constructed, so no tag can run
code and every node keeps its ``start_mark``. On top of YAML itself this module rejects what a
content file must never contain: anchors and aliases (an alias bomb is cheap to write and explodes
when walked), explicit tags (``!!python/object``), nesting past a sane depth, and files that are
empty or not UTF-8. Problems are reported, never raised.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from booklet.errors import Loc, Problems

MAX_DEPTH = 32


def loc_of(path: str, mark) -> Loc:
    """PyYAML marks are 0-based; people count from 1."""
    return Loc(path, mark.line + 1, mark.column + 1)


class _StrictComposer(yaml.SafeLoader):
    """A SafeLoader whose composer reports anchors, aliases, tags and deep nesting."""

    def __init__(self, text: str, path: str, problems: Problems):
        super().__init__(text)
        self._path, self._problems, self._depth = path, problems, 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        where = loc_of(self._path, event.start_mark)
        if isinstance(event, AliasEvent):
            self.get_event()
            self._problems.error(where, f"aliases are not allowed (*{event.anchor}); write the value out")
            return yaml.ScalarNode("tag:yaml.org,2002:str", "", event.start_mark, event.end_mark)
        if getattr(event, "anchor", None) is not None:
            self._problems.error(where, f"anchors are not allowed (&{event.anchor}); write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and isinstance(event, (ScalarEvent, CollectionStartEvent)):
            self._problems.error(where, f"tags are not allowed ({tag}); content is plain text, lists and mappings")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(where)
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None and node.tag not in _PLAIN_TAGS:
            node.tag = _default_tag(node)
        return node


class _TooDeep(Exception):
    def __init__(self, where: Loc):
        self.where = where


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _default_tag(node) -> str:
    """Tags are rejected above; give tagged nodes their plain tag so walking them stays safe."""
    if isinstance(node, yaml.MappingNode):
        return "tag:yaml.org,2002:map"
    if isinstance(node, yaml.SequenceNode):
        return "tag:yaml.org,2002:seq"
    return node.tag


def decode_utf8(data: bytes, path: str, problems: Problems) -> str | None:
    """Decode bytes as UTF-8 (a BOM is allowed) or report the first bad byte's line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.error(Loc(path, line, col), f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        return None


def compose_file(path: Path, shown: str, problems: Problems):
    """The root node of a YAML file, or None after reporting why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(Loc(shown), f"cannot read file: {exc.strerror}")
        return None
    text = decode_utf8(data, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.error(Loc(shown), "file is empty")
        return None
    return compose_text(text, shown, problems)


def compose_text(text: str, shown: str, problems: Problems):
    """Compose YAML text; syntax errors become located problems."""
    loader = None
    try:
        loader = _StrictComposer(text, shown, problems)
        node = loader.get_single_node()
    except _TooDeep as deep:
        problems.error(deep.where, f"nesting deeper than {MAX_DEPTH} levels")
        return None
    except yaml.reader.ReaderError as exc:
        problems.error(_position_loc(text, exc.position, shown),
                       f"control character U+{exc.character:04X} is not allowed in content")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = loc_of(shown, mark) if mark else Loc(shown)
        problems.error(where, f"YAML syntax: {exc.problem or exc.context}")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        problems.error(Loc(shown), "file is empty")
    return node


def _position_loc(text: str, position: int, shown: str) -> Loc:
    before = text[:position]
    return Loc(shown, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)
