"""The clinician deck, read back with python-pptx: complete, native, measured, accessible, reproducible.

Parameters come from the loaded kit (the real content, or the mini fixture while content/ does not
validate), so a new section, table or chart gets its own tests without editing this file. Every
deck test runs twice: on python-pptx's default template and on a generated "institution" template
(other layout names and order, other fonts, a narrower body, a sample slide to be removed).
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu, Inches

from booklet import compose
from booklet.compose.common import chart_alt_text, human_date, source_entries
from booklet.build import load_valid
from booklet.errors import ContentError
from booklet.build.options import BuildOptions, build_time
from booklet.outputs import deck_pptx
from booklet.typeset import measure as deck_measure
from booklet.theme import load_theme
from conftest import CONTENT, MINI, STYLES

FILE = "clinician-deck.pptx"
WIDE = (Emu(12192000), Emu(6858000))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


KIT = load_valid(CONTENT)
THEME = load_theme(STYLES)
TOPICS = [s.clinician for s in KIT.sections if s.clinician is not None]
TOPIC_IDS = [s.id for s in KIT.sections if s.clinician is not None]
TABLES = {t: KIT.tables[t] for view in TOPICS for t in view.tables}
CHARTS = {t: KIT.tables[t] for view in TOPICS for t in view.charts}
SOURCES = {ident: text for _, ident, text in source_entries(KIT)}
INSTITUTION_LAYOUTS = {"title": "Cover", "content": "Text", "section": "Divider", "title_only": "Heading only"}


# -- templates -------------------------------------------------------------------------------------
def _rename(prs, names: dict[str, str]) -> None:
    for layout in prs.slide_layouts:
        if layout.name in names:
            layout.name = names[layout.name]


def _set_box(sp, x, y, w, h) -> None:
    sp.left, sp.top, sp.width, sp.height = Inches(x), Inches(y), Inches(w), Inches(h)


def make_institution_template(path: Path) -> Path:
    """A natively 16:9 template unlike the default: renamed and reordered layouts, other theme fonts,
    left-aligned narrow geometry, the title placeholder after the body in the spTree, and a slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDE
    defaults = {"Title Slide": "Cover", "Title and Content": "Text", "Section Header": "Divider",
                "Title Only": "Heading only"}
    boxes = {"Cover": {"title": (1.0, 2.0, 9.0, 1.6), "body": (1.0, 3.8, 9.0, 1.4)},
             "Text": {"title": (0.6, 0.35, 11.0, 1.0), "body": (0.6, 1.55, 8.2, 5.4)},
             "Divider": {"title": (0.6, 3.0, 12.0, 1.4)},
             "Heading only": {"title": (0.6, 0.35, 11.0, 1.0)}}
    _rename(prs, defaults)
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            kind = "title" if ph.placeholder_format.idx == 0 else "body"
            if layout.name in boxes and kind in boxes[layout.name]:
                _set_box(ph, *boxes[layout.name][kind])
    text = prs.slide_layouts.get_by_name("Text")
    tree = text.shapes._spTree
    title = text.placeholders[0]._element
    tree.remove(title)
    tree.append(title)                             # title after body in the layout's spTree
    ids = prs.slide_layouts._sldLayoutIdLst
    blank = [e for e, layout in zip(list(ids), prs.slide_layouts) if layout.name == "Blank"][0]
    ids.remove(blank)
    ids.insert(0, blank)                           # another layout order
    theme_part = next(rel.target_part for rel in prs.slide_master.part.rels.values() if rel.reltype.endswith("/theme"))
    blob = theme_part.blob.replace(b'<a:latin typeface="Calibri"/>', b'<a:latin typeface="Georgia"/>')
    theme_part._blob = blob
    sample = prs.slides.add_slide(prs.slide_layouts.get_by_name("Cover"))
    sample.shapes.title.text = "TEMPLATE SAMPLE SLIDE"
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def institution_styles(tmp_path_factory) -> Path:
    styles = tmp_path_factory.mktemp("styles")
    make_institution_template(styles / "institution.pptx")
    layouts = "\n".join(f"    {k}: {v}" for k, v in INSTITUTION_LAYOUTS.items())
    (styles / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\ndeck:\n  template: institution.pptx\n"
                                       f"  layouts:\n{layouts}\n")
    return styles


