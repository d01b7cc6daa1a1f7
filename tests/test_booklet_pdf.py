"""The patient booklet PDF, read back with pypdf: what a reader (and a screen reader) finds in it.

Parametrised over the content itself: every section, table, chart, question, glossary term and
source of each content tree gets its own test case, so new content is tested with no new test code.
Runs on the mini fixture always and on the real content/ whenever it validates.
"""
from __future__ import annotations

import functools
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from booklet import model as m
from booklet.build import load_valid, render_all
from booklet import compose
from booklet.compose.common import date_lines, source_entries
from booklet.build.options import build_time
from booklet.outputs import booklet_pdf
from booklet.outputs.pdf import base as pdfbase
from booklet.outputs.pdf.readback import read_pdf
from booklet.verify.readback import squash
from booklet.theme import load_theme
from conftest import CONTENT, MINI, ROOT

FILE = "patient-booklet.pdf"
MARKUP = '<b>5 < 6 & 7 > 2</b> <font color="red">x</font> &amp; <normal range>'
PAPERS = {"letter": ROOT / "styles", "a4": ROOT / "styles" / "a4"}
THEMES = {name: load_theme(path) for name, path in PAPERS.items()}


KITS = {"mini": load_valid(MINI), "content": load_valid(CONTENT)}


def _cases(items) -> list:
    return [pytest.param(name, *item, id=f"{name}:{item[-1]}") for name, kit in KITS.items() for item in items(kit)]


SECTIONS = _cases(lambda kit: [(s.id,) for s in kit.sections])
KEY_POINTS = _cases(lambda kit: [(s.id,) for s in kit.sections if s.key_points])
TABLES = _cases(lambda kit: [(s.id, b.table) for s in kit.sections for b in s.body if isinstance(b, m.TableRef)])
CHARTS = _cases(lambda kit: [(s.id, b.table) for s in kit.sections for b in s.body if isinstance(b, m.ChartRef)])
QUESTIONS = _cases(lambda kit: [(s.id,) for s in kit.sections if any(isinstance(b, m.Questions) for b in s.body)])
TERMS = _cases(lambda kit: [(t.term,) for t in kit.glossary])
SOURCES = _cases(lambda kit: [(s.id,) for s in kit.sources])
BOOKS = [pytest.param(name, paper, id=f"{name}:{paper}") for name in KITS for paper in PAPERS]


# -- reading a booklet back ---------------------------------------------------------------------
@dataclass
class Book:
    kit: m.Kit
    data: bytes
    reader: PdfReader
    pages: tuple[str, ...]                     # extracted text per page
    contents: dict[str, int]                   # entry title -> page number the contents page claims
    starts: list[int]                          # claimed page numbers, in contents order

    def lines(self, number: int) -> list[str]:
        return [line.strip() for line in self.pages[number - 1].splitlines()]

    def part(self, title: str) -> str:
        """Squashed text of a part, from its claimed page up to the page before the next part,
        without the running header and page numbers (so text broken across pages reads on)."""
        start = self.contents[title]
        later = [n for n in self.starts if n > start]
        end = min(later) - 1 if later else len(self.pages)
        furniture = {title, *(f"{self.kit.meta.pages.page} {n}" for n in range(start, end + 1))}
        return squash("".join(line for n in range(start, end + 1) for line in self.lines(n) if line not in furniture))


def entries(kit: m.Kit) -> list[str]:
    """What the contents page lists, in order: every section, then the furniture pages."""
    p = kit.meta.pages
    return [s.title for s in kit.sections] + [p.glossary, p.questions, p.care_team, p.appointments,
                                              kit.meta.tools.tracker, p.notes, p.sources]


