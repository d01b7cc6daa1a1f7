"""The clinician deck, read back with python-pptx: complete, native, measured, accessible, reproducible.

Parameters come from the loaded kit (the real content, or the mini fixture while content/ does not
validate), so a new section, table or chart gets its own tests without editing this file. Every
deck test runs twice: on the house template (styles/deck/house.pptx) and on a generated
"institution" template unlike it in every way the issue names: 4:3, renamed and reordered layouts
(found by their built-in types), its own theme fonts and colours, a logo on the master, a sample
slide to be removed.
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
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Emu

from booklet import compose
from booklet.compose.common import chart_alt_text, human_date, source_entries
from booklet.build import load_valid
from booklet.errors import ContentError
from booklet.build.options import BuildOptions, build_time
from booklet.outputs import deck_pptx
from booklet.outputs.deck_pptx.draw import measure_for
from booklet.outputs.deck_pptx.template import read_template
from booklet.theme import load_theme
from conftest import CONTENT, MINI, STYLES
from deck_templates import INSTITUTION_COLOURS, INSTITUTION_FONTS, LOGO_SIZE, make_institution_template

FILE = "clinician-deck.pptx"
WIDE = (Emu(12192000), Emu(6858000))
FOUR_THREE = (Emu(9144000), Emu(6858000))
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
FOOTERS = ("dt", "ftr", "sldNum")


KIT = load_valid(CONTENT)
THEME = load_theme(STYLES)
TOPICS = [s.clinician for s in KIT.sections if s.clinician is not None]
TOPIC_IDS = [s.id for s in KIT.sections if s.clinician is not None]
TABLES = {t: KIT.tables[t] for view in TOPICS for t in view.tables}
CHARTS = {t: KIT.tables[t] for view in TOPICS for t in view.charts}
SOURCES = {ident: text for _, ident, text in source_entries(KIT)}


@pytest.fixture(scope="module")
def institution_styles(tmp_path_factory) -> Path:
    styles = tmp_path_factory.mktemp("styles")
    make_institution_template(styles / "institution.pptx")
    (styles / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\ndeck:\n  template: institution.pptx\n")
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


def kind_of(shape) -> str:
    found = shape._element.xpath("./p:nvSpPr/p:nvPr/p:ph/@type")
    return str(found[0]) if found else "obj"


def body_paragraphs(slide) -> list[str]:
    """The paragraphs of the slide's body placeholders (not its title, not its footers)."""
    return [p.text for shape in slide.placeholders if shape.placeholder_format.idx != 0
            and kind_of(shape) not in FOOTERS for p in shape.text_frame.paragraphs]


def plain(slide) -> bool:
    """Title and section-header slides: the only ones allowed to have no notes."""
    return slide.slide_layout.element.get("type") in ("title", "secHead")


# -- structure ---------------------------------------------------------------------------------------
def test_the_slide_size_is_the_templates_and_the_deck_starts_with_a_title_slide(deck):
    size = (deck.prs.slide_width, deck.prs.slide_height)
    assert size == (WIDE if deck.template == "default" else FOUR_THREE)
    first = deck.slides[0]
    assert first.slide_layout.element.get("type") == "title"
    text = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert KIT.meta.title in text and KIT.meta.edition in text
    assert human_date(KIT.meta.last_reviewed, KIT.meta.pages.months) in text
    cover = KIT.deck.cover
    for field in (cover.presenter, cover.credentials, cover.institution, cover.event_date):
        assert field in text


def test_fixed_slides_are_present(deck):
    labels = KIT.meta.deck
    titles = [title(s) for s in deck.slides]
    for label in (labels.objectives, labels.agenda, labels.case, labels.discussion, labels.take_aways,
                  labels.references, labels.disclosures):
        assert any(t == label or t.startswith(f"{label} (") for t in titles), label
    sections = [s for s in deck.slides if s.slide_layout.element.get("type") == "secHead"]
    assert [title(s) for s in sections] == [part.title for part in KIT.deck.parts] + [labels.case]
    total = len(KIT.deck.parts) + 1
    assert [body_paragraphs(s) for s in sections] == [[f"{labels.part} {n} {labels.of} {total}"]
                                                       for n in range(1, total + 1)]
    agenda = [p for s in deck.slides if title(s).startswith(labels.agenda) for p in body_paragraphs(s)]
    assert deck.slides[titles.index(labels.agenda)].shapes[1]._element.xpath(".//a:buAutoNum/@type")[0] == "arabicPeriod"
    assert agenda == [part.title for part in KIT.deck.parts] + [labels.case]


