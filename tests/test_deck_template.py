"""Deck templates: the shipped house template is what its script makes from the theme (same bytes);
an institution's layouts are found by name, then by built-in type, then through deck: layouts:.

A change to styles/theme.yaml's colours, font or deck sizes fails here until
`python styles/deck/make_template.py` is run again, so the shipped template never drifts from the theme.
"""
from __future__ import annotations

import importlib.util
import io
import zipfile

import pytest
from pptx import Presentation

from booklet.errors import ContentError
from booklet.theme import load_theme
from conftest import STYLES
from deck_templates import rename
from test_deck_pptx import KIT, THEME, render

SCRIPT = STYLES / "deck" / "make_template.py"


def _script():
    spec = importlib.util.spec_from_file_location("make_template", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_house_template_is_what_the_script_makes_from_the_theme():
    assert (STYLES / "deck" / "house.pptx").read_bytes() == _script().build(STYLES), \
        "styles/deck/house.pptx is stale: run python styles/deck/make_template.py"


def test_the_house_template_has_the_five_layouts_with_footers_in_the_themes_font_and_colours():
    prs = Presentation(str(STYLES / "deck" / "house.pptx"))
    types = {layout.name: layout.element.get("type") for layout in prs.slide_layouts}
    assert types == {"Title Slide": "title", "Title and Content": "obj", "Section Header": "secHead",
                     "Two Content": "twoObj", "Title Only": "titleOnly", "Blank": "blank"}
    for layout in prs.slide_layouts:
        kinds = set(layout.element.xpath("./p:cSld/p:spTree/p:sp/p:nvSpPr/p:nvPr/p:ph/@type"))
        assert {"dt", "ftr", "sldNum"} <= kinds, layout.name
    from booklet.theme import load_theme

    theme = load_theme(STYLES)
    blob = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert f'<a:latin typeface="{theme.deck.font}"/>' in blob
    assert theme.colours.heading[1:].upper() in blob and theme.colours.chart_series[0][1:].upper() in blob
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)


def test_layouts_are_found_by_name_then_by_built_in_type(tmp_path):
    prs = Presentation()
    rename(prs, {"Section Header": "Divider slide"})          # renamed, but still of type secHead
    prs.save(str(tmp_path / "renamed.pptx"))
    data = render(KIT, THEME, tmp_path / "renamed.pptx")
    sections = [s for s in Presentation(io.BytesIO(data)).slides if s.slide_layout.name == "Divider slide"]
    assert len(sections) == len(KIT.deck.parts) + 1


def test_a_template_without_a_layout_of_a_kind_names_the_file_and_the_mapping(tmp_path):
    prs = Presentation()
    layout = prs.slide_layouts.get_by_name("Section Header")
    layout.element.set("type", "cust")                          # neither the name nor the type is left
    layout.name = "Divider slide"
    path = tmp_path / "broken.pptx"
    prs.save(str(path))
    with pytest.raises(ContentError) as error:
        render(KIT, THEME, path)
    problem = error.value.problems[0]
    assert str(problem).startswith(f"{path}: error: no layout for section slides")   # no fake :1:1
    assert "none is named 'Section Header' and none has the built-in type 'secHead'" in problem.message
    assert f"name one in {THEME.path} under deck: layouts: section:" in problem.message
    assert "'Divider slide'" in problem.message


def test_the_mapping_in_deck_layouts_picks_a_layout_by_name(tmp_path):
    prs = Presentation()
    layout = prs.slide_layouts.get_by_name("Section Header")
    layout.element.set("type", "cust")
    layout.name = "Divider slide"
    prs.save(str(tmp_path / "custom.pptx"))
    (tmp_path / "theme.yaml").write_text(f"base: {STYLES / 'theme.yaml'}\ndeck:\n  template: custom.pptx\n"
                                         "  layouts:\n    section: Divider slide\n")
    data = render(KIT, load_theme(tmp_path))
    assert any(s.slide_layout.name == "Divider slide" for s in Presentation(io.BytesIO(data)).slides)


@pytest.mark.parametrize("blob", [b"not a pptx at all", b"PK\x03\x04broken zip"])
def test_an_invalid_template_is_a_located_error(tmp_path, blob):
    path = tmp_path / "bad.pptx"
    path.write_bytes(blob)
    with pytest.raises(ContentError) as error:
        render(KIT, THEME, path)
    assert error.value.problems[0].loc.path == str(path)
    assert "not a valid .pptx" in error.value.problems[0].message


def test_the_options_template_overrides_the_themes(tmp_path):
    prs = Presentation()
    theme_part = next(r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme"))
    theme_part._blob = theme_part.blob.replace(b'<a:latin typeface="Calibri"/>', b'<a:latin typeface="Georgia"/>')
    prs.save(str(tmp_path / "own.pptx"))
    data = render(KIT, THEME, tmp_path / "own.pptx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        themes = [z.read(n) for n in z.namelist() if n.startswith("ppt/theme/")]
    assert any(b"Georgia" in t for t in themes)
