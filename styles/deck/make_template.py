"""Make the house template, styles/deck/house.pptx, from styles/theme.yaml and the design below.

    python styles/deck/make_template.py [--styles DIR] [--out FILE]

The design is the boxes of every layout on a 16:9 slide, in points (1/72 in); the colours, font and
text sizes come from the theme, so a change there is one command away from the template. Nothing
is downloaded: the file starts from python-pptx's own default package. Same theme, same bytes
(tests/test_deck_template.py rebuilds the template and compares it with the shipped file).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from booklet.outputs.deck_pptx.house import Design, house_template  # noqa: E402
from booklet.theme import load_theme  # noqa: E402

MARGIN, WIDTH = 48.0, 864.0
DESIGN = Design(
    size=(960.0, 540.0),
    title=(MARGIN, 16.0, WIDTH, 92.0),            # two lines at 32 pt, sitting on the rule
    rule=(MARGIN, 112.0, WIDTH, 2.5),
    body=(MARGIN, 124.0, WIDTH, 356.0),
    left=(MARGIN, 124.0, 420.0, 356.0),
    right=(MARGIN + 444.0, 124.0, 420.0, 356.0),
    footer=(MARGIN, 494.0, 500.0, 28.0),
    dates=(MARGIN + 508.0, 494.0, 290.0, 28.0),
    number=(MARGIN + 806.0, 494.0, 58.0, 28.0),
    cover_band=(0.0, 0.0, 960.0, 290.0),
    cover_title=(MARGIN, 40.0, WIDTH, 230.0),
    cover_subtitle=(MARGIN, 318.0, WIDTH, 168.0),
    section_kicker=(MARGIN, 150.0, WIDTH, 46.0),
    section_title=(MARGIN, 204.0, WIDTH, 180.0),
)


def build(styles: Path) -> bytes:
    return house_template(load_theme(styles), DESIGN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--styles", type=Path, default=HERE.parent, help="folder holding theme.yaml")
    parser.add_argument("--out", type=Path, default=HERE / "house.pptx")
    args = parser.parse_args()
    args.out.write_bytes(build(args.styles))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
