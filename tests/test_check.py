"""`booklet check`: rules that read the words, their data in content, and where they point.

Each wording rule also has a corpus case (tests/corpus/<case>/ with an ``args`` file) that fails
with its exact first located line; here are the properties the corpus cannot show on its own.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

from booklet import model as m
from booklet.build import load_valid
from booklet.check import RULES, institution, lint
from booklet.check.explain import explained_at
from booklet.check.locate import locate
from booklet.check.passages import fields, passages
from booklet.load.fields import Text
from booklet.load.wording import load_rules, phrase_regex
from booklet.errors import Loc
from conftest import CONTENT, MINI, STYLES, run_booklet

CORPUS = Path(__file__).parent / "corpus"
TODAY = datetime.date(2027, 1, 1)
# every rule that reads the words has a corpus case that fails with its message first
CASE_OF_RULE = {
    "first use": "first-use-unexplained", "claims": "claim-without-qualifier",
    "standard choice": "standard-choice-near-drug", "survival framing": "survival-without-frame",
    "survival definitions": "survival-invented-definition", "fever threshold": "fever-threshold",
    "fever deferral": "fever-without-deferral", "clinician voice": "clinician-second-person",
    "slide limits": "slide-too-many-bullets", "handout explains itself": "handout-unexplained-term",
    "handout names itself": "handout-says-this-booklet", "handout keeps its content": "handout-missing-content",
    "preferred terms": "preferred-term-variant", "spelling": "spelling-slip", "placed once": "table-placed-twice",
    "one answer": "question-answered-twice", "misleading out of context": "staging-example",
}


def test_every_wording_rule_has_a_check_case_in_the_corpus():
    wording_rules = [rule.name for rule in RULES if rule.needs]
    assert sorted(wording_rules) == sorted(n for n in CASE_OF_RULE if n not in ("placed once", "one answer"))
    for name, case in CASE_OF_RULE.items():
        assert (CORPUS / case / "args").read_text().split() == ["check", "--strict"], name
        assert ": error: " in (CORPUS / case / "expect").read_text() or ": warning: " in (CORPUS / case / "expect").read_text()


def setup_warnings_only(kit: m.Kit, findings) -> list[str]:
    """The findings beyond the institution's setup warnings (one per field still on its neutral
    default, which the shipped kit and the mini fixture keep by design: each institution sets them)."""
    defaults = [field.loc for _, field in kit.meta.institution.fields() if field.is_default]
    assert [p.loc for p in findings.items if institution.is_setup(p)] == defaults
    return [str(p) for p in findings.items if not institution.is_setup(p)]


def test_the_shipped_content_passes_every_rule_and_every_rule_runs():
    kit = load_valid(CONTENT)
    findings, _, _ = lint(kit, TODAY)
    assert setup_warnings_only(kit, findings) == []
    assert set(findings.counts) == {rule.name for rule in RULES}


def test_the_mini_fixture_passes_every_rule_and_every_rule_runs():
    kit = load_valid(MINI)
    findings, _, _ = lint(kit, TODAY)
    assert setup_warnings_only(kit, findings) == []
    assert set(findings.counts) == {rule.name for rule in RULES}


def test_without_the_rule_files_their_rules_are_off_and_the_report_says_so(mini: Path, tmp_path: Path):
    (mini / "wording.yaml").unlink()
    (mini / "terms.yaml").unlink()
    result = run_booklet("check", "--strict", "--content", str(mini), "--styles", str(STYLES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "off (no content/wording.yaml)" in result.stdout and "off (no content/terms.yaml)" in result.stdout


def test_the_report_counts_errors_and_warnings_per_rule(mini: Path, tmp_path: Path):
    first = mini / "sections" / "01-first.yaml"
    first.write_text(first.read_text().replace("Some cancer cells have a lot of it.",
                                               "Some have chemo. Some have chemo again. The test is centred."))
    result = run_booklet("check", "--content", str(mini), "--styles", str(STYLES), cwd=tmp_path)
    rows = {line.split(":")[0].split(maxsplit=2)[2]: line.split()[:2] for line in result.stdout.splitlines()
            if re.match(r"\s+\d+\s+\d+\s+\w", line)}
    assert rows["preferred terms"] == ["0", "2"] and rows["spelling"] == ["0", "1"] and rows["claims"] == ["0", "0"]
    assert rows["institution setup"] == ["0", "4"]    # the mini fixture keeps the four neutral defaults
    assert result.returncode == 0 and ("check: 0 errors, 7 warnings (4 for the institution to set; --strict does "
                                       "not fail on those)") in result.stdout


def test_a_rule_points_at_the_word_inside_a_folded_paragraph():
    kit = load_valid(CONTENT)
    paragraph = kit.section("about-this-booklet").body[1].text   # a `>-` block over four lines
    start = paragraph.index("HER2-negative means")
    loc = locate(paragraph, start, start + len("HER2-negative means"))
    lines = Path(loc.path).read_text().splitlines()
    from_there = " ".join([lines[loc.line - 1][loc.col - 1:], *lines[loc.line:]])
    assert loc.line > paragraph.loc.line
    assert " ".join(from_there.split()).startswith("HER2-negative means the cancer cells")


def test_words_are_found_at_word_boundaries():
    er = phrase_regex("ER")
    assert er.search("ER-positive") and not er.search("other") and not er.search("HER2") and not er.search("er")
    assert phrase_regex("ADC").search("certain ADCs") and phrase_regex("care team").search("your care teams")
    assert not phrase_regex("your team").search("your care team")
    assert phrase_regex("re:\\bstage I{1,3}A\\b").search("stage IIA") and not phrase_regex("guide").search("guidelines")


def test_the_glossary_lint_no_longer_finds_er_inside_other(mini: Path):
    glossary = mini / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "  - term: ER\n    definition: A receptor.\n")
    first = mini / "sections" / "01-first.yaml"
    first.write_text(first.read_text().replace("Some cancer cells have a lot of it.", "Some other cells do not."))
    findings, _, _ = lint(load_valid(mini), TODAY)
    assert "glossary term 'ER' is not used in any patient section" in [p.message for p in findings.warnings]


def test_explanations_follow_the_content_rules():
    rules = load_rules(CONTENT)[0].wording.explanations

    def explained(text: str, term: str) -> bool:
        start = text.index(term)
        return explained_at(rules, text, start, start + len(term))

    assert explained("ADCs, drugs that carry chemotherapy straight to cancer cells.", "ADCs")
    assert explained("the hormones estrogen or progesterone", "progesterone")
    assert explained("Some people also have radiation therapy. This uses high-energy rays.", "radiation therapy")
    assert not explained("If the cancer spreads, certain ADCs may help some people.", "ADCs")
    assert not explained("It has the best outlook. Cancer that has spread is usually not curable.", "outlook")


def test_every_printed_string_is_walked_generically_including_fields_added_later():
    @dataclasses.dataclass(frozen=True)
    class Later:
        key_points: tuple
        when_to_call: Text
        id: Text
        sources: tuple

    where = Loc("x.yaml")
    later = Later((Text.at("one", where), Text.at("two", where)), Text.at("call", where), Text.at("later", where),
                  (Text.at("guide", where),))
    assert [(path, str(text), item) for path, text, item in fields(later)] == [
        ("key_points", "one", 0), ("key_points", "two", 1), ("when_to_call", "call", None)]


def test_clinician_text_includes_table_fields_named_clinician_and_the_deck():
    kit = load_valid(MINI)
    table = kit.tables["results"]
    note = Text.at("Tell your care team.", Loc("tables/results.yaml", 9, 7))
    extended = dataclasses.make_dataclass("T", [("clinician_note", Text, dataclasses.field(default=None))],
                                          bases=(m.Table,), frozen=True)
    kit.tables["results"] = extended(**{f.name: getattr(table, f.name) for f in dataclasses.fields(table)},
                                     clinician_note=note)
    voices = {(p.voice, p.field) for p in passages(kit) if p.text is note}
    assert voices == {("clinician", "clinician_note")}
    findings, _, _ = lint(kit, TODAY)
    assert [p.message.split(":")[0] for p in findings.errors] == ["'your' in table 'results'"]


def test_an_institution_field_may_set_the_fever_threshold(mini: Path):
    kit = mini / "kit.yaml"
    kit.write_text(kit.read_text().replace("disclaimer: This is test content.",
                                           "disclaimer: A fever is 100.4 degrees or higher. This is test content."))
    findings, _, _ = lint(load_valid(mini), TODAY)
    assert [p.message.split(":")[0][:40] for p in findings.errors] == [
        "'100.4 degrees' in kit.yaml", "'fever' in kit.yaml without saying who d"]
    wording = mini / "wording.yaml"
    wording.write_text(wording.read_text().replace("institution_fields: [urgent_contact,",
                                                   "institution_fields: [urgent_contact, disclaimer,"))
    findings, _, _ = lint(load_valid(mini), TODAY)
    assert findings.errors == []


def test_a_figures_use_line_is_patient_text_that_the_deck_does_not_print():
    kit = load_valid(CONTENT)
    shown = sorted({ident for s in kit.sections if s.clinician for ident in s.clinician.figures})
    found = {p.doc: p.voice for p in passages(kit) if p.doc.startswith("figure:") and p.field == "use"}
    assert found == {f"figure:{ident}": "patient" for ident in kit.figures}
    assert shown and [p for p in lint(kit, TODAY)[0].errors if "clinician text" in p.message] == []
    figure = kit.figures[shown[0]]      # the same words as its text equivalent, which the deck's notes print
    said = dataclasses.replace(figure, text=Text.at(figure.use, figure.text.loc))
    errors = lint(dataclasses.replace(kit, figures={**kit.figures, figure.id: said}), TODAY)[0].errors
    assert errors and {p.message.split(":")[0].split("' in ")[1] for p in errors} == {
        f"figure '{figure.id}', shown in the deck"}
    assert {p.loc.path for p in errors} == {figure.text.loc.path}


def test_the_wording_rules_and_the_grade_read_a_figures_use_line():
    kit = load_valid(CONTENT)
    figure = kit.figures["her2-scale"]
    at = figure.use.loc
    plain = Text.at("Ask your doctor if chemo is planned for you.", at)
    hard = Text.at("Immunohistochemical quantification necessitates confirmatory fluorescence hybridization "
                   "methodologies characterizing heterogeneous intratumoral subpopulations.", at)
    for use, wanted in ((plain, "'chemo' in figure 'her2-scale'"),
                        (hard, "figure 'her2-scale' use line reads at grade")):
        changed = dataclasses.replace(kit, figures={**kit.figures, figure.id: dataclasses.replace(figure, use=use)})
        findings, _, _ = lint(changed, TODAY)
        found = [p for p in findings.warnings + findings.errors if p.message.startswith(wanted)]
        assert found and found[0].loc.path == at.path and found[0].loc.line == at.line, wanted


def test_a_tool_block_s_id_is_not_read_as_patient_text():
    """``- tool: my-results`` places a tool; the id is never printed, so no rule may grade or lint it."""
    kit = load_valid(CONTENT)
    placed = {b.tool for s in kit.sections for b in s.body if isinstance(b, m.Tool)}
    assert placed == {"my-results", "activity-log"}
    assert not [p for p in passages(kit) if p.text in placed]
