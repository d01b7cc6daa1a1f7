"""Rebuild on save: what ``booklet watch`` writes is what a cold build of the same content writes.

The booklet lays out only the parts that changed and replays the recorded pages of the rest; these
tests change a paragraph, lengthen a part (every later part moves) and drop a part, and compare the
bytes with a build that lays out everything. The watcher itself is run as an author runs it.
"""
from __future__ import annotations

import dataclasses
import queue
import signal
import subprocess
import sys
import threading
import os
from pathlib import Path

import pytest

from booklet import compose
from booklet.build import load_valid
from booklet.build.options import BuildOptions, build_time
from booklet.compose import tree as t
from booklet.outputs import booklet_pdf
from booklet.outputs.booklet_pdf import reuse
from booklet.theme import load_theme
from conftest import CONTENT, ROOT, STYLES, copy_tree, run_booklet


@pytest.fixture(scope="module")
def kit():
    return load_valid(CONTENT)


@pytest.fixture(scope="module")
def booklet_input(kit):
    return compose.documents(kit, "booklet")[0], load_theme(STYLES), BuildOptions(build_time(kit))


def _without_section(kit, section_id: str):
    """The booklet composed from the kit less one section (its contents line goes too)."""
    smaller = dataclasses.replace(kit, sections=tuple(s for s in kit.sections if s.id != section_id))
    return compose.documents(smaller, "booklet")[0]


def _edit_part(doc, key: str, edit):
    parts = tuple(edit(p) if p.key == key else p for p in doc.parts)
    return dataclasses.replace(doc, parts=parts)


def _longer(part):
    first = next(b for b in part.blocks if isinstance(b, t.Paragraph))
    return dataclasses.replace(part, blocks=part.blocks + (first,) * 12)


def _reworded(part):
    blocks = list(part.blocks)
    i = next(i for i, b in enumerate(blocks) if isinstance(b, t.Paragraph))
    blocks[i] = dataclasses.replace(blocks[i], text=blocks[i].text + " Ask your nurse if you are not sure.")
    return dataclasses.replace(part, blocks=tuple(blocks))


def _cold(doc, theme, options) -> bytes:
    reuse.forget()
    return booklet_pdf.render(doc, theme, options)


def _counting_replays(monkeypatch) -> list:
    replayed = []
    original = reuse.Reusing.replay

    def replay(self, record):
        replayed.append(len(record.pages))
        return original(self, record)

    monkeypatch.setattr(reuse.Reusing, "replay", replay)
    return replayed


@pytest.mark.parametrize("change", ["reword a paragraph", "lengthen a part", "drop a part"])
def test_a_booklet_reusing_unchanged_parts_is_byte_for_byte_a_cold_build(kit, booklet_input, monkeypatch, change):
    doc, theme, options = booklet_input
    edits = {"reword a paragraph": lambda d: _edit_part(d, "section-6", _reworded),
             "lengthen a part": lambda d: _edit_part(d, "section-3", _longer),
             "drop a part": lambda d: _without_section(kit, "radiation")}
    changed = edits[change](doc)
    _cold(doc, theme, options)                         # records every part, as the watcher's first build
    replayed = _counting_replays(monkeypatch)
    warm = booklet_pdf.render(changed, theme, options)
    assert sum(replayed) > 0, "no part was reused"
    assert warm == _cold(changed, theme, options)


def test_an_unchanged_booklet_is_replayed_whole_and_identical(booklet_input, monkeypatch):
    doc, theme, options = booklet_input
    cold = _cold(doc, theme, options)
    replayed = _counting_replays(monkeypatch)
    assert booklet_pdf.render(doc, theme, options) == cold
    assert len(replayed) >= len([p for p in doc.parts if p.role == "section"])


class Watcher:
    """``booklet watch`` in its own process, its output lines collected as they come."""

    def __init__(self, content: Path, styles: Path, out: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "booklet", "watch", "--content", str(content), "--styles", str(styles),
             "--out", str(out), "--only", "booklet"], env=env, cwd=content.parent,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, start: str, timeout: float = 60) -> list[str]:
        """Every line up to and including the first that starts with ``start``."""
        seen = []
        while True:
            line = self.lines.get(timeout=timeout)
            seen.append(line)
            if line.startswith(start):
                return seen

    def stop(self) -> int | None:
        """Interrupt the watcher as Ctrl-C does; its exit status (None if it had to be killed)."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        finally:
            self.process.stdout.close()


def test_watch_rebuilds_on_save_as_a_cold_build_would_and_keeps_the_last_good_build(tmp_path):
    content, styles = copy_tree(CONTENT, tmp_path / "content"), copy_tree(STYLES, tmp_path / "styles")
    out = tmp_path / "build"
    watcher = Watcher(content, styles, out)
    try:
        watcher.wait_for("watch: watching")
        surgery = content / "sections" / "06-surgery.yaml"
        surgery.write_text(surgery.read_text().replace("This includes people with",
                                                       "This also includes people with"))
        assert "rendered: patient-booklet.pdf" in watcher.wait_for("watch: rebuilt")[-1]
        edited = (out / "patient-booklet.pdf").read_bytes()

        cold = run_booklet("build", "--content", str(content), "--styles", str(styles), "--out",
                           str(tmp_path / "cold"), "--only", "booklet", "--no-verify", cwd=tmp_path)
        assert cold.returncode == 0, cold.stderr
        assert edited == (tmp_path / "cold" / "patient-booklet.pdf").read_bytes()

        surgery.write_text(surgery.read_text().replace("title: Surgery", "title: [Surgery"))
        problems = watcher.wait_for("watch: 1 problem")
        assert any(line.startswith("content/sections/06-surgery.yaml:") and ": error: " in line for line in problems), problems
        assert (out / "patient-booklet.pdf").read_bytes() == edited

        surgery.write_text(surgery.read_text().replace("title: [Surgery", "title: Surgery"))
        watcher.wait_for("watch: rebuilt")
        (styles / "theme.yaml").write_text((styles / "theme.yaml").read_text() + "\n")
        restarted = watcher.wait_for("watch: watching")
        assert any("starting afresh" in line for line in restarted), restarted
        assert any(line.startswith("watch: rebuilt") for line in restarted), restarted
    finally:
        watcher.stop()


def test_a_second_patients_booklet_replays_the_parts_they_share_and_is_a_cold_build(kit, booklet_input, monkeypatch,
                                                                                     tmp_path):
    from booklet.compose import personal
    from booklet.errors import Problems
    from booklet.personal.patient import read_yaml

    _, theme, options = booklet_input

    def patient(ident: str, extra: str):
        path = tmp_path / f"{ident}.yaml"
        path.write_text(f"id: {ident}\nsubtype: triple-negative\nstage: early\n{extra}")
        return personal.documents(kit, read_yaml(path, path.name, kit, Problems()))[0]

    first = patient("p-1", "treatments: [surgery, chemotherapy]\n")
    second = patient("p-2", "treatments: [surgery, chemotherapy, radiation]\nname: Ann Example\n")
    _cold(first, theme, options)                     # the batch's first patient records its parts
    replayed = _counting_replays(monkeypatch)
    warm = booklet_pdf.render(second, theme, options)
    assert len(replayed) >= 5, "the sections both patients have were laid out again"
    assert warm == _cold(second, theme, options)
