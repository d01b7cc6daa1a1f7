"""Styles: a variant overrides only what it names; typos are located; colours stay readable."""
from __future__ import annotations

from pathlib import Path

import pytest

from booklet.errors import ContentError
from booklet.theme import load_theme
from conftest import STYLES

THEME = load_theme(STYLES)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


TEXT_ON_BACKGROUND = [("text", "background"), ("muted", "background"), ("heading", "background"),
                      ("accent", "background"), ("table_header_text", "table_header_fill"),
                      ("text", "table_stripe"), ("text", "tip_fill"), ("text", "warn_fill"),
                      ("text", "important_fill"), ("text", "key_fill"), ("heading", "key_fill")]


@pytest.mark.parametrize("fore,back", TEXT_ON_BACKGROUND)
def test_text_colours_reach_4_5_to_1(fore: str, back: str):
    assert contrast(getattr(THEME.colours, fore), getattr(THEME.colours, back)) >= 4.5


def test_chart_colours_reach_3_to_1_against_white():
    assert all(contrast(c, THEME.colours.background) >= 3 for c in THEME.colours.chart_series[:2])


def test_the_a4_variant_changes_only_the_paper():
    a4 = load_theme(STYLES / "a4")
    assert (a4.page.size, THEME.page.size) == ("A4", "letter")
    assert a4.booklet.body_size == THEME.booklet.body_size


def test_body_text_is_at_least_12_pt_and_handouts_never_below_11():
    assert THEME.booklet.body_size >= 12
    assert THEME.handout.min_body_size >= 11


def test_a_mistyped_style_key_is_a_located_error_with_a_suggestion(tmp_path: Path):
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\npage:\n  sise: A4\n")
    with pytest.raises(ContentError) as error:
        load_theme(tmp_path)
    assert str(error.value.problems[0]) == (
        f"{tmp_path / 'theme.yaml'}:3:3: error: unknown style 'page.sise' (did you mean 'page.size'?)")


def test_a_colour_that_is_not_hex_is_a_located_error(tmp_path: Path):
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\ncolours:\n  text: black\n")
    with pytest.raises(ContentError) as error:
        load_theme(tmp_path)
    assert "colour 'text' must be written #RRGGBB" in str(error.value)


def test_fonts_come_from_an_installed_package_by_explicit_path():
    for face in ("regular", "bold", "italic", "bold_italic"):
        assert THEME.font_file(face).suffix == ".ttf" and THEME.font_file(face).is_file()


def test_the_large_print_variant_builds_a_booklet_at_18_pt(tmp_path: Path):
    from booklet.build import load_valid, render_all
    from booklet.outputs.pdf.readback import read_pdf
    from conftest import CONTENT

    large = load_theme(STYLES / "large-print")
    assert large.booklet.body_size >= 18 and large.page.size == THEME.page.size
    path = tmp_path / "large.pdf"
    path.write_bytes(render_all(load_valid(CONTENT), large, ["booklet"])["patient-booklet.pdf"])
    sizes = set()
    from pypdf import PdfReader
    PdfReader(str(path)).pages[6].extract_text(
        visitor_text=lambda text, cm, tm, font, size: sizes.add(round(size)) if text.strip() else None)
    assert 18 in sizes
    assert read_pdf(path).page_count % large.page.pad_to_multiple_of == 0
