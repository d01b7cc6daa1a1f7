"""The QR code that links a printed page to the web edition, as plain data every output draws natively.

segno encodes the address; every output then draws the same dark modules as vector rectangles
(reportlab paths, SVG, Typst), so the code stays sharp at any size and no bitmap is embedded.
"""
from __future__ import annotations

import functools

QUIET = 4   # modules of light margin a scanner needs around the code (the QR standard's quiet zone)


@functools.lru_cache(maxsize=16)
def runs(url: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(modules per side, runs): each run is (column, row, length) of dark modules in one row,
    counted from the top-left corner of the symbol without its quiet zone. Error correction M
    (15% of the code may be dirty or folded and it still scans)."""
    import segno

    matrix = segno.make(str(url), error="m", micro=False).matrix
    found = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                found.append((start, y, x - start))
            else:
                x += 1
    return len(matrix), tuple(found)
