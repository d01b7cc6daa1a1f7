"""The web edition as a specification: what a reader, a screen reader and a phone get from the page.

Static checks on the built page (parsed with the standard library); the same page opened in a real
browser and audited with axe-core is in test_browser.py.
"""
from __future__ import annotations

import re
import typing
import warnings
from html.parser import HTMLParser

import pytest

from booklet.build.options import BuildOptions
from booklet.compose import tree as t
from booklet.outputs import web_html
from booklet.outputs.web_html import blocks as html_blocks
from booklet.outputs.web_html.markup import VOID
from booklet.outputs.web_html.readback import read_html_back
from booklet.outputs.web_html.svg import PRIMITIVES, drawing_svg
from booklet.verify.find import find
from booklet.compose.walk import items, walk
from editions import HOSTILE, document, every_primitive, loc, shipped, theme, write

OPTIONS = BuildOptions(__import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").timezone.utc))


class Elements(HTMLParser):
    """Every element as (tag, attributes), in order, and the page's text."""

    def __init__(self, page: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict]:
        return [a for name, a in self.elements if name == tag]


class Node:
    """An element of the page as a tree: its tag, attributes, children and text, to look inside one."""

    def __init__(self, tag: str, attrs: dict, parent=None):
        self.tag, self.attrs, self.parent, self.content = tag, attrs, parent, []   # strings and nodes, in order

    @property
    def children(self) -> list["Node"]:
        return [c for c in self.content if isinstance(c, Node)]

    def find(self, tag: str, **attrs) -> list["Node"]:
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        found = []
        for child in self.children:
            if child.tag == tag and all(child.attrs.get(k) == v for k, v in wanted.items()):
                found.append(child)
            found += child.find(tag, **attrs)
        return found

    @property
    def text(self) -> str:
        return " ".join(" ".join(c if isinstance(c, str) else c.text for c in self.content).split())


def tree(page: str) -> Node:
    root = Node("#root", {})

    class Builder(HTMLParser):
        current = root

        def handle_starttag(self, tag, attrs):
            node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
            self.current.content.append(node)
            if tag not in VOID:
                self.current = node

        def handle_endtag(self, tag):
            node = self.current
            while node is not root and node.tag != tag:
                node = node.parent
            if node is not root:
                self.current = node.parent

        def handle_data(self, data):
            self.current.content.append(data)
    Builder().feed(page)
    return root


@pytest.fixture(scope="module")
def page() -> str:
    doc, th = shipped()
    return web_html.render(doc, th, OPTIONS).decode("utf-8")


def test_the_page_declares_its_language_title_and_one_h1(page):
    parsed = Elements(page)
    doc, _ = shipped()
    assert parsed.all("html")[0]["lang"] == doc.meta.language
    assert len(parsed.all("h1")) == 1
    assert re.search(r"<title>" + re.escape(doc.meta.title) + "</title>", page)


def test_headings_never_skip_a_level(page):
    levels = [int(tag[1]) for tag, _ in Elements(page).elements if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))


def test_landmarks_skip_link_first_and_contents_links_to_every_section(page):
    parsed = Elements(page)
    first_in_body = parsed.elements[[tag for tag, _ in parsed.elements].index("body") + 1]
    assert first_in_body == ("a", {"href": "#main", "class": "skip-link"})
    assert [tag for tag, _ in parsed.elements].count("main") == 1
    assert parsed.all("header") and parsed.all("nav")
    doc, _ = shipped()
    entries = next(b for p in doc.parts for b in p.blocks if isinstance(b, t.Contents)).entries
    links = [a["href"] for a in parsed.all("a") if a.get("href", "").startswith("#section") or
             a.get("href", "")[1:] in {key for key, _ in entries}]
    assert [f"#{key}" for key, _ in entries] == links[:len(entries)]
    ids = {a.get("id") for _, a in parsed.elements}
    assert all(key in ids for key, _ in entries)


