"""The shipped content: loads without a problem, reads at the promised grade, is fully cited."""
from __future__ import annotations

import datetime

import pytest

from booklet import model as m
from booklet.build import load_valid
from booklet.check import MAX_OVERALL_GRADE, MAX_SECTION_GRADE, lint
from conftest import CONTENT, ROOT

KIT = load_valid(CONTENT)
SEEDS = ROOT.parent / "shared" / "seeds"


def test_content_loads_and_validates_with_no_errors():
    assert KIT.sections and KIT.tables and KIT.subtypes and KIT.deck


def test_lint_finds_no_errors_and_the_review_date_is_ahead():
    problems, _, _ = lint(KIT, datetime.date.today())
    assert problems.errors == []
    assert KIT.meta.next_review > datetime.date.today()


def test_patient_text_reads_at_grade_8_or_lower_overall():
    _, _, overall = lint(KIT, datetime.date.today())
    assert overall <= MAX_OVERALL_GRADE


@pytest.mark.parametrize("section", KIT.sections, ids=lambda s: s.id)
def test_no_patient_section_reads_above_grade_9(section: m.Section):
    _, reports, _ = lint(KIT, datetime.date.today())
    assert next(r for r in reports if r.id == section.id).grade <= MAX_SECTION_GRADE


@pytest.mark.parametrize("section", KIT.sections, ids=lambda s: s.id)
def test_patient_lists_have_at_most_seven_items(section: m.Section):
    lists = [section.key_points] + [b.items for b in section.body if hasattr(b, "items")]
    assert all(len(items) <= 7 for items in lists)


def test_every_source_is_cited_and_names_a_seed_article():
    problems, _, _ = lint(KIT, datetime.date.today())
    assert not [w for w in problems.warnings if "never cited" in w.message]
    if SEEDS.is_dir():
        assert all((SEEDS / s.seed).is_file() for s in KIT.sources)


def test_every_clinical_section_cites_its_sources_in_both_voices():
    for section in KIT.sections:
        if section.clinician is not None:
            assert section.clinician.sources, section.id
            assert any(getattr(b, "sources", ()) for b in section.body), section.id


def test_every_abbreviation_and_listed_term_is_in_the_glossary():
    problems, _, _ = lint(KIT, datetime.date.today())
    assert [str(w) for w in problems.warnings if "glossary" in w.message or "term" in w.message] == []


def test_survival_table_has_one_row_per_stage_with_both_subtypes():
    table = KIT.tables["survival-by-stage"]
    assert len(table.chart.value_columns) == 2
    assert all(len(row) == len(table.columns) for row in table.rows)
    assert [v for _, values in table.series() for v in values] == [100, 90, 35, 92, 67, 14]


@pytest.mark.parametrize("subtype", KIT.subtypes, ids=lambda s: s.id)
def test_each_subtype_has_three_to_five_questions(subtype: m.Subtype):
    assert 3 <= len(subtype.questions) <= 5
