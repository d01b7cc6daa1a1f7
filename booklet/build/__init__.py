"""The pipeline: load -> validate -> compose -> preflight -> render -> write, all or nothing.

Every artefact is rendered in memory first; nothing is written unless every output rendered. The
build schedules the rendering itself: jobs (one document of one output each) are shared between
this process and a forked second one by their outputs' declared cost, so a two-core machine
renders the booklet while it renders the rest.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet import compose, model as m, outputs as registry
from booklet.build.atomic import write_all
from booklet.build.options import BuildOptions, build_time, with_cover
from booklet.build.parallel import in_child
from booklet.errors import ContentError, Problem
from booklet.load.content import load
from booklet.theme import Theme, load_theme
from booklet.validate import validate


def load_valid(content: Path) -> m.Kit:
    """The content model, or ContentError carrying every load and validation error."""
    kit, problems = load(content)
    if kit is not None:
        problems.items.extend(validate(kit).items)
    if kit is None or problems.errors:
        raise ContentError(problems.errors)
    return kit


@dataclass(frozen=True)
class Job:
    output: registry.Output
    doc: object

    @property
    def path(self) -> str:
        return registry.artefact(self.output, self.doc)


def jobs_for(kit: m.Kit, outputs) -> list[Job]:
    """One job per document of each output, in registry order."""
    made: dict[str, tuple] = {}
    jobs = []
    for output in outputs:
        if output.DOCUMENT not in made:
            made[output.DOCUMENT] = compose.documents(kit, output.DOCUMENT)
        jobs += [Job(output, doc) for doc in made[output.DOCUMENT]]
    return jobs


def preflight_all(jobs: list[Job], theme: Theme, options: BuildOptions) -> None:
    """Every output's cheap checks, before anything renders; raises with all their problems."""
    problems: list[Problem] = []
    for output in dict.fromkeys(job.output for job in jobs):
        docs = [job.doc for job in jobs if job.output is output]
        problems += registry.preflight(output, docs, theme, options).errors
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.loc, p.message)))


def split(jobs: list[Job]) -> tuple[list[int], list[int]]:
    """Job indices for a second process and for this one, balanced by cost (heaviest first)."""
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i].output.COST)
    there, here, load = [], [], [0.0, 0.0]
    for i in order:
        side = 0 if load[0] <= load[1] else 1
        (there if side == 0 else here).append(i)
        load[side] += jobs[i].output.COST
    return sorted(there), sorted(here)


def _run(jobs: list[Job], indices: list[int], theme: Theme, options: BuildOptions) -> dict[int, tuple]:
    """Render the jobs at ``indices``: index -> ("ok", bytes) or ("problems", [Problem])."""
    results = {}
    for i in indices:
        try:
            results[i] = ("ok", jobs[i].output.render(jobs[i].doc, theme, options))
        except ContentError as error:
            results[i] = ("problems", error.problems)
    return results


def render_jobs(jobs: list[Job], theme: Theme, options: BuildOptions) -> dict[str, bytes]:
    """Every job's artefact, in memory; raises with every problem, in job order."""
    there, here = split(jobs)
    if len(jobs) > 1 and there and here:
        waiting = in_child(lambda: _run(jobs, there, theme, options))
        results = _run(jobs, here, theme, options)
        results.update(waiting())
    else:
        results = _run(jobs, list(range(len(jobs))), theme, options)
    problems = [p for i in sorted(results) if results[i][0] == "problems" for p in results[i][1]]
    if problems:
        raise ContentError(problems)
    return {jobs[i].path: results[i][1] for i in sorted(results)}


def render_all(kit: m.Kit, theme: Theme, names: list[str] | None = None,
               deck_template: Path | None = None) -> dict[str, bytes]:
    """Every artefact of the chosen outputs, in memory: {path relative to the build folder: bytes}."""
    jobs = jobs_for(kit, registry.by_name(names))
    options = BuildOptions(build_time(kit), deck_template)
    preflight_all(jobs, theme, options)
    return render_jobs(jobs, theme, options)


def build(content: Path, styles: Path, out: Path, names: list[str] | None = None,
          deck_template: Path | None = None, cover: dict | None = None) -> tuple[list[Path], m.Kit, Theme]:
    """Build the kit into ``out``; returns the written files and the kit and theme they came from
    (so verification need not load them again). ``cover`` overrides the deck cover's fields
    (presenter, credentials, institution, event_date). Raises ContentError, writing nothing."""
    kit = with_cover(load_valid(content), cover)
    theme = load_theme(styles)
    artefacts = render_all(kit, theme, names, deck_template)
    written = write_all(out, artefacts)
    _remove_stale(out, artefacts)
    return written, kit, theme


def _remove_stale(out: Path, artefacts: dict[str, bytes]) -> None:
    """A document removed from content (a subtype, say) must not leave its old artefact looking current."""
    folders = {Path(path).parent for path in artefacts if Path(path).parent != Path(".")}
    for folder in folders:
        for old in (out / folder).iterdir():
            relative = str(old.relative_to(out))
            if old.is_file() and not old.name.startswith(".") and relative not in artefacts:
                old.unlink()
