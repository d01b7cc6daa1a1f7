"""Load one YAML file into a node tree that remembers where every value came from.

PyYAML's safe loader (libyaml where available) is used through ``compose`` only: nothing is
constructed, so no tag can run code and every node keeps its ``start_mark``. On top of YAML itself this module rejects what a
content file must never contain: anchors and aliases (an alias bomb is cheap to write and explodes
when walked), explicit tags (``!!python/object``), nesting past a sane depth, and files that are
empty or not UTF-8. Problems are reported, never raised.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

from booklet.errors import Loc, Problems

MAX_DEPTH = 32


def loc_of(path: str, mark) -> Loc:
    """PyYAML marks are 0-based; people count from 1."""
    return Loc(path, mark.line + 1, mark.column + 1)


# libyaml (PyYAML's C parser) composes about 25 times faster than the pure-Python one; both are safe.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _forbidden(allowed: str) -> re.Pattern:
    """Control characters (except ``allowed``), surrogates and Unicode noncharacters."""
    controls = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in allowed)
    nonchars = "".join(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
    return re.compile("[" + re.escape(controls + nonchars) + "\ud800-\udfff\ufdd0-\ufdef]")


FORBIDDEN_IN_FILE = _forbidden("\t\n\r")   # line ends of any platform are fine in a file
FORBIDDEN_IN_TEXT = _forbidden("\t\n")      # but a value must not carry escapes like "\x07" or "\r"


def _screen_events(text: str, path: str, problems: Problems) -> bool:
    """Walk the parse events once (linear: aliases are not expanded) and report anchors, aliases,
    tags and deep nesting. True if the text may be composed."""
    clean, depth = True, 0
    for event in yaml.parse(text, Loader=_LOADER):
        where = loc_of(path, event.start_mark)
        if isinstance(event, AliasEvent):
            problems.error(where, f"aliases are not allowed (*{event.anchor}); write the value out")
            clean = False
            continue
        if getattr(event, "anchor", None) is not None:
            problems.error(where, f"anchors are not allowed (&{event.anchor}); write the value out")
            clean = False
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and isinstance(event, (ScalarEvent, CollectionStartEvent)):
            problems.error(where, f"tags are not allowed ({tag}); content is plain text, lists and mappings")
            clean = False
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                problems.error(where, f"nesting deeper than {MAX_DEPTH} levels")
                return False
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return clean


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


_COMPOSED: dict[tuple[str, str], tuple] = {}     # (shown path, sha1 of the bytes) -> (node, problems)


def compose_file(path: Path, shown: str, problems: Problems):
    """The root node of a YAML file, or None after reporting why it cannot be used.

    A file whose bytes were composed before in this process is not composed again (the watcher
    reloads the content on every save; only the files that changed cost anything)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(Loc(shown), f"cannot read file: {exc.strerror}")
        return None
    key = (shown, hashlib.sha1(data).hexdigest())
    if key not in _COMPOSED:
        found = Problems()
        _COMPOSED[key] = (compose_bytes(data, shown, found), found.items)
        if len(_COMPOSED) > 4096:
            _COMPOSED.pop(next(iter(_COMPOSED)))
    node, items = _COMPOSED[key]
    problems.items.extend(items)
    return node


def compose_bytes(data: bytes, shown: str, problems: Problems):
    """The root node of a YAML file's bytes, or None after reporting why they cannot be used."""
    text = decode_utf8(data, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.error(Loc(shown), "file is empty")
        return None
    return compose_text(text, shown, problems)


def compose_text(text: str, shown: str, problems: Problems):
    """Compose YAML text into nodes; every problem becomes a located error and None is returned."""
    bad = FORBIDDEN_IN_FILE.search(text)
    if bad:
        problems.error(_position_loc(text, bad.start(), shown),
                       f"control character U+{ord(bad.group()):04X} is not allowed in content")
        return None
    try:
        if not _screen_events(text, shown, problems):
            return None
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = loc_of(shown, mark) if mark else Loc(shown)
        problems.error(where, f"YAML syntax: {exc.problem or exc.context}")
        return None
    except yaml.YAMLError as exc:  # e.g. a reader error the screen above did not foresee
        problems.error(Loc(shown), f"YAML: {exc}")
        return None
    if node is None:
        problems.error(Loc(shown), "file is empty")
    return node


def _position_loc(text: str, position: int, shown: str) -> Loc:
    before = text[:position]
    return Loc(shown, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)