def parse_contents(kit: m.Kit, pages: tuple[str, ...]) -> list[tuple[str, int]]:
    """(title, page number) for each entry, read in order from the pages after the cover."""
    titles = entries(kit)
    text = squash("".join(pages[1:2 + len(titles) // 8]))
    found, at = [], 0
    for title in titles:
        match = re.compile(re.escape(squash(title)) + r"(\d+)").search(text, at)
        assert match, f"contents has no entry {title!r} followed by a page number"
        found.append((title, int(match.group(1))))
        at = match.end()
    return found


def make_book(kit: m.Kit, data: bytes) -> Book:
    reader = PdfReader(io.BytesIO(data))
    pages = tuple(page.extract_text() or "" for page in reader.pages)
    listed = parse_contents(kit, pages)
    claimed: dict[str, int] = {}
    for title, number in listed:
        claimed.setdefault(title, number)     # a title listed twice: the first entry
    return Book(kit, data, reader, pages, claimed, [n for _, n in listed])


@functools.cache
def book(content: str, paper: str = "letter") -> Book:
    return make_book(KITS[content], render_all(KITS[content], THEMES[paper], [booklet_pdf.NAME])[FILE])


@pytest.fixture(scope="module")
def booklets():
    """The built booklets, each rendered once per test module: booklets(content, paper)."""
    yield book
    book.cache_clear()


def render_copy(content: Path) -> Book:
    kit = load_valid(content)
    return make_book(kit, render_all(kit, THEMES["letter"], [booklet_pdf.NAME])[FILE])


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


FIRST_PARAGRAPH = "  - text: HER2 is a protein. Some cancer cells have a lot of it."


# -- the contents page and the parts it lists ---------------------------------------------------
@pytest.mark.parametrize("content, section_id", SECTIONS)
def test_every_section_starts_a_page_where_the_contents_says(booklets, content, section_id):
    b = booklets(content)
    title = b.kit.section(section_id).title
    number = b.contents[title]
    assert squash(b.pages[number - 1]).startswith(squash(title)), \
        f"page {number} does not start with the section title {title!r}"


@pytest.mark.parametrize("content, section_id", KEY_POINTS)
def test_every_section_opens_with_its_key_points_boxed(booklets, content, section_id):
    b = booklets(content)
    section = b.kit.section(section_id)
    first = squash(b.pages[b.contents[section.title] - 1])
    assert first.startswith(squash(section.title + b.kit.meta.pages.key_points))
    assert [k for k in section.key_points if squash(k) not in first] == []


@pytest.mark.parametrize("content", list(KITS))
def test_the_contents_lists_every_part_in_order_with_rising_page_numbers(booklets, content):
    b = booklets(content)
    assert b.starts == sorted(b.starts)
    assert len(set(b.starts)) == len(b.starts), "two parts claim the same first page"
    pages = b.kit.meta.pages
    for title in (pages.glossary, pages.questions, pages.care_team, pages.appointments, pages.notes, pages.sources):
        assert squash(title) in squash(b.pages[b.contents[title] - 1])


@pytest.mark.parametrize("content", list(KITS))
def test_contents_entries_are_links_to_the_pages_they_name(booklets, content):
    b = booklets(content)
    index = {page.indirect_reference.idnum: n for n, page in enumerate(b.reader.pages, start=1)}
    first_section = min(b.starts)
    targets = []
    for page in b.reader.pages[1:first_section - 1]:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                targets.append(index[annot["/Dest"][0].idnum])
    assert targets == b.starts


@pytest.mark.parametrize("content", list(KITS))
def test_the_outline_has_one_top_level_entry_per_part_pointing_at_its_page(booklets, content, tmp_path):
    b = booklets(content)
    path = tmp_path / FILE
    path.write_bytes(b.data)
    outline = [(title, page + 1) for title, page, depth in read_pdf(path).outline if depth == 0]
    sections = [(s.title, b.contents[s.title]) for s in b.kit.sections]
    assert [o for o in outline if o in sections] == sections, "sections missing or out of order in the outline"
    pages = b.kit.meta.pages
    titles = [title for title, _ in outline]
    for title in (pages.contents, pages.glossary, pages.care_team, pages.appointments, pages.notes, pages.sources):
        assert title in titles


# -- content blocks -----------------------------------------------------------------------------
@pytest.mark.parametrize("content, section_id, table_id", TABLES)
def test_every_table_prints_its_caption_header_cells_and_note(booklets, content, section_id, table_id):
    b = booklets(content)
    table = b.kit.tables[table_id]
    text = b.part(b.kit.section(section_id).title)
    expected = [table.caption, *table.columns, *[cell for row in table.rows for cell in row]]
    expected += [table.note] if table.note else []
    missing = [t for t in expected if squash(t) not in text]
    assert not missing, f"table {table_id} in section {section_id}: missing {missing}"


@pytest.mark.parametrize("content, section_id, table_id", CHARTS)
def test_every_chart_is_vector_with_its_values_on_the_bars_and_a_legend(booklets, content, section_id, table_id):
    b = booklets(content)
    table = b.kit.tables[table_id]
    number = next(n for n in range(b.contents[b.kit.section(section_id).title], len(b.pages) + 1)
                  if squash(table.chart.title) in squash(b.pages[n - 1]))
    text = squash(b.pages[number - 1])
    names = [table.columns[c] for c in table.chart.value_columns]
    values = [row[c] for row in table.rows for c in table.chart.value_columns]
    missing = [t for t in names + values + table.categories() if squash(t) not in text]
    assert not missing, f"chart {table_id}: missing {missing}"
    assert not b.reader.pages[number - 1].images, "a chart must be vector graphics, not a picture"


@pytest.mark.parametrize("content, section_id", QUESTIONS)
def test_every_write_in_question_is_printed_in_its_section(booklets, content, section_id):
    b = booklets(content)
    section = b.kit.section(section_id)
    text = b.part(section.title)
    questions = [q for block in section.body if isinstance(block, m.Questions) for q in block.items]
    assert [q for q in questions if squash(q) not in text] == []


@pytest.mark.parametrize("content, term", TERMS)
def test_every_glossary_term_is_defined_in_words_to_know(booklets, content, term):
    b = booklets(content)
    entry = next(t for t in b.kit.glossary if t.term == term)
    assert squash(entry.term + entry.definition) in b.part(b.kit.meta.pages.glossary)


@pytest.mark.parametrize("content, source_id", SOURCES)
def test_every_source_is_listed_with_the_number_used_in_the_text(booklets, content, source_id):
    b = booklets(content)
    number, _, entry = next(e for e in source_entries(b.kit) if e[1] == source_id)
    source = next(s for s in b.kit.sources if s.id == source_id)
    text = b.part(b.kit.meta.pages.sources)
    assert squash(f"[{number}]{entry}") in text
    assert squash(source.publisher) in squash(entry) and squash(source.date) in squash(entry)


@pytest.mark.parametrize("content", list(KITS))
def test_forms_review_dates_and_disclaimer_are_printed(booklets, content):
    b = booklets(content)
    meta, pages = b.kit.meta, b.kit.meta.pages
    assert all(squash(field) in b.part(pages.care_team) for field in pages.care_team_fields)
    sources = b.part(pages.sources)
    reviewed, next_review = date_lines(b.kit)
    for words in (reviewed, next_review, meta.disclaimer):
        assert squash(words) in sources
    cover = squash(b.pages[0])
    for words in (meta.title, meta.subtitle, meta.edition, reviewed):
        assert squash(words) in cover


@pytest.mark.parametrize("content", list(KITS))
def test_page_numbers_in_the_footer_and_the_section_title_in_the_header(booklets, content):
    b = booklets(content)
    word = b.kit.meta.pages.page
    assert not any(line.startswith(word) for line in b.lines(1)), "the cover carries no page number"
    for number in range(2, len(b.pages) + 1):
        assert f"{word} {number}" in b.lines(number)
    for section in b.kit.sections:
        start = b.contents[section.title]
        if start + 1 < min([n for n in b.starts if n > start] + [len(b.pages) + 1]):
            assert section.title in b.lines(start + 1), f"no running header on page {start + 1}"


@pytest.mark.parametrize("content", list(KITS))
def test_no_page_ends_with_a_sub_heading_whose_text_is_on_the_next_page(booklets, content):
    b = booklets(content)
    headings = {block.text for s in b.kit.sections for block in s.body if isinstance(block, m.Heading)}
    furniture = set(entries(b.kit))        # the running header is read after the page's text
    for number in range(2, len(b.pages) + 1):
        lines = [line for line in b.lines(number)
                 if line and line not in furniture and not line.startswith(b.kit.meta.pages.page + " ")]
        assert not (lines and lines[-1] in headings), f"page {number} ends with the heading {lines[-1]!r}"


# -- the PDF as a file ---------------------------------------------------------------------------
@pytest.mark.parametrize("content, paper", BOOKS)
def test_page_size_is_the_themes_and_the_page_count_a_multiple_for_folding(booklets, content, paper):
    b = booklets(content, paper)
    theme = THEMES[paper]
    for page in b.reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == \
            pytest.approx(theme.page_size, abs=0.01)
    assert len(b.pages) % theme.page.pad_to_multiple_of == 0


@pytest.mark.parametrize("content", list(KITS))
def test_only_the_embedded_theme_fonts_are_used(booklets, content, tmp_path):
    b = booklets(content)
    path = tmp_path / FILE
    path.write_bytes(b.data)
    assert read_pdf(path).unembedded_fonts == ()
    assert b"Helvetica" not in b.data
    for page in b.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"]
    if shutil.which("pdffonts"):
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        for row in rows.splitlines()[2:]:
            assert row.split()[-5] == "yes", f"not embedded: {row}"
            assert THEMES["letter"].fonts.family.replace(" ", "") in row


@pytest.mark.parametrize("content", list(KITS))
def test_metadata_names_the_document_for_viewers_and_screen_readers(booklets, content):
    b = booklets(content)
    meta, info = b.kit.meta, b.reader.metadata
    assert (info.title, info.author, info.subject) == (meta.title, meta.author, meta.subject)
    assert info["/Keywords"] == ", ".join(meta.keywords)
    root = b.reader.trailer["/Root"]
    assert root["/Lang"] == meta.language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert info["/CreationDate"].startswith(f"D:{build_time(b.kit):%Y%m%d}")


@pytest.mark.parametrize("content", list(KITS))
def test_the_same_content_gives_the_same_bytes(booklets, content):
    again = render_all(KITS[content], THEMES["letter"], [booklet_pdf.NAME])[FILE]
    assert again == booklets(content).data


def test_preflight_finds_nothing_wrong_with_valid_content():
    for kit in KITS.values():
        assert not booklet_pdf.preflight(compose.documents(kit, "booklet"), THEMES["letter"], None).errors


# -- hostile and unusual content ----------------------------------------------------------------
def test_markup_in_content_prints_literally(mini: Path):
    replace_in(mini / "sections" / "01-first.yaml", FIRST_PARAGRAPH, f"  - text: {json.dumps(MARKUP)}")
    b = render_copy(mini)
    assert squash(MARKUP) in b.part("What this means")


def test_a_300_character_word_wraps_inside_the_page(mini: Path):
    word = "Pneumono" * 37 + "sis"
    replace_in(mini / "sections" / "01-first.yaml", FIRST_PARAGRAPH, f"  - text: Before {word} after.")
    replace_in(mini / "tables" / "results.yaml", '["0", HER2-negative]', f'["0", {word}]')
    b = render_copy(mini)
    assert len(b.pages) % 4 == 0
    assert squash(word) in b.part("What this means")
    fonts = pdfbase.register_fonts(THEMES["letter"])
    for page in b.reader.pages:
        width = float(page.mediabox.width)

        def inside(text, cm, tm, font, size):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                scale = (tm[0] * cm[0]) or 1
                right = x + stringWidth(text.strip(), fonts["bold"], size) * scale
                assert 0 <= x and right <= width + 1, f"{text[:30]!r} runs off the page ({x:.0f}..{right:.0f})"
        page.extract_text(visitor_text=inside)


def test_a_long_table_breaks_between_rows_and_repeats_its_header(mini: Path):
    rows = "".join(f'  - ["{n}+", Result number {n} of a long table]\n' for n in range(60))
    table = mini / "tables" / "results.yaml"
    table.write_text(re.sub(r"rows:\n(?:  - .*\n)+", "rows:\n" + rows, table.read_text()))
    b = render_copy(mini)
    header = squash("Result" + "What it means")
    with_header = [n for n, text in enumerate(b.pages, start=1) if header in squash(text)]
    assert len(with_header) >= 2, "the header row is not repeated on the next page"
    assert all(squash(f"Result number {n} of a long table") in b.part("What this means") for n in range(60))


def test_a_picture_is_scaled_to_the_column_with_its_caption(mini: Path):
    from PIL import Image
    Image.new("RGB", (2400, 800), (0, 114, 178)).save(mini / "wide.png")
    replace_in(mini / "sections" / "01-first.yaml", "  - heading: Your tests",
               "  - image: wide.png\n    alt: A blue band.\n    caption: A very wide picture.\n  - heading: Your tests")
    b = render_copy(mini)
    assert squash("A very wide picture.") in b.part("What this means")
    page = next(p for p in b.reader.pages if p.images)
    stream = page.get_contents().get_data().decode("latin-1")
    width, height = (float(v) for v in re.search(r"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s*/\S+ Do", stream).groups())
    theme = THEMES["letter"]
    margins = (theme.page.margin_inner_mm + theme.page.margin_outer_mm) * 72 / 25.4
    assert float(page.mediabox.width) / 2 < width <= float(page.mediabox.width) - margins
    assert width / height == pytest.approx(3, rel=0.01), "the picture keeps its proportions"


def test_a_callout_longer_than_a_page_breaks_inside_instead_of_failing(mini: Path):
    sentence = "This sentence is here to make the callout longer than a whole page."
    long = " ".join([sentence] * 30)
    replace_in(mini / "sections" / "02-second.yaml", "    text: Bring someone with you to appointments.",
               f"    bullets: {json.dumps([long, long, long])}")
    b = render_copy(mini)
    assert b.part("Outlook").count(squash(sentence)) == 90, "every sentence of the callout is printed"
    assert len(b.pages) % 4 == 0
