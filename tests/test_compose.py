"""Compose, tested with no renderer: the document trees as plain nested data (as WeasyPrint asserts
its box trees). What these trees say is what every output draws."""
from __future__ import annotations

import dataclasses

from booklet import compose
from booklet.build import load_valid
from booklet.compose import tree as t, walk
from conftest import CONTENT, MINI

MINI_KIT = load_valid(MINI)
KIT = load_valid(CONTENT)


def shape(node):
    """A node as nested tuples of its type and the fields that give it structure (not its words)."""
    if isinstance(node, t.Part):
        return ("Part", node.role, node.key, tuple(shape(b) for b in node.blocks))
    if isinstance(node, t.Box):
        return ("Box", node.role, tuple(shape(b) for b in node.body))
    if isinstance(node, t.BulletList):
        return ("BulletList", node.marker, len(node.items))
    if isinstance(node, t.Paragraph):
        return ("Paragraph", node.role)
    if isinstance(node, (t.Table, t.Chart)):
        return (type(node).__name__, node.id)
    if isinstance(node, t.Steps):
        return ("Steps", node.role, tuple(tuple(type(b).__name__ for b in step.blocks) for step in node.steps))
    if isinstance(node, t.ResultsForm):
        return ("ResultsForm", node.role, len(node.fields))
    return (type(node).__name__,)


def test_the_booklet_is_cover_contents_sections_furniture_then_sources():
    doc = compose.documents(MINI_KIT, "booklet")[0]
    assert [(p.role, p.key) for p in doc.parts] == [
        ("cover", "cover"), ("contents", "contents"), ("section", "section-1"), ("section", "section-2"),
        ("glossary", "glossary"), ("questions", "questions"), ("care-team", "care-team"),
        ("appointments", "appointments"), ("tracker", "tracker"), ("notes", "notes"), ("sources", "sources")]
    assert (doc.name, doc.pad, doc.pad_title, doc.folio) == ("patient-booklet", "sources", "Notes", "Page")


def test_a_section_opens_with_its_key_points_then_its_blocks_in_order():
    first = compose.documents(MINI_KIT, "booklet")[0].parts[2]
    assert shape(first) == ("Part", "section", "section-1", (
        ("Box", "key-points", (("BulletList", "bullet", 2),)),
        ("Paragraph", "body"),
        ("Heading",),
        ("BulletList", "bullet", 2),
        ("Steps", "when-to-call", (("BulletList",), ("Paragraph",), ("FillIn", "FillIn", "FillIn"))),
        ("Table", "results"),
        ("ResultsForm", "my-results", 3),
    ))
    assert first.item == "section:first"


def test_the_contents_lists_every_part_after_it_in_order():
    doc = compose.documents(KIT, "booklet")[0]
    contents = doc.parts[1].blocks[0]
    assert isinstance(contents, t.Contents)
    assert list(contents.entries) == [(p.key, p.title) for p in doc.parts[2:]]


def test_every_string_keeps_the_location_of_the_yaml_it_came_from():
    doc = compose.documents(MINI_KIT, "booklet")[0]
    paragraph = doc.parts[2].blocks[1]
    assert paragraph.text == "HER2 is a protein. Some cancer cells have a lot of it."
    assert (paragraph.loc.path.endswith("sections/01-first.yaml"), paragraph.loc.line) == (True, 7)
    assert paragraph.refs == (1,)                       # source 'alpha' is number 1 in sources.yaml


def test_a_handout_is_a_header_a_body_and_a_footer():
    doc = compose.documents(MINI_KIT, "handout")[0]
    assert [p.role for p in doc.parts] == ["header", "body", "footer"]
    header, body, footer = doc.parts
    assert [type(b).__name__ for b in header.blocks] == ["Paragraph", "Badges", "ResultsForm"]
    assert [shape(b) for b in body.blocks] == [
        ("Box", "key-points", (("BulletList", "bullet", 2),)),
        ("Heading",), ("Paragraph", "body"), ("Paragraph", "body"),
        ("Heading",), ("BulletList", "bullet", 2), ("Heading",), ("BulletList", "bullet", 1),
        ("Heading",), ("Definitions",),
        ("Steps", "when-to-call", (("BulletList",), ("Paragraph",), ("FillIn", "FillIn", "FillIn"))),
        ("Heading",), ("Table", "survival"),
        ("Heading",), ("BulletList", "check", 3)]
    assert shape(footer.blocks[0]) == ("Box", "learn-more", (("Paragraph", "strong"),))
    assert doc.name == "handouts/type-a" and header.item == "subtype:type-a"


def test_a_handout_shows_only_its_subtypes_columns_of_the_survival_table():
    for subtype, doc in zip(KIT.subtypes, compose.documents(KIT, "handout")):
        table = next(b for b in doc.parts[1].blocks if isinstance(b, t.Table))
        assert table.header[1:] == subtype.outlook.columns
        assert all(len(row) == 1 + len(subtype.outlook.columns) for row in table.rows)


def test_the_deck_is_a_sequence_of_logical_slides_with_a_title_slide_first():
    doc = compose.documents(MINI_KIT, "deck")[0]
    assert [(s.kind, s.layout) for s in doc.slides] == [
        ("cover", "title"), ("disclosures", "content"), ("objectives", "content"), ("question", "content"),
        ("agenda", "content"),
        ("section", "section"), ("topic", "content"), ("table", "title_only"),
        ("section", "section"), ("topic", "content"), ("chart", "title_only"),
        ("section", "section"), ("case", "content"), ("discussion", "content"), ("question", "content"),
        ("take_aways", "content"), ("references", "content")]
    assert [s.item for s in doc.slides if s.item] == ["section:first", "section:second"]
    assert [s.subtitle for s in doc.slides if s.kind == "section"] == [("Part 1 of 3",), ("Part 2 of 3",),
                                                                      ("Part 3 of 3",)]
    cover = MINI_KIT.deck.cover
    assert doc.slides[0].subtitle[:3] == (f"{cover.presenter}, {cover.credentials}", cover.institution,
                                          cover.event_date)


def test_deck_tables_and_charts_show_the_clinician_caption_and_note_never_the_patients():
    doc = compose.documents(MINI_KIT, "deck")[0]
    for slide in doc.slides:
        node = slide.table or slide.chart
        if node is None:
            continue
        words = MINI_KIT.tables[node.id].clinician
        assert slide.title == words.caption and slide.footnote.startswith(words.note)
        assert (node.caption if slide.table else node.title) == words.caption
        assert MINI_KIT.tables[node.id].caption not in slide.notes


def test_every_content_item_is_in_some_document():
    items = {key for kind in compose.COMPOSERS for doc in compose.documents(KIT, kind) for key, _ in walk.items(doc)}
    assert {f"section:{s.id}" for s in KIT.sections} <= items
    assert {f"subtype:{s.id}" for s in KIT.subtypes} <= items
    assert all(f"table:{i}" in items or f"chart:{i}" in items for i in KIT.tables)


def test_trees_are_plain_data_that_never_hold_the_content_model():
    from booklet import model as m

    model_types = tuple(c for c in vars(m).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
                        and c.__module__.startswith("booklet.model"))

    def check(value):
        assert not isinstance(value, model_types), f"a tree holds a model object: {type(value).__name__}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                check(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                check(item)
    for kind in compose.COMPOSERS:
        for doc in compose.documents(KIT, kind):
            check(doc)
