"""Figures as plain data: every figure of the content laid out at the widths and text sizes the
outputs ask for, checked shape by shape, with no renderer involved.

A layout's promises: no label smaller than asked, no label outside the drawing or across a box's
edge, no two labels on top of each other, every word the figure must show drawn in reading order,
parts that reach 3:1 contrast and text that reaches 4.5:1 against what it sits on, in every theme.
Each kind's own promises follow (N filled people, bars exactly under their steps, dashed optional
steps ...).
"""
from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from booklet import figures
from booklet.build import load_valid
from booklet.compose import figures as compose_figures, tree as t
from booklet.errors import ContentError
from booklet.figures import drawing as d, icon_array, pathway, receptor_grid, scale, spread, text as tx
from booklet.theme import load_theme
from booklet.typeset import fonts
from booklet.verify.readback import squash
from conftest import CONTENT, ROOT, STYLES

KIT = load_valid(CONTENT)
THEMES = {name: load_theme(ROOT / "styles" / name) for name in ("", "a4", "large-print")}
THEME = THEMES[""]
FACES = fonts.register_family(THEME)


def measure(text: str, size: float, bold: bool) -> float:
    return fonts.width(text, FACES["bold" if bold else "regular"], size)


FIGURES = {ident: compose_figures.figure(KIT, ident) for ident in KIT.figures}
# (width, text size): the booklet column and its large print, a slide at the deck's sizes, a narrow column
FRAMES = [(430, 13), (430, 17), (864, 18), (864, 14), (648, 14), (250, 13)]   # (648, 14): a 4:3 slide
CASES = [pytest.param(ident, w, s, id=f"{ident}@{w}x{s}") for ident in FIGURES for w, s in FRAMES]


def laid(ident: str, width: float, size: float) -> d.Drawing:
    return figures.layout(FIGURES[ident], width, size, measure)


