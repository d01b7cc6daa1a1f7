"""Render two things at once on a two-core machine, without giving up the error contract.

``in_child(fn)`` forks (POSIX only), runs ``fn`` in the child and returns a function that waits for
the result. The child's ContentError comes back as the same located problems; anything else comes
back as an internal error. Nothing is pickled on the way in (fork copies the parent), only the
result on the way out. Where fork is missing, ``fn`` simply runs in this process.
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

from booklet.errors import ContentError


def in_child(fn: Callable[[], Any]) -> Callable[[], Any]:
    if not hasattr(os, "fork"):
        value = _outcome(fn)
        return lambda: _unwrap(value)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
        os.close(read)
        try:
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(_outcome(fn), pipe)
        finally:
            os._exit(0)
    os.close(write)

    def wait() -> Any:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError("a rendering process ended without a result")
        return _unwrap(pickle.loads(data))
    return wait


def _outcome(fn: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", fn()
    except ContentError as error:
        return "problems", error.problems
    except Exception as error:  # noqa: BLE001 - reported by the parent as an internal error
        return "crash", f"{type(error).__name__}: {error}"


def _unwrap(outcome: tuple[str, Any]) -> Any:
    kind, value = outcome
    if kind == "problems":
        raise ContentError(value)
    if kind == "crash":
        raise RuntimeError(value)
    return value
