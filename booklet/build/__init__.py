"""The pipeline: load -> validate -> (compose -> render, per output) -> write atomically.

Nothing is written unless every output rendered; then all artefacts are moved into place at once.
"""
from __future__ import annotations

from pathlib import Path

from booklet import model as m
from booklet.build.atomic import write_all
from booklet.errors import ContentError
from booklet.load.content import load
from booklet.build.options import BuildOptions, build_time
from booklet.outputs import by_name
from booklet.build.parallel import in_child
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


def render_all(kit: m.Kit, theme: Theme, names: list[str] | None = None,
               deck_template: Path | None = None) -> dict[str, bytes]:
    """Every artefact of the chosen outputs, in memory: {path relative to the build folder: bytes}."""
    outputs = by_name(names)
    options = BuildOptions(build_time(kit), deck_template)
    problems = []
    for output in outputs:  # cheap checks first, so a bad template fails before any rendering
        preflight = getattr(output, "preflight", None)
        if preflight is not None:
            problems.extend(preflight(kit, theme, options).errors)
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.loc, p.message)))
    first, rest = outputs[0], outputs[1:]
    if not rest:
        return first.render(kit, theme, options)
    # the booklet takes longest: it renders in a second process while this one does the rest
    first_done = in_child(lambda: first.render(kit, theme, options))
    artefacts: dict[str, bytes] = {}
    problems = []
    try:
        for output in rest:
            artefacts.update(output.render(kit, theme, options))
    except ContentError as error:
        problems.extend(error.problems)
    try:
        artefacts = first_done() | artefacts
    except ContentError as error:  # report both processes' problems, the booklet's first
        problems[:0] = error.problems
    if problems:
        raise ContentError(problems)
    return artefacts


def build(content: Path, styles: Path, out: Path, names: list[str] | None = None,
          deck_template: Path | None = None) -> tuple[list[Path], m.Kit, Theme]:
    """Build the kit into ``out``; returns the written files and the kit and theme they came from
    (so verification need not load them again). Raises ContentError, writing nothing."""
    kit = load_valid(content)
    theme = load_theme(styles)
    artefacts = render_all(kit, theme, names, deck_template)
    written = write_all(out, artefacts)
    _remove_stale_handouts(out, artefacts)
    return written, kit, theme


def _remove_stale_handouts(out: Path, artefacts: dict[str, bytes]) -> None:
    """A subtype removed from content must not leave its old handout looking current."""
    folder = out / "handouts"
    if not folder.is_dir() or not any(k.startswith("handouts/") for k in artefacts):
        return
    for old in folder.glob("*.pdf"):
        if f"handouts/{old.name}" not in artefacts:
            old.unlink()