def test_audience_questions_come_before_the_agenda_and_before_the_take_aways(deck):
    titles = [title(s) for s in deck.slides]
    before, after = KIT.deck.questions.before, KIT.deck.questions.after
    assert titles.index(before.question) < titles.index(KIT.meta.deck.agenda)
    assert titles.index(KIT.meta.deck.discussion) < titles.index(after.question) < titles.index(KIT.meta.deck.take_aways)
    for question in (before, after):
        slide = deck.slides[titles.index(question.question)]
        assert body_paragraphs(slide) == list(question.options)
        assert slide.placeholders[1]._element.xpath(".//a:buAutoNum/@type")[0] == "alphaUcPeriod"
        assert f"{KIT.meta.deck.answer}: {question.answer}" in notes(slide)     # the answer is only in the notes
        assert all(question.explanation not in shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_every_slide_but_the_cover_is_numbered_and_footed_in_the_layouts_placeholders(deck):
    reviewed = f"{KIT.meta.pages.reviewed} {human_date(KIT.meta.last_reviewed, KIT.meta.pages.months)}"
    for number, slide in enumerate(deck.slides[1:], start=2):
        footers = {kind_of(s): s.text_frame.text for s in slide.placeholders if kind_of(s) in FOOTERS}
        assert footers == {"ftr": KIT.meta.title, "dt": reviewed, "sldNum": str(number)}, number
        number_shape = next(s for s in slide.placeholders if kind_of(s) == "sldNum")
        assert number_shape._element.xpath(".//a:fld/@type") == ["slidenum"]


def test_slides_that_make_claims_carry_a_short_source_line(deck):
    word = KIT.meta.deck.sources
    claims = {t.title for t in TOPICS} | {t.clinician.caption for t in (*TABLES.values(), *CHARTS.values())}
    claims |= {KIT.deck.case.title, KIT.meta.deck.take_aways}
    checked = 0
    for slide in deck.slides:
        if any(run_of([slide], base) for base in claims):
            lines = [s.text_frame.text.split("\n")[-1] for s in slide.shapes if s.has_text_frame and not s.is_placeholder]
            assert any(re.fullmatch(rf"{word}: \[\d+\](, \[\d+\])*", line) for line in lines), title(slide)
            checked += 1
    assert checked >= len(claims)


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
    shown = [p for s in hits for p in body_paragraphs(s)]
    assert shown == [point for t in same for point in t.points]


@pytest.mark.parametrize("table", TABLES.values(), ids=list(TABLES))
def test_every_table_is_native_with_identical_cells_under_its_clinician_caption(deck, table):
    uses = sum(table.id in topic.tables for topic in TOPICS)
    words = table.clinician
    slides = run_of(deck.slides, words.caption)
    natives = [f.table for s in slides for f in frames(s, "table")]
    assert natives and all(f.name == f"Table: {words.caption}" for s in slides for f in frames(s, "table"))
    rows = []
    for native in natives:
        assert native.first_row
        cells = [tuple(c.text for c in row.cells) for row in native.rows]
        assert cells[0] == tuple(table.columns)            # the header repeats on every continuation
        rows.extend(cells[1:])
    assert rows == [tuple(r) for r in table.rows] * uses
    for slide in slides:                                   # the clinician's note, never the patient's
        text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert " ".join(words.note.split()) in " ".join(text.split())
        assert table.note is None or table.note.split(".")[0] not in text
        assert table.caption not in text
    if deck.template == "default":
        assert len(slides) <= 3                            # the house template: a table takes one to three slides


@pytest.mark.parametrize("table", CHARTS.values(), ids=list(CHARTS))
def test_every_chart_is_native_with_the_table_data_labels_and_no_gridlines(deck, table):
    charts = [(s, f) for s in deck.slides for f in frames(s, "chart")
              if list(f.chart.plots[0].categories) == table.categories()]
    assert len(charts) == 1
    slide, frame = charts[0]
    assert title(slide) == table.clinician.caption          # the title states the message
    assert not frames(slide, "table")                       # no slide repeats the table beside its chart
    assert table.id not in [t for topic in TOPICS for t in topic.tables]
    plot = frame.chart.plots[0]
    assert [(s.name, list(s.values)) for s in plot.series] == [(n, v) for n, v in table.series()]
    assert plot.has_data_labels and frame.chart.has_legend
    assert not frame.chart.value_axis.has_major_gridlines
    assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0] == chart_alt_text(table, KIT.meta.pages.chart)
    accents = [s.format.fill.fore_color.theme_color for s in plot.series]
    assert accents == [MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2][:len(accents)]


def test_speaker_notes_on_every_slide_but_title_and_section_headers(deck):
    for number, slide in enumerate(deck.slides, start=1):
        if not plain(slide):
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


def test_graphic_frames_have_alt_text(deck):
    for slide in deck.slides:
        for frame in frames(slide, "table") + frames(slide, "chart"):
            assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0].strip()


