"""Font width tables: the deck measures text in the font it names (Carlito's widths for Calibri) and in
the wide stand-in a viewer may draw instead, and fits to the wider."""
from __future__ import annotations

import pytest

from booklet.errors import ContentError
from booklet.typeset.measure import Measure
from booklet.typeset.metrics import load_table
from booklet.theme import load_theme
from conftest import STYLES

THEME = load_theme(STYLES)
CARLITO = load_table(THEME.deck.metrics[0])
DEJAVU = load_table(THEME.deck.substitute_metrics)
TEXT = "IHC 2+ (borderline): ISH/FISH; not amplified = HER2-negative"


def test_the_shipped_tables_measure_calibri_and_its_stand_in():
    assert CARLITO.measures("Calibri") and CARLITO.measures("carlito") and not CARLITO.measures("Georgia")
    assert 0.4 < CARLITO.unit_width("abcdefghij") / 10 < 0.45          # Calibri: lower case about 0.42 em
    assert 1.15 < DEJAVU.unit_width(TEXT) / CARLITO.unit_width(TEXT) < 1.35
    assert CARLITO.unit_width(TEXT, bold=True) > CARLITO.unit_width(TEXT)


def test_a_measure_of_several_fonts_answers_for_the_widest():
    both = Measure.from_tables([CARLITO, DEJAVU], 1.0)
    alone = Measure.from_tables([CARLITO], 1.0)
    assert both.width(TEXT, 20) == pytest.approx(DEJAVU.unit_width(TEXT) * 20)
    width = CARLITO.unit_width(TEXT) * 20 * 1.05            # one line in Carlito, two in DejaVu Sans
    assert alone.line_count(TEXT, width, 20) == 1 and both.line_count(TEXT, width, 20) == 2


def test_an_unreadable_table_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    with pytest.raises(ContentError) as error:
        load_table(bad)
    assert str(error.value.problems[0]).startswith(f"{bad}: error: cannot read the font width table")
