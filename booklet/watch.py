"""``booklet watch``: rebuild on every save, keeping the last good build in place.

The content and styles folders are watched (``watchfiles``). Each change reloads the content (only
the files that changed are parsed again), composes every document, and renders only the documents
whose tree, theme or options changed; the booklet itself lays out only the parts that changed
(``booklet.outputs.booklet_pdf``). A rebuild with problems prints them, located, and leaves the build
folder as it was. The artefacts are the bytes a cold build of the same content gives.

A change under the styles folder restarts the watcher in a fresh process: fonts are registered with
reportlab once per process under their file's name, so a font file replaced in place would otherwise
keep its old metrics, and every memo (parsed files, part layouts, glyph checks) starts clean.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from booklet.build import build
from booklet.build.cache import RenderCache
from booklet.errors import ContentError


def rebuild(content: Path, styles: Path, out: Path, names, cache: RenderCache, verify: bool) -> bool:
    """One rebuild; prints what it did and how long it took. False if the content has problems."""
    started = time.perf_counter()
    try:
        built = build(content, styles, out, names, verify=verify, cache=cache)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"watch: {len(error.problems)} problem(s); the last good build in {out} is unchanged", file=sys.stderr)
        return False
    seconds = time.perf_counter() - started
    rendered = ", ".join(cache.misses) or "nothing"
    print(f"watch: rebuilt {out} in {seconds * 1000:.0f} ms (rendered: {rendered}; reused {len(cache.hits)})",
          flush=True)
    if built.coverage is not None:
        print("watch: verified every section, table and chart", flush=True)
    return True


RESTART = 75     # watch() returns this when the styles changed: the caller starts a fresh process


def watch(content: Path, styles: Path, out: Path, names=None, verify: bool = False, stop=None) -> int:
    """Build, then rebuild on every change until interrupted (0), ``stop`` is set (tests, 0), or the
    styles change (``RESTART``)."""
    from watchfiles import watch as changes

    cache = RenderCache()
    listening = False
    try:
        # yield_on_timeout: the first (empty) batch says the watcher is listening; the first build is
        # made only then, so a file saved while it runs is seen and rebuilt
        for changed in changes(content, styles, debounce=40, step=10, stop_event=stop, raise_interrupt=False,
                               rust_timeout=100, yield_on_timeout=True):
            if not listening:
                rebuild(content, styles, out, names, cache, verify)
                print(f"watch: watching {content} and {styles}; Ctrl-C to stop", flush=True)
                listening = True
            if not changed:
                continue
            if any(Path(path).resolve().is_relative_to(styles.resolve()) for _, path in changed):
                print("watch: the styles changed; starting afresh", flush=True)
                return RESTART
            rebuild(content, styles, out, names, cache, verify)
    except KeyboardInterrupt:
        pass
    return 0


def restart() -> None:
    """Replace this process with a new run of the same command (``python -m booklet`` + its arguments)."""
    os.execv(sys.executable, [sys.executable, "-m", "booklet", *sys.argv[1:]])
