"""How full each page of a built PDF is: how far down its text column the ink reaches.

Each page is rendered small and grey with poppler's ``pdftoppm`` (text, rules and drawings alike),
and the lowest row holding ink inside the text column (between the top and bottom margins, so the
running header and the page number do not count) gives the fill: 0.0 for an empty column, 1.0 when
something reaches its foot. Run it as a script to list the pages under a threshold:

    python -m booklet.outputs.pdf.fill build/patient-booklet.pdf [--styles styles] [--under 0.3]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

MM = 72 / 25.4
DPI = 24
INK = 200            # a grey level darker than this is ink (white is 255)


def available() -> bool:
    return shutil.which("pdftoppm") is not None


def page_fill(pdf: Path, top_mm: float, bottom_mm: float) -> list[float]:
    """The fill of every page, in order: the share of the text column above its lowest ink."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), f"{folder}/p"], check=True,
                       capture_output=True, timeout=120)
        fills = []
        for path in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(path) as image:
                fills.append(_fill(image, top_mm, bottom_mm))
        return fills


def _fill(image, top_mm: float, bottom_mm: float) -> float:
    width, height = image.size
    scale = DPI / 72
    top, bottom = round(top_mm * MM * scale), height - round(bottom_mm * MM * scale)
    column = image.crop((0, top, width, bottom)).point(lambda v: 255 if v < INK else 0)
    box = column.getbbox()          # the box around the ink
    return 0.0 if box is None else box[3] / max(bottom - top, 1)


def main(argv=None) -> int:
    from booklet.theme import load_theme

    parser = argparse.ArgumentParser(description="List the pages of a booklet PDF that are less full than --under.")
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--styles", type=Path, default=Path("styles"))
    parser.add_argument("--under", type=float, default=0.30)
    args = parser.parse_args(argv)
    page = load_theme(args.styles).page
    fills = page_fill(args.pdf, page.margin_top_mm, page.margin_bottom_mm)
    low = [(n, f) for n, f in enumerate(fills, start=1) if f < args.under]
    for number, fill in low:
        print(f"page {number}: {fill:.0%} full")
    print(f"{len(fills)} pages, {len(low)} under {args.under:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
