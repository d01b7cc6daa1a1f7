"""Class 4: the deck speaks to clinicians. Clinician text - sections' clinician parts, deck.yaml, the
deck's labels, tables' own clinician captions and notes, the cells of every table and the words
of every figure the deck shows - uses no second person and no booklet words (an error each, located at the word). Slides you talk over (issue 12): a warning for a
clinician bullet over ``voice.max_bullet_words`` words and for a list over ``voice.max_bullets``."""
from __future__ import annotations

from booklet.check.lint import Lint, Report, Rule
from booklet.model import wording as w


def deck_shows(lint: Lint) -> set[str]:
    """Tables and figures a clinician part shows on a slide (a table, a chart, a figure)."""
    views = [s.clinician for s in lint.kit.sections if s.clinician]
    return ({f"table:{ident}" for view in views for ident in (*view.tables, *view.charts)}
            | {f"figure:{ident}" for view in views for ident in getattr(view, "figures", ())})


def clinician_text(lint: Lint):
    """Clinician passages, plus what the deck prints of shared tables and figures: a table's cells and
    column headings, a figure's every word (title, drawing, alt text and text equivalent in the notes)
    but its use line. A table's caption and note are the patient's; its clinician fields are the deck's."""
    shown = deck_shows(lint)
    yield from lint.clinician
    for p in lint.patient:
        # a figure's use line speaks to the patient ("you") and the deck never prints it
        if p.doc in shown and ((p.doc.startswith("figure:") and p.field != "use") or p.kind == "cell"
                               or p.field in ("columns", "chart.title")):
            yield p


def check_voice(lint: Lint, report: Report) -> None:
    rules = lint.wording.voice
    for p in clinician_text(lint):
        where = p.where if p.voice == "clinician" else f"{p.where}, shown in the deck"
        for match, _ in w.finditer(rules.second_person, p.text):
            report.error(report.at(p.text, match.start(), match.end()),
                         f"'{match.group(0)}' in {where}: clinician text does not address the patient; "
                         "say 'the patient' or 'patients'")
        for match, _ in w.finditer(rules.booklet, p.text):
            report.error(report.at(p.text, match.start(), match.end()),
                         f"'{match.group(0)}' in {where} is the booklet's wording; clinician text names "
                         "its source (e.g. 'the patient-guide source') or the kit's booklet as 'the patient booklet'")


def check_slides(lint: Lint, report: Report) -> None:
    rules = lint.wording.voice
    lists: dict[tuple[str, str], list] = {}
    for p in lint.clinician:
        if p.kind != "item":
            continue
        lists.setdefault((p.part, p.field), []).append(p)
        words = len(p.text.split())
        if words > rules.max_bullet_words:
            report.warning(p.text.loc, f"clinician bullet in {p.where} has {words} words (at most "
                                       f"{rules.max_bullet_words}): move the detail to the notes")
    for (_, field), items in lists.items():
        if len(items) > rules.max_bullets:
            extra = items[rules.max_bullets]
            report.warning(extra.text.loc, f"{len(items)} bullets in {extra.where} ({field}); a slide takes at "
                                           f"most {rules.max_bullets}: merge or move some to the notes")


RULES = (Rule("clinician voice", "no second person or booklet words in clinician text (class 4)", check_voice,
              "wording"),
         Rule("slide limits", "clinician bullets and slides within the limits (issue 12)", check_slides, "wording"))