def theme_for(template: str, institution_styles: Path):
    return THEME if template == "default" else load_theme(institution_styles)


@dataclass
class Deck:
    template: str
    data: bytes
    prs: object
    theme: object

    @property
    def slides(self):
        return list(self.prs.slides)


def render(kit, theme, deck_template=None) -> bytes:
    doc = compose.documents(kit, "deck")[0]
    options = BuildOptions(build_time(kit), deck_template)
    problems = deck_pptx.preflight([doc], theme, options).errors
    if problems:
        raise ContentError(problems)
    return deck_pptx.render(doc, theme, options)


@pytest.fixture(scope="module", params=["default", "institution"])
def deck(request, institution_styles) -> Deck:
    theme = theme_for(request.param, institution_styles)
    data = render(KIT, theme)
    return Deck(request.param, data, Presentation(io.BytesIO(data)), theme)


# -- reading back ------------------------------------------------------------------------------------
def title(slide) -> str:
    shape = slide.shapes.title
    return shape.text_frame.text if shape is not None else ""


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def frames(slide, kind: str):
    return [s for s in slide.shapes if getattr(s, f"has_{kind}", False)]


def plain(slide, theme) -> bool:
    """Title and section-header slides: the only ones allowed to have no notes."""
    return slide.slide_layout.name in (theme.deck.layouts.title, theme.deck.layouts.section)


# -- structure ---------------------------------------------------------------------------------------
def test_deck_is_16_by_9_and_starts_with_a_title_slide(deck):
    assert (deck.prs.slide_width, deck.prs.slide_height) == WIDE
    first = deck.slides[0]
    assert first.slide_layout.name == deck.theme.deck.layouts.title
    text = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert KIT.meta.title in text and KIT.meta.edition in text
    assert human_date(KIT.meta.last_reviewed, KIT.meta.pages.months) in text


def test_fixed_slides_are_present(deck):
    labels = KIT.meta.deck
    titles = [title(s) for s in deck.slides]
    for label in (labels.objectives, labels.agenda, labels.case, labels.discussion, labels.take_aways,
                  labels.references):
        assert any(t == label or t.startswith(f"{label} (") for t in titles), label
    sections = [title(s) for s in deck.slides if s.slide_layout.name == deck.theme.deck.layouts.section]
    assert sections[:len(KIT.deck.parts)] == [part.title for part in KIT.deck.parts]
    agenda = [p.text for s in deck.slides if title(s).startswith(labels.agenda)
              for shape in s.placeholders if shape.placeholder_format.idx != 0 for p in shape.text_frame.paragraphs]
    assert agenda == [part.title for part in KIT.deck.parts]


def test_references_cite_every_source(deck):
    body = " ".join(s.text_frame.text for slide in deck.slides if title(slide).startswith(KIT.meta.deck.references)
                    for s in slide.shapes if s.has_text_frame)
    for text in SOURCES.values():
        assert text in body


def run_of(slides, base: str) -> list:
    """Slides titled ``base``, ``base (2)`` (a repeated title) or ``base (cont.)`` / ``base (2) (cont. 3)``."""
    cont = re.escape(KIT.meta.deck.continued)
    pattern = re.compile(rf"{re.escape(base)}( \(\d+\))?( \({cont}( \d+)?\))?")
    return [s for s in slides if pattern.fullmatch(title(s))]


@pytest.mark.parametrize("topic", TOPICS, ids=TOPIC_IDS)
def test_every_topic_has_a_slide_titled_with_its_title(deck, topic):
    hits = run_of(deck.slides, topic.title)
    assert hits, f"no slide titled {topic.title!r}"
    first = next(s for s in hits if topic.notes in notes(s))
    for source in topic.sources:
        assert SOURCES[source] in notes(first)
    same = [t for t in TOPICS if t.title == topic.title]
    shown = [p.text for s in hits for shape in s.placeholders if shape.placeholder_format.idx != 0
             for p in shape.text_frame.paragraphs]
    assert shown == [point for t in same for point in t.points]


