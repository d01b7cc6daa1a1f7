"""The promises that hold for every build: markup never runs, no network, reproducible bytes,
and arbitrary Unicode either round-trips into the outputs or fails with a located error."""
from __future__ import annotations

import io
import json
import socket
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from booklet.build import load_valid, render_all
from booklet.errors import ContentError
from booklet.outputs.deck_pptx.readback import read_deck
from booklet.outputs.pdf.readback import read_pdf
from booklet.verify.readback import squash
from booklet.theme import load_theme
from conftest import MINI, STYLES, run_booklet

MARKUP = '<b>5 < 6 & 7 > 2</b> <font color="red">x</font> &amp; <normal range>'
THEME = load_theme(STYLES)


def set_first_paragraph(content: Path, text: str, clinician_too: bool = False) -> None:
    """Put ``text`` in the first patient paragraph (and the first clinician point) of the mini kit."""
    first = content / "sections" / "01-first.yaml"
    source = first.read_text().replace("  - text: HER2 is a protein. Some cancer cells have a lot of it.",
                                       f"  - text: {json.dumps(text)}")
    if clinician_too:
        source = source.replace("points: [HER2 is a receptor tyrosine kinase.,", f"points: [{json.dumps(text)},")
    first.write_text(source)


def pdf_text(data: bytes, tmp: Path, name: str) -> str:
    path = tmp / name
    path.write_bytes(data)
    return "".join(read_pdf(path).pages)


def test_markup_prints_literally_in_every_output(mini: Path, tmp_path: Path):
    set_first_paragraph(mini, MARKUP)
    view = mini / "sections" / "01-first.yaml"
    view.write_text(view.read_text().replace("HER2 is a receptor tyrosine kinase.", json.dumps(MARKUP)))
    sub = mini / "subtypes" / "type-a.yaml"
    sub.write_text(sub.read_text().replace("This is the most common type.", json.dumps(MARKUP)))
    artefacts = render_all(load_valid(mini), THEME)
    assert squash(MARKUP) in squash(pdf_text(artefacts["patient-booklet.pdf"], tmp_path, "b.pdf"))
    assert squash(MARKUP) in squash(pdf_text(artefacts["handouts/type-a.pdf"], tmp_path, "h.pdf"))
    (tmp_path / "d.pptx").write_bytes(artefacts["clinician-deck.pptx"])
    assert any(MARKUP in text for slide in read_deck(tmp_path / "d.pptx") for text in slide.texts)


def test_a_build_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the build tried to open a network connection")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert render_all(load_valid(MINI), THEME)


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path: Path):
    hashes = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = run_booklet("build", "--content", str(MINI), "--styles", str(STYLES), "--out", str(out),
                             cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1767225600"})
        assert result.returncode == 0, result.stderr
        hashes.append({p.name: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert hashes[0] == hashes[1]


def test_deck_zip_entries_carry_fixed_dates():
    deck = render_all(load_valid(MINI), THEME, ["deck"])["clinician-deck.pptx"]
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(deck)).infolist()}
    assert len(stamps) == 1


TEXT = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_unicode_text_round_trips_or_fails_with_a_located_error(text: str, tmp_path_factory):
    content = tmp_path_factory.mktemp("prop") / "content"
    import shutil
    shutil.copytree(MINI, content)
    set_first_paragraph(content, text, clinician_too=True)
    try:
        artefacts = render_all(load_valid(content), THEME, ["booklet", "deck"])
    except ContentError as error:
        assert error.problems
        assert all(str(p).split(": error: ")[0].count(":") >= 2 for p in error.problems)
        return
    shown = squash(text)
    assert shown in squash(pdf_text(artefacts["patient-booklet.pdf"], content.parent, "p.pdf"))
    (content.parent / "d.pptx").write_bytes(artefacts["clinician-deck.pptx"])
    assert any(shown in squash(t) for slide in read_deck(content.parent / "d.pptx") for t in slide.texts)
