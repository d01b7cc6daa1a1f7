"""The handout's column flow, tested with stand-in pieces: how measured pieces are poured into two
balanced columns (no PDF is drawn)."""
from __future__ import annotations

from reportlab.platypus import Spacer

from booklet.outputs.handouts_pdf.flow import MIN_LINES, Columns, Piece


def text(lines: int, leading: float = 10.0, gap: float = 0.0) -> Piece:
    return Piece(Spacer(1, lines * leading), lines * leading, gap, leading=leading)


def heading() -> Piece:
    return Piece(Spacer(1, 12), 12.0, 0.0, keep_next=True)


def heights(columns) -> list[float]:
    return [sum(p.gap + p.height for p in column) for column in columns]


def test_pieces_that_fit_are_balanced_over_two_columns():
    columns = Columns([text(10), text(10), text(10), text(10)]).balanced(1000)
    assert len(columns) == 2 and heights(columns) == [200.0, 200.0]


def test_a_paragraph_breaks_between_lines_never_leaving_fewer_than_two_on_either_side():
    columns = Columns([text(3), text(10)]).balanced(80)
    first, second = columns
    split = [p for p in first + second if p.last]
    assert split, "the long paragraph should break across the columns"
    for part in split:
        assert part.last - part.first >= MIN_LINES


def test_a_heading_never_ends_a_column():
    pieces = [text(7), heading(), text(6)]
    for column in Columns(pieces).balanced(100):
        assert not column[-1].piece.keep_next


def test_a_table_row_that_starts_a_new_column_repeats_the_header():
    head = Piece(Spacer(1, 15), 15.0, 0.0, keep_next=True)
    rows = [Piece(Spacer(1, 20), 20.0, 0.0, header=head) for _ in range(8)]
    columns = Columns([text(4), head, *rows]).balanced(120)
    second = columns[1]
    assert second[0].piece is head


def test_content_that_cannot_fit_says_how_tall_the_columns_would_need_to_be():
    columns = Columns([text(30), text(30)])
    assert columns.balanced(100) is None
    assert 300 <= columns.needed(100) <= 301
