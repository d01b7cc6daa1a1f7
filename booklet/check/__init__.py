"""``booklet check``: validation plus a content lint, without rendering.

The lint looks at what a reviewer of patient material would: reading grade per patient section and
overall, list lengths (at most 7 items), abbreviations and glossary coverage, sources cited, and
whether the review date has passed. Warnings do not fail the check unless ``--strict``.
"""
from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from booklet import model as m
from booklet.errors import ContentError, Problems
from booklet.check import institution
from booklet.check.readability import as_prose, grade

MAX_LIST_ITEMS = 7
MAX_SECTION_GRADE = 9.0
MAX_OVERALL_GRADE = 8.0
ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:/[0-9]+)?\b")


@dataclass(frozen=True)
class SectionReport:
    id: str
    title: str
    grade: float
    words: int


def patient_pieces(section: m.Section) -> list[str]:
    """The patient-facing text of a section, in reading order (tables and charts excluded)."""
    pieces = [section.title, *section.key_points]
    for block in section.body:
        match block:
            case m.Paragraph() | m.Heading():
                pieces.append(block.text)
            case m.Bullets() | m.Questions():
                pieces.extend(block.items)
            case m.Callout():
                pieces.extend([block.title, *([block.text] if block.text else []), *block.items])
            case m.Image():
                pieces.extend([block.alt, *([block.caption] if block.caption else [])])
    return pieces


def subtype_pieces(subtype: m.Subtype) -> list[str]:
    return [subtype.name, subtype.what_it_means, subtype.how_common, *subtype.early_treatment,
            *subtype.metastatic_treatment, *(p for s in subtype.side_effects for p in (s.effect, s.what_helps)),
            subtype.outlook.text, *subtype.questions]


def lint(kit: m.Kit, today: datetime.date) -> tuple[Problems, list[SectionReport], float]:
    problems = Problems()
    reports = [SectionReport(s.id, s.title, grade(as_prose(patient_pieces(s))),
                             len(as_prose(patient_pieces(s)).split())) for s in kit.sections]
    everything = as_prose([p for s in kit.sections for p in patient_pieces(s)])
    overall = grade(everything)
    for section, report in zip(kit.sections, reports):
        if report.grade > MAX_SECTION_GRADE:
            problems.warning(section.loc, f"section '{section.id}' reads at grade {report.grade:.1f} "
                                          f"(aim for {MAX_SECTION_GRADE:.0f} or lower): shorter sentences, common words")
    if overall > MAX_OVERALL_GRADE:
        problems.warning(kit.meta.loc, f"patient text overall reads at grade {overall:.1f} (aim for 8 or lower)")
    for subtype in kit.subtypes:
        level = grade(as_prose(subtype_pieces(subtype)))
        if level > MAX_SECTION_GRADE:
            problems.warning(subtype.loc, f"handout '{subtype.id}' reads at grade {level:.1f} (aim for 9 or lower)")
    _lists(kit, problems)
    _glossary(kit, problems)
    _sources(kit, problems)
    _review(kit.meta, today, problems)
    institution.warn_defaults(kit, problems)
    return problems, reports, overall


def _lists(kit: m.Kit, problems: Problems) -> None:
    def check(items, loc, what):
        if len(items) > MAX_LIST_ITEMS:
            problems.warning(loc, f"{what} has {len(items)} items; patients follow lists of {MAX_LIST_ITEMS} or fewer")
    for section in kit.sections:
        if section.key_points:
            check(section.key_points, section.key_points[0].loc, "key_points")
        for block in section.body:
            if isinstance(block, (m.Bullets, m.Questions, m.Callout)) and block.items:
                check(block.items, block.loc, "this list")
    for subtype in kit.subtypes:
        check(subtype.questions, subtype.questions[0].loc, "questions")


