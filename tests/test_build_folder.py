"""The build folder changes as a whole, one build at a time: killed builds, concurrent builds, mixed
folders and partial rebuilds, all tried for real with the command a nurse runs."""
from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINI, ROOT, STYLES, run_booklet


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def two_contents(tmp_path: Path) -> tuple[Path, Path]:
    """The mini kit, and a copy whose first paragraph (so every patient output) differs."""
    one = shutil.copytree(MINI, tmp_path / "one")
    two = shutil.copytree(MINI, tmp_path / "two")
    first = two / "sections" / "01-first.yaml"
    first.write_text(first.read_text().replace("Some cancer cells have a lot of it.", "Some cells have more."))
    sub = two / "subtypes" / "type-a.yaml"
    sub.write_text(sub.read_text().replace("This is the most common type.", "It is the most common type."))
    return one, two


def build(content: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_booklet("build", "--content", str(content), "--styles", str(STYLES), "--out", str(out), *extra,
                       cwd=out.parent)


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """Both complete sets, each built once, to compare folders against."""
    work = tmp_path_factory.mktemp("sets")
    one, two = two_contents(work)
    made = {}
    for name, content in (("one", one), ("two", two)):
        out = work / f"out-{name}"
        assert build(content, out).returncode == 0
        made[name] = snapshot(out)
    assert made["one"]["patient-booklet.pdf"] != made["two"]["patient-booklet.pdf"]
    return one, two, made


def test_a_build_killed_at_any_moment_leaves_the_old_set_or_the_new_one(sets, tmp_path: Path):
    one, two, made = sets
    out = tmp_path / "build"
    assert build(one, out).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "booklet", "build", "--content", str(two), "--styles", str(STYLES),
               "--out", str(out)]
    started = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    full = time.perf_counter() - started
    assert build(one, out).returncode == 0
    rng = random.Random(20261202)
    seen = set()
    for delay in sorted(rng.uniform(0.0, full * 1.1) for _ in range(14)):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(out)
        assert now in (made["one"], made["two"]), f"killed after {delay:.2f} s: the folder holds a mixed set"
        seen.add("one" if now == made["one"] else "two")
        check = run_booklet("verify", "--content", str(one if now == made["one"] else two),
                            "--styles", str(STYLES), "--out", str(out), cwd=tmp_path)
        assert check.returncode == 0, check.stderr
        if now == made["two"]:
            assert build(one, out).returncode == 0             # start the next try from the old set
    assert build(two, out).returncode == 0
    assert snapshot(out) == made["two"]
    assert not list(tmp_path.glob(".build.stage-*")), "a finished build leaves no stage folder behind"
    assert "one" in seen


def test_verify_names_artefacts_from_another_build(sets, tmp_path: Path):
    one, two, made = sets
    out = tmp_path / "build"
    assert build(one, out).returncode == 0
    (out / "patient-booklet.pdf").write_bytes(made["two"]["patient-booklet.pdf"])
    result = run_booklet("verify", "--content", str(one), "--styles", str(STYLES), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert ("manifest.json:1:1: error: patient-booklet.pdf differs from the build this manifest describes: "
            "the folder holds a mixed set") in result.stderr


def test_an_artefact_the_manifest_does_not_list_is_named(sets, tmp_path: Path):
    one, _, _ = sets
    out = tmp_path / "build"
    assert build(one, out).returncode == 0
    manifest = json.loads((out / "manifest.json").read_text())
    del manifest["artefacts"]["clinician-deck.pptx"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    result = run_booklet("verify", "--content", str(one), "--styles", str(STYLES), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1 and "clinician-deck.pptx is not listed" in result.stderr


def test_a_second_build_waits_for_the_first_and_says_so(sets, tmp_path: Path):
    one, two, made = sets
    out = tmp_path / "build"
    lock = tmp_path / ".build.lock"
    with open(lock, "a+") as held:                      # stand in for a first build that holds the folder
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        waiting = subprocess.Popen([sys.executable, "-m", "booklet", "build", "--content", str(two), "--styles",
                                    str(STYLES), "--out", str(out)], env={**os.environ, "PYTHONPATH": str(ROOT)},
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None, "the second build must wait while the folder is held"
        assert not out.exists()
    stdout, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert "waiting for another build" in stderr and "process 4242" in stderr
    assert snapshot(out) == made["two"]


def test_two_builds_at_once_never_interleave(sets, tmp_path: Path):
    one, two, made = sets
    out = tmp_path / "build"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-m", "booklet", "build", "--content", str(c), "--styles", str(STYLES),
                              "--out", str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for c in (one, two)]
    for run in runs:
        run.communicate(timeout=300)
        assert run.returncode == 0
    assert snapshot(out) in (made["one"], made["two"])


def test_a_partial_rebuild_keeps_the_other_outputs_and_lists_them(sets, tmp_path: Path):
    one, two, made = sets
    out = tmp_path / "build"
    assert build(one, out).returncode == 0
    booklet_inode = (out / "patient-booklet.pdf").stat().st_ino
    deck = two / "sections" / "01-first.yaml"
    changed = shutil.copytree(one, tmp_path / "changed")
    (changed / "sections" / "01-first.yaml").write_text(
        (one / "sections" / "01-first.yaml").read_text().replace("HER2 basics", "HER2 basics for clinicians"))
    assert deck.is_file()
    assert build(changed, out, "--only", "deck").returncode == 0
    now = snapshot(out)
    assert now["patient-booklet.pdf"] == made["one"]["patient-booklet.pdf"]
    assert (out / "patient-booklet.pdf").stat().st_ino == booklet_inode        # kept, not rewritten
    assert now["clinician-deck.pptx"] != made["one"]["clinician-deck.pptx"]
    manifest = json.loads(now["manifest.json"])
    assert set(manifest["artefacts"]) == set(made["one"]) - {"manifest.json"}
    assert manifest["coverage"]["section first"]["booklet"].startswith("p. ")  # the booklet's coverage carried


def test_a_stage_left_by_a_killed_build_is_removed_and_other_entries_survive(sets, tmp_path: Path):
    one, _, made = sets
    out = tmp_path / "build"
    assert build(one, out).returncode == 0
    (out / "patients").mkdir()
    (out / "patients" / "note.txt").write_text("a personal booklet would live here")
    stale = tmp_path / ".build.stage-99999-0"
    stale.mkdir()
    (stale / "patient-booklet.pdf").write_bytes(b"half")
    assert build(one, out).returncode == 0
    assert not stale.exists()
    assert (out / "patients" / "note.txt").read_text() == "a personal booklet would live here"