def test_looks_come_from_the_template_nothing_is_hard_set(deck):
    """No literal colour or font anywhere on a slide: titles, bullets, tables and notes inherit them."""
    template = read_template(deck.theme, BuildOptions(build_time(KIT)))
    with zipfile.ZipFile(io.BytesIO(deck.data)) as z:
        slides = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        charts = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
        theme = next(z.read(n) for n in z.namelist() if n.startswith("ppt/theme/theme"))
    for xml in slides + charts:
        assert "srgbClr" not in xml and "sysClr" not in xml
        assert set(re.findall(r'<a:(?:latin|cs|ea) typeface="([^"]*)"', xml)) <= {"+mn-lt", "+mn-cs", "+mj-lt"}
        assert set(re.findall(r"<a:tableStyleId>([^<]*)<", xml)) <= {template.table_style}
    assert all("<a:buChar" not in xml for xml in slides)   # bullets are the master's
    if deck.template == "institution":
        assert INSTITUTION_FONTS[0].encode() in theme and INSTITUTION_COLOURS["accent1"].encode() in theme
        assert template.fonts == INSTITUTION_FONTS


def test_the_logo_on_the_institutions_master_keeps_its_shape(institution_styles):
    prs = Presentation(io.BytesIO(render(KIT, theme_for("institution", institution_styles))))
    pictures = [s for s in prs.slide_master.shapes if s.shape_type == 13]
    assert [(p.width, p.height) for p in pictures] == [LOGO_SIZE]


def test_template_slides_are_removed(deck):
    assert all("TEMPLATE SAMPLE" not in title(s) for s in deck.slides)


# -- measured: nothing overflows -------------------------------------------------------------------
def _pt(value) -> float:
    return int(value) / 12700


def _paragraph_heights(frame, measure, width: float, bulleted: bool = False) -> tuple[float, float]:
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
        indent = _pt(ppr.get("marL", 0)) or (27.0 if bulleted and ppr.find(f"{A}buNone") is None else 0.0)
        text = "\n".join(t.text or "" for t in p.iter(f"{A}t"))
        total += before + line * measure.line_count(text, inner_w - indent, size)
    return total, _pt(props.get("tIns")) + _pt(props.get("bIns"))


def assert_nothing_overflows(prs, theme, data: bytes | None = None) -> None:
    template = read_template(theme, BuildOptions(build_time(KIT)))
    measure = measure_for(theme, template)
    height = _pt(prs.slide_height)
    for number, slide in enumerate(prs.slides, start=1):
        bottom = height
        for shape in slide.shapes:
            assert _pt(shape.top + shape.height) <= height + 0.5, f"slide {number}: {shape.name} leaves the slide"
            if shape.is_placeholder and kind_of(shape) in FOOTERS:
                continue
            if shape.has_text_frame and shape.text_frame.text:
                bulleted = shape.is_placeholder and shape != slide.shapes.title
                used, insets = _paragraph_heights(shape.text_frame, measure, _pt(shape.width), bulleted)
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


def test_bullet_slides_are_short_and_large(deck):
    """At most 6 bullets of at most 12 words, at least 24 pt; at most 40 words of bullets a slide, median under
    30 (the title, the source line and the footer not counted)."""
    counts = []
    for slide in deck.slides:
        numbered = slide.shapes[1]._element.xpath(".//a:buAutoNum[@type='arabicPeriod']")
        if slide.slide_layout.element.get("type") != "obj" or numbered:
            continue                                # numbered lists (agenda, references) are not talking points
        body = [s for s in slide.placeholders if s.placeholder_format.idx != 0 and kind_of(s) not in FOOTERS]
        bullets = [p for shape in body for p in shape.text_frame.paragraphs]
        assert len(bullets) <= 6, title(slide)
        assert all(len(p.text.split()) <= 12 for p in bullets), title(slide)
        assert all(run.font.size.pt >= 24 for p in bullets for run in p.runs), title(slide)
        counts.append(sum(len(p.text.split()) for p in bullets))
    assert max(counts) <= 40 and sorted(counts)[len(counts) // 2] < 30, counts


LONG = ("the measured fitter must move this bullet to a continuation slide when the slide is full, because "
        "PowerPoint never shrinks or wraps text for us and a clinician cannot present text that runs off the slide")


@pytest.fixture(scope="module")
def overflow_kit(tmp_path_factory):
    content = tmp_path_factory.mktemp("overflow") / "content"
    shutil.copytree(MINI, content)
    first = content / "sections" / "01-first.yaml"
    data = yaml.safe_load(first.read_text())
    data["clinician"]["points"] = [f"Point {n:02d}: " + LONG[:60 * (1 + n % 3)] for n in range(1, 26)]
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
    shown = [p for s in bullet_slides for p in body_paragraphs(s)]
    assert shown == list(topic.points)                     # every bullet once, in order
    caption = table.clinician.caption
    table_slides = [s for s in prs.slides if title(s).startswith(caption)]
    assert len(table_slides) > 1
    assert title(table_slides[1]) == f"{caption} ({cont})"
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