@pytest.mark.parametrize("table", TABLES.values(), ids=list(TABLES))
def test_every_table_is_native_with_identical_cells(deck, table):
    uses = sum(table.id in topic.tables for topic in TOPICS)
    natives = [f.table for s in deck.slides for f in frames(s, "table") if f.name == f"Table: {table.caption}"]
    assert natives
    rows = []
    for native in natives:
        assert native.first_row
        cells = [tuple(c.text for c in row.cells) for row in native.rows]
        assert cells[0] == tuple(table.columns)            # the header repeats on every continuation
        assert len(cells) - 1 <= deck.theme.deck.table_max_rows
        rows.extend(cells[1:])
    assert rows == [tuple(r) for r in table.rows] * uses


@pytest.mark.parametrize("table", CHARTS.values(), ids=list(CHARTS))
def test_every_chart_is_native_with_the_table_data(deck, table):
    charts = [f for s in deck.slides for f in frames(s, "chart")
              if list(f.chart.plots[0].categories) == table.categories()]
    assert charts
    frame = charts[0]
    plot = frame.chart.plots[0]
    assert [(s.name, list(s.values)) for s in plot.series] == [(n, v) for n, v in table.series()]
    assert plot.has_data_labels and frame.chart.has_legend
    assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0] == chart_alt_text(table, KIT.meta.pages.chart)
    colours = [str(s.format.fill.fore_color.rgb) for s in plot.series]
    assert colours == [c[1:].upper() for c in THEME.colours.chart_series[:len(colours)]]


def test_speaker_notes_on_every_slide_but_title_and_section_headers(deck):
    for number, slide in enumerate(deck.slides, start=1):
        if not plain(slide, deck.theme):
            assert notes(slide).strip(), f"slide {number} ({title(slide)!r}) has no notes"
            if frames(slide, "table") or frames(slide, "chart"):
                assert f"{KIT.meta.deck.sources}: " in notes(slide)


def test_titles_are_present_unique_and_first_in_reading_order(deck):
    titles = []
    for slide in deck.slides:
        shape = slide.shapes.title
        assert shape is not None and shape.text_frame.text.strip()
        assert slide.shapes[0].shape_id == shape.shape_id
        titles.append(shape.text_frame.text.casefold())
    assert len(titles) == len(set(titles))


def test_graphic_frames_have_alt_text_and_tables_use_theme_colours(deck):
    for slide in deck.slides:
        for frame in frames(slide, "table") + frames(slide, "chart"):
            assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0].strip()
        for frame in frames(slide, "table"):
            header = frame.table.rows[0].cells[0]
            assert str(header.fill.fore_color.rgb) == THEME.colours.table_header_fill[1:].upper()
            colour = header.text_frame.paragraphs[0].runs[0].font.color.rgb
            assert str(colour) == THEME.colours.table_header_text[1:].upper()


def test_template_slides_are_removed(deck):
    assert all("TEMPLATE SAMPLE" not in title(s) for s in deck.slides)


# -- measured: nothing overflows -------------------------------------------------------------------
def _pt(value) -> float:
    return int(value) / 12700


def _paragraph_heights(frame, measure, width: float) -> tuple[float, float]:
    """(text height, box inner height) of a text frame, recomputed from what the file says."""
    body = frame._txBody
    props = body.find(f"{A}bodyPr")
    inner_w = width - _pt(props.get("lIns")) - _pt(props.get("rIns"))
    total = 0.0
    for i, p in enumerate(body.findall(f"{A}p")):
        ppr = p.find(f"{A}pPr")
        size = int(p.find(f"{A}r/{A}rPr").get("sz")) / 100
        line = int(ppr.find(f"{A}lnSpc/{A}spcPts").get("val")) / 100
        before = int(ppr.find(f"{A}spcBef/{A}spcPts").get("val")) / 100 if i else 0
        text = "\n".join(t.text or "" for t in p.iter(f"{A}t"))
        total += before + line * measure.line_count(text, inner_w - _pt(ppr.get("marL", 0)), size)
    return total, _pt(props.get("tIns")) + _pt(props.get("bIns"))


