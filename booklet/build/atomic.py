"""Write a set of build artefacts so that a failure leaves the previous build untouched.

Every artefact is rendered to memory first. Then each is written to a temporary file in its final
folder and moved into place with ``os.replace`` (atomic on POSIX); temporary files are removed on
any failure, so nothing half-written or temporary is ever left behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from booklet.errors import ContentError, Loc, Problem


def write_all(outdir: Path, artefacts: dict[str, bytes]) -> list[Path]:
    """Write ``{relative path: bytes}`` under ``outdir``; all temp files first, then all renames."""
    staged: list[tuple[str, Path]] = []
    try:
        for relative, data in artefacts.items():
            final = outdir / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
            staged.append((temp, final))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for temp, final in staged:
            os.replace(temp, final)
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        where = exc.filename or outdir
        raise ContentError([Problem(Loc(str(where)), f"cannot write the build: {exc.strerror or exc}")]) from None
    return [final for _, final in staged]
