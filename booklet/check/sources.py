"""Sources and review: every source is cited, every clinical section cites one, the review is current."""
from __future__ import annotations

from booklet.check.lint import Lint, Report, Rule


def check_sources(lint: Lint, report: Report) -> None:
    kit = lint.kit
    cited: set[str] = set()
    for section in kit.sections:
        ids = {i for b in section.body for i in getattr(b, "sources", ())}
        if section.clinician:
            ids |= set(section.clinician.sources)
        if section.clinician and not any(getattr(b, "sources", ()) for b in section.body):
            report.warning(section.loc, f"section '{section.id}' makes clinical points but cites no source")
        cited |= ids
    for table in kit.tables.values():
        cited |= set(table.sources)
    for subtype in kit.subtypes:
        cited |= set(subtype.sources)
    for source in kit.sources:
        if source.id not in cited:
            report.warning(source.loc, f"source '{source.id}' is never cited")


def check_review(lint: Lint, report: Report) -> None:
    meta = lint.kit.meta
    if meta.next_review < lint.today:
        report.warning(meta.loc, f"the review date {meta.next_review} has passed: review the content and "
                                 "update last_reviewed and next_review")
    if meta.last_reviewed > lint.today:
        report.warning(meta.loc, f"last_reviewed {meta.last_reviewed} is in the future")


RULES = (Rule("sources cited", "every source cited; clinical sections cite sources", check_sources),
         Rule("review date", "the review date has not passed", check_review))
