"""The promises that hold for every build and every registered output: markup never runs, no
network, reproducible bytes, and arbitrary Unicode either round-trips into the outputs or fails with
an error located at the line that holds it. Each test runs over ``booklet.outputs.REGISTRY``, so a
new output is held to them with no new test code."""
from __future__ import annotations

import io
import shutil
import socket
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from booklet import compose, outputs
from booklet.build import jobs_for, load_valid, render_all
from booklet.errors import ContentError
from booklet.theme import load_theme
from booklet.typeset.fonts import covered, register_family
from booklet.verify.readback import squash
from conftest import MINI, STYLES, run_booklet

MARKUP = '<b>5 < 6 & 7 > 2</b> <font color="red">x</font> &amp; <normal range>'
THEME = load_theme(STYLES)
OUTPUT_NAMES = outputs.names()
FIRST = Path("sections") / "01-first.yaml"


def put_text(content: Path, text: str) -> dict[str, set[int]]:
    """Put ``text`` where every output shows it: the first patient paragraph, the first clinician point
    and the first subtype's how_common. The files are written with PyYAML, so any string is
    well-formed YAML. Returns, per file name, the lines where the text's values start."""
    first = yaml.safe_load((content / FIRST).read_text())
    first["body"][0]["text"] = first["clinician"]["points"][0] = text
    subtype = yaml.safe_load((content / "subtypes" / "type-a.yaml").read_text())
    subtype["how_common"] = text
    lines = {}
    for path, data, places in ((content / FIRST, first, [("body", 0, "text"), ("clinician", "points", 0)]),
                               (content / "subtypes" / "type-a.yaml", subtype, [("how_common",)])):
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(dumped, encoding="utf-8")
        root = yaml.compose(dumped, Loader=yaml.SafeLoader)
        lines[path.name] = {_node(root, keys).start_mark.line + 1 for keys in places}
    return lines


def _node(node, keys):
    for key in keys:
        if isinstance(key, int):
            node = node.value[key]
        else:
            node = next(value for k, value in node.value if k.value == key)
    return node


def read_everything(kit, artefacts: dict[str, bytes], folder: Path) -> dict[str, str]:
    """Output name -> what a reader finds in all its artefacts (squashed), read back by the output itself."""
    found: dict[str, str] = {}
    for job in jobs_for(kit, outputs.by_name()):
        path = folder / job.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(artefacts[job.path])
        found[job.output.NAME] = found.get(job.output.NAME, "") + job.output.read_back(path, job.doc, THEME).text
    return found


@pytest.fixture(scope="module")
def markup_build(tmp_path_factory):
    content = shutil.copytree(MINI, tmp_path_factory.mktemp("markup") / "content")
    put_text(content, MARKUP)
    kit = load_valid(content)
    return read_everything(kit, render_all(kit, THEME), content.parent / "out")


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_markup_prints_literally(markup_build, name):
    assert squash(MARKUP) in markup_build[name]


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_a_build_never_touches_the_network(monkeypatch, name):
    def refuse(*args, **kwargs):
        raise AssertionError("the build tried to open a network connection")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert render_all(load_valid(MINI), THEME, [name])


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path: Path):
    hashes = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = run_booklet("build", "--content", str(MINI), "--styles", str(STYLES), "--out", str(out),
                             cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1767225600"})
        assert result.returncode == 0, result.stderr
        hashes.append({str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert hashes[0] == hashes[1]
    kit = load_valid(MINI)
    expected = {job.path for job in jobs_for(kit, outputs.by_name())} | {"manifest.json"}
    assert set(hashes[0]) == expected


def test_deck_zip_entries_carry_fixed_dates():
    deck = render_all(load_valid(MINI), THEME, ["deck"])["clinician-deck.pptx"]
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(deck)).infolist()}
    assert len(stamps) == 1


# -- property: any text either shows up everywhere or is refused at its own line --------------------
register_family(THEME)
DRAWABLE = sorted(chr(c) for c in covered("SourceSansPro-Regular") if 32 < c <= 0xFFFF and chr(c).isprintable())
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=40)
DRAWABLE_TEXT = st.text(st.sampled_from(DRAWABLE + list("<>&\"' ")), min_size=1, max_size=40)


def test_any_unicode_text_round_trips_or_fails_at_its_own_line(tmp_path_factory):
    """About three examples in four are drawable text (markup characters included) that must reach every
    renderer; the others are any Unicode at all. Either way the outcome is exact."""
    outcomes: list[str] = []

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(drawable=DRAWABLE_TEXT, anything=ANY_TEXT)
    # a base letter with a combining mark after another letter: Typst writes it as an /ActualText span
    @example(drawable="01\u0301", anything="0")
    @example(drawable="Ame\u0301lie \u0101\u0300 x", anything="0")
    def one(drawable: str, anything: str):
        text = anything if zlib.crc32(drawable.encode()) % 4 == 0 else drawable   # about one in four
        content = shutil.copytree(MINI, tmp_path_factory.mktemp("prop") / "content")
        lines = put_text(content, text)
        try:
            kit = load_valid(content)
            artefacts = render_all(kit, THEME)
        except ContentError as error:
            outcomes.append("refused")
            assert error.problems
            for problem in error.problems:      # each at a line that holds the text: never a default 1:1
                name = Path(problem.loc.path).name
                assert problem.loc.line in lines.get(name, ()), f"{problem} (the text is at {lines})"
            return
        outcomes.append("rendered")
        shown = squash(text)
        for name, found in read_everything(kit, artefacts, content.parent / "out").items():
            assert shown in found, f"{text!r} is missing from the {name} output"

    one()
    share = outcomes.count("rendered") / len(outcomes)
    print(f"property test: {outcomes.count('rendered')} of {len(outcomes)} examples reached every renderer "
          f"({share:.0%}); {outcomes.count('refused')} refused with located errors")
    assert share >= 0.5, outcomes
