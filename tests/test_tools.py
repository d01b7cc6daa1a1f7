"""The reader's tools, read back from the built PDFs: the when-to-call panel and the institution's
instructions wherever when-to-call advice appears, "My results" in the tests section and on every
handout, the use lines under tables, the weekly activity log, the side-effect tracker page, the
drawn cover; and the institution fields' check warnings.

Parametrised over the content, so a new callout, table or subtype is tested with no new code.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet import model as m
from booklet.build import load_valid, render_all
from booklet.check import institution
from booklet.errors import Problems
from booklet.theme import load_theme
from booklet.verify.readback import squash
from conftest import CONTENT, MINI, ROOT, run_booklet

KIT = load_valid(CONTENT)
THEME = load_theme(ROOT / "styles")
CALLOUTS = [pytest.param(s.id, n, id=f"{s.id}:{n}") for s in KIT.sections
            for n, b in enumerate(s.body) if isinstance(b, m.Callout) and b.kind == "call-care-team"]
TABLES = [pytest.param(b.table, id=b.table) for s in KIT.sections for b in s.body if isinstance(b, m.TableRef)]
SUBTYPES = [s.id for s in KIT.subtypes]


class Pdf:
    """A built PDF's page texts (squashed) and its outline: title -> first page (1-based)."""

    def __init__(self, data: bytes):
        reader = PdfReader(io.BytesIO(data))
        self.reader = reader
        self.pages = [squash(page.extract_text() or "") for page in reader.pages]
        self.starts = {str(item.title): reader.get_destination_page_number(item) + 1
                       for item in reader.outline if not isinstance(item, list)}

    def part(self, title: str) -> str:
        """The squashed text of a part: from its first page to the page before the next part."""
        start = self.starts[title]
        end = min((p for p in self.starts.values() if p > start), default=len(self.pages) + 1)
        return "".join(self.pages[start - 1:end - 1])


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return render_all(KIT, THEME, ["booklet", "handouts"])


@pytest.fixture(scope="module")
def booklet(built) -> Pdf:
    return Pdf(built["patient-booklet.pdf"])


def institution_words(kit: m.Kit) -> list[str]:
    """What every panel prints of the institution: its instructions (or, for a blank default,
    the label before the line to write the number on)."""
    words, place = kit.meta.when_to_call, kit.meta.institution
    return [place.fever.text, place.emergency.text, words.call,
            place.urgent_number.text or words.call]


# -- when to call ---------------------------------------------------------------------------------
@pytest.mark.parametrize("section_id, index", CALLOUTS)
def test_every_when_to_call_callout_is_a_panel_with_the_institutions_words(booklet, section_id, index):
    section = KIT.section(section_id)
    callout = section.body[index]
    text = booklet.part(section.title)
    words = KIT.meta.when_to_call
    steps = [words.look, words.do, words.call]
    expected = [callout.title, *steps, *callout.items, callout.text, words.number, words.fever, words.emergency,
                *institution_words(KIT)]
    missing = [w for w in expected if squash(w) not in text]
    assert not missing, f"section {section_id}: {missing}"
    order = [text.index(squash(w), text.index(squash(callout.title))) for w in steps]
    assert order == sorted(order), "the steps are not in the order look, do, call"


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_every_handout_has_the_panel_with_the_institutions_words(built, subtype_id):
    subtype = next(s for s in KIT.subtypes if s.id == subtype_id)
    text = Pdf(built[f"handouts/{subtype_id}.pdf"]).pages[0]
    words = KIT.meta.when_to_call
    expected = [words.title, words.look, words.do, *subtype.when_to_call.look_for, subtype.when_to_call.do,
                words.fever, words.emergency, *institution_words(KIT)]
    assert [w for w in expected if squash(w) not in text] == []


def test_an_institution_that_sets_its_fields_sees_them_in_every_panel(tmp_path):
    kit_file = (MINI / "kit.yaml").read_text()
    own = {"name": "Riverside Cancer Centre", "urgent_number": "555-0100, answered day and night",
           "fever": "Call if you feel hot or shivery.", "emergency": "Go to the emergency department if you "
           "cannot breathe well."}
    for key, value in own.items():
        start = kit_file.index(f"  {key}: {{default:")
        end = kit_file.index("\n", start)
        kit_file = kit_file[:start] + f'  {key}: "{value}"' + kit_file[end:]
    content = tmp_path / "content"
    import shutil
    shutil.copytree(MINI, content)
    (content / "kit.yaml").write_text(kit_file)
    kit = load_valid(content)
    built = render_all(kit, THEME, ["booklet", "handouts"])
    book = Pdf(built["patient-booklet.pdf"])
    panel_section = next(s for s in kit.sections if any(getattr(b, "kind", "") == "call-care-team" for b in s.body))
    for text in (book.part(panel_section.title), Pdf(built["handouts/type-a.pdf"]).pages[0]):
        assert all(squash(v) in text for k, v in own.items() if k != "name")
    assert squash(own["name"]) in book.pages[0]
    problems = Problems()
    institution.warn_defaults(kit, problems)
    assert problems.items == []


# -- check ----------------------------------------------------------------------------------------
def test_check_warns_at_every_institution_field_still_on_its_default():
    kit = load_valid(MINI)
    problems = Problems()
    institution.warn_defaults(kit, problems)
    fields = dict(kit.meta.institution.fields())
    assert [p.loc for p in problems.warnings] == [f.loc for f in fields.values()]
    assert all(str(p).startswith(f"{f.loc}: warning: institution.{key} ")
               for p, (key, f) in zip(problems.warnings, fields.items()))


