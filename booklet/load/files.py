"""Files the content and the styles point at, checked before any renderer sees them.

A picture must really be a PNG or JPEG (by its bytes, not its name), decode completely, and stay
within a pixel budget (a small file can declare a huge image and exhaust memory when decoded). A
font must really be a TrueType or OpenType file that parses. Each check returns None when the file
is usable, else a sentence saying why not, for the caller to place at the YAML line that names it.
"""
from __future__ import annotations

from pathlib import Path

MAX_PIXELS = 40_000_000            # about 6300 x 6300: far more than a printed page needs at 300 dpi
MAX_BYTES = 50 * 1024 * 1024
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def _head(path: Path, size: int) -> tuple[bytes | None, str | None]:
    try:
        with open(path, "rb") as handle:
            return handle.read(size), None
    except IsADirectoryError:
        return None, "is a folder, not a file"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"


def check_image(path: Path) -> str | None:
    head, why = _head(path, 16)
    if why:
        return why
    kind = next((name for magic, name in SIGNATURES.items() if head.startswith(magic)), None)
    if kind is None:
        return "is not a PNG or JPEG picture (its bytes say otherwise, whatever its name)"
    if path.stat().st_size > MAX_BYTES:
        return f"is {path.stat().st_size / 1e6:.0f} MB; pictures must be under {MAX_BYTES // 1_000_000} MB"
    from PIL import Image

    try:
        with Image.open(path) as picture:
            width, height = picture.size
            if width * height > MAX_PIXELS:
                return (f"is {width} x {height} pixels; pictures must have at most {MAX_PIXELS // 1_000_000} "
                        "million pixels (scale it down)")
            picture.load()                        # decode it all: a truncated file fails here
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        return f"is a damaged {kind} file that cannot be decoded ({exc})"
    return None


def check_font(path: Path) -> str | None:
    """The cheap part, at load: the file is there and says it is a font. Whether it parses and has
    the glyphs the content needs is found when it is registered (``booklet.typeset.fonts``)."""
    head, why = _head(path, 4)
    if why:
        return "not found" if not path.exists() else why
    if head not in FONT_SIGNATURES:
        return "is not a TrueType or OpenType font file"
    return None
