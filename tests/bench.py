"""Performance budget: `make bench` prints every measure beside its target, as ratios where the
machine's speed would otherwise decide the answer. Nothing here runs in `make test`.

Builds run in fresh processes, interleaved so that both sides of a ratio see the same machine load
(``bench_build``); the watcher's rebuild and Typst's incremental recompile run in this process
(``bench_warm``); personal booklets at clinic scale (``bench_personal``). Environment:
BENCH_RUNS (default 5) repetitions, BENCH_PATIENTS (default 1000) for the memory run, BENCH_SKIP
(comma-separated: cold, warm, tenfold, editions, personal) to leave sections out.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_build as cold_builds   # noqa: E402 - the bench's own modules, beside this file
import bench_personal as personal   # noqa: E402
import bench_warm as warm           # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
PATIENTS = int(os.environ.get("BENCH_PATIENTS", "1000"))
SKIP = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))
RESULTS: list[tuple[str, str, str, bool | None]] = []    # (measure, value, target, met)


def report(measure: str, value: str, target: str = "", met: bool | None = None) -> None:
    RESULTS.append((measure, value, target, met))
    mark = {True: "ok", False: "MISSED", None: ""}[met]
    print(f"  {measure:<44} {value:>22}  {target:<26} {mark}", flush=True)


def cold(work: Path) -> None:
    print(f"\nCold builds (median of {RUNS} fresh processes, interleaved)")
    found = cold_builds.cold(work, RUNS)
    floor, print_set, kit = (found[k][0] for k in ("import floor", "print set", "whole kit"))
    report("import floor (reportlab.platypus, pptx, yaml)", f"{floor:.3f} s")
    report("print set: booklet, handouts, deck", f"{print_set:.3f} s")
    report("whole kit with the digital editions", f"{kit:.3f} s")
    report("print set / floor", f"{print_set / floor:.2f} x", "<= 2.5 x", print_set / floor <= 2.5)
    report("whole kit / print set (editions' cost)", f"{kit / print_set:.2f} x", "<= 1.5 x", kit / print_set <= 1.5)


def editions() -> None:
    print("\nDigital editions")
    html = cold_builds.html_in_process(RUNS)
    report("web edition render, in process", f"{html:.3f} s", "< 0.1 s", html < 0.1)


def rebuild() -> None:
    print(f"\nRebuild after editing one paragraph (booklet watch; median of {RUNS})")
    print_set, rendered = warm.watch_rebuild(RUNS, ["booklet", "handouts", "deck"])
    everything, rendered_all = warm.watch_rebuild(RUNS, None)
    first, again, pages = warm.typst_recompile(max(3, RUNS // 2))
    report("watch rebuild, print set", f"{print_set * 1000:.0f} ms", "< 60 ms", print_set < 0.06)
    print(f"    rendered again: {', '.join(rendered)}")
    report(f"Typst recompile after an edit ({pages} pages)", f"{again * 1000:.0f} ms")
    report("watch rebuild / Typst recompile", f"{print_set / again:.2f} x", "< 1 x", print_set < again)
    report(f"Typst first compile ({pages} pages)", f"{first * 1000:.0f} ms")
    report("watch rebuild, every output", f"{everything * 1000:.0f} ms")
    print(f"    rendered again: {', '.join(rendered_all)}")


def tenfold(work: Path) -> None:
    print(f"\nTenfold content (whole kit, median of {RUNS})")
    found = cold_builds.tenfold(work, RUNS)
    (one, one_peak), (ten, ten_peak) = found["whole kit 1x"], found["whole kit 10x"]
    report("whole kit 1x", f"{one:.3f} s, {one_peak / 1024:.0f} MiB peak")
    report("whole kit 10x", f"{ten:.3f} s, {ten_peak / 1024:.0f} MiB peak")
    report("10x / 1x", f"{ten / one:.2f} x", "< 6 x", ten / one < 6)


def clinic() -> None:
    print("\nPersonal booklets")
    one = personal.one_patient(RUNS)
    report("one patient, imports paid (booklet+handout)", f"{one:.3f} s", "<= 0.3 s", one <= 0.3)
    seconds, code, errors, summary = personal.clinic_run(100, 2)
    report("100 patients, 3 bad rows, --jobs 2", f"{seconds:.1f} s", "< 30 s", seconds < 30)
    located = len(errors) == 3 and all(line.startswith("clinic.csv:") for line in errors)
    report("bad rows reported with line and column", f"{len(errors)} of 3, exit {code}", "3, exit 1",
           located and code == 1)
    for line in errors:
        print(f"    {line}")
    print(f"    {summary}")
    memory = personal.memory_over(PATIENTS)
    marks = sorted(memory)
    report(f"resident memory over {PATIENTS} patients", " -> ".join(f"{memory[m] // 1024}" for m in marks) + " MiB")
    half, full = memory[marks[-2]], memory[marks[-1]]
    per_patient = (full - half) / max(1, marks[-1] - marks[-2])
    report("growth per patient, second half", f"{per_patient:.1f} KiB", "~0 (flat)", per_patient < 16)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sections = {"cold": lambda: cold(work), "editions": editions, "warm": rebuild,
                    "tenfold": lambda: tenfold(work), "personal": clinic}
        for name, section in sections.items():
            if name not in SKIP:
                section()
    missed = [r for r in RESULTS if r[3] is False]
    print(f"\n{len([r for r in RESULTS if r[3]])} targets met, {len(missed)} missed"
          + (": " + "; ".join(r[0] for r in missed) if missed else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
