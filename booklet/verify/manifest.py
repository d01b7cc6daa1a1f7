"""``manifest.json``: what a build folder holds, and the proof that it holds one build's set.

A build writes the manifest into its staged folder last, before the folder is swapped in: every
artefact's size, sha256 and page or slide count, plus the coverage matrix. ``check_set`` reads a
folder and its manifest and names every artefact that does not belong to the manifest's set: a
file whose bytes differ from what the manifest recorded, a listed file that is gone, or an
artefact of a registered output that the manifest does not list (a mixed or tampered folder).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from booklet.errors import Loc, Problems

MANIFEST = "manifest.json"


def digest(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def read(out: Path) -> dict | None:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def render(kit, artefacts: dict[str, dict], coverage: dict, verified: bool) -> bytes:
    meta = kit.meta
    manifest = {"title": meta.title, "edition": meta.edition, "last_reviewed": str(meta.last_reviewed),
                "next_review": str(meta.next_review), "verified": verified, "artefacts": artefacts,
                "coverage": coverage}
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()


def carried(old: dict | None, out: Path, paths: list[str]) -> dict[str, dict]:
    """Manifest entries for artefacts this build kept from the previous one: the old entry where the
    file is unchanged, else just its size and hash."""
    entries = {}
    previous = (old or {}).get("artefacts", {})
    for path in paths:
        if not (out / path).is_file():
            continue
        now = digest(out / path)
        before = previous.get(path, {})
        entries[path] = before if before.get("sha256") == now["sha256"] else now
    return entries


def check_set(out: Path, expected_paths: list[str]) -> Problems:
    """Every artefact in ``out`` belongs to the set its manifest describes; located at the folder."""
    problems = Problems()
    where = Loc(str(out / MANIFEST))
    manifest = read(out)
    if manifest is None:
        problems.error(where, "missing or unreadable: this folder was not made by a complete build")
        return problems
    listed = manifest.get("artefacts", {})
    for path, facts in listed.items():
        file = out / path
        if not file.is_file():
            problems.error(where, f"{path} is listed but missing: the folder holds an incomplete set")
        elif digest(file)["sha256"] != facts.get("sha256"):
            problems.error(where, f"{path} differs from the build this manifest describes: the folder holds a "
                                  "mixed set of artefacts from different builds")
    for path in expected_paths:
        if path not in listed and (out / path).is_file():
            problems.error(where, f"{path} is not listed: it does not belong to this folder's build")
    return problems
