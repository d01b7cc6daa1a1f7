"""Make the deck fitter's font width tables (styles/deck/metrics/*.json) from TrueType files.

    python styles/deck/make_metrics.py                      # the two shipped tables, from Debian's fonts
    python styles/deck/make_metrics.py REGULAR.ttf BOLD.ttf FAMILY [NAME ...] --out FILE.json

The shipped tables come from Debian's fonts-crosextra-carlito (Carlito 1.103: Calibri's widths) and
fonts-dejavu-core (DejaVu Sans 2.37: what a viewer without Calibri or Carlito falls back to on Linux).
Only widths are stored, so the build needs neither font installed. An institution whose template
names another font can add a table for it here and list it under ``deck: metrics:`` in theme.yaml.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from booklet.typeset.metrics import make_table  # noqa: E402

SHIPPED = {
    "carlito.json": ("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
                     "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf", "Carlito", ["Calibri", "Carlito"],
                     "Carlito 1.103 (Debian fonts-crosextra-carlito 20220224), metric-compatible with Calibri"),
    "dejavu-sans.json": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                         "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans", ["DejaVu Sans"],
                         "DejaVu Sans 2.37 (Debian fonts-dejavu-core 2.37-6)"),
}


def write(out: Path, regular: str, bold: str, family: str, names: list[str], source: str) -> None:
    table = make_table(Path(regular), Path(bold), family, names, source)
    out.write_text(json.dumps(table, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="REGULAR.ttf BOLD.ttf FAMILY [NAMES it stands for ...]")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not args.files:
        for name, (regular, bold, family, names, source) in SHIPPED.items():
            write(HERE / "metrics" / name, regular, bold, family, names, source)
        return
    if len(args.files) < 3 or args.out is None:
        parser.error("give REGULAR.ttf BOLD.ttf FAMILY [NAMES ...] and --out")
    regular, bold, family, *names = args.files
    write(args.out, regular, bold, family, names or [family], f"{Path(regular).name}, {Path(bold).name}")


if __name__ == "__main__":
    main()
