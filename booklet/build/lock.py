"""One build at a time per build folder.

A build (or a personalise run, or the watcher's rebuild) holds an exclusive ``flock`` on a lock file
beside the folder (``.build.lock``) for as long as it writes. A second one waits, saying so once on
stderr with the holder's process id, and gives up with a clear message after ``wait`` seconds. The
lock dies with its process, so a killed build never leaves the folder locked.
"""
from __future__ import annotations

import fcntl
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from booklet.errors import ContentError, Loc, Problem

WAIT_SECONDS = 600.0


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.absolute().name}.lock"


def _writable_parent(out: Path) -> None:
    """The folder that will hold ``out`` exists (made if needed), or a located error that says why not."""
    for folder in [out.parent, *out.parent.parents]:
        if folder.exists() and not folder.is_dir():
            raise ContentError([Problem(Loc(str(folder)), "cannot write the build: this is a file, not a "
                                                          "folder; choose another --out")])
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ContentError([Problem(Loc(str(exc.filename or out.parent)),
                                    f"cannot write the build: {exc.strerror or exc}")]) from None


@contextmanager
def build_lock(out: Path, wait: float = WAIT_SECONDS, poll: float = 0.05):
    """Hold the folder's lock for the ``with`` block; raises ContentError if it stays busy."""
    path = lock_path(out)
    _writable_parent(out)
    try:
        handle = open(path, "a+")
    except OSError as exc:
        raise ContentError([Problem(Loc(str(exc.filename or path)),
                                    f"cannot write the build: {exc.strerror or exc}")]) from None
    with handle:
        if not _try(handle):
            holder = _holder(handle)
            print(f"booklet: waiting for another build of {out} to finish (process {holder})", file=sys.stderr)
            deadline = time.monotonic() + wait
            while not _try(handle):
                if time.monotonic() > deadline:
                    raise ContentError([Problem(Loc(str(out)), f"another build of this folder (process {holder}) "
                                                               f"has been running for over {wait:.0f} s; try again "
                                                               "when it has finished")])
                time.sleep(poll)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _try(handle) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "unknown"
