"""Loading: every value keeps its file, line and column; YAML's surprises become located errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from booklet.errors import Problems
from booklet.load.content import load
from booklet.load.fields import Text
from booklet.load.yamltext import compose_text
from conftest import CONTENT, MINI


def problems_for(text: str) -> list[str]:
    problems = Problems()
    compose_text(text, "f.yaml", problems)
    return [str(p) for p in problems.items]


def test_every_loaded_string_knows_its_line_and_column():
    kit, problems = load(MINI)
    assert not problems.errors
    title = kit.sections[0].title
    assert isinstance(title, Text)
    assert (title.loc.path.endswith("sections/01-first.yaml"), title.loc.line, title.loc.col) == (True, 2, 8)


def test_the_real_content_loads_without_problems():
    kit, problems = load(CONTENT)
    assert [str(p) for p in problems.errors] == []
    assert kit is not None


def test_problems_from_many_files_are_collected_in_one_run(mini: Path):
    (mini / "sources.yaml").write_text("sources:\n  - id: alpha\n    publisher: x\n")
    first = mini / "sections" / "01-first.yaml"
    first.write_text(first.read_text().replace("key_points:", "key_pionts:"))
    _, problems = load(mini)
    messages = [str(p) for p in problems.errors]
    assert any("sources.yaml:2:5: error: missing required key 'title'" in m for m in messages)
    assert any("01-first.yaml:3:1: error: unknown key 'key_pionts'" in m for m in messages)


def test_an_alias_bomb_is_refused_before_it_is_walked():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    found = problems_for(bomb)
    assert found[0] == "f.yaml:1:4: error: anchors are not allowed (&a); write the value out"


def test_yaml_syntax_errors_are_located():
    assert problems_for("a: [1, 2\nb: 3\n")[0].startswith("f.yaml:2:2: error: YAML syntax:")


def test_a_byte_order_mark_is_accepted(mini: Path):
    path = mini / "glossary.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _, problems = load(mini)
    assert not problems.errors


def test_two_tables_with_one_id_are_reported_before_one_hides_the_other(mini: Path):
    (mini / "tables" / "results-copy.yaml").write_text((mini / "tables" / "results.yaml").read_text())
    _, problems = load(mini)
    assert [str(p) for p in problems.errors] == [
        f"{mini}/tables/results.yaml:1:5: error: duplicate table id 'results' "
        f"(first at {mini}/tables/results-copy.yaml:1:5)"]


def test_a_list_item_may_say_whom_it_is_for_and_a_wrong_value_is_located(mini: Path):
    """``{text: ..., applies_to: ...}`` in a list reads as the text, remembering whom it is for; a value
    not in content/personal.yaml is an error at its own line and column."""
    from booklet.build import load_valid
    from booklet.errors import ContentError

    first = mini / "sections" / "01-first.yaml"
    tagged = "  - text: HER2 is a protein.\n    applies_to: {stages: [metastatic]}\n"
    first.write_text(first.read_text().replace("  - HER2 is a protein.\n", tagged, 1))
    section = load_valid(mini).sections[0]
    assert section.key_points[0] == "HER2 is a protein." and section.key_points[0].loc.line == 4
    assert section.key_points[0].applies_to.stages == ("metastatic",)
    assert section.key_points[1].applies_to is None
    first.write_text(first.read_text().replace("stages: [metastatic]", "stages: [metastatik]"))
    with pytest.raises(ContentError) as raised:
        load_valid(mini)
    messages = [str(p) for p in raised.value.problems]
    assert len(messages) == 1 and messages[0].endswith(
        "01-first.yaml:5:27: error: unknown stage group 'metastatik' in applies_to (did you mean 'metastatic'?)")


FIGURE = """id: steps
kind: pathway
title: The order of things
alt: Two steps joined by an arrow.
text: First a test, then a treatment for some people.
use: {use}
sources: [alpha]
steps:
  - label: A test
  - label: A treatment
"""


def test_a_figure_keeps_its_use_line_with_its_place(mini: Path):
    (mini / "figures").mkdir()
    (mini / "figures" / "steps.yaml").write_text(FIGURE.format(use="Ask your care team which step comes next."))
    kit, problems = load(mini)
    assert not problems.errors
    use = kit.figures["steps"].use
    assert (use, use.loc.line, use.loc.col) == ("Ask your care team which step comes next.", 6, 6)


@pytest.mark.parametrize("value,message", [
    ("[Ask, Write]", "6:6: error: expected text, found a list"),
    ("12", "6:6: error: expected text, but YAML reads '12' as a number; put it in quotes: \"12\""),
    ("no", "6:6: error: expected text, but YAML reads 'no' as a yes/no value (boolean); put it in quotes: \"no\""),
    ("{ask: your care team}", "6:6: error: expected text, found a mapping"),
])
def test_a_figures_use_line_that_is_not_text_is_a_located_error(mini: Path, value: str, message: str):
    (mini / "figures").mkdir()
    (mini / "figures" / "steps.yaml").write_text(FIGURE.format(use=value))
    _, problems = load(mini)
    assert [str(p).split("steps.yaml:", 1)[1] for p in problems.errors] == [message]
