"""No accidental near-empty pages: the balancing page breaks, decided on measured blocks, and the
fill of every page of the built booklets (letter, A4, large print), measured from the rendered PDF.
"""
from __future__ import annotations

import pytest

from booklet.build import load_valid, render_all
from booklet.outputs.booklet_pdf.balance import BalanceBreak, Block, last_page
from booklet.outputs.pdf import fill
from booklet.theme import load_theme
from conftest import CONTENT, ROOT

FRAME = 600.0


def test_flowing_blocks_fill_pages_and_kept_blocks_move_whole():
    assert last_page((Block(100, True),), 600, FRAME) == (0, 100)
    assert last_page((Block(250, True),), 200, FRAME) == (1, 50)       # a paragraph splits
    assert last_page((Block(250, False),), 200, FRAME) == (1, 250)     # a kept block moves whole
    assert last_page((Block(1300, False),), 600, FRAME) == (2, 100)    # unless it is taller than a page


def breaks(rest, later, room, least=0.3):
    return BalanceBreak(tuple(Block(h, s) for h, s in rest), later, FRAME, least).breaks_here(room)


def test_no_break_when_the_rest_fits_or_ends_well():
    assert not breaks([(100, True), (100, True)], (1,), room=300)           # fits on this page
    assert not breaks([(300, True), (300, True)], (1,), room=300)           # last page half full anyway


def test_a_spilling_tail_moves_with_enough_before_it():
    # 400 used; a 250 paragraph would leave 50 on a new page: it goes to the new page whole instead
    assert breaks([(250, True)], (), room=200)
    assert not breaks([(250, False)], (), room=200)     # a kept block moves whole by itself


def test_the_break_comes_where_it_keeps_its_own_page_fullest():
    rest = [(100, True), (100, True), (210, True)]
    assert not breaks(rest, (1, 2), room=350)     # a later place keeps this page fuller
    assert breaks(rest[2:], (), room=150)          # ... and that place breaks


def test_a_block_that_may_not_split_and_would_end_a_page_early_moves_the_break_before_it_earlier():
    # 400 used: the text fits, the kept list goes to a new page and the figure after it to a third,
    # leaving the list alone on a quarter page; a break before the text keeps the list with it
    rest = [(100, True), (150, False), (500, False)]
    assert breaks(rest, (1, 2), room=200)
    assert not breaks(rest[1:], (1,), room=100)       # ... and no later place would do better


def test_no_break_that_would_leave_a_near_empty_page_itself():
    assert not breaks([(60, True)], (), room=50)                     # the rest alone is under 30 %
    assert not breaks([(250, False)], (), room=560)                  # this page would be near-empty


@pytest.mark.skipif(not fill.available(), reason="poppler's pdftoppm is not installed")
@pytest.mark.parametrize("styles", ["", "a4", "large-print"])
def test_no_page_of_the_booklet_is_under_30_percent_full(styles, tmp_path):
    theme = load_theme(ROOT / "styles" / styles)
    data = render_all(load_valid(CONTENT), theme, ["booklet"])["patient-booklet.pdf"]
    path = tmp_path / "booklet.pdf"
    path.write_bytes(data)
    fills = fill.page_fill(path, theme.page.margin_top_mm, theme.page.margin_bottom_mm)
    assert len(fills) % theme.page.pad_to_multiple_of == 0
    low = [(number, round(share, 2)) for number, share in enumerate(fills, start=1) if share < 0.30]
    assert low == [], f"near-empty pages (page, fill): {low}"


@pytest.mark.skipif(not fill.available(), reason="poppler's pdftoppm is not installed")
def test_the_fill_measure_sees_an_empty_column_and_a_full_one(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "two.pdf"
    canvas = Canvas(str(path), pagesize=(612, 792))
    canvas.drawString(72, 720, "Only a line at the top")
    canvas.showPage()
    canvas.rect(72, 80, 400, 640, fill=1)
    canvas.showPage()
    canvas.save()
    top, bottom = fill.page_fill(path, 22, 22)
    assert top < 0.1 and bottom > 0.95
