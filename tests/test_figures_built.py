"""Figures in the built files, read back: the booklet PDF draws them as vector graphics with real
text, kept on one page with their title, text equivalent and "What you can do:" line; the deck draws
them as one group of native, editable shapes with alt text, on its own slide after the topic, and
leaves out the use line (it speaks to the patient).

Parametrised over the content's figures, so a new figure is tested with no new test code.
"""
from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from booklet import compose, figures
from booklet.build import load_valid, render_all
from booklet.compose import walk
from booklet.outputs.deck_pptx.readback import read_deck_back
from booklet.outputs.pdf.readback import read_pdf_back
from booklet.theme import load_theme
from booklet.verify.find import find
from booklet.verify.readback import squash
from conftest import CONTENT, STYLES

KIT = load_valid(CONTENT)
THEME = load_theme(STYLES)
IN_BOOKLET = {key.split(":", 1)[1]: node for key, node in walk.items(compose.documents(KIT, "booklet")[0])
              if key.startswith("figure:")}
DECK_DOC = compose.documents(KIT, "deck")[0]
ON_SLIDES = {s.figure.id: s for s in DECK_DOC.slides if s.figure is not None}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The booklet and the deck, rendered once for this module and written where read-back can see them."""
    folder = tmp_path_factory.mktemp("figures")
    for name, data in render_all(KIT, THEME, ["booklet", "deck"]).items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def booklet(built):
    path = built / "patient-booklet.pdf"
    return read_pdf_back(path, THEME), PdfReader(str(path))


@pytest.fixture(scope="module")
def deck(built):
    path = built / "clinician-deck.pptx"
    return read_deck_back(path), Presentation(str(path))


def test_the_content_places_at_least_five_figures_in_the_booklet_and_the_deck():
    assert len(IN_BOOKLET) >= 5 and len(ON_SLIDES) >= 5
    assert {f.kind for f in IN_BOOKLET.values()} == set(figures.KINDS)


# -- the booklet -------------------------------------------------------------------------------------
def page_of(readback, ident: str) -> int:
    where, missing = find(f"figure:{ident}", IN_BOOKLET[ident], readback)
    assert not missing, missing
    return int(where.split()[-1])


@pytest.mark.parametrize("ident", sorted(IN_BOOKLET))
def test_a_booklet_figure_shows_its_title_every_label_and_its_text_equivalent_on_one_page(booklet, ident):
    readback, _ = booklet
    node = IN_BOOKLET[ident]
    page = readback.places[page_of(readback, ident) - 1].squashed
    assert squash(node.title) in page and squash(node.text) in page
    assert all(squash(label) in page for label in figures.labels(node))
    assert page.index(squash(node.title)) < page.index(squash(node.text))      # title above, words below


@pytest.mark.parametrize("ident", sorted(IN_BOOKLET))
def test_a_booklet_figure_is_vector_graphics_and_embedded_text_not_a_picture(booklet, ident):
    readback, reader = booklet
    page = reader.pages[page_of(readback, ident) - 1]
    objects = (page["/Resources"].get("/XObject") or {})
    images = [k for k, v in objects.items() if v.get_object().get("/Subtype") == "/Image"]
    assert images == []
    stream = page.get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"\bc\n", stream)) + len(re.findall(r"\bre\b", stream)) >= 8   # curves and rectangles


@pytest.mark.parametrize("ident", sorted(IN_BOOKLET))
def test_a_booklet_figure_says_what_you_can_do_with_it_under_its_words_on_its_own_page(booklet, ident):
    readback, _ = booklet
    node = IN_BOOKLET[ident]
    assert node.use == KIT.figures[ident].use and node.use, f"figure {ident} has no 'use' line"
    assert node.use_label == KIT.meta.tools.use
    page = readback.places[page_of(readback, ident) - 1].squashed
    use = squash(f"{node.use_label} {node.use}")
    assert use in page                        # kept with the figure, never alone at the top of the next page
    assert page.index(squash(node.text)) < page.index(use)


def test_the_icon_arrays_people_are_drawn_one_by_one(booklet):
    readback, reader = booklet
    stream = reader.pages[page_of(readback, "hr-positive-in-100") - 1].get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"\bc\n", stream)) >= 100 * 8          # every head and body of 100 people: curved paths


# -- the deck ----------------------------------------------------------------------------------------
def slide_with(prs, title: str):
    found = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text_frame.text == title]
    assert len(found) == 1, f"{len(found)} slides titled {title!r}"
    return found[0]


def figure_groups(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]


def descendants(group) -> list:
    out = []
    for shape in group.shapes:
        out.append(shape)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            out += descendants(shape)
    return out


@pytest.mark.parametrize("ident", sorted(ON_SLIDES))
def test_a_deck_figure_is_one_group_of_native_shapes_with_its_alt_text(deck, ident):
    _, prs = deck
    node = ON_SLIDES[ident].figure
    slide = slide_with(prs, node.title)
    (group,) = figure_groups(slide)
    assert group._element.xpath("./p:nvGrpSpPr/p:cNvPr/@descr") == [node.alt]
    parts = descendants(group)
    assert {p.shape_type for p in parts} <= {MSO_SHAPE_TYPE.AUTO_SHAPE, MSO_SHAPE_TYPE.TEXT_BOX, MSO_SHAPE_TYPE.LINE}
    assert not any(p.shape_type == MSO_SHAPE_TYPE.PICTURE for p in slide.shapes)
    words = squash("".join(p.text_frame.text for p in parts if p.has_text_frame))
    assert all(squash(label) in words for label in figures.labels(node)[1:])


@pytest.mark.parametrize("ident", sorted(ON_SLIDES))
def test_a_deck_figure_sits_under_the_title_inside_the_slide_and_above_its_sources(deck, ident):
    _, prs = deck
    slide = slide_with(prs, ON_SLIDES[ident].figure.title)
    (group,) = figure_groups(slide)
    title = slide.shapes.title
    note = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith(KIT.meta.deck.sources))
    assert group.left >= 0 and group.left + group.width <= prs.slide_width
    assert group.top >= title.top + title.height and group.top + group.height <= note.top


@pytest.mark.parametrize("ident", sorted(ON_SLIDES))
def test_a_figure_slide_follows_its_topic_and_its_notes_give_the_alt_text_and_words(deck, ident):
    _, prs = deck
    slide = ON_SLIDES[ident]
    notes = slide_with(prs, slide.figure.title).notes_slide.notes_text_frame.text
    assert squash(slide.figure.alt) in squash(notes) and squash(slide.figure.text) in squash(notes)
    order = [s.title for s in DECK_DOC.slides]
    topic = next(s for s in KIT.sections if s.clinician and ident in s.clinician.figures).clinician.title
    assert order.index(topic) < order.index(slide.title)


def test_the_deck_read_back_finds_every_figure_with_its_alt_text(deck):
    readback, _ = deck
    for ident, slide in ON_SLIDES.items():
        where, missing = find(f"figure:{ident}", slide.figure, readback)
        assert missing == "" and where.startswith("s. ")
        assert slide.figure.alt in readback.places[int(where.split()[-1]) - 1].alts


def deck_words(prs) -> str:
    """Every word of the deck: slide shapes (inside groups too) and speaker notes, squashed."""
    words = []
    for slide in prs.slides:
        for shape in slide.shapes:
            parts = [shape, *descendants(shape)] if shape.shape_type == MSO_SHAPE_TYPE.GROUP else [shape]
            words += [p.text_frame.text for p in parts if p.has_text_frame]
        if slide.has_notes_slide:
            words.append(slide.notes_slide.notes_text_frame.text)
    return squash(" ".join(words))


@pytest.mark.parametrize("ident", sorted(ON_SLIDES))
def test_a_figure_slide_leaves_out_the_patients_use_line(deck, ident):
    _, prs = deck
    node = ON_SLIDES[ident].figure
    assert KIT.figures[ident].use                 # the content has one: the deck leaves it out on purpose
    assert (node.use, node.use_label) == (None, "")
    assert squash(KIT.figures[ident].use) not in deck_words(prs)


def test_deck_people_are_editable_heads_and_bodies_filled_as_the_array_says(deck):
    _, prs = deck
    node = ON_SLIDES["her2-positive-in-100"].figure
    (group,) = figure_groups(slide_with(prs, node.title))
    bodies = [p for p in descendants(group) if p.name == "Body"]
    solid = [b for b in bodies if b._element.xpath("./p:spPr/a:solidFill")]
    assert len(bodies) == 100 + 2                       # the people, then one sample per legend line
    assert len(solid) == node.data.filled + 1


def test_deck_arrows_are_connectors_with_arrowheads_and_optional_steps_are_dashed(deck):
    _, prs = deck
    node = ON_SLIDES["early-treatment-order"].figure
    (group,) = figure_groups(slide_with(prs, node.title))
    heads = group._element.xpath(".//p:cxnSp/p:spPr/a:ln/a:tailEnd[@type='triangle']")
    dashed = group._element.xpath(".//p:sp/p:spPr/a:ln/a:prstDash[@val='dash']")
    assert len(heads) == len(node.data.steps) - 1
    assert len(dashed) == sum(s.sometimes for s in node.data.steps) + 1     # and the legend's sample
