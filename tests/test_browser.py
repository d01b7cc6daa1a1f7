"""The web edition in a real browser: Debian's Chromium driven by playwright, audited by axe-core.

Skips (visibly, with the reason, in the summary) only where Chromium or playwright cannot be had;
.ci/run installs both. The page is the shipped booklet's, plus the mini fixture's (which carries the
QR code to the web edition).
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from booklet import compose
from booklet.build import load_valid
from booklet.build.options import BuildOptions
from booklet.outputs import web_html
from conftest import MINI
from editions import shipped, theme, write

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = BuildOptions(datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc))

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    sync = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module", params=["shipped", "mini"])
def page_file(request, tmp_path_factory) -> Path:
    if request.param == "shipped":
        doc, th = shipped()
    else:
        doc, th = compose.documents(load_valid(MINI), "booklet")[0], theme()
    return write(tmp_path_factory.mktemp("web"), "patient-booklet.html", web_html.render(doc, th, OPTIONS))


def open_page(browser, path: Path, width: int = 1280, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.requests = requests
    return page


def test_axe_finds_no_wcag_a_or_aa_violation(browser, page_file):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python missing")
    for width in (360, 1280):
        page = open_page(browser, page_file, width)
        results = axe_module.Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}}).response
        ran = len(results["passes"]) + len(results["violations"]) + len(results["incomplete"])
        total = ran + len(results["inapplicable"])
        print(f"axe-core {results['testEngine']['version']} at {width}px: {total} WCAG A/AA rules ran, "
              f"{ran} applied to this page, {len(results['violations'])} violations")
        assert ran > 20
        assert [(v["id"], v["nodes"][0]["html"][:120]) for v in results["violations"]] == []
        page.close()


def test_no_network_request_of_any_kind(browser, page_file):
    page = open_page(browser, page_file)
    page.wait_for_load_state("networkidle")
    assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
    page.close()


@pytest.mark.parametrize("width", [360, 320, 640])   # a phone, a small phone, a desktop at 200% zoom
def test_the_page_never_scrolls_sideways(browser, page_file, width):
    page = open_page(browser, page_file, width)
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client
    too_wide = page.evaluate("""[...document.querySelectorAll('main *, header *, nav *')]
        .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > innerWidth + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert too_wide == []
    page.close()


def test_keyboard_skip_link_and_contents_links_work(browser, page_file):
    page = open_page(browser, page_file, 360, 700)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"                                     # the focus is visible
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(page_file.as_uri())
    links = page.evaluate("[...document.querySelectorAll('nav a')].map(a => a.getAttribute('href'))")
    assert links
    for _ in range(2 + len(links) * 3):                          # tab to the last contents link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == links[-1]:
            break
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == links[-1]
    assert page.evaluate("document.activeElement.id") == links[-1][1:]
    top = page.evaluate(f"document.getElementById('{links[-1][1:]}').getBoundingClientRect().top")
    assert abs(top) < 5
    page.close()


def test_print_stylesheet_hides_navigation_and_keeps_tables_whole(browser, page_file):
    page = open_page(browser, page_file)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.table-scroll')).overflowX") == "visible"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    page.close()


LABELS = """[...document.querySelectorAll('svg.figure-drawing, svg.chart')]
    .filter(svg => svg.getBoundingClientRect().width > 0)
    .flatMap(svg => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect(),
                                                                 parseFloat(getComputedStyle(t).fontSize)]);
        const out = texts.filter(([s, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
                         .map(([s]) => 'runs out of its picture: ' + s);
        texts.forEach(([a, r, size], i) => texts.slice(i + 1).forEach(([b, q]) => {
            const across = Math.min(r.right, q.right) - Math.max(r.left, q.left);
            const down = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
            if (across > 1 && down > size * 0.25) out.push('overlaps: ' + a + ' / ' + b);
        }));
        return out;
    })"""


@pytest.mark.parametrize("width", [320, 1280])
def test_figure_and_chart_labels_stay_in_their_picture_and_apart(browser, page_file, width):
    """The labels were wrapped with the theme font's metrics; the page shows whatever font the reader
    has (here DejaVu Sans, much wider). Each label still stays inside its picture and clear of the others."""
    page = open_page(browser, page_file, width)
    assert page.evaluate("document.querySelectorAll('svg.figure-drawing text, svg.chart text').length") > 0
    assert page.evaluate(LABELS) == []
    page.close()