def label_box(label: d.Label) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a label's ink, from the font's own widths."""
    w = measure(label.text, label.size, label.bold)
    left = {"start": label.x, "middle": label.x - w / 2, "end": label.x - w}[label.anchor]
    return left, label.y - tx.ASCENT * label.size, left + w, label.y + tx.DESCENT * label.size


def shape_box(shape) -> tuple[float, float, float, float]:
    if isinstance(shape, d.Line):
        return min(shape.x1, shape.x2), min(shape.y1, shape.y2), max(shape.x1, shape.x2), max(shape.y1, shape.y2)
    return shape.x, shape.y, shape.x + shape.w, shape.y + shape.h


def overlap(a, b, slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def inside(a, b, slack: float = 0.5) -> bool:
    return a[0] >= b[0] - slack and a[1] >= b[1] - slack and a[2] <= b[2] + slack and a[3] <= b[3] + slack


def labels_of(drawing: d.Drawing) -> list[d.Label]:
    return [s for s in drawing.shapes if isinstance(s, d.Label)]


# -- what every layout promises ------------------------------------------------------------------
@pytest.mark.parametrize("ident,width,size", CASES)
def test_no_label_is_smaller_than_the_text_size_asked_for(ident, width, size):
    assert min(label.size for label in labels_of(laid(ident, width, size))) >= size


@pytest.mark.parametrize("ident,width,size", CASES)
def test_every_label_and_shape_lies_inside_the_drawing(ident, width, size):
    drawing = laid(ident, width, size)
    frame = (0, 0, drawing.width, drawing.height)
    assert drawing.width == width
    outside = [s for s in drawing.shapes if not inside(label_box(s) if isinstance(s, d.Label) else shape_box(s), frame)]
    assert outside == []


@pytest.mark.parametrize("ident,width,size", CASES)
def test_no_two_labels_overlap(ident, width, size):
    boxes = [(label.text, label_box(label)) for label in labels_of(laid(ident, width, size))]
    clashes = [(a, b) for (a, ba), (b, bb) in itertools.combinations(boxes, 2) if overlap(ba, bb)]
    assert clashes == []


@pytest.mark.parametrize("ident,width,size", CASES)
def test_a_label_is_inside_a_box_or_clear_of_it_never_across_its_edge(ident, width, size):
    drawing = laid(ident, width, size)
    frames = [shape_box(s) for s in drawing.shapes if isinstance(s, (d.Box, d.Ellipse))]
    crossing = [label.text for label in labels_of(drawing) for f in frames
                if overlap(label_box(label), f) and not inside(label_box(label), f)]
    assert crossing == []


@pytest.mark.parametrize("ident,width,size", CASES)
def test_every_word_the_figure_must_show_is_drawn_in_reading_order(ident, width, size):
    drawing = laid(ident, width, size)
    drawn = squash("".join(label.text for label in labels_of(drawing)))
    wanted = figures.labels(FIGURES[ident])
    assert wanted[0] == FIGURES[ident].title          # the title is printed by the output, above the drawing
    assert [w for w in wanted[1:] if squash(w) not in drawn] == []
    assert drawing.labels == wanted[1:] or drawing.labels == figures.KINDS[FIGURES[ident].kind].labels(
        FIGURES[ident].data)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ground(drawing: d.Drawing, label: d.Label, theme) -> str:
    """The colour under a label: the last filled box or circle painted before it that holds it."""
    box, under = label_box(label), figures.colour(theme, "paper")
    for shape in drawing.shapes[:drawing.shapes.index(label)]:
        if isinstance(shape, (d.Box, d.Ellipse)) and shape.fill and inside(box, shape_box(shape)):
            under = figures.colour(theme, shape.fill)
    return under


THEMED = [pytest.param(ident, name, id=f"{ident}:{name or 'default'}") for ident in FIGURES for name in THEMES]


@pytest.mark.parametrize("ident,theme_name", THEMED)
def test_text_reaches_4_5_to_1_on_what_it_sits_on(ident, theme_name):
    theme = THEMES[theme_name]
    drawing = laid(ident, 430, theme.figures.booklet_text_size)
    low = [(label.text, round(contrast(figures.colour(theme, label.colour), ground(drawing, label, theme)), 2))
           for label in labels_of(drawing)
           if contrast(figures.colour(theme, label.colour), ground(drawing, label, theme)) < 4.5]
    assert low == []


@pytest.mark.parametrize("ident,theme_name", THEMED)
def test_parts_reach_3_to_1_on_the_paper_and_patterns_on_their_fill(ident, theme_name):
    theme = THEMES[theme_name]
    paper = figures.colour(theme, "paper")
    faint, hidden_patterns = [], []
    for shape in laid(ident, 430, theme.figures.booklet_text_size).shapes:
        if isinstance(shape, d.Label):
            continue
        edges = [getattr(shape, "fill", None) if getattr(shape, "filled", True) else None, shape.stroke]
        best = max((contrast(figures.colour(theme, c), paper) for c in edges if c), default=0)
        if best < 3:
            faint.append(shape)
        pattern = getattr(shape, "pattern", None)
        fill = getattr(shape, "fill", None)
        under = fill if getattr(shape, "filled", True) and fill else "paper"   # an outlined person is hatched on the paper
        if pattern and contrast(figures.colour(theme, shape.stroke), figures.colour(theme, under)) < 3:
            hidden_patterns.append(shape)
    assert faint == [] and hidden_patterns == []


def test_colour_names_are_palette_roles_or_theme_colours():
    assert figures.colour(THEME, "strong") == THEME.colours.accent
    assert figures.colour(THEME, "accent") == THEME.colours.accent
    used = set().union(*(figures.roles(laid(i, 430, 13)) for i in FIGURES))
    assert used <= {f.name for f in dataclasses.fields(THEME.figures.palette)}


def test_a_palette_role_naming_no_colour_is_a_located_error(tmp_path: Path):
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\nfigures:\n  palette:\n    strong: acent\n")
    with pytest.raises(ContentError) as error:
        load_theme(tmp_path)
    assert str(error.value.problems[0]).endswith(
        "error: figure colour role 'strong': no colour named 'acent' (did you mean 'accent'?)")
    assert error.value.problems[0].loc.line == 4


def test_layouts_are_deterministic_plain_data():
    for ident in FIGURES:
        assert laid(ident, 430, 13) == laid(ident, 430, 13)
        assert all(dataclasses.is_dataclass(s) for s in laid(ident, 430, 13).shapes)


# -- each kind's own promises ----------------------------------------------------------------------
def people(drawing: d.Drawing, total: int = 100) -> list[d.Person]:
    """The array's people in filling order (the legend's samples come after them)."""
    return [s for s in drawing.shapes if isinstance(s, d.Person)][:total]


@pytest.mark.parametrize("filled,extra", [(0, 0), (1, 0), (20, 0), (37, 0), (70, 0), (100, 0), (10, 5), (90, 10)])
@pytest.mark.parametrize("width,size", [(430, 13), (864, 18), (250, 13)])
def test_an_icon_array_fills_exactly_n_people_first_and_hatches_a_range_after_them(filled, extra, width, size):
    icons = icon_array.IconArray(100, filled, extra, "Type A", "Maybe type A" if extra else None, "Other types")
    drawn = people(icon_array.layout(icons, width, size, measure))
    kinds = ["filled" if p.filled else "extra" if p.pattern else "empty" for p in drawn]
    assert len(drawn) == 100
    assert kinds == ["filled"] * filled + ["extra"] * extra + ["empty"] * (100 - filled - extra)


def test_an_icon_array_counts_in_blocks_of_ten_columns():
    drawn = people(icon_array.layout(icon_array.IconArray(100, 70, 0, "A", None, "B"), 430, 13, measure))
    columns = sorted({round(p.x, 3) for p in drawn})
    rows = sorted({round(p.y, 3) for p in drawn})
    assert (len(columns), len(rows)) == (20, 5)
    left = {round(p.x, 3) for p in drawn[:50]}
    assert left == set(columns[:10])                   # the first 50 fill the left block, row by row


def test_the_content_icon_arrays_show_the_seed_numbers():
    def counts(ident):
        drawn = people(laid(ident, 430, 13))
        return sum(p.filled for p in drawn), sum(bool(p.pattern) for p in drawn)
    assert counts("hr-positive-in-100") == (70, 0)
    assert counts("triple-negative-in-100") == (10, 5)    # "about 10% to 15%": a range, not a rounded number
    assert counts("her2-positive-in-100") == (20, 0)      # "about 1 in 5"


def steps_and_bars(drawing: d.Drawing):
    boxes = [s for s in drawing.shapes if isinstance(s, d.Box)]
    return [b for b in boxes if b.fill == "paper"], [b for b in boxes if b.fill != "paper"]


def test_a_scale_draws_each_group_as_a_bar_exactly_under_its_steps():
    node = FIGURES["her2-scale"]
    steps, bars = steps_and_bars(laid("her2-scale", 864, 18))
    assert len(steps) == len(node.data.steps) and len(bars) == len(node.data.groups)
    for group, bar in zip(sorted(node.data.groups, key=lambda g: g.level), bars):   # bars come row by row
        first, last = steps[group.first], steps[group.last]
        assert (round(bar.x, 3), round(bar.x + bar.w, 3)) == (round(first.x, 3), round(last.x + last.w, 3))
    looks = [(b.fill, b.pattern) for b in bars]
    assert len(set(looks)) == len(looks)                  # every group looks different, not by colour alone
    assert len({p for _, p in looks}) == len(looks)


def test_a_scale_too_narrow_to_run_across_runs_top_to_bottom_with_nothing_cut():
    drawing = laid("her2-scale", 250, 13)
    steps, _ = steps_and_bars(drawing)
    assert len({s.x for s in steps}) == 1 and [s.y for s in steps] == sorted(s.y for s in steps)
    words = {w for label in labels_of(drawing) for w in label.text.split()}
    assert "ultralow" in words or "HER2-ultralow" in words


def test_the_scale_follows_the_seeds_no_ihc_3_plus():
    texts = " ".join(figures.labels(FIGURES["her2-scale"]))
    assert "3+" not in texts and "Extra HER2 protein" in texts
    groups = {g.label: (g.first, g.last, g.level) for g in FIGURES["her2-scale"].data.groups}
    assert groups["HER2-negative"] == (0, 3, 0) and groups["HER2-positive"] == (4, 5, 0)
    assert groups["HER2-low: still HER2-negative"] == (2, 3, 1)


@pytest.mark.parametrize("ident", [i for i in FIGURES if FIGURES[i].kind == "pathway"])
@pytest.mark.parametrize("width,size", [(430, 13), (864, 17), (250, 13)])
def test_a_pathway_numbers_its_steps_joins_them_with_arrows_and_dashes_the_optional_ones(ident, width, size):
    node = FIGURES[ident]
    drawing = laid(ident, width, size)
    boxes = [s for s in drawing.shapes if isinstance(s, d.Box)]
    arrows = [s for s in drawing.shapes if isinstance(s, d.Line) and s.arrow]
    steps = boxes[:len(node.data.steps)]
    assert len(arrows) == len(node.data.steps) - 1
    assert [bool(b.dash) for b in steps] == [s.sometimes for s in node.data.steps]
    digits = [label.text for label in labels_of(drawing) if label.text.isdigit()]
    assert digits == [str(i) for i in range(1, len(node.data.steps) + 1)]
    for arrow, (a, b) in zip(arrows, zip(steps, steps[1:])):       # each arrow runs from one step to the next
        assert inside(shape_box(arrow), (a.x, a.y, b.x + b.w, b.y + b.h), slack=1)


def test_a_receptor_grid_prints_every_result_as_a_word_and_joins_one_or_both():
    node = FIGURES["receptor-results"]
    drawing = laid("receptor-results", 430, 13)
    first_row = node.data.rows[0]
    assert [m.span for m in first_row.marks] == [2, 1]
    cells = [s for s in drawing.shapes if isinstance(s, d.Box) and s.w < 200]
    single = min(c.w for c in cells)
    assert max(c.w for c in cells) > 2 * single              # the joined cell covers two result columns
    drawn = squash("".join(label.text for label in labels_of(drawing)))
    for word in ("Onebothpositive", "positiveornegative", "low", "negative"):
        assert squash(word).replace("or", "") in drawn.replace("or", "")


@pytest.mark.parametrize("width,size", [(430, 13), (864, 18), (250, 13)])
def test_spread_marks_more_places_at_each_stage_and_rings_them_with_a_dashed_line(width, size):
    drawing = laid("how-far-it-has-spread", width, size)
    dots = [s for s in drawing.shapes if isinstance(s, d.Ellipse) and s.fill == "strong"]
    rings = [s for s in drawing.shapes if isinstance(s, d.Box) and s.dash]
    assert len(rings) == 3
    per_stage = [sum(1 for dot in dots if inside(shape_box(dot), shape_box(ring))) for ring in rings]
    assert per_stage == [1, 1 + 3, 1 + 3 + 4]               # tumour; + armpit nodes; + brain, lung, liver, bone


# -- wrapping ------------------------------------------------------------------------------------
def test_wrapping_breaks_after_a_hyphen_only_where_a_word_is_too_long():
    lines = tx.wrap("HER2-ultralow", measure("HER2-ult", 13, True), 13, measure, bold=True)
    assert lines.lines == ("HER2-", "ultralow") and not lines.cut
    assert tx.wrap("HER2-low is here", 1000, 13, measure).lines == ("HER2-low is here",)


WORDS = st.lists(st.text(alphabet="abcdefghij-+ ", min_size=1, max_size=30), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(words=WORDS, width=st.floats(min_value=20, max_value=400), bold=st.booleans())
def test_wrapped_lines_fit_and_keep_every_character(words, width, bold):
    text = " ".join(words)
    lines = tx.wrap(text, width, 13, measure, bold)
    assert all(measure(line, 13, bold) <= width or len(line) == 1 for line in lines.lines)
    assert squash("".join(lines.lines)) == squash(text)


def test_every_kind_is_one_module_with_data_labels_and_layout():
    from booklet.load.figures import KINDS as LOADABLE
    assert tuple(figures.KINDS) == LOADABLE
    for module in (scale, pathway, receptor_grid, icon_array, spread):
        assert callable(module.layout) and callable(module.labels)
    assert {FIGURES[i].kind for i in FIGURES} == set(figures.KINDS)   # the content uses every kind


def test_a_figure_node_holds_only_plain_data():
    for node in FIGURES.values():
        assert isinstance(node, t.Figure)
        assert type(node.data).__module__.startswith("booklet.figures.")
        assert all(type(v) in (int, bool) or isinstance(v, (str, tuple, type(None)))
                   for v in (getattr(node.data, f.name) for f in dataclasses.fields(node.data)))


def test_check_warns_where_a_figures_words_read_above_grade_9():
    import datetime

    from booklet.check import lint
    from booklet.load.fields import Text

    figure = KIT.figures["her2-scale"]
    hard = Text.at("Immunohistochemical quantification of transmembrane glycoprotein overexpression "
                   "characterizes heterogeneous intratumoral subpopulations necessitating confirmatory "
                   "fluorescence hybridization methodologies.", figure.alt.loc)
    kit = dataclasses.replace(KIT, figures={**KIT.figures, figure.id: dataclasses.replace(figure, alt=hard)})
    problems, _, _ = lint(kit, datetime.date(2026, 12, 1))
    found = [p for p in problems.warnings if "figure 'her2-scale' alt text reads at grade" in p.message]
    assert len(found) == 1 and found[0].loc == figure.alt.loc
    assert not [p for p in lint(KIT, datetime.date(2026, 12, 1))[0].warnings if "figure" in p.message]


@pytest.mark.parametrize("ident", [i for i in FIGURES if FIGURES[i].kind == "pathway"])
def test_a_pathway_too_long_to_run_across_a_wide_box_puts_each_detail_beside_its_label_when_that_is_shorter(ident):
    """A 4:3 slide is wide, but five steps do not fit across it: one row a step, the detail beside the
    label, takes less height than the detail under the label, and reads in the same order."""
    node, size = FIGURES[ident].data, 18
    assert pathway._across(node, 648, size, measure) is None                 # too many words to run across
    drawing = laid(ident, 648, size)
    steps = [s for s in drawing.shapes if isinstance(s, d.Box)][:len(node.steps)]
    assert [b.x for b in steps] == [0] * len(node.steps)                     # top to bottom
    assert drawing.height < pathway._down(node, 648, size, measure, None).height
    for step in node.steps:
        if step.detail:
            label = next(lb for lb in labels_of(drawing) if step.label.startswith(lb.text))
            detail = next(lb for lb in labels_of(drawing) if step.detail.startswith(lb.text))
            assert detail.x > label.x + measure(label.text, size, True) and detail.y == label.y


def scheme_colour(scheme: dict[str, str], value: str) -> str:
    """'#RRGGBB' that a viewer draws for a deck palette value ('tx1 lighter 22'): the template's theme
    colour, its HSL lightness times (1 - N %) plus N % (PowerPoint's lumMod and lumOff)."""
    import colorsys

    slot, _, lighter = value.partition(" lighter ")
    rgb = scheme[{"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}.get(slot, slot)]
    h, l, s = colorsys.rgb_to_hls(*(int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    share = int(lighter or 0) / 100
    return "#" + "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(h, min(1.0, l * (1 - share) + share), s))


def test_on_the_house_template_figure_slides_draw_the_booklets_figure_colours():
    """Deck figures name the template's theme colours (so an institution's template recolours them);
    on the house template, made from the theme's colours, each role is the booklet's colour (within
    2 of 255 a channel), so the contrast proven above holds on the slides too."""
    import re
    import zipfile

    with zipfile.ZipFile(ROOT / "styles" / "deck" / "house.pptx") as z:
        xml = next(z.read(n).decode() for n in z.namelist() if n.startswith("ppt/theme/theme"))
    scheme = dict(re.findall(r'<a:(dk1|lt1|dk2|lt2|accent\d)><a:srgbClr val="([0-9A-F]{6})"', xml))
    for f in dataclasses.fields(THEME.figures.palette):
        drawn = scheme_colour(scheme, getattr(THEME.figures.deck_palette, f.name))
        booklet = figures.colour(THEME, f.name)
        assert max(abs(int(drawn[i:i + 2], 16) - int(booklet[i:i + 2], 16)) for i in (1, 3, 5)) <= 2, f.name


def test_a_deck_palette_value_that_is_no_theme_colour_is_a_located_error(tmp_path: Path):
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\nfigures:\n  deck_palette:\n    strong: accent7\n")
    with pytest.raises(ContentError) as error:
        load_theme(tmp_path)
    assert str(error.value.problems[0]).startswith(f"{tmp_path / 'theme.yaml'}:4:5: error: figure colour role 'strong' "
                                                   "on slides must be a template theme colour")
