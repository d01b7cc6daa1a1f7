"""The tagged PDF as a specification: what a screen reader finds through its structure tree.

The shipped booklet is compiled once and read back with pikepdf (``tagged_pdf.readback``): PDF/UA-1
claimed, a structure tree with headings, lists and tables whose header cells have a scope, /Alt on
every figure, the language and the title bar, bookmarks, page furniture as artifacts, fonts embedded.
Hand-made trees prove that content is data, never Typst code, and that a Typst error names its line.
"""
from __future__ import annotations

import datetime
import re
import typing
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")
pytest.importorskip("typst")

from booklet.build.options import BuildOptions  # noqa: E402
from booklet.compose import tree as t  # noqa: E402
from booklet.compose.walk import items, walk  # noqa: E402
from booklet.errors import ContentError  # noqa: E402
from booklet.outputs import tagged_pdf  # noqa: E402
from booklet.outputs.tagged_pdf import data as pdf_data  # noqa: E402
from booklet.outputs.tagged_pdf.pictures import PRIMITIVES  # noqa: E402
from booklet.outputs.tagged_pdf.readback import read_tagged_back  # noqa: E402
from booklet.verify.find import find  # noqa: E402
from editions import HOSTILE, document, every_primitive, loc, shipped, theme, write  # noqa: E402

