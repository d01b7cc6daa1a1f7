"""``booklet personalise``: build personal booklets into ``<out>/patients/<id>/``, one patient or a
whole clinic, privately.

Each patient's folder is written as a whole (staged beside it, verified, then swapped in), readable
by its owner only (folder 0700, files 0600). Nothing personal reaches a file name (only the
pseudonymous id), the PDFs' metadata, any manifest, or what is printed: lines say the id and counts.
A rerun skips a patient whose inputs (patient details, content, styles and code) have not changed.
Several patients run in ``jobs`` worker processes that load the content once; ``shard`` builds one
slice of a long list (``K/N``), so any scheduler can spread a clinic over machines.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from booklet.errors import ContentError, Problem, Problems
from booklet.personal.clinic import Entry

INPUTS = ".inputs"          # the hash of what a patient's folder was built from: nothing readable in it
_STATE: dict = {}           # per worker process: kit, themes, fingerprint (set before forking)


@dataclass
class Outcome:
    id: str
    status: str               # built | unchanged | failed
    problems: list[Problem]
    pages: int = 0


def fingerprint(content: Path, styles: Path) -> str:
    """A hash of the content, the styles and the code: a change to any rebuilds every patient."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for root in (content, styles, package):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def prepare(kit, styles: Path, content: Path) -> None:
    from booklet.personal.patient import EDITIONS
    from booklet.theme import load_theme

    _STATE.update(kit=kit, styles=styles, themes={}, fingerprint=fingerprint(content, styles))
    for edition, variant in EDITIONS.items():
        folder = styles / variant if variant else styles
        if (folder / "theme.yaml").is_file():
            _STATE["themes"][edition] = load_theme(folder)


def build_one(args: tuple[Entry, Path]) -> Outcome:
    """Build one patient's folder (in a worker process or here); never raises for the patient's problems."""
    entry, out = args
    patient = entry.patient
    if patient is None:
        return Outcome("?", "failed", entry.problems.errors)
    try:
        return _build(patient, out)
    except ContentError as error:
        return Outcome(patient.id, "failed", error.problems)


def _build(patient, out: Path) -> Outcome:
    from booklet.build.options import BuildOptions, build_time
    from booklet.compose import personal
    from booklet.outputs import booklet_pdf, handouts_pdf

    kit, theme = _STATE["kit"], _STATE["themes"].get(patient.edition)
    if theme is None:
        return Outcome(patient.id, "failed", [Problem(patient.loc, f"the styles have no '{patient.edition}' "
                                                                   "edition")])
    folder = out / "patients" / patient.id
    key = hashlib.sha256((_STATE["fingerprint"] + json.dumps(asdict(patient), default=str)).encode()).hexdigest()
    if _unchanged(folder, key):
        return Outcome(patient.id, "unchanged", [])
    options = BuildOptions(build_time(kit))
    docs = personal.documents(kit, patient)
    outputs = {"booklet": booklet_pdf, "handout": handouts_pdf}
    problems = Problems()
    for doc in docs:
        problems.items += outputs[doc.kind].preflight([doc], theme, options).errors
    if problems.errors:
        return Outcome(patient.id, "failed", problems.errors)
    files = {Path(doc.name).name + ".pdf": outputs[doc.kind].render(doc, theme, options) for doc in docs}
    return _write_verified(patient, folder, files, docs, key, theme)


def _write_verified(patient, folder: Path, files: dict[str, bytes], docs, key: str, theme) -> Outcome:
    from booklet.build.folder import Stage
    from booklet.outputs import booklet_pdf, handouts_pdf
    from booklet.personal.verify import check_booklet, check_handout

    with Stage(folder) as stage:
        os.chmod(stage.path, 0o700)
        for name, data in files.items():
            _private_write(stage.path / name, data)
        _private_write(stage.path / INPUTS, key.encode())
        problems, pages = Problems(), 0
        for doc in docs:
            path = stage.path / (Path(doc.name).name + ".pdf")
            if doc.kind == "booklet":
                readback = booklet_pdf.read_back(path, doc, theme)
                problems.items += check_booklet(_STATE["kit"], patient, doc, readback).items
                pages = readback.counts["pages"]
            else:
                problems.items += check_handout(patient, doc, handouts_pdf.read_back(path, doc, theme)).items
        if problems.errors:
            return Outcome(patient.id, "failed", problems.errors)
        stage.commit()
    return Outcome(patient.id, "built", [], pages)


def _private_write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o600)


def _unchanged(folder: Path, key: str) -> bool:
    try:
        return (folder / INPUTS).read_text() == key and any(folder.glob("*.pdf"))
    except OSError:
        return False


def forget(out: Path, ident: str) -> bool:
    """Remove a patient's folder; True if there was one."""
    folder = out / "patients" / ident
    if not folder.is_dir():
        return False
    shutil.rmtree(folder)
    return True


def run_all(entries: list[Entry], out: Path, jobs: int, progress: bool) -> list[Outcome]:
    """Every entry built, in order, in ``jobs`` processes; a bar on stderr when asked."""
    work = [(entry, out) for entry in entries]
    bar = _bar(len(work)) if progress else None
    outcomes = []
    if jobs > 1 and len(work) > 1 and hasattr(os, "fork"):
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs, maxtasksperchild=100) as pool:
            for outcome in pool.imap(build_one, work, chunksize=1):
                outcomes.append(outcome)
                bar and bar.update(1)
    else:
        for item in work:
            outcomes.append(build_one(item))
            bar and bar.update(1)
    if bar:
        bar.close()
    return outcomes


def _bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="patient", file=sys.stderr, leave=False, dynamic_ncols=True)
