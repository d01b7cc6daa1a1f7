"""Cold builds in fresh processes, measured side by side (alternating) so both sides see the same
machine load: the import floor, the print set, the whole kit with the digital editions, and the
whole kit on tenfold content with its peak memory. Used by ``tests/bench.py``."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import reportlab.platypus, pptx, yaml"]
PRINT = ("booklet", "handouts", "deck")


def run(args: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB, the process and the children it waited for)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return seconds, usage.ru_maxrss


def side_by_side(commands: dict[str, list[str]], cwd: Path, runs: int) -> dict[str, tuple[float, int]]:
    """Each command ``runs`` times, interleaved; median seconds and the largest peak memory of each."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for name, args in commands.items():          # one untimed run each: the disk cache is warm for all
        run(args, cwd)
    for _ in range(runs):
        for name, args in commands.items():
            seconds, peak = run(args, cwd)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in commands}


def build_command(content: Path, out: Path, only: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-m", "booklet", "build", "--content", str(content), "--styles", str(ROOT / "styles"),
            "--out", str(out), "--no-verify", *(arg for name in only for arg in ("--only", name))]


def cold(work: Path, runs: int) -> dict[str, tuple[float, int]]:
    """The floor, the print set (booklet, handouts, deck) and the whole kit (with the editions)."""
    content = ROOT / "content"
    return side_by_side({"import floor": FLOOR,
                         "print set": build_command(content, work / "a", PRINT),
                         "whole kit": build_command(content, work / "b")}, work, runs)


def tenfold(work: Path, runs: int) -> dict[str, tuple[float, int]]:
    """The whole kit on the content and on the content multiplied tenfold (generated, never committed)."""
    big = multiply(ROOT / "content", work / "content10", 10)
    return side_by_side({"whole kit 1x": build_command(ROOT / "content", work / "c"),
                         "whole kit 10x": build_command(big, work / "d")}, work, runs)


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
            subtype["name"] = f"{subtype['name']} ({copy})"
            _dump(subtype, target / "subtypes" / f"{path.stem}-x{copy}.yaml")
    deck["parts"].append({"title": "More topics", "sections": extra})
    _dump(deck, target / "deck.yaml")
    return target


def _dump(data, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))


def html_in_process(runs: int) -> float:
    """The web edition's render alone, content loaded and composed once, imports paid (median s)."""
    sys.path.insert(0, str(ROOT))
    from booklet import compose
    from booklet.build import load_valid
    from booklet.build.options import BuildOptions, build_time
    from booklet.outputs import web_html
    from booklet.theme import load_theme

    kit = load_valid(ROOT / "content")
    doc, theme = compose.documents(kit, web_html.DOCUMENT)[0], load_theme(ROOT / "styles")
    options = BuildOptions(build_time(kit))
    web_html.render(doc, theme, options)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        web_html.render(doc, theme, options)
        times.append(time.perf_counter() - started)
    return statistics.median(times)
