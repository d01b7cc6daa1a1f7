"""Performance budget: `make bench`.

Builds the kit several times in fresh processes and prints the median wall time per output and in
total, next to the floor (a bare `import reportlab.platypus, pptx, yaml`), then repeats on the
content multiplied tenfold (generated in a temp folder, never committed) to show how cost grows.
Targets on the 2-core reference machine: whole kit < 3x the floor; tenfold < 10x onefold; the
whole kit with the digital editions at most 1.5x the kit without them (measured side by side); the
web edition renders in under 0.1 s.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


def median(args: list[str], cwd: Path) -> float:
    return statistics.median(timed(args, cwd) for _ in range(RUNS))


def multiply(content: Path, target: Path, factor: int) -> Path:
    """A copy of the content with every section and subtype repeated ``factor`` times (new ids)."""
    shutil.copytree(content, target)
    deck = yaml.safe_load((target / "deck.yaml").read_text())
    extra = []
    for copy in range(2, factor + 1):
        for path in sorted((content / "sections").glob("*.yaml")):
            section = yaml.safe_load(path.read_text())
            section["id"] = f"{section['id']}-x{copy}"
            section["title"] = f"{section['title']} ({copy})"
            if "clinician" in section:
                section["clinician"]["title"] = f"{section['clinician']['title']} ({copy})"
                extra.append(section["id"])
            _dump(section, target / "sections" / f"{path.stem}-x{copy}.yaml")
        for path in sorted((content / "subtypes").glob("*.yaml")):
            subtype = yaml.safe_load(path.read_text())
            subtype["id"] = f"{subtype['id']}-x{copy}"
            _dump(subtype, target / "subtypes" / f"{path.stem}-x{copy}.yaml")
    deck["parts"].append({"title": "More topics", "sections": extra})
    _dump(deck, target / "deck.yaml")
    return target


def _dump(data, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def bench(content: Path, label: str, work: Path) -> dict[str, float]:
    python = sys.executable
    base = [python, "-m", "booklet", "build", "--content", str(content), "--styles", str(ROOT / "styles"),
            "--out", str(work / "out"), "--no-verify"]
    results = {"floor (import only)": median([python, "-c", "import reportlab.platypus, pptx, yaml"], work)}
    for only in ("booklet", "handouts", "deck", "html", "accessible-pdf"):
        results[only] = median(base + ["--only", only], work)
    print_only = [arg for name in PRINT for arg in ("--only", name)]
    # side by side, alternating, so both see the same machine load
    without, with_editions = [], []
    for _ in range(RUNS):
        without.append(timed(base + print_only, work))
        with_editions.append(timed(base, work))
    results["kit without editions"] = statistics.median(without)
    results["whole kit"] = statistics.median(with_editions)
    print(f"\n{label}: median of {RUNS} fresh processes")
    for name, seconds in results.items():
        print(f"  {name:<22} {seconds:6.3f} s")
    print(f"  whole kit / floor      {results['whole kit'] / results['floor (import only)']:6.2f} x")
    print(f"  with editions / without {results['whole kit'] / results['kit without editions']:5.2f} x (target <= 1.5)")
    return results


PRINT = ("booklet", "handouts", "deck")


def in_process(content: Path) -> None:
    """Rendering each digital edition in this process (content loaded and composed once)."""
    sys.path.insert(0, str(ROOT))
    from booklet import compose
    from booklet.build import load_valid
    from booklet.build.options import BuildOptions, build_time
    from booklet.outputs import tagged_pdf, web_html
    from booklet.theme import load_theme

    kit = load_valid(content)
    doc, theme = compose.documents(kit, "booklet")[0], load_theme(ROOT / "styles")
    options = BuildOptions(build_time(kit))
    for name, output in (("html", web_html), ("accessible-pdf", tagged_pdf)):
        output.render(doc, theme, options)          # warm: imports and caches, as in a build
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            output.render(doc, theme, options)
            times.append(time.perf_counter() - started)
        budget = "  (budget 0.1 s)" if name == "html" else ""
        print(f"  render {name:<15} {statistics.median(times):6.3f} s in process{budget}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        one = bench(ROOT / "content", "1x content", work)
        in_process(ROOT / "content")
        big = multiply(ROOT / "content", work / "content10", 10)
        ten = bench(big, "10x content (generated)", work)
        print(f"\n10x / 1x whole kit: {ten['whole kit'] / one['whole kit']:.2f} x (target < 10)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
