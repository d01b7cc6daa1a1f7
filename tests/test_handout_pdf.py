"""The one-page subtype handouts, tested for every subtype in the content (new subtypes need no new test).

Uses the real content/ (tests/test_content.py proves it validates); edge cases use the mini fixture.
"""
from __future__ import annotations

import dataclasses
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import load_valid, render_all
from booklet import compose
from booklet.compose.common import date_lines
from booklet.errors import ContentError
from booklet.outputs import handouts_pdf as handout_pdf
from booklet.outputs.handouts_pdf import fit as handout_fit, looks as handout_looks, parts as handout_parts
from booklet.verify.readback import squash
from booklet.load.fields import Text
from booklet.theme import load_theme
from conftest import CONTENT, MINI, ROOT

STYLES = {"letter": ROOT / "styles", "a4": ROOT / "styles" / "a4"}
KIT = load_valid(CONTENT)
SUBTYPES = [s.id for s in KIT.subtypes]


@pytest.fixture(scope="module")
def themes():
    return {name: load_theme(path) for name, path in STYLES.items()}


@pytest.fixture(scope="module")
def built(themes):
    return {name: render_all(KIT, theme, ["handouts"]) for name, theme in themes.items()}


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def subtype(subtype_id: str):
    return next(s for s in KIT.subtypes if s.id == subtype_id)


def page_text(data: bytes) -> str:
    return squash(reader(data).pages[0].extract_text())


def test_one_handout_per_subtype(built):
    for artefacts in built.values():
        assert sorted(artefacts) == sorted(f"handouts/{s}.pdf" for s in SUBTYPES)


@pytest.mark.parametrize("paper", sorted(STYLES))
@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_exactly_one_page_of_the_theme_size(built, themes, paper, subtype_id):
    pdf = reader(built[paper][f"handouts/{subtype_id}.pdf"])
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    expected = themes[paper].page_size
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_every_part_is_on_the_page(built, subtype_id):
    entry, labels, meta = subtype(subtype_id), KIT.meta.handout, KIT.meta
    text = page_text(built["letter"][f"handouts/{subtype_id}.pdf"])
    expected = [entry.name, entry.what_it_means, entry.how_common, *entry.early_treatment,
                *entry.metastatic_treatment, *entry.questions, entry.outlook.text, meta.disclaimer,
                labels.what_it_means, labels.receptors, labels.early, labels.metastatic,
                labels.side_effects, labels.outlook, labels.questions, labels.learn_more, labels.sources, meta.title,
                *date_lines(KIT), KIT.tables[entry.outlook.table].caption, meta.pages.key_points, *entry.key_points]
    for effect in entry.side_effects:
        expected += [effect.effect, effect.what_helps, labels.what_helps]
    for name, field in compose.handout.RECEPTORS:
        expected.append(f"{name}{squash(getattr(labels, str(getattr(entry.receptors, field)).lower()))}")
    missing = [part for part in expected if squash(part) not in text]
    assert not missing, f"not on the {subtype_id} handout: {missing}"


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_sources_are_listed_in_small_print(built, subtype_id):
    text = page_text(built["letter"][f"handouts/{subtype_id}.pdf"])
    for source in KIT.sources:
        if source.id in subtype(subtype_id).sources:
            assert squash(source.short or source.title) in text


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_survival_values_are_the_tables(built, subtype_id):
    entry = subtype(subtype_id)
    table = KIT.tables[entry.outlook.table]
    chosen = [table.columns.index(c) for c in entry.outlook.columns]
    others = [i for i in table.chart.value_columns if i not in chosen]
    text = page_text(built["letter"][f"handouts/{subtype_id}.pdf"])
    for row in table.rows:
        shown = squash(row[table.chart.category_column] + "".join(row[i] for i in chosen))
        assert shown in text, f"{subtype_id}: survival row {row} not shown as {shown!r}"
        for i in others:
            assert squash(shown + row[i]) not in text, f"{subtype_id}: shows column {table.columns[i]!r} too"


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_fonts_embedded_and_text_never_below_minimum(built, themes, subtype_id):
    data = built["letter"][f"handouts/{subtype_id}.pdf"]
    page = reader(data).pages[0]
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        assert "Helvetica" not in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
    assert b"Helvetica" not in data
    handout = themes["letter"].handout
    sizes = set()
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.add(round(size, 2)) if text.strip() else None)
    assert sizes and all(s >= handout.min_body_size or s == handout.small_size for s in sizes), sizes


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_metadata(built, subtype_id):
    pdf = reader(built["letter"][f"handouts/{subtype_id}.pdf"])
    entry, meta = subtype(subtype_id), KIT.meta
    assert pdf.metadata.title == f"{entry.name} \u2014 {meta.title}"
    assert pdf.metadata.author == meta.author
    assert pdf.trailer["/Root"]["/Lang"] == meta.language
    assert pdf.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_byte_identical_across_renders(built, themes):
    assert render_all(KIT, themes["letter"], ["handouts"]) == built["letter"]


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_trial_measurement_agrees_with_reportlab(themes, subtype_id):
    """The fitter searches with fast trial layouts; their heights must be reportlab's own."""
    doc = compose.handout.compose(KIT, subtype(subtype_id))
    body = next(p for p in doc.parts if p.role == "body")
    for steps in handout_looks.fits_to_try(themes["letter"]):
        for step in (steps[0], steps[-1]):
            heights = []
            for trial in (True, False):
                looks = handout_looks.Looks(themes["letter"], step, trial)
                pieces = handout_parts.column_pieces(body, looks, 250)
                heights.append([round(p.height, 6) for p in pieces])
            assert heights[0] == heights[1], step