def assert_nothing_overflows(prs, theme) -> None:
    measure = deck_measure.Measure(theme.font_file(theme.deck.metrics_font), theme.font_file("bold"),
                                theme.deck.metrics_safety)
    height = _pt(prs.slide_height)
    for number, slide in enumerate(prs.slides, start=1):
        bottom = height
        for shape in slide.shapes:
            assert _pt(shape.top + shape.height) <= height + 0.5, f"slide {number}: {shape.name} leaves the slide"
            if shape.has_text_frame and shape.text_frame.text:
                used, insets = _paragraph_heights(shape.text_frame, measure, _pt(shape.width))
                assert used + insets <= _pt(shape.height) + 0.5, f"slide {number}: {shape.name} overflows"
                if shape == slide.shapes.title:
                    assert used <= 2 * 1.2 * int(shape.text_frame._txBody.find(f".//{A}rPr").get("sz")) / 100 + 0.5
                elif not shape.is_placeholder:
                    bottom = min(bottom, _pt(shape.top))         # the note under a table
        for frame in frames(slide, "table"):
            table = frame.table
            assert _pt(frame.top) + sum(_pt(r.height) for r in table.rows) <= bottom + 0.5
            for row in table.rows:
                for cell, column in zip(row.cells, table.columns):
                    used, insets = _paragraph_heights(cell.text_frame, measure, _pt(column.width))
                    assert used + _pt(cell.margin_top) + _pt(cell.margin_bottom) <= _pt(row.height) + 0.5


def test_nothing_overflows(deck):
    assert_nothing_overflows(deck.prs, deck.theme)


LONG = ("the measured fitter must move this bullet to a continuation slide when the slide is full, because "
        "PowerPoint never shrinks or wraps text for us and a clinician cannot present text that runs off the slide")


@pytest.fixture(scope="module")
def overflow_kit(tmp_path_factory):
    content = tmp_path_factory.mktemp("overflow") / "content"
    shutil.copytree(MINI, content)
    first = content / "sections" / "01-first.yaml"
    data = yaml.safe_load(first.read_text())
    data["clinician"]["points"] = [f"Point {n:02d}: " + " ".join([LONG] * (1 + n % 3)) for n in range(1, 26)]
    first.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    results = content / "tables" / "results.yaml"
    data = yaml.safe_load(results.read_text())
    data["rows"] = [[f"R{n:02d}", f"Result {n} " + "with a longer explanation " * (n % 4)] for n in range(1, 31)]
    results.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return load_valid(content)


@pytest.mark.parametrize("template", ["default", "institution"])
def test_overlong_bullets_and_rows_continue_on_new_slides(overflow_kit, template, institution_styles):
    theme = theme_for(template, institution_styles)
    prs = Presentation(io.BytesIO(render(overflow_kit, theme)))
    topic = overflow_kit.section("first").clinician
    table = overflow_kit.tables["results"]
    cont = KIT.meta.deck.continued
    bullet_slides = [s for s in prs.slides if title(s).startswith(topic.title)]
    assert len(bullet_slides) > 25 // theme.deck.max_bullets
    assert [title(s) for s in bullet_slides][1] == f"{topic.title} ({cont})"
    shown = [p.text for s in bullet_slides for ph in s.placeholders if ph.placeholder_format.idx != 0
             for p in ph.text_frame.paragraphs]
    assert shown == list(topic.points)                     # every bullet once, in order
    table_slides = [s for s in prs.slides if title(s).startswith(table.caption)]
    assert len(table_slides) >= 30 / theme.deck.table_max_rows
    assert title(table_slides[1]) == f"{table.caption} ({cont})"
    rows = [tuple(c.text for c in row.cells) for s in table_slides for f in frames(s, "table")
            for row in list(f.table.rows)[1:]]
    assert rows == [tuple(r) for r in table.rows]          # every row once, in order
    assert_nothing_overflows(prs, theme)


