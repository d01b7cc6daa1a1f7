"""``booklet verify``: prove that the built files contain everything the content says they must.

For every registered output and every document it drew, the artefact is read back by the output's
own ``read_back`` and every content item the document holds (sections, tables, charts, figures,
subtypes, glossary terms) is looked for in what a reader finds there. Then the content itself is
checked for completeness: every section, table and subtype must be in at least one output. The
coverage matrix (items x outputs, with pages and slides) is returned for the build to print and to
write into ``manifest.json`` (size, page or slide count and sha256 of every artefact, plus the
coverage; see ``manifest``). A missing item is a located error.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from booklet import compose, model as m, outputs as registry
from booklet.compose import walk
from booklet.errors import ContentError
from booklet.theme import Theme
from booklet.verify.coverage import Coverage, describe
from booklet.verify import manifest
from booklet.verify.find import find


def verify(kit: m.Kit, theme: Theme, out: Path, names: list[str] | None = None) -> Coverage:
    cov = Coverage()
    for output in registry.by_name(names):
        docs = compose.documents(kit, output.DOCUMENT)
        for doc in docs:
            _check_document(output, doc, theme, out, cov)
    if not names:
        _check_complete(kit, cov)
    return cov


def _check_document(output, doc, theme: Theme, out: Path, cov: Coverage) -> None:
    relative = registry.artefact(output, doc)
    path = out / relative
    if not path.is_file():
        cov.problems.error(doc.loc, f"{path} was not built")
        return
    data = path.read_bytes()
    readback = output.read_back(path, doc, theme)
    cov.artefacts[relative] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), **readback.counts}
    for problem in readback.problems:
        cov.problems.error(doc.loc, f"{relative} {problem}")
    for key, node in walk.items(doc):
        where, missing = find(key, node, readback)
        if missing:
            cov.missing(node.loc, key, output.NAME, relative, missing, getattr(node, "title", ""))
        else:
            cov.found(key, output.NAME, where)


def _check_complete(kit: m.Kit, cov: Coverage) -> None:
    """Every section, table and subtype of the content is in some output: nothing is left out (a figure
    placed nowhere is already a validation error)."""
    expected = [(f"section:{s.id}", s.loc) for s in kit.sections]
    expected += [(f"subtype:{s.id}", s.loc) for s in kit.subtypes]
    for table in kit.tables.values():
        if f"table:{table.id}" not in cov.rows and f"chart:{table.id}" not in cov.rows:
            cov.problems.error(table.loc, f"table '{table.id}' is not shown in any output: place it in a "
                                          "section's body or a clinician part, or remove it")
    for key, loc in expected:
        if key not in cov.rows:
            cov.problems.error(loc, f"{describe(key)} is not in any output")


def verify_and_report(content: Path, styles: Path, out: Path) -> int:
    """`booklet verify`: the folder holds one build's complete set (its manifest), and that set holds
    everything the content says it must. Reads only; writes nothing."""
    from booklet.build import jobs_for, load_valid
    from booklet.build.lock import build_lock
    from booklet.theme import load_theme

    kit, theme = load_valid(content), load_theme(styles)
    with build_lock(out):
        paths = [job.path for job in jobs_for(kit, registry.by_name())]
        problems = manifest.check_set(out, paths).errors
        cov = verify(kit, theme, out)
    print(cov.report())
    problems += cov.problems.errors
    if problems:
        raise ContentError(problems)
    print(f"verify: {out} holds one build's complete set; every section, table and chart is present in every "
          "output it belongs to")
    return 0
