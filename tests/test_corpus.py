"""Bad input, tried for real: every tree in tests/corpus/ is the mini fixture with one defect.

Each either builds correctly (expect = OK) or fails with its exact ``path:line:col: error:`` line,
exit 1, no traceback -- and the previous good build in the same --out is byte-for-byte untouched,
with no temporary files left behind. A case with an ``args`` file (``check --strict``) runs that
command instead of a build: the wording rules of ``booklet check``, each with its exact first
located line (an error, or a warning that --strict makes fail).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI, ROOT, STYLES, run_booklet

CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
BUILD_CASES = [c for c in CASES if not (CORPUS / c / "args").is_file()]
CHECK_CASES = [c for c in CASES if (CORPUS / c / "args").is_file()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory) -> Path:
    """A successful build of the mini fixture, to be copied into each case's --out."""
    work = tmp_path_factory.mktemp("good")
    shutil.copytree(MINI, work / "content")
    result = run_booklet("build", "--styles", str(STYLES), cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "build"


def materialise(case: str, work: Path) -> Path:
    """The case's tree in ``work``: the mini content with its overlay, and the repository's styles with
    the case's style overlay (for defects in files the styles name), as ``work/styles``."""
    content = work / "content"
    shutil.copytree(MINI, content)
    if (CORPUS / case / "content").is_dir():
        shutil.copytree(CORPUS / case / "content", content, dirs_exist_ok=True)
    shutil.copytree(STYLES, work / "styles")
    if (CORPUS / case / "styles").is_dir():
        shutil.copytree(CORPUS / case / "styles", work / "styles", dirs_exist_ok=True)
    return content


def test_corpus_has_at_least_twenty_broken_trees():
    broken = [c for c in BUILD_CASES if (CORPUS / c / "expect").read_text().strip() != "OK"]
    assert len(broken) >= 20


@pytest.mark.parametrize("case", CHECK_CASES)
def test_check_case_reports_its_rule_first(case: str, tmp_path: Path):
    materialise(case, tmp_path)
    expect = (CORPUS / case / "expect").read_text().strip()
    args = (CORPUS / case / "args").read_text().split()

    result = run_booklet(*args, "--styles", "styles", cwd=tmp_path)

    assert "Traceback" not in result.stderr + result.stdout
    if expect == "OK":
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    else:
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.splitlines()[0] == expect


@pytest.mark.parametrize("case", BUILD_CASES)
def test_case_fails_cleanly_or_builds(case: str, tmp_path: Path, good_build: Path):
    materialise(case, tmp_path)
    shutil.copytree(good_build, tmp_path / "build")
    before = snapshot(tmp_path / "build")
    expect = (CORPUS / case / "expect").read_text().strip()

    result = run_booklet("build", "--styles", "styles", cwd=tmp_path)

    assert "Traceback" not in result.stderr + result.stdout
    leftovers = [p.name for p in (tmp_path / "build").rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []
    if expect == "OK":
        assert result.returncode == 0, result.stderr
        assert "verify: every section, table and chart is present" in result.stdout
    else:
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.splitlines()[0] == expect
        assert snapshot(tmp_path / "build") == before


def test_unwritable_output_folder_is_a_located_error(tmp_path: Path):
    shutil.copytree(MINI, tmp_path / "content")
    (tmp_path / "blocker").write_text("a file where the build folder's parent should be")
    result = run_booklet("build", "--styles", str(STYLES), "--out", "blocker/build", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("blocker") and ": error: cannot write the build" in first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "content"]


def test_a_template_without_a_needed_layout_fails_before_rendering(tmp_path: Path, good_build: Path):
    from pptx import Presentation

    template = Presentation()
    for layout in template.slide_layouts:
        if layout.name == "Section Header":
            layout.name = "Chapter Opener"
            layout.element.set("type", "cust")          # neither the name nor the built-in type is left
    template.save(tmp_path / "ours.pptx")
    shutil.copytree(MINI, tmp_path / "content")
    shutil.copytree(good_build, tmp_path / "build")
    before = snapshot(tmp_path / "build")

    result = run_booklet("build", "--styles", str(STYLES), "--deck-template", "ours.pptx", cwd=tmp_path)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(
        "ours.pptx: error: no layout for section slides: none is named 'Section Header' and none has the built-in "
        "type 'secHead'; name one in ")
    assert "under deck: layouts: section:" in result.stderr
    assert "Chapter Opener" in result.stderr
    assert snapshot(tmp_path / "build") == before
