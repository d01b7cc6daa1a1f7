"""The deck as viewers draw it: LibreOffice converts it to PDF with Calibri's stand-in Carlito installed
and with Carlito hidden (then it draws with DejaVu Sans, about a quarter wider), and every word is
read back with its box (poppler's ``pdftotext -bbox``). No word may fall outside the shape it
belongs to, and no two words may overlap: a bullet that runs out of its placeholder, a table row
that grows into the note under it, a footer over the content all fail here, with the slide named.

Run on the house template (16:9) and on the institution template of test_deck_pptx (4:3, fonts
the fitter has no width table for, which LibreOffice replaces with DejaVu). Skipped, visibly, only
where LibreOffice or poppler is not installed (.ci/run installs both).
"""
from __future__ import annotations

import pytest

import slide_readback as readback
from test_deck_pptx import KIT, THEME, institution_styles, render, theme_for  # noqa: F401 - a fixture

pytestmark = pytest.mark.skipif(not readback.available(),
                                reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")


@pytest.fixture(scope="module", params=["default", "institution"])
def deck_file(request, institution_styles, tmp_path_factory):  # noqa: F811 - the imported fixture
    path = tmp_path_factory.mktemp(f"render-{request.param}") / "clinician-deck.pptx"
    path.write_bytes(render(KIT, theme_for(request.param, institution_styles)))
    return path


@pytest.mark.parametrize("hidden", [(), ("Carlito",)], ids=["with-carlito", "without-carlito"])
def test_no_text_leaves_its_box_or_overlaps_other_text(deck_file, hidden, tmp_path):
    pdf = readback.convert(deck_file, tmp_path, hidden)
    problems = readback.problems(deck_file, pdf)
    assert not problems, "\n".join(problems[:20])


def test_the_read_back_catches_text_that_runs_out_of_its_box(tmp_path):
    """The check itself can fail: a bullet box made too short for its text is reported."""
    from pptx import Presentation

    source = tmp_path / "deck.pptx"
    source.write_bytes(render(KIT, THEME))
    prs = Presentation(str(source))
    slide = next(s for s in prs.slides if s.slide_layout.element.get("type") == "obj")
    body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
    body.height = body.height // 4
    broken = tmp_path / "broken.pptx"
    prs.save(str(broken))
    problems = readback.problems(broken, readback.convert(broken, tmp_path / "out"))
    assert any(p.startswith(f"slide {prs.slides.index(slide) + 1}: ") and "outside its box" in p for p in problems)
