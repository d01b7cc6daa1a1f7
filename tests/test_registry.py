"""A new output is one module plus one registry line: a plain-text edition of the booklet, added to a
copy of the package in a test, appears in --only, is verified and is listed in the manifest, with no
other file changed."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from booklet import outputs
from conftest import MINI, ROOT, STYLES

PLAIN_TEXT = '''"""A plain-text edition of the booklet: every part's title, then its words, tables and charts."""
from booklet.compose import tree as t
from booklet.verify.readback import Place, Readback

NAME = "text"
AUDIENCE = "patient"
DOCUMENT = "booklet"
SUFFIX = ".txt"
COST = 0.01


def lines(block):
    if isinstance(block, (t.Paragraph, t.Heading)):
        return [block.text]
    if isinstance(block, (t.BulletList, t.WriteIn)):
        return ["- " + item for item in block.items]
    if isinstance(block, t.Box):
        return ([block.title] if block.title else []) + [x for b in block.body for x in lines(b)]
    if isinstance(block, t.Table):
        return [block.caption, " | ".join(block.header)] + [" | ".join(row) for row in block.rows]
    if isinstance(block, t.Chart):
        return [block.title] + [f"{s.name}: {', '.join(s.labels)}" for s in block.series]
    if isinstance(block, t.Definitions):
        return [f"{term}: {words}" for term, words in block.items]
    return []


def render(doc, theme, options):
    out = []
    for part in doc.parts:
        out += ["", "# " + part.title] + [x for b in part.blocks for x in lines(b)]
    return "\\n".join(out).encode()


def read_back(path, doc, theme):
    chunks = path.read_text().split("\\n# ")
    places = tuple(Place(f"part {n}", chunk, (chunk.split("\\n", 1)[0],)) for n, chunk in enumerate(chunks))
    return Readback(places, {"parts": len(places)})
'''


def test_a_plain_text_output_needs_one_module_and_one_registry_line(tmp_path: Path):
    package = shutil.copytree(ROOT / "booklet", tmp_path / "booklet",
                              ignore=shutil.ignore_patterns("__pycache__"))
    (package / "outputs" / "text_outline.py").write_text(PLAIN_TEXT)
    registry = package / "outputs" / "__init__.py"
    source = registry.read_text()
    last = f'    "{outputs.REGISTRY[-1]}",\n'
    assert last in source
    registry.write_text(source.replace(last, last + '    "booklet.outputs.text_outline",\n'))
    shutil.copytree(MINI, tmp_path / "content")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "booklet", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)

    assert "text" in run("build", "--help").stdout
    built = run("build", "--styles", str(STYLES), "--only", "text")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "build" / "patient-booklet.txt").is_file()
    whole = run("build", "--styles", str(STYLES))
    assert whole.returncode == 0, whole.stderr
    manifest = json.loads((tmp_path / "build" / "manifest.json").read_text())
    assert "patient-booklet.txt" in manifest["artefacts"]
    assert manifest["coverage"]["section first"]["text"] == "part 3"
    assert manifest["coverage"]["table results"]["text"].startswith("part ")
    (tmp_path / "build" / "patient-booklet.txt").write_text("# Nothing here")
    broken = run("verify", "--styles", str(STYLES))
    assert broken.returncode == 1 and "is missing from patient-booklet.txt" in broken.stderr


def test_the_registry_names_every_output_once_and_each_keeps_the_contract():
    names = outputs.names()
    assert len(names) == len(set(names)) == len(outputs.REGISTRY)
    for output in outputs.by_name():
        assert output.AUDIENCE in ("patient", "clinician")
        assert output.SUFFIX.startswith((".", "-"))
        assert output.COST > 0
        assert callable(output.render) and callable(output.read_back)


def test_an_unknown_output_name_is_a_clear_error():
    try:
        outputs.by_name(["bookelt"])
    except KeyError as error:
        assert "unknown output bookelt" in str(error)
    else:
        raise AssertionError("an unknown output must not be ignored")