OPTIONS = BuildOptions(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    doc, th = shipped()
    return write(tmp_path_factory.mktemp("tagged"), "patient-booklet-accessible.pdf", tagged_pdf.render(doc, th, OPTIONS))


@pytest.fixture(scope="module")
def back(built):
    return read_tagged_back(built)


def test_the_pdf_passes_its_own_pdf_ua_checks(back):
    assert back.problems == ()


def test_language_title_bar_and_pdf_ua_claim(built):
    doc, _ = shipped()
    with pikepdf.open(built) as pdf:
        assert str(pdf.Root.Lang) == doc.meta.language
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.MarkInfo.Marked is True
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == doc.meta.title


def test_structure_counts_match_the_tree(back):
    doc, _ = shipped()
    nodes = [n for part in doc.parts for n in walk(part.blocks)]
    tables = [n for key, n in items(doc) if key.startswith("table:")]
    grids = [n for n in nodes if isinstance(n, t.Grid)]              # appointments, tracker, activity log
    pictures = [n for key, n in items(doc) if key.startswith(("chart:", "figure:"))]
    drawn = [n for n in nodes if isinstance(n, (t.Illustration, t.WebLink))]   # the cover picture, a QR code
    panels = [n for n in nodes if isinstance(n, t.Steps)]
    tags = back.metadata["tags"]
    assert grids and drawn and panels
    assert tags["/Table"] == len(tables) + len(grids)
    assert back.counts["figure alts"] == tags["/Figure"] == len(pictures) + len(drawn)
    assert back.counts["bookmarks"] == len(doc.parts)
    assert tags["/H1"] == len(doc.parts)
    assert tags["/L"] > 20 + len(panels) and tags["/LI"] == tags["/LBody"]
    assert tags["/TH"] >= sum(len(x.header) for x in tables) + sum(len(g.columns) for g in grids)
    assert sum(1 for _, tag, text in back.metadata["headings"] if any(text == p.title for p in panels)) == len(panels)


def test_every_header_cell_has_a_scope_and_every_figure_an_alt(built):
    with pikepdf.open(built) as pdf:
        elements = []

        def walk(node):
            kids = node if isinstance(node, pikepdf.Array) else [node]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    elements.append(kid)
                    walk(kid.get("/K"))
        walk(pdf.Root.StructTreeRoot.K)
        header_cells = [e for e in elements if e.S == "/TH"]
        figures = [e for e in elements if e.S == "/Figure"]
        def scope(cell) -> str:
            attributes = cell.get("/A")
            attributes = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
            found = [str(a.Scope) for a in attributes if isinstance(a, pikepdf.Dictionary) and "/Scope" in a]
            return str(cell.get("/Scope", found[0] if found else ""))
        assert header_cells and all(scope(e) in ("/Column", "/Row", "/Both") for e in header_cells)
        assert figures and all(str(e.Alt).strip() for e in figures)


def test_page_furniture_is_artifact_and_fonts_are_the_themes_embedded(built, back):
    assert back.metadata["artifact texts"] >= back.counts["pages"] - 1      # header or footer on every page
    assert not any(re.search(r"Page \d+$", p.text) for p in back.places)  # folios are not read as text
    with pikepdf.open(built) as pdf:
        names = {str(f.BaseFont) for page in pdf.pages for f in (page.Resources.get("/Font") or {}).values()}
    assert names and all("SourceSansPro" in n for n in names)


def test_verify_finds_every_item_with_its_page(back):
    doc, _ = shipped()
    for key, node in items(doc):
        where, missing = find(key, node, back)
        assert not missing, (key, missing)
        assert where.startswith("p. ") or key == "terms:glossary"


def test_same_content_same_bytes():
    doc, th = shipped()
    assert tagged_pdf.render(doc, th, OPTIONS) == tagged_pdf.render(doc, th, OPTIONS)


def test_every_block_type_and_primitive_has_a_function():
    from booklet.figures import drawing

    assert set(typing.get_args(t.Block)) <= set(pdf_data.RENDERERS)
    assert set(PRIMITIVES) == set(typing.get_args(drawing.Shape))


def test_an_unknown_node_warns_loudly_and_keeps_its_words(tmp_path):
    @__import__("dataclasses").dataclass(frozen=True)
    class Future:
        words: str
        loc: object

    with pytest.warns(pdf_data.UnknownNode, match="Future"):
        pdf = tagged_pdf.render(document(Future("Keep these words", loc())), theme(), OPTIONS)
    assert "Keep these words" in read_tagged_back(write(tmp_path, "u.pdf", pdf)).text.replace(" ", "") or \
        "Keepthesewords" in read_tagged_back(write(tmp_path, "u.pdf", pdf)).text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_printed_never_run(hostile, tmp_path):
    table = t.Table("hostile", hostile, (hostile, "B"), ((hostile, "1"),), loc())
    doc = document(t.Heading(hostile, loc()), t.Paragraph(hostile, loc()), t.BulletList((hostile,), loc()),
                   t.Box("tip", hostile, (t.Paragraph(hostile, loc()),), loc()), table,
                   t.Definitions(((hostile, hostile),), loc()), title=hostile)
    back = read_tagged_back(write(tmp_path, "h.pdf", tagged_pdf.render(doc, theme(), OPTIONS)))
    assert back.problems == ()
    page = back.places[1]
    assert page.tables == (((hostile, "B"), (hostile, "1")),)
    squashed = re.sub(r"\s+", "", hostile)
    assert page.squashed.count(squashed) >= 6
    assert "root:" not in back.text                                  # /etc/passwd was never read


def test_every_drawing_primitive_is_drawn_inside_a_figure_with_its_alt(monkeypatch, tmp_path):
    import booklet.figures

    monkeypatch.setattr(booklet.figures, "layout", lambda figure, width, size, measure: every_primitive())
    monkeypatch.setattr(booklet.figures, "labels", lambda figure: ("Middle label", "End label"))
    node = t.Figure("demo", "scale", "How the scale works", "A scale from 0 to 3+", "Read it left to right.", None, loc())
    back = read_tagged_back(write(tmp_path, "f.pdf", tagged_pdf.render(document(node), theme(), OPTIONS)))
    assert back.problems == ()
    assert find("figure:demo", node, back) == ("p. 2", "")
    assert back.places[1].alts == ("A scale from 0 to 3+",)
    assert "Middlelabel" in back.places[1].squashed and "Endlabel" in back.places[1].squashed


def test_the_web_link_is_a_figure_with_alt_and_a_link(tmp_path):
    link = t.WebLink("https://www.example.org/b", "www.example.org/b", "Read online", "QR code to www.example.org/b",
                     loc())
    path = write(tmp_path, "w.pdf", tagged_pdf.render(document(link), theme(), OPTIONS))
    back = read_tagged_back(path)
    assert back.problems == () and back.places[1].alts == ("QR code to www.example.org/b",)
    with pikepdf.open(path) as pdf:
        uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a and "/URI" in a.A]
    assert uris == ["https://www.example.org/b"]