def test_every_table_has_a_caption_and_scoped_header_cells(page):
    parsed = Elements(page)
    assert len(parsed.all("table")) == len(parsed.all("caption")) > 0
    assert all(a.get("scope") in ("col", "row") for a in parsed.all("th"))
    wrappers = [a for a in parsed.all("div") if a.get("class") == "table-scroll"]
    assert len(wrappers) == len(parsed.all("table"))   # wide tables scroll inside their own box
    assert all(w["tabindex"] == "0" and w["role"] == "region" for w in wrappers)


def test_the_page_makes_no_request_of_any_kind(page):
    parsed = Elements(page)
    assert not any(tag in ("script", "link", "iframe", "object", "embed", "img") and
                   not a.get("src", "data:").startswith("data:") for tag, a in parsed.elements)
    assert not re.search(r"url\((?!#)|@import|<script", page, re.IGNORECASE)
    policy = next(a["content"] for a in parsed.all("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy


def test_every_form_field_has_a_label_and_glossary_links_land(page):
    parsed = Elements(page)
    labelled = {a["for"] for a in parsed.all("label")}
    fields = parsed.all("input") + parsed.all("textarea")
    assert len(fields) > 20
    assert all(f.get("id") in labelled or f.get("aria-label") or f.get("aria-labelledby") for f in fields)
    ids = {a.get("id") for _, a in parsed.elements}
    terms = [a["href"][1:] for a in parsed.all("a") if a.get("class") == "term"]
    assert len(terms) > 50 and set(terms) <= ids


def test_verify_finds_every_item_with_its_place(page, tmp_path):
    doc, th = shipped()
    back = read_html_back(write(tmp_path, "patient-booklet.html", page.encode()))
    assert back.problems == ()
    for key, node in items(doc):
        where, missing = find(key, node, back)
        assert not missing, (key, missing)
        assert where.startswith("#") or "/" in where


def test_every_block_type_of_the_tree_has_a_function():
    assert set(typing.get_args(t.Block)) <= set(html_blocks.RENDERERS)


def test_an_unknown_node_warns_loudly_and_keeps_its_words():
    @__import__("dataclasses").dataclass(frozen=True)
    class Future:
        words: str
        loc: object

    ctx = html_blocks.Context(document(), theme(), {})
    with pytest.warns(html_blocks.UnknownNode, match="Future"):
        out = html_blocks.block(Future("Keep these words", loc()), ctx)
    assert "Keep these words" in out


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_stays_text_everywhere(hostile, tmp_path):
    table = t.Table("hostile", hostile, (hostile, "B"), ((hostile, "1"),), loc())
    doc = document(t.Heading(hostile, loc()), t.Paragraph(hostile, loc()), t.BulletList((hostile,), loc()),
                   t.Box("tip", hostile, (t.Paragraph(hostile, loc()),), loc()), table,
                   t.Definitions(((hostile, hostile),), loc()), t.WriteIn((hostile,), loc()),
                   t.Form((hostile,), (hostile,), loc()), title=hostile)
    page = web_html.render(doc, theme(), OPTIONS).decode()
    parsed = Elements(page)
    assert [tag for tag, _ in parsed.elements].count("script") == 0
    assert not any(k.startswith("on") for _, a in parsed.elements for k in a)
    assert "".join(parsed.text).count(hostile) >= 8
    back = read_html_back(write(tmp_path, "p.html", page.encode()))
    assert back.problems == ()
    assert back.places[1].tables == (((hostile, "B"), (hostile, "1")),)


def test_every_drawing_primitive_becomes_named_svg_with_real_text():
    svg = drawing_svg(every_primitive(), "fig-1", "A title", "The alt text & more", theme())
    parsed = Elements(svg)
    root = parsed.all("svg")[0]
    assert root["role"] == "img" and root["aria-labelledby"] == "fig-1-title fig-1-desc"
    assert "<title id=\"fig-1-title\">A title</title>" in svg and "The alt text &amp; more" in svg
    assert [a.get("text-anchor") for a in parsed.all("text")] == ["middle", "end"]
    assert "Middle label" in parsed.text and "End label" in parsed.text
    assert parsed.all("pattern") and parsed.all("ellipse") and parsed.all("polygon") and parsed.all("circle")
    assert set(PRIMITIVES) == set(typing.get_args(__import__("booklet.figures.drawing").figures.drawing.Shape))


def test_a_figure_node_is_drawn_with_its_title_text_and_alt(monkeypatch, tmp_path):
    import booklet.figures

    monkeypatch.setattr(booklet.figures, "layout", lambda figure, width, size, measure: every_primitive())
    monkeypatch.setattr(booklet.figures, "labels", lambda figure: ("Middle label", "End label"))
    node = t.Figure("demo", "scale", "How the scale works", "A scale from 0 to 3+", "Read it left to right.", None, loc())
    page = web_html.render(document(node), theme(), OPTIONS).decode()
    back = read_html_back(write(tmp_path, "p.html", page.encode()))
    assert find("figure:demo", node, back) == ("#section-1", "")
    assert "A scale from 0 to 3+" in back.places[1].alts


def test_a_chart_alone_gets_its_own_data_table(tmp_path):
    chart = t.Chart("c", "Survival (%)", ("Local", "Distant"), (t.Series("Type A", (90.0, 30.0), ("90%", "30%")),),
                    "Bar chart: Local 90%, Distant 30%.", loc(), "Stage")
    page = web_html.render(document(chart), theme(), OPTIONS).decode()
    back = read_html_back(write(tmp_path, "p.html", page.encode()))
    assert back.places[1].tables == ((("Stage", "Type A"), ("Local", "90%"), ("Distant", "30%")),)
    assert "Bar chart: Local 90%, Distant 30%." in back.places[1].alts


def test_the_web_link_is_a_named_qr_code_and_a_real_link():
    link = t.WebLink("https://www.example.org/b?x=1&y=2", "www.example.org/b?x=1&y=2", "Read online",
                     "QR code to www.example.org/b", loc())
    page = web_html.render(document(link), theme(), OPTIONS).decode()
    parsed = Elements(page)
    assert any(a.get("href") == "https://www.example.org/b?x=1&y=2" for a in parsed.all("a"))
    assert "QR code to www.example.org/b" in parsed.text
    qr = next(a for a in parsed.all("svg") if a.get("class") == "qr")
    assert qr["role"] == "img"


def test_the_read_back_refuses_a_page_that_would_load_something(tmp_path):
    bad = ('<!DOCTYPE html><html><body><h1>x</h1><img src="https://tracker.example/x.png">'
           '<script src="a.js"></script><table><tr><th>a</th></tr></table></body></html>')
    problems = " | ".join(read_html_back(write(tmp_path, "bad.html", bad.encode())).problems)
    for expected in ("<script>", "would load from outside", "no alt", "no scope", "no caption", "no lang"):
        assert expected in problems


def nodes_of(kind):
    doc, _ = shipped()
    return [n for part in doc.parts for n in walk(part.blocks) if isinstance(n, kind)]


def test_when_to_call_panels_are_labelled_regions_of_numbered_steps(page):
    root = tree(page)
    panels = root.find("section", class_="panel role-when-to-call")
    wanted = nodes_of(t.Steps)
    assert len(panels) == len(wanted) > 0
    for region, node in zip(panels, wanted):
        title = root.find("h3", id=region.attrs["aria-labelledby"])
        assert [h.text for h in title] == [node.title]
        steps = [li for li in region.find("li") if li.parent.attrs.get("class") == "steps"]
        assert [li.find("p", class_="step-label")[0].text for li in steps] == [s.label for s in node.steps]
        last = node.steps[-1].blocks
        for fill in last:                       # the institution's words, or a labelled field to write in
            if fill.value is None:
                label = next(lab for lab in steps[-1].find("label") if lab.text == fill.label)
                assert steps[-1].find("input", id=label.attrs["for"])
            else:
                assert f"{fill.label} {fill.value}" in steps[-1].text


def test_my_results_is_a_form_of_labelled_checkboxes_and_text_fields(page):
    root = tree(page)
    (node,) = nodes_of(t.ResultsForm)
    (region,) = root.find("section", class_="results box role-my-results")
    assert root.find("h3", id=region.attrs["aria-labelledby"])[0].text == node.title
    groups = {g.find("legend")[0].text: g for g in region.find("fieldset")}
    labels = {lab.attrs["for"]: lab.text for lab in region.find("label")}
    for field in node.fields:
        if not field.choices:                   # a free answer: a text field with its own label
            assert field.label in labels.values()
            continue
        boxes = groups[field.label].find("input", type="checkbox")
        assert [labels[b.attrs["id"]] for b in boxes] == [*field.choices, *([field.other] if field.other else [])]
        written = groups[field.label].find("input", type="text")
        assert [w.attrs["aria-label"] for w in written] == ([f"{field.label}: {field.other}"] if field.other else [])


def test_grids_are_tables_of_inputs_under_scoped_headers(page):
    root = tree(page)
    _, th = shipped()
    for node in nodes_of(t.Grid):
        (table,) = root.find("table", class_=f"form-grid role-{node.role}")
        assert [h.text for h in table.find("th", scope="col")] == list(node.columns)
        shares = th.booklet.grid_widths(node.role)         # the print booklet's column shares, every grid
        assert [c.attrs["style"] for c in table.find("col")] == [
            f"width: {share / sum(shares) * 100:.1f}%" for share in shares], node.role
        body = table.find("tbody")[0].find("tr")
        if node.rows:                           # a week: each row headed by its day
            assert [r.find("th", scope="row")[0].text for r in body] == list(node.rows)
        else:
            assert len(body) == th.editions.html_appointment_rows
        for c, hint in enumerate(node.hints[1:] if node.rows else node.hints):
            column = node.columns[c + 1 if node.rows else c]
            cells = [r.find("td")[c] for r in body]
            ticks = [w for w in hint.split("\n") if w.strip()]
            kind = "checkbox" if ticks == ["\u2610"] or len(ticks) > 1 else "text"
            fields = [f for cell in cells for f in cell.find("input")]
            assert {f.attrs["type"] for f in fields} == {kind}
            assert all(f.attrs["aria-label"].startswith(column) for f in fields)
            assert len(fields) == len(cells) * (len(ticks) if len(ticks) > 1 else 1)


def test_a_personal_booklet_shows_what_was_written_in():
    care = t.Form(("Breast surgeon", "Pharmacist"), ("Name", "Phone"), loc(),
                  values=(("Dr A. Example", "555 0100"), ()))
    visits = t.Grid(("Date", "Time", "Who and where", "Notes"), ("", "", "", ""), loc(),
                    filled=(("10 December 2026", "09:30", "Clinic B", ""),))
    root = tree(web_html.render(document(care, visits), theme(), OPTIONS).decode())
    values = [f.attrs.get("value") for f in root.find("input", type="text")]
    assert values[:4] == ["Dr A. Example", "555 0100", None, None]
    assert values[4:8] == ["10 December 2026", "09:30", "Clinic B", None]


def test_tables_charts_and_figures_say_what_a_reader_can_do_with_them(page):
    root = tree(page)
    lines = [p.text for p in root.find("p", class_="use")]
    wanted = [f"{n.use_label} {n.use}" for n in nodes_of((t.Table, t.Chart, t.Figure)) if n.use]
    assert wanted and lines == wanted
    assert {n.id for n in nodes_of(t.Figure) if n.use} == {n.id for n in nodes_of(t.Figure)}


def test_a_figures_use_line_is_inside_its_figure_under_its_text_equivalent(page):
    root = tree(page)
    for node in nodes_of(t.Figure):
        (figure,) = root.find("figure", id=f"figure-{html_blocks.slug(node.id)}")
        assert [c.attrs.get("class") for c in figure.children][-2:] == ["figure-text", "use"]
        assert figure.children[-1].text == f"{node.use_label} {node.use}"


def test_the_cover_picture_is_drawn_and_named_by_its_alt(page):
    root = tree(page)
    (node,) = nodes_of(t.Illustration)
    (cover,) = root.find("header", class_="cover")
    (art,) = cover.find("svg", class_="illustration")
    assert art.attrs["role"] == "img" and art.find("title")[0].text == node.alt
    assert len(art.find("path")) > 10 and art.find("clippath")


def test_every_figure_is_laid_out_for_a_phone_and_for_the_wide_column(page):
    from booklet.outputs.web_html.figures import sizes
    from booklet.typeset.fonts import register_family, width

    doc, th = shipped()
    names = register_family(th)
    root = tree(page)
    figures = root.find("figure", class_="drawn-figure")
    assert len(figures) == len(nodes_of(t.Figure)) > 0
    for figure in figures:
        narrow, wide = figure.find("svg")
        assert narrow.attrs["class"].endswith("figure-narrow") and wide.attrs["class"].endswith("figure-wide")
        assert [float(s.attrs["viewbox"].split()[2]) for s in (narrow, wide)] == [sizes(th).narrow, sizes(th).wide]
        for label in narrow.find("text") + wide.find("text"):   # each fitted to the width the layout measured
            face = names["bold" if label.attrs.get("font-weight") == "bold" else "regular"]
            measured = width(label.text, face, float(label.attrs["font-size"]))
            assert float(label.attrs["textlength"]) == pytest.approx(measured, abs=0.01)
            assert label.attrs["lengthadjust"] == "spacingAndGlyphs"


def test_figure_primitives_keep_the_drawing_units_of_the_print_booklet():
    """Stroke widths are multiples of figures.line_width, dashes are points, patterns sit
    figures.pattern_gap apart in the stroke colour, a person is the head and body of person_parts."""
    from booklet import figures
    from booklet.figures import drawing as d

    th = theme()
    unit, gap = th.figures.line_width, th.figures.pattern_gap
    person = d.Person(40, 0, 20, 40, filled=False, fill="strong", stroke="strong", pattern="hatch")
    drawing = d.Drawing(100, 60, (d.Box(0, 0, 30, 20, "paper", "line", 1.5, dash=(4.0, 3.0), pattern="dots"),
                                  d.Line(0, 30, 30, 30, "line", 2.0, arrow=True), person))
    root = tree(drawing_svg(drawing, "f", "T", "Alt", th))
    outline = next(r for r in root.find("rect") if r.attrs.get("stroke"))
    assert float(outline.attrs["stroke-width"]) == pytest.approx(1.5 * unit, abs=0.01)
    assert outline.attrs["stroke-dasharray"] == "4 3"
    (dots,) = [p for p in root.find("pattern") if p.find("circle")]
    assert float(dots.attrs["width"]) == pytest.approx(gap, abs=0.01)
    assert {c.attrs["fill"] for c in dots.find("circle")} == {figures.colour(th, "line")}
    assert float(root.find("line")[0].attrs["stroke-width"]) == pytest.approx(2 * unit, abs=0.01)
    (hx, hy, hw, _), (bx, by, bw, bh), radius = d.person_parts(person)
    (placed,) = root.find("use")                  # the person's look is defined once, placed where it stands
    (look,) = root.find("g", id=placed.attrs["href"][1:])
    (head,), (body,) = look.find("circle"), look.find("rect")
    assert float(head.attrs["r"]) == pytest.approx(hw / 2, abs=0.01)
    assert float(placed.attrs["x"]) + float(head.attrs["cx"]) == pytest.approx(hx + hw / 2, abs=0.01)
    assert float(placed.attrs["y"]) + float(body.attrs["y"]) == pytest.approx(by, abs=0.01)
    assert float(body.attrs["height"]) == pytest.approx(bh, abs=0.01)
    assert float(body.attrs["rx"]) == pytest.approx(radius, abs=0.01)
    assert look.attrs["fill"].startswith("url(#") and float(look.attrs["stroke-width"]) == pytest.approx(0.9 * unit)