def _glossary(kit: m.Kit, problems: Problems) -> None:
    spellings = {sp.casefold() for t in kit.glossary for sp in t.spellings}
    words_in_glossary = {w for sp in spellings for w in re.split(r"[\s()]+", sp) if w}
    all_text = " ".join(p for s in kit.sections for p in patient_pieces(s))
    all_folded = all_text.casefold()
    entries = {sp.casefold(): t for t in kit.glossary for sp in t.spellings}
    for section in kit.sections:
        text = " ".join(patient_pieces(section))
        for term in section.terms:
            entry = entries.get(term.casefold())
            spellings = entry.spellings if entry else (term,)
            if not any(sp.casefold() in text.casefold() for sp in spellings):
                problems.warning(term.loc, f"term '{term}' is listed but not used in section '{section.id}'")
        reported = set()
        for match in ABBREVIATION.finditer(text):
            word = match.group(0)
            if word.casefold() not in words_in_glossary and word not in reported:
                reported.add(word)
                problems.warning(section.loc, f"abbreviation '{word}' in section '{section.id}' "
                                              "is not explained in the glossary")
    for term in kit.glossary:
        if not any(sp.casefold() in all_folded for sp in term.spellings):
            problems.warning(term.loc, f"glossary term '{term.term}' is not used in any patient section")


def _sources(kit: m.Kit, problems: Problems) -> None:
    cited: set[str] = set()
    for section in kit.sections:
        ids = {i for b in section.body for i in getattr(b, "sources", ())}
        if section.clinician:
            ids |= set(section.clinician.sources)
        if section.clinician and not any(getattr(b, "sources", ()) for b in section.body):
            problems.warning(section.loc, f"section '{section.id}' makes clinical points but cites no source")
        cited |= ids
    for table in kit.tables.values():
        cited |= set(table.sources)
    for subtype in kit.subtypes:
        cited |= set(subtype.sources)
    for source in kit.sources:
        if source.id not in cited:
            problems.warning(source.loc, f"source '{source.id}' is never cited")


def _review(meta: m.Meta, today: datetime.date, problems: Problems) -> None:
    if meta.next_review < today:
        problems.warning(meta.loc, f"the review date {meta.next_review} has passed: review the content and "
                                   "update last_reviewed and next_review")
    if meta.last_reviewed > today:
        problems.warning(meta.loc, f"last_reviewed {meta.last_reviewed} is in the future")


def check_and_report(content: Path, styles: Path, strict: bool, today: datetime.date | None = None) -> int:
    """Run the check, print the report and problems; the exit code for the CLI."""
    from booklet.build import load_valid
    from booklet.theme import load_theme

    kit = load_valid(content)
    theme = load_theme(styles)
    problems, reports, overall = lint(kit, today or datetime.date.today())
    from booklet.typeset.fonts import check_glyphs
    problems.items.extend(check_glyphs(((text, text.loc) for text in m.texts(kit)), theme).items)
    if problems.errors:
        raise ContentError(problems.errors)
    print(f"{'grade':>5}  {'words':>5}  section")
    for r in reports:
        flag = "  <- above 9" if r.grade > MAX_SECTION_GRADE else ""
        print(f"{r.grade:5.1f}  {r.words:5d}  {r.id}{flag}")
    print(f"{overall:5.1f}  {sum(r.words for r in reports):5d}  OVERALL (Flesch-Kincaid; goal 8 or lower, "
          "no section above 9)")
    print(f"{len(kit.sections)} sections, {len(kit.tables)} tables, {len(kit.subtypes)} subtypes, "
          f"{len(kit.glossary)} glossary terms, {len(kit.sources)} sources; next review {kit.meta.next_review}")
    for warning in problems.warnings:
        print(warning, file=sys.stderr)
    count = len(problems.warnings)
    setup = sum(institution.is_setup(w) for w in problems.warnings)
    print(f"check: 0 errors, {count} warning{'s' if count != 1 else ''}"
          + (f" ({setup} for the institution to set; --strict does not fail on those)" if setup else ""))
    return 1 if strict and count - setup else 0