def test_a_typst_error_names_the_content_line_that_caused_it(tmp_path):
    broken = tmp_path / "diagram.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n this is not an image")
    bad = t.Image(str(broken), "A diagram", loc(42))
    doc = document(t.Paragraph("Fine text", loc(7)), bad, t.Paragraph("More fine text", loc(9)))
    with pytest.raises(ContentError) as caught:
        tagged_pdf.render(doc, theme(), OPTIONS)
    first = str(caught.value.problems[0])
    assert first.startswith("content/hand-made.yaml:42:1: error: the tagged PDF cannot be made:")


def test_the_readers_tools_are_tagged_structure(back):
    doc, _ = shipped()
    nodes = [n for part in doc.parts for n in walk(part.blocks)]
    (results,) = [n for n in nodes if isinstance(n, t.ResultsForm)]
    headings = [text for _, _, text in back.metadata["headings"]]
    assert results.title in headings
    squashed = re.sub(r"\s+", "", back.text)
    for field in results.fields:                 # each answer with a box to tick per choice
        for choice in field.choices:
            assert re.sub(r"\s+", "", f"\u2610 {choice}") in squashed
    tables = [rows for place in back.places for rows in place.tables]
    for grid in (n for n in nodes if isinstance(n, t.Grid)):
        (rows,) = [rows for rows in tables if rows[0] == grid.columns]
        body = rows[1:]
        if grid.rows:                            # a week: each row starts with its day
            assert [r[0] for r in body] == list(grid.rows)
        assert all(cell == "" for r in body for cell in r[1 if grid.rows else 0:])   # hints are artifacts


def test_the_cover_picture_is_a_figure_with_its_alt_and_use_lines_follow_tables_charts_and_figures(back):
    doc, _ = shipped()
    nodes = [n for part in doc.parts for n in walk(part.blocks)]
    (art,) = [n for n in nodes if isinstance(n, t.Illustration)]
    assert back.places[0].alts == (art.alt,)
    kinds = {t.Table: "table", t.Chart: "chart", t.Figure: "figure"}
    shown = [n for n in nodes if type(n) in kinds and n.use]
    assert {n.id for n in shown if isinstance(n, t.Figure)} == {n.id for n in nodes if isinstance(n, t.Figure)}
    for node in shown:
        where, _ = find(f"{kinds[type(node)]}:{node.id}", node, back)
        page = int(where.split()[-1])
        around = "".join(p.squashed for p in back.places[page - 1:page + 2])   # a long table runs on
        use = re.sub(r"\s+", "", f"{node.use_label} {node.use}")
        assert use in around
        if isinstance(node, t.Figure):          # under the figure's text equivalent
            assert around.index(re.sub(r"\s+", "", node.text)) < around.index(use)


def test_a_personal_booklet_prints_what_was_written_in(tmp_path):
    care = t.Form(("Breast surgeon", "Pharmacist"), ("Name", "Phone"), loc(),
                  values=(("Dr A. Example", "555 0100"), ()))
    visits = t.Grid(("Date", "Time", "Who and where", "Notes"), ("/  /", ":", "", ""), loc(),
                    filled=(("10 December 2026", "09:30", "Clinic B", ""),))
    back = read_tagged_back(write(tmp_path, "p.pdf", tagged_pdf.render(document(care, visits), theme(), OPTIONS)))
    assert back.problems == ()
    assert "DrA.Example" in back.places[1].squashed and "5550100" in back.places[1].squashed
    (rows,) = back.places[1].tables
    assert rows[:3] == (("Date", "Time", "Who and where", "Notes"), ("10 December 2026", "09:30", "Clinic B", ""),
                        ("", "", "", ""))


def test_every_grid_has_the_print_booklets_column_shares(tmp_path):
    """The appointments grid, the tracker and the activity log get the theme's column shares for their role."""
    doc, th = shipped()
    data, _ = pdf_data.document(doc, th, tmp_path)
    grids = list(_grids(data["parts"]))
    roles = [n.role for p in doc.parts for n in walk(p.blocks) if isinstance(n, t.Grid)]
    assert len(grids) == len(roles) >= 3
    for grid, role in zip(grids, roles):
        assert grid["widths"] == list(th.booklet.grid_widths(role)), role


def _grids(value):
    """Every grid in the template data, in document order, however deeply it is nested."""
    if isinstance(value, dict):
        if value.get("type") == "grid":
            yield value
        for item in value.values():
            yield from _grids(item)
    elif isinstance(value, list):
        for item in value:
            yield from _grids(item)