def test_strict_check_passes_on_the_shipped_kit_while_it_warns_about_the_institution(tmp_path):
    result = run_booklet("check", "--strict", "--content", str(CONTENT), "--styles", str(ROOT / "styles"),
                         cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("warning: institution.") == 4


# -- my results, use lines, the activity log and the tracker ---------------------------------------
def results_words(kit: m.Kit, short: bool) -> list[str]:
    words = kit.meta.my_results
    out = [words.title]
    for f in words.fields:
        out += [(f.short or f.label) if short else f.label, *f.choices, *([f.other] if f.other else [])]
    return out


def test_my_results_is_in_the_section_that_places_it(booklet):
    section = next(s for s in KIT.sections if any(isinstance(b, m.Tool) and b.tool == "my-results" for b in s.body))
    text = booklet.part(section.title)
    assert [w for w in results_words(KIT, short=False) + [KIT.meta.my_results.intro] if squash(w) not in text] == []


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_my_results_is_at_the_top_of_every_handout(built, subtype_id):
    text = Pdf(built[f"handouts/{subtype_id}.pdf"]).pages[0]
    assert [w for w in results_words(KIT, short=True) if squash(w) not in text] == []
    subtype = next(s for s in KIT.subtypes if s.id == subtype_id)
    assert text.index(squash(KIT.meta.my_results.title)) < text.index(squash(KIT.meta.pages.key_points))
    assert all(squash(point) in text for point in subtype.key_points)


@pytest.mark.parametrize("table_id", TABLES)
def test_every_table_says_what_to_do_with_it_under_it(booklet, table_id):
    table = KIT.tables[table_id]
    assert table.use, f"table {table_id} has no 'use' line"
    text = "".join(booklet.pages)
    use = squash(f"{KIT.meta.tools.use}{table.use}")
    assert use in text
    assert text.index(squash(table.rows[-1][-1])) < text.index(use), "the use line is not under the table"


@pytest.mark.parametrize("subtype_id", SUBTYPES)
def test_the_handouts_survival_table_says_what_to_do_with_it(built, subtype_id):
    subtype = next(s for s in KIT.subtypes if s.id == subtype_id)
    table = KIT.tables[subtype.outlook.table]
    assert squash(f"{KIT.meta.tools.use}{table.use}") in Pdf(built[f"handouts/{subtype_id}.pdf"]).pages[0]


def test_the_weekly_activity_log_sits_beside_the_activity_guidance(booklet):
    section = next(s for s in KIT.sections if any(isinstance(b, m.Tool) and b.tool == "activity-log" for b in s.body))
    words = KIT.meta.tools
    text = booklet.part(section.title)
    for word in (words.activity_log, words.activity_intro, *words.activity_columns, *words.weekdays):
        assert squash(word) in text
    assert "150" in text and "300" in text and "75" in text   # the seed's weekly minutes, with the daily steps


def test_the_side_effect_tracker_is_a_page_of_its_own_listed_in_the_contents(booklet):
    words = KIT.meta.tools
    page = booklet.starts[words.tracker]
    text = booklet.pages[page - 1]
    assert text.startswith(squash(words.tracker))
    assert all(squash(column) in text for column in words.tracker_columns)
    assert squash(words.tracker) in "".join(booklet.pages[1:3])           # the contents lists it


# -- the cover ------------------------------------------------------------------------------------
def test_the_cover_is_drawn_not_a_bitmap_and_carries_title_edition_review_and_institution(booklet):
    meta = KIT.meta
    text = booklet.pages[0]
    for word in (meta.title, meta.subtitle, meta.edition, meta.cover.institution):
        assert squash(word) in text
    assert "Reviewed" in booklet.reader.pages[0].extract_text()
    resources = booklet.reader.pages[0]["/Resources"]
    assert "/XObject" not in resources, "the cover holds a picture: it should be drawn from shapes"
    stream = booklet.reader.pages[0].get_contents().get_data()
    assert stream.count(b" c\n") + stream.count(b" c ") > 10, "no curves drawn on the cover"


def test_the_web_address_on_the_cover_is_whole_on_one_line_inside_the_page(tmp_path):
    """Where the kit gives the web edition's address (the mini fixture does), the cover's foot carries
    the QR code and the short address a reader types: one word on one line, never broken, and its
    label on the page too."""
    import re
    import subprocess

    kit = load_valid(MINI)
    path = tmp_path / "booklet.pdf"
    path.write_bytes(render_all(kit, THEME, ["booklet"])["patient-booklet.pdf"])
    short = kit.meta.web_edition.url.split("://", 1)[1].rstrip("/")
    page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', page).group(1))
    words = {word: float(right) for right, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', page)}
    assert short in words
    assert [word for word, right in words.items() if right > width] == []      # nothing runs off the cover


def test_a_theme_logo_is_placed_on_the_cover(tmp_path):
    from PIL import Image

    styles = tmp_path / "styles"
    styles.mkdir()
    Image.new("RGB", (40, 20), "#0072B2").save(styles / "logo.png")
    (styles / "theme.yaml").write_text(f"base: {ROOT / 'styles' / 'theme.yaml'}\nbooklet:\n  cover_logo: logo.png\n")
    kit = load_valid(MINI)
    data = render_all(kit, load_theme(styles), ["booklet"])["patient-booklet.pdf"]
    resources = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]
    assert len(resources["/XObject"]) == 1


def test_a_missing_theme_logo_is_a_located_error(tmp_path):
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "theme.yaml").write_text(f"base: {ROOT / 'styles' / 'theme.yaml'}\nbooklet:\n  cover_logo: ours.png\n")
    content = tmp_path / "content"
    import shutil
    shutil.copytree(MINI, content)
    result = run_booklet("build", "--styles", str(styles), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{styles / 'theme.yaml'}:1:1: error: booklet.cover_logo 'ours.png' " \
                                             "not found next to the theme file"
