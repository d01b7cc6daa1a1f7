"""The house template is shipped, and it is what its script makes from the theme: same bytes.

A change to styles/theme.yaml's colours, font or deck sizes fails here until
`python styles/deck/make_template.py` is run again, so the shipped template never drifts from the theme.
"""
from __future__ import annotations

import importlib.util

from pptx import Presentation

from conftest import STYLES

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