def _copy_mini(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(MINI, root)
    return root


def test_overlong_subtype_is_a_located_error_not_a_second_page(tmp_path, themes):
    root = _copy_mini(tmp_path)
    path = root / "subtypes" / "type-a.yaml"
    sentence = "The cancer cells use hormones to grow and this sentence is here to make the handout far too long. "
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^what_it_means: .*$", "what_it_means: >-\n  " + sentence * 120, text)
    path.write_text(text, encoding="utf-8")
    kit = load_valid(root)
    with pytest.raises(ContentError) as caught:
        render_all(kit, themes["letter"], ["handouts"])
    message = str(caught.value)
    loc = kit.subtypes[0].what_it_means.loc  # the error points at the part to cut: the longest one
    assert loc.path.endswith("subtypes/type-a.yaml")
    assert message.startswith(f"{loc.path}:{loc.line}:{loc.col}: error: handout for 'type-a' does not fit on one page")
    assert re.search(r"even at 11 pt: \d+ pt \(\d+\.\d in\) too long", message), message
    assert f"'{kit.meta.handout.what_it_means}'" in message


def test_slightly_long_subtype_is_shrunk_and_stays_on_one_page(themes):
    mini = load_valid(MINI)
    theme = themes["letter"]
    base = mini.subtypes[0]
    sentence = "The cancer cells use hormones to grow, so hormone therapy is often part of the plan. "
    for count in range(5, 200, 5):
        long = Text.at(sentence * count, base.what_it_means.loc)
        kit = dataclasses.replace(mini, subtypes=(dataclasses.replace(base, what_it_means=long),))
        size = handout_fit.fit(compose.handout.compose(kit, kit.subtypes[0]), theme).fit.size
        if size < theme.handout.body_size:
            break
    else:
        pytest.fail("what_it_means never grew long enough to need a smaller size")
    assert theme.handout.min_body_size <= size < theme.handout.body_size
    data = render_all(kit, theme, ["handouts"])["handouts/type-a.pdf"]
    assert len(reader(data).pages) == 1
    assert squash(long) in page_text(data)


def test_content_is_printed_literally_never_as_markup(themes):
    mini = load_valid(MINI)
    base = mini.subtypes[0]
    name = Text.at("Type <b>A</b> & <font size=40>B</font> breast cancer", base.name.loc)
    kit = dataclasses.replace(mini, subtypes=(dataclasses.replace(base, name=name),))
    data = render_all(kit, themes["letter"], ["handouts"])["handouts/type-a.pdf"]
    assert squash(name) in page_text(data)


def test_a_mark_the_font_cannot_draw_is_a_located_error(tmp_path):
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "theme.yaml").write_text(f'base: {ROOT / "styles" / "theme.yaml"}\nhandout:\n  check: "\\U0001F600"\n',
                                       encoding="utf-8")
    theme = load_theme(styles)
    problems = handout_pdf.preflight(compose.documents(load_valid(MINI), "handout"), theme).errors
    assert [str(p.loc.path) for p in problems] == [str(styles / "theme.yaml")]
    assert "U+1F600" in problems[0].message and "handout.check" in problems[0].message
