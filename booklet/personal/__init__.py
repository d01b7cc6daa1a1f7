"""Personal booklets: a patient file (or a clinic list) in, ``<out>/patients/<id>/`` out.

``patient`` reads a patient file, ``clinic`` a clinic list or folder, ``run`` builds the folders
(privately, in parallel, skipping what has not changed), ``verify`` proves each booklet is the
patient's. The documents themselves are composed by ``booklet.compose.personal`` and drawn by the
booklet and handout outputs: a personal booklet is a composed tree, not a new renderer.
"""
from __future__ import annotations

import sys
from pathlib import Path

from booklet.errors import ContentError, Loc, Problems


def personalise(source: Path | None, content: Path, styles: Path, out: Path, jobs: int = 1,
                shard: str | None = None, forget_id: str | None = None) -> int:
    """`booklet personalise`: returns the exit code (1 if any patient failed)."""
    from booklet.build.lock import build_lock
    from booklet.personal import run

    if forget_id is not None:
        with build_lock(out):
            removed = run.forget(out, forget_id)
        print(f"forgot {forget_id}: {'removed' if removed else 'there was nothing to remove in'} "
              f"{out / 'patients' / forget_id}")
        return 0
    from booklet.build import load_valid

    kit = load_valid(content)
    entries, whole = _entries(source, kit)
    if whole.errors:
        raise ContentError(whole.errors)
    entries = _slice(entries, shard)
    run.prepare(kit, styles, content)
    (out / "patients").mkdir(parents=True, exist_ok=True, mode=0o700)
    with build_lock(out):
        outcomes = run.run_all(entries, out, jobs, progress=len(entries) > 1 and sys.stderr.isatty())
    return _report(outcomes, out)


def _entries(source: Path, kit) -> tuple[list, Problems]:
    """The patients to build: one patient file, or every row of a clinic list or file of a folder."""
    from booklet.personal.clinic import Entry, read_clinic
    from booklet.personal.patient import read_yaml

    shown = str(source)
    if source.is_file() and source.suffix in (".yaml", ".yml"):
        problems = Problems()
        patient = read_yaml(source, shown, kit, problems)
        return [Entry(Loc(shown), patient, problems)], Problems()
    if not source.exists():
        whole = Problems()
        whole.error(Loc(shown), "no such patient file, clinic list or folder")
        return [], whole
    return read_clinic(source, shown, kit)


def _slice(entries: list, shard: str | None) -> list:
    if not shard:
        return entries
    k, n = (int(x) for x in shard.split("/"))
    return [e for i, e in enumerate(entries) if i % n == k - 1]


def _report(outcomes, out: Path) -> int:
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
    for outcome in outcomes:
        if outcome.status == "built":
            print(f"{outcome.id}: built ({outcome.pages} pages) in {out / 'patients' / outcome.id}")
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    print(f"personalise: {counts['built']} built, {counts['unchanged']} unchanged, {counts['failed']} failed "
          f"of {len(outcomes)}")
    return 1 if failed else 0

