"""What a rebuild can reuse: each artefact's bytes, by what it was drawn from.

A document tree is plain data, so two trees that print the same words in the same structure give
the same bytes. ``fingerprint`` hashes a tree without its source locations (an edit that only moves
lines must not count as a change) together with the theme and the build options; the watcher keeps
a ``RenderCache`` across rebuilds and renders only the documents whose fingerprint changed.
"""
from __future__ import annotations

from booklet.compose.walk import fingerprint, part_print


class RenderCache:
    """Artefact bytes by (output, document name, fingerprint of document, theme and options)."""

    def __init__(self):
        self._theme: tuple[object, str] | None = None     # (the theme, its print)
        self._bytes: dict[tuple[str, str], tuple[str, bytes]] = {}
        self.checked: dict[tuple[str, str], list] = {}     # preflight problems by (output, key)
        self.hits: list[str] = []
        self.misses: list[str] = []

    def theme(self, styles, load):
        """The theme, loaded once per watcher (a change to the styles restarts the watcher)."""
        if self._theme is None:
            theme = load(styles)
            self._theme = (theme, fingerprint(theme.values()))
        return self._theme[0]

    def key(self, doc, theme, options) -> str:
        """The print of a document (or a list of them) with the theme and the options. Each document's
        own print is remembered for this build (the preflight and the render ask for the same ones)."""
        docs = doc if isinstance(doc, list) else [doc]
        known = self._theme is not None and self._theme[0] is theme
        theme_print = self._theme[1] if known else fingerprint(theme.values())
        return fingerprint([part_print(d) for d in docs], theme_print, options)

    def get(self, output, doc, key: str) -> bytes | None:
        found = self._bytes.get((output.NAME, doc.name))
        return found[1] if found is not None and found[0] == key else None

    def put(self, output, doc, key: str, data: bytes) -> None:
        self._bytes[(output.NAME, doc.name)] = (key, data)