def test_a_bullet_too_long_for_any_slide_is_a_located_error(tmp_path):
    content = shutil.copytree(MINI, tmp_path / "content")
    first = content / "sections" / "01-first.yaml"
    data = yaml.safe_load(first.read_text())
    data["clinician"]["points"] = [" ".join([LONG] * 12)]
    first.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    with pytest.raises(ContentError) as error:
        render(load_valid(content), THEME)
    assert "01-first.yaml" in str(error.value.problems[0].loc)


# -- templates -----------------------------------------------------------------------------------
def test_a_template_missing_a_layout_fails_before_any_slide_with_the_layout_list(tmp_path):
    prs = Presentation()
    _rename(prs, {"Section Header": "Divider slide"})
    path = tmp_path / "broken.pptx"
    prs.save(str(path))
    with pytest.raises(ContentError) as error:
        render(KIT, THEME, path)
    problem = error.value.problems[0]
    assert problem.loc.path == str(path)
    assert "template has no layout 'Section Header'" in problem.message
    assert "Title Slide, Title and Content, Divider slide" in problem.message


def test_theme_layout_names_that_the_default_template_lacks_point_at_the_theme(institution_styles, tmp_path):
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\ndeck:\n  layouts:\n    section: Divider\n")
    with pytest.raises(ContentError) as error:
        render(KIT, load_theme(tmp_path))
    assert error.value.problems[0].loc.path.endswith("theme.yaml")
    assert "template has no layout 'Divider'" in error.value.problems[0].message


@pytest.mark.parametrize("blob", [b"not a pptx at all", b"PK\x03\x04broken zip"])
def test_an_invalid_template_is_a_located_error(tmp_path, blob):
    path = tmp_path / "bad.pptx"
    path.write_bytes(blob)
    with pytest.raises(ContentError) as error:
        render(KIT, THEME, path)
    assert error.value.problems[0].loc.path == str(path)
    assert "not a valid .pptx" in error.value.problems[0].message


def test_the_options_template_overrides_the_themes(tmp_path):
    prs = Presentation()
    theme_part = next(r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme"))
    theme_part._blob = theme_part.blob.replace(b'<a:latin typeface="Calibri"/>', b'<a:latin typeface="Georgia"/>')
    prs.save(str(tmp_path / "own.pptx"))
    data = render(KIT, THEME, tmp_path / "own.pptx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        themes = [z.read(n) for n in z.namelist() if n.startswith("ppt/theme/")]
    assert any(b"Georgia" in t for t in themes)


# -- reproducible, described, fast ----------------------------------------------------------------
def test_two_renders_are_byte_identical_with_fixed_metadata(deck):
    again = render(KIT, deck.theme)
    assert again == deck.data
    with zipfile.ZipFile(io.BytesIO(deck.data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        for name in z.namelist():
            if name.endswith(".xlsx"):
                inner = zipfile.ZipFile(io.BytesIO(z.read(name)))
                assert {i.date_time for i in inner.infolist()} == {(1980, 1, 1, 0, 0, 0)}
                core = inner.read("docProps/core.xml").decode()
                stamp = build_time(KIT).strftime("%Y-%m-%dT%H:%M:%SZ")
                assert all(m == stamp for m in re.findall(r"<dcterms:\w+[^>]*>([^<]*)<", core))
    props = deck.prs.core_properties
    when = build_time(KIT).replace(tzinfo=None)
    assert (props.created, props.modified, props.revision) == (when, when, 1)
    assert (props.author, props.last_modified_by, props.title) == (KIT.meta.author, KIT.meta.author, KIT.meta.title)
    assert props.language == KIT.meta.language and props.subject == KIT.meta.subject
    assert props.keywords == ", ".join(KIT.meta.keywords)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_deck_to_one_page_per_slide(deck, tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "deck.pptx"
    path.write_bytes(deck.data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=240)
    assert len(PdfReader(str(tmp_path / "deck.pdf")).pages) == len(deck.slides)
