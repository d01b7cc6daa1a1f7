"""The deck plan, tested as plain data with no PowerPoint file: how logical slides become measured,
split slides. A fixed-width "font" (every character 0.5 em) makes every split predictable."""
from __future__ import annotations

import dataclasses

import pytest

from booklet.compose import tree as t
from booklet.errors import ContentError, Loc
from booklet.outputs.deck_pptx import plan as dp
from booklet.theme import load_theme
from booklet.typeset.measure import chunks
from conftest import STYLES

STYLE = load_theme(STYLES).deck
BOX = dp.Box(36, 100, 600, 320)
GEO = dp.Geometry(size=(720, 540), cover_title=BOX, cover_subtitle=BOX, section_title=BOX, section_kicker=None,
                  title=dp.Box(36, 20, 600, 70), body=BOX, title_only=dp.Box(36, 20, 600, 70))
HERE = Loc("deck.yaml", 3, 1)


class Monospace:
    """Every character 0.5 em wide: a line of a box ``w`` wide at ``size`` holds w / (size / 2) characters."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return len(text) * size / 2

    def line_count(self, text: str, width: float, size: float, bold: bool = False) -> int:
        per_line = max(1, int(width // (size / 2)))
        lines = 0
        for paragraph in text.split("\n"):
            line = 0
            for word in paragraph.split():
                need = len(word) + (1 if line else 0)
                if line and line + need > per_line:
                    lines, line = lines + 1, len(word)
                else:
                    line += need
            lines += 1
        return lines


def plan(*slides: t.Slide) -> list[dp.SlidePlan]:
    doc = t.Document("deck", "clinician-deck", None, (), HERE, slides=slides, continued="cont.")
    return dp.plan(doc, STYLE, GEO, Monospace())


def bullets(count: int, words: int = 3) -> tuple[str, ...]:
    return tuple(" ".join(f"w{n}" for _ in range(words)) for n in range(count))


def test_short_bullets_stay_on_one_slide_at_the_body_size():
    (slide,) = plan(t.Slide("topic", "content", "A point", HERE, bullets=bullets(4)))
    assert (slide.bullets, slide.body_size, slide.part) == (bullets(4), STYLE.body_size, 0)


def test_bullets_shrink_in_steps_to_stay_on_one_slide_but_never_below_the_least_size():
    long = tuple(" ".join(["word"] * 30) for _ in range(5))     # 30 words: several lines each
    slides = plan(t.Slide("topic", "content", "A point", HERE, bullets=long))
    assert all(STYLE.min_body_size <= s.body_size <= STYLE.body_size for s in slides)
    assert all((STYLE.body_size - s.body_size) % STYLE.size_step == 0 for s in slides)


def test_the_source_line_is_pinned_to_the_foot_of_the_body_and_the_bullets_stop_above_it():
    (slide,) = plan(t.Slide("topic", "content", "A point", HERE, bullets=bullets(3), footnote="Sources: [1], [2]"))
    assert slide.footnote_box.y + slide.footnote_box.h == BOX.y + BOX.h
    assert slide.body_box.y + slide.body_box.h + STYLE.gap <= slide.footnote_box.y + 0.01


def test_more_bullets_than_the_maximum_continue_on_a_numbered_slide_balanced_by_count():
    slides = plan(t.Slide("topic", "content", "A point", HERE, bullets=bullets(STYLE.max_bullets + 2)))
    assert [s.title for s in slides] == ["A point", "A point (cont.)"]
    assert [len(s.bullets) for s in slides] == [4, 4]


def test_uncapped_lists_such_as_references_only_split_where_they_do_not_fit():
    (slide,) = plan(t.Slide("references", "content", "References", HERE, bullets=bullets(STYLE.max_bullets + 1),
                            capped=False, numbered_from=1))
    assert len(slide.bullets) == STYLE.max_bullets + 1 and slide.numbered_from == 1 and slide.marker == "number"


def test_a_bullet_too_long_for_any_slide_at_the_least_size_is_a_located_error():
    huge = " ".join(["word"] * 3000)
    with pytest.raises(ContentError) as error:
        plan(t.Slide("topic", "content", "A point", HERE, bullets=(huge,)))
    assert error.value.problems[0].loc == HERE


def test_a_repeated_title_is_made_unique_and_its_continuations_follow_it():
    slides = plan(t.Slide("topic", "content", "Same", HERE, bullets=bullets(2)),
                  t.Slide("topic", "content", "Same", HERE, bullets=bullets(STYLE.max_bullets + 1)))
    assert [s.title for s in slides] == ["Same", "Same (2)", "Same (2) (cont.)"]


def test_a_long_table_continues_with_its_header_at_one_size_and_keeps_every_row():
    rows = tuple((f"row {n}", f"{n}%") for n in range(40))
    table = t.Table("long", "A long table", ("Name", "Value"), rows, HERE, numeric=(False, True))
    slides = plan(t.Slide("table", "title_only", "A long table", HERE, table=table, footnote="Sources: [1]"))
    assert len(slides) > 1 and len({s.table.size for s in slides}) == 1
    assert [r for s in slides for r in s.table.rows] == list(rows)
    assert all(s.table.header == ("Name", "Value") for s in slides)
    assert slides[0].table.align == ("l", "ctr")              # a column of numbers is centred
    for s in slides:                                          # the note sits at the foot, below the table
        assert s.footnote_box.y >= s.area.y + s.area.h + STYLE.gap - 0.01
        assert s.footnote_box.y + s.footnote_box.h == BOX.y + BOX.h


def test_a_table_that_fits_one_slide_at_a_smaller_size_is_not_split():
    rows = tuple((f"row {n}", f"{n}%") for n in range(12))      # too tall at the table size, not at a smaller one
    table = t.Table("mid", "A table", ("Name", "Value"), rows, HERE, numeric=(False, True))
    (slide,) = plan(t.Slide("table", "title_only", "A table", HERE, table=table))
    assert STYLE.min_table_size <= slide.table.size < STYLE.table_size and slide.table.rows == rows


def test_a_chart_knows_its_values_are_percentages_and_keeps_its_alt_text():
    chart = t.Chart("c", "Survival", ("Local", "Distant"), (t.Series("A", (90.0, 30.0), ("90%", "30%")),),
                    "Bar chart: Survival. Local: A 90%; Distant: A 30%.", HERE)
    (slide,) = plan(t.Slide("chart", "title_only", "Survival", HERE, chart=chart))
    assert slide.chart.percent and slide.chart.alt.startswith("Bar chart: Survival.")
    assert slide.chart.series == (("A", (90.0, 30.0)),)


def test_chunks_balances_runs_by_count_when_the_split_is_forced():
    assert chunks([10.0] * 7, 1000, 0, 6) == [(0, 4), (4, 7)]
    assert chunks([10.0, 500.0, 10.0], 505, 0, 6) == [(0, 1), (1, 2), (2, 3)]
    assert chunks([600.0], 505, 0, 6) is None


def test_a_figure_gets_the_content_area_above_its_note_for_figures_py_to_draw_in():
    figure = t.Figure("f", "scale", "A scale", "alt", "text", None, HERE)
    (slide,) = plan(t.Slide("figure", "title_only", "HER2 scores form a scale", HERE, figure=figure,
                            footnote="Sources: [1]"))
    assert slide.figure is figure and slide.layout == "title_only"
    assert slide.area.y == BOX.y and slide.area.y + slide.area.h + STYLE.gap <= slide.footnote_box.y + 0.01


def test_a_figure_uses_the_whole_content_area_down_to_the_footers_where_a_table_keeps_to_the_body():
    """Nothing in a figure grows in a viewer, so it may use the space between the body's foot and the
    footers (on a 4:3 template that is what lets a five-step pathway fit); its note stays above them."""
    footers = {"ftr": dp.Box(36, 500, 300, 28), "sldNum": dp.Box(600, 500, 60, 28)}
    geo = dataclasses.replace(GEO, footers=footers)
    figure = t.Figure("f", "pathway", "Steps", "alt", "text", None, HERE)
    doc = t.Document("deck", "d", None, (), HERE, continued="cont.", slides=(
        t.Slide("figure", "title_only", "Steps in order", HERE, figure=figure, footnote="Sources: [1]"),
        t.Slide("table", "title_only", "A table", HERE, footnote="Sources: [1]", table=t.Table(
            "x", "A table", ("A", "B"), (("1", "2"),), HERE))))
    shown, table = dp.plan(doc, STYLE, geo, Monospace())
    assert shown.area.y == BOX.y and shown.footnote_box.bottom == 500 - STYLE.gap
    assert shown.area.bottom > BOX.bottom and table.footnote_box.bottom == BOX.bottom
