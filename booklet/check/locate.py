"""The line and column of a word inside a content string, so a rule can point at the offending word.

A ``Text`` knows where its YAML value starts; the word's place is found by reading the file from
there: the n-th occurrence of the matched words in the value is the n-th occurrence in the file
(a folded or quoted value keeps its words in order; line breaks between words may differ, so
whitespace matches any whitespace). Anything unexpected falls back to the value's own location.
"""
from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path

from booklet.errors import Loc
from booklet.load.fields import Text


@functools.lru_cache(maxsize=256)
def _source(path: str) -> tuple[str, tuple[int, ...]]:
    """A file's text and the offset at which each of its lines starts."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "", ()
    return source, (0, *(i + 1 for i, ch in enumerate(source) if ch == "\n"))


def locate(text: Text, start: int, end: int | None = None) -> Loc:
    """The location of ``text[start:end]`` in its file (``end`` defaults to the end of the word)."""
    base = getattr(text, "loc", None)
    if base is None:
        return Loc("?")
    if end is None:
        word = re.match(r"\S+", text[start:])
        end = start + (len(word.group(0)) if word else 0)
    words = text[start:end].split()
    source, starts = _source(base.path)
    if not words or not starts or base.line > len(starts):
        return base
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    nth = sum(1 for m in pattern.finditer(text) if m.start() < start)
    for count, match in enumerate(pattern.finditer(source, starts[base.line - 1] + base.col - 1)):
        if count == nth:
            line = bisect.bisect_right(starts, match.start())
            return Loc(base.path, line, match.start() - starts[line - 1] + 1)
    return base
