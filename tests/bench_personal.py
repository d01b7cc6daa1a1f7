"""Personal booklets at clinic scale: one patient with the imports paid, a clinic list of 100 with
three bad rows in two worker processes, and resident memory across a long run of patients.
Used by ``tests/bench.py``; the patients are generated, never real."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBTYPES = ("hr-positive-her2-negative", "triple-negative", "her2-low", "not-yet-known")
STAGES = ("early", "metastatic", "not-yet-known")
TREATMENTS = ("surgery; radiation; hormone-therapy", "chemotherapy; surgery", "chemotherapy; targeted-therapy",
              "surgery; lumpectomy; radiation", "")
BAD_ROWS = {17: ("subtype", "her2low"), 52: ("stage", "stage-2"), 88: ("treatments", "radiaton")}


def clinic_rows(count: int) -> list[str]:
    """A clinic list: ``count`` generated patients (ids p-00001 ...), three of them with one mistake."""
    rows = ["id,subtype,stage,treatments,urgent_contact"]
    for n in range(1, count + 1):
        row = {"subtype": SUBTYPES[n % len(SUBTYPES)], "stage": STAGES[n % len(STAGES)],
               "treatments": TREATMENTS[n % len(TREATMENTS)]}
        if n in BAD_ROWS:
            column, value = BAD_ROWS[n]
            row[column] = value
        rows.append(f"p-{n:05d},{row['subtype']},{row['stage']},{row['treatments']},555 01{n % 100:02d}")
    return rows


def clinic_run(count: int = 100, jobs: int = 2) -> tuple[float, int, list[str], str]:
    """``booklet personalise clinic.csv --jobs N`` as a nurse runs it: seconds, exit code, the error
    lines (one per bad row, located) and the summary line."""
    with tempfile.TemporaryDirectory() as tmp:
        clinic = Path(tmp) / "clinic.csv"
        clinic.write_text("\n".join(clinic_rows(count)) + "\n")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "booklet", "personalise", str(clinic), "--jobs", str(jobs),
                               "--content", str(ROOT / "content"), "--styles", str(ROOT / "styles"),
                               "--out", str(Path(tmp) / "build")], cwd=tmp, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    errors = [line.replace(str(clinic), "clinic.csv") for line in done.stderr.splitlines() if ": error: " in line]
    summary = next((line for line in done.stdout.splitlines() if line.startswith("personalise:")), done.stdout[-200:])
    return seconds, done.returncode, errors, summary


def _in_process(count: int, checkpoints=()) -> tuple[list[float], dict[int, int]]:
    """Build ``count`` generated patients one after another in this process (content loaded once):
    seconds per patient, and resident memory (KiB) after each checkpoint."""
    sys.path.insert(0, str(ROOT))
    from booklet.build import load_valid
    from booklet.personal import run
    from booklet.personal.clinic import read_clinic

    kit = load_valid(ROOT / "content")
    run.prepare(kit, ROOT / "styles", ROOT / "content")
    times, memory = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        clinic = Path(tmp) / "clinic.csv"
        rows = [r for i, r in enumerate(clinic_rows(count + len(BAD_ROWS))) if i not in BAD_ROWS]
        clinic.write_text("\n".join(rows) + "\n")
        entries, _ = read_clinic(clinic, "clinic.csv", kit)
        out = Path(tmp) / "build"
        for n, entry in enumerate(entries[:count], 1):
            started = time.perf_counter()
            outcome = run.build_one((entry, out))
            times.append(time.perf_counter() - started)
            if outcome.status != "built":
                raise SystemExit(f"bench: patient {outcome.id} was not built: {outcome.problems[:1]}")
            if n in checkpoints:
                memory[n] = _resident_kib()
    return times, memory


def one_patient(runs: int) -> float:
    """Median seconds for one personal booklet and handout (built, verified, written), imports and
    content paid once, as in a batch: the first patient is not counted."""
    times, _ = _in_process(runs + 1)
    return statistics.median(times[1:])


def memory_over(count: int) -> dict[int, int]:
    """Resident memory (KiB) after 10, 10%, 50% and 100% of ``count`` patients built in one process."""
    marks = sorted({10, count // 10, count // 2, count} - {0})
    _, memory = _in_process(count, marks)
    return memory


def _resident_kib() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
