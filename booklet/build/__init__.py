"""The pipeline: load -> validate -> compose -> preflight -> render -> stage -> verify -> swap.

Every artefact is rendered in memory first; nothing is written unless every output rendered, and
the build folder changes as a whole (``booklet.build.folder``), one build at a time
(``booklet.build.lock``). The
build schedules the rendering itself: jobs (one document of one output each) are shared between
this process and a forked second one by their outputs' declared cost, so a two-core machine
renders the booklet while it renders the rest.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet import compose, model as m, outputs as registry
from booklet.build.cache import RenderCache
from booklet.build.folder import Stage
from booklet.build.lock import build_lock
from booklet.build.options import BuildOptions, build_time, with_cover
from booklet.build.parallel import in_child
from booklet.compose import walk
from booklet.errors import ContentError, Problem
from booklet.load.content import load
from booklet.theme import Theme, load_theme
from booklet.validate import validate
from booklet.verify import manifest


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


def preflight_problems(jobs: list[Job], theme: Theme, options: BuildOptions,
                       cache: RenderCache | None = None) -> list[Problem]:
    """Every output's cheap checks, before anything of it renders. With a ``cache``, an output whose
    documents, theme and options are unchanged is not checked again."""
    problems: list[Problem] = []
    for output in dict.fromkeys(job.output for job in jobs):
        docs = [job.doc for job in jobs if job.output is output]
        key = cache.key(docs, theme, options) if cache else None
        found = cache.checked.get((output.NAME, key)) if cache else None
        if found is None:
            found = registry.preflight(output, docs, theme, options).errors
            if cache is not None:
                cache.checked[(output.NAME, key)] = found
        problems += found
    return problems


def preflight_all(jobs: list[Job], theme: Theme, options: BuildOptions, cache: RenderCache | None = None) -> None:
    """``preflight_problems``, raised as one ContentError (sorted, each once) if there are any."""
    _raise_preflight(preflight_problems(jobs, theme, options, cache))


def _raise_preflight(problems: list[Problem]) -> None:
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.loc, p.message)))


def split(jobs: list[Job], indices: list[int]) -> tuple[list[int], list[int]]:
    """Job indices for a second process and for this one, balanced by cost (heaviest output first):
    an output's cost per tree node times the size of its documents, so the balance holds for a
    booklet ten times longer too. An output's documents stay together, so each output is checked
    in one process."""
    by_output: dict[object, list[int]] = {}
    for i in indices:
        by_output.setdefault(jobs[i].output, []).append(i)
    cost = {output: output.COST * sum(walk.size(jobs[i].doc) for i in members) for output, members in by_output.items()}
    there, here, load = [], [], [0.0, 0.0]
    for output, members in sorted(by_output.items(), key=lambda item: -cost[item[0]]):
        side = 0 if load[0] <= load[1] else 1
        (there if side == 0 else here).extend(members)
        load[side] += cost[output]
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


def _check_then_run(jobs: list[Job], indices: list[int], theme: Theme, options: BuildOptions) -> tuple:
    """One process's share: its outputs' preflight problems, or (none) its renders."""
    problems = preflight_problems([jobs[i] for i in indices], theme, options)
    return ("checked", problems) if problems else ("rendered", _run(jobs, indices, theme, options))


def _in_two_processes(jobs: list[Job], theme: Theme, options: BuildOptions) -> dict[int, tuple]:
    """Check and render on both cores at once: a forked process takes the heaviest outputs, this one
    the rest. Preflight problems of either side stop both, and are reported together."""
    there, here = split(jobs, list(range(len(jobs))))
    if not (there and here):
        preflight_all(jobs, theme, options)
        return _run(jobs, there or here, theme, options)
    waiting = in_child(lambda: _check_then_run(jobs, there, theme, options))
    mine = _check_then_run(jobs, here, theme, options)
    theirs = waiting()
    _raise_preflight([p for kind, found in (mine, theirs) if kind == "checked" for p in found])
    return {**mine[1], **theirs[1]}


def _with_cache(jobs: list[Job], theme: Theme, options: BuildOptions, cache: RenderCache) -> dict[int, tuple]:
    """The watcher's rebuild, in this process (where renderers keep what they can reuse next time):
    a job whose document, theme and options are unchanged reuses its bytes."""
    preflight_all(jobs, theme, options, cache)
    keys = {i: cache.key(job.doc, theme, options) for i, job in enumerate(jobs)}
    results = {i: ("ok", cache.get(job.output, job.doc, keys[i])) for i, job in enumerate(jobs)}
    todo = [i for i, (_, data) in results.items() if data is None]
    results.update(_run(jobs, todo, theme, options))
    cache.hits = [jobs[i].path for i in results if i not in todo]
    cache.misses = [jobs[i].path for i in todo]
    for i in todo:
        if results[i][0] == "ok":
            cache.put(jobs[i].output, jobs[i].doc, keys[i], results[i][1])
    return results


def render_all(kit: m.Kit, theme: Theme, names: list[str] | None = None,
               deck_template: Path | None = None, cache: RenderCache | None = None,
               jobs: list[Job] | None = None) -> dict[str, bytes]:
    """Every artefact of the chosen outputs, in memory: {path relative to the build folder: bytes}.
    Every output is checked before it renders; raises with every problem (preflight problems
    alone if there are any, else render problems in job order)."""
    jobs = jobs if jobs is not None else jobs_for(kit, registry.by_name(names))
    options = BuildOptions(build_time(kit), deck_template)
    results = _with_cache(jobs, theme, options, cache) if cache else _in_two_processes(jobs, theme, options)
    problems = [p for i in sorted(results) if results[i][0] == "problems" for p in results[i][1]]
    if problems:
        raise ContentError(problems)
    return {jobs[i].path: results[i][1] for i in sorted(results)}


@dataclass
class Built:
    """What a build wrote, the kit and theme it came from, and what verify found (None if skipped)."""

    written: list[Path]
    kit: m.Kit
    theme: Theme
    coverage: object | None


def build(content: Path, styles: Path, out: Path, names: list[str] | None = None,
          deck_template: Path | None = None, verify: bool = True, cover: dict | None = None,
          cache: RenderCache | None = None) -> Built:
    """Build the kit into ``out`` as a whole: render in memory, stage the complete new folder beside
    ``out``, verify the staged files, write the manifest, then swap the folder in at once. On any
    problem (content, render, verify, disk) nothing is swapped and ``out`` is as it was. ``cover``
    overrides the deck cover's fields (presenter, credentials, institution, event_date)."""
    kit = with_cover(load_valid(content), cover)
    theme = cache.theme(styles, load_theme) if cache else load_theme(styles)
    every = jobs_for(kit, registry.by_name())
    chosen = {o.NAME for o in registry.by_name(names)}
    artefacts = render_all(kit, theme, names, deck_template, cache, [j for j in every if j.output.NAME in chosen])
    with build_lock(out), Stage(out) as stage:
        written = stage.write(artefacts)
        stage.keep({Path(p).parts[0] for p in artefacts} | {manifest.MANIFEST})
        coverage = check_staged(kit, theme, stage.path, names) if verify else None
        everything = [job.path for job in every]
        old = manifest.read(out)
        entries = manifest.carried(old, stage.path, [p for p in everything if p not in artefacts])
        entries.update(coverage.artefacts if coverage else
                       {p: manifest.digest(stage.path / p) for p in artefacts})
        built = [o.NAME for o in registry.by_name(names)]
        table = merge_coverage((old or {}).get("coverage", {}), coverage.table() if coverage else {}, built)
        stage.write({manifest.MANIFEST: manifest.render(kit, entries, table, verify)})
        stage.commit()
    return Built(written, kit, theme, coverage)


def check_staged(kit: m.Kit, theme: Theme, folder: Path, names: list[str] | None):
    """Verify the staged folder before it is swapped in: a build that fails verification replaces nothing."""
    from booklet.verify import verify

    coverage = verify(kit, theme, folder, names)
    if coverage.problems.errors:
        print(coverage.report())
        raise ContentError(coverage.problems.errors)
    return coverage


def merge_coverage(old: dict, new: dict, rebuilt: list[str]) -> dict:
    """The new coverage, plus the old coverage of the outputs this build did not rebuild."""
    merged = {item: {o: where for o, where in row.items() if o not in rebuilt} for item, row in old.items()}
    for item, row in new.items():
        merged.setdefault(item, {}).update(row)
    return {item: row for item, row in merged.items() if row}
