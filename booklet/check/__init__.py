"""``booklet check``: validation plus a content lint, without rendering.

The lint looks at what a reviewer of patient material would: reading grade, list lengths, glossary
coverage and first use, sources, the review date - and at the wording classes of issue 9 (claims
kept to the people they are for, survival figures with their frame, no invented fever threshold,
the clinician voice, handouts that stand alone, one word per thing, each table placed once, seed
claims framed, each handout's own content). Each rule is a small module with a ``RULES`` tuple;
``RULES`` below lists them in report order. The data the wording rules read lives in content
(``terms.yaml``, ``wording.yaml``); without those files their rules are off.

Errors always fail the check; warnings fail it only with ``--strict``.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

from booklet import model as m
from booklet.check import (claims, context, fever, glossary, handouts, institution, placement, reading, sources,
                           survival, voice, words)
from booklet.check.explain import ABBREVIATION  # noqa: F401 - part of the check's public names
from booklet.check.lint import Findings, Lint, Rule
from booklet.check.reading import (MAX_LIST_ITEMS, MAX_OVERALL_GRADE, MAX_SECTION_GRADE, SectionReport,  # noqa: F401
                                   patient_pieces, subtype_pieces)
from booklet.errors import ContentError
from booklet.model import wording as w

RULES: tuple[Rule, ...] = (*reading.RULES, *glossary.RULES, *sources.RULES, *claims.RULES, *survival.RULES,
                           *fever.RULES, *voice.RULES, *handouts.RULES, *words.RULES, *placement.RULES,
                           *context.RULES, *institution.RULES)


def load_rule_files(kit: m.Kit, findings: Findings) -> w.Rules:
    from booklet.load.wording import load_rules

    rules, problems = load_rules(Path(kit.root))
    findings.items.extend(problems.items)
    return rules


def lint(kit: m.Kit, today: datetime.date, rules: w.Rules | None = None) -> tuple[Findings, list[SectionReport], float]:
    """Run every rule. Returns the findings (problems, with counts per rule), the grade of each patient
    section and the overall grade. ``rules`` defaults to the content folder's terms.yaml and wording.yaml."""
    findings = Findings()
    if rules is None:
        rules = load_rule_files(kit, findings)
    frame = Lint(kit, rules, today)
    for rule in RULES:
        if rule.needs is None or getattr(rules, rule.needs) is not None:
            rule.run(frame, findings.rule(rule.name))
    reports, overall = reading.grades(frame)
    return findings, reports, overall


def check_and_report(content: Path, styles: Path, strict: bool, today: datetime.date | None = None) -> int:
    """Run the check, print the report and problems; the exit code for the CLI."""
    from booklet.build import load_valid
    from booklet.theme import load_theme
    from booklet.typeset.fonts import check_glyphs

    kit = load_valid(content)
    theme = load_theme(styles)
    findings, reports, overall = lint(kit, today or datetime.date.today())
    glyphs = check_glyphs(((text, text.loc) for text in m.texts(kit)), theme)
    if glyphs.errors:
        raise ContentError(glyphs.errors + findings.errors)
    _print_report(kit, reports, overall, findings)
    for problem in (*findings.errors, *findings.warnings):
        print(problem, file=sys.stderr)
    errors, warnings = len(findings.errors), len(findings.warnings)
    setup = sum(institution.is_setup(w) for w in findings.warnings)
    print(f"check: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
          + (f" ({setup} for the institution to set; --strict does not fail on those)" if setup else ""))
    return 1 if errors or (strict and warnings - setup) else 0


def _print_report(kit: m.Kit, reports: list[SectionReport], overall: float, findings: Findings) -> None:
    print(f"{'grade':>5}  {'words':>5}  section")
    for r in reports:
        flag = "  <- above 9" if r.grade > MAX_SECTION_GRADE else ""
        print(f"{r.grade:5.1f}  {r.words:5d}  {r.id}{flag}")
    print(f"{overall:5.1f}  {sum(r.words for r in reports):5d}  OVERALL (Flesch-Kincaid; goal 8 or lower, "
          "no section above 9)")
    print(f"{len(kit.sections)} sections, {len(kit.tables)} tables, {len(kit.subtypes)} subtypes, "
          f"{len(kit.glossary)} glossary terms, {len(kit.sources)} sources; next review {kit.meta.next_review}")
    print(f"\n{'errors':>6}  {'warns':>5}  rule")
    for rule in RULES:
        counts = findings.counts.get(rule.name)
        if counts is None:
            print(f"{'-':>6}  {'-':>5}  {rule.name}: off (no content/{rule.needs}.yaml)")
        else:
            print(f"{counts['errors']:6d}  {counts['warnings']:5d}  {rule.name}: {rule.guards}")
