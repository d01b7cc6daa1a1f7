"""Reading grade and list length: the patient text reads at grade 8 or lower overall, no section or
handout above 9, and no list a patient follows is longer than 7 items."""
from __future__ import annotations

from dataclasses import dataclass

from booklet import model as m
from booklet.check.lint import Lint, Report, Rule
from booklet.check.readability import as_prose, grade

MAX_LIST_ITEMS = 7
MAX_SECTION_GRADE = 9.0
MAX_OVERALL_GRADE = 8.0


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


def grades(lint: Lint) -> tuple[list[SectionReport], float]:
    """Grade and word count per patient section, and the overall grade (computed once per run)."""
    if "grades" not in lint.memo:
        kit = lint.kit
        prose = [as_prose(patient_pieces(s)) for s in kit.sections]
        reports = [SectionReport(s.id, s.title, grade(text), len(text.split())) for s, text in zip(kit.sections, prose)]
        overall = grade(as_prose([p for s in kit.sections for p in patient_pieces(s)]))
        lint.memo["grades"] = reports, overall
    return lint.memo["grades"]


def check_grades(lint: Lint, report: Report) -> None:
    reports, overall = grades(lint)
    for section, r in zip(lint.kit.sections, reports):
        if r.grade > MAX_SECTION_GRADE:
            report.warning(section.loc, f"section '{section.id}' reads at grade {r.grade:.1f} "
                                        f"(aim for {MAX_SECTION_GRADE:.0f} or lower): shorter sentences, common words")
    if overall > MAX_OVERALL_GRADE:
        report.warning(lint.kit.meta.loc, f"patient text overall reads at grade {overall:.1f} (aim for 8 or lower)")
    for subtype in lint.kit.subtypes:
        level = grade(as_prose(subtype_pieces(subtype)))
        if level > MAX_SECTION_GRADE:
            report.warning(subtype.loc, f"handout '{subtype.id}' reads at grade {level:.1f} (aim for 9 or lower)")
    for figure in lint.kit.figures.values():       # figures' words are patient text too
        for what, words in (("text equivalent", figure.text), ("alt text", figure.alt), ("use line", figure.use)):
            level = grade(as_prose([words or ""]))     # a figure without a use line reads at grade 0
            if level > MAX_SECTION_GRADE:
                report.warning(words.loc, f"figure '{figure.id}' {what} reads at grade {level:.1f} "
                                          f"(aim for {MAX_SECTION_GRADE:.0f} or lower)")


def check_lists(lint: Lint, report: Report) -> None:
    def check(items, loc, what):
        if len(items) > MAX_LIST_ITEMS:
            report.warning(loc, f"{what} has {len(items)} items; patients follow lists of {MAX_LIST_ITEMS} or fewer")
    for section in lint.kit.sections:
        if section.key_points:
            check(section.key_points, section.key_points[0].loc, "key_points")
        for block in section.body:
            if isinstance(block, (m.Bullets, m.Questions, m.Callout)) and block.items:
                check(block.items, block.loc, "this list")
    for subtype in lint.kit.subtypes:
        check(subtype.questions, subtype.questions[0].loc, "questions")


RULES = (Rule("reading grade", "patient text at grade 8 overall, 9 per section, handout and figure", check_grades),
         Rule("list length", f"patient lists of {MAX_LIST_ITEMS} items or fewer", check_lists))
