"""The build folder changes as a whole: readers see the complete old set or the complete new set.

A build stages its complete new folder beside the real one (``.build.stage-<pid>-<n>``): the new
artefacts, hard links to whatever it does not rebuild (other outputs after ``--only``, personal
booklets under ``patients/``), and the manifest. Then one ``renameat2(RENAME_EXCHANGE)`` swaps the two
directories atomically, and the old one is removed. A build killed at any moment (power, Ctrl-C,
SIGKILL, a full disk) leaves the real folder as it was, plus a stage folder that the next build
removes. Where the exchange is not available (not Linux, or a file system without it) the swap
falls back to two renames, with a moment in which the folder is absent but never mixed.
"""
from __future__ import annotations

import ctypes
import itertools
import os
import shutil
from pathlib import Path

from booklet.errors import ContentError, Loc, Problem

_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_count = itertools.count()


def stage_prefix(out: Path) -> str:
    return f".{out.name}.stage-"


class Stage:
    """A new build folder being prepared beside ``out``; ``commit()`` swaps it in."""

    def __init__(self, out: Path):
        self.out = out.absolute()
        self.path = self.out.parent / f"{stage_prefix(self.out)}{os.getpid()}-{next(_count)}"

    def __enter__(self) -> "Stage":
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_stages(self.out)
            self.path.mkdir()
        except OSError as exc:
            raise _cannot_write(exc, self.out) from None
        return self

    def __exit__(self, kind, error, trace) -> None:
        shutil.rmtree(self.path, ignore_errors=True)   # after a commit this is the old folder

    def write(self, artefacts: dict[str, bytes]) -> list[Path]:
        """Write ``{relative path: bytes}`` into the stage, each file flushed to disk; a file whose
        bytes equal the current folder's is hard-linked instead (already on disk: no write, no sync,
        which is most of what a rebuild after a small edit writes)."""
        written = []
        try:
            for relative, data in artefacts.items():
                path = self.path / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                if _same_bytes(self.out / relative, data):
                    _link(self.out / relative, path)
                    written.append(self.out / relative)
                    continue
                with open(path, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                written.append(self.out / relative)
        except OSError as exc:
            raise _cannot_write(exc, self.out) from None
        return written

    def keep(self, skip: set[str]) -> list[str]:
        """Hard-link every top-level entry of the current folder whose name is not in ``skip`` into
        the stage (files and whole trees): what this build does not rebuild stays as it was."""
        kept = []
        if not self.out.is_dir():
            return kept
        for entry in sorted(self.out.iterdir()):
            if entry.name in skip or entry.name.startswith("."):
                continue
            target = self.path / entry.name
            if entry.is_dir():
                shutil.copytree(entry, target, copy_function=_link)
            else:
                _link(entry, target)
            kept.append(entry.name)
        return kept

    def commit(self) -> None:
        """Swap the stage in for ``out`` in one step; the old folder ends up at the stage's path."""
        _sync_dir(self.path)
        try:
            if not self.out.exists():
                os.rename(self.path, self.out)
                self.path.mkdir()                   # so __exit__ has something harmless to remove
            elif not _exchange(self.path, self.out):
                old = self.path.with_name(self.path.name + "-old")
                os.rename(self.out, old)
                os.rename(self.path, self.out)
                os.rename(old, self.path)
        except OSError as exc:
            raise _cannot_write(exc, self.out) from None
        _sync_dir(self.out.parent)


def remove_stale_stages(out: Path) -> None:
    """Stage folders left by builds that were killed: never part of what a reader sees."""
    for stale in out.parent.glob(stage_prefix(out) + "*"):
        shutil.rmtree(stale, ignore_errors=True)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _link(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:                 # another file system, or links not allowed: copy instead
        shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries atomically (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):       # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot; fall back
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def _sync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _cannot_write(exc: OSError, out: Path) -> ContentError:
    where = exc.filename or out
    return ContentError([Problem(Loc(str(where)), f"cannot write the build: {exc.strerror or exc}")])
