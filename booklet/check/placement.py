"""Class 7: once, and one answer. A table, chart or figure placed twice in the booklet, or shown twice
in the deck's clinician parts, is an error at its second place. A question heading asked in two sections
must, the second time, point to the first answer (name the section that gives it)."""
from __future__ import annotations

from booklet import model as m
from booklet.check.lint import Lint, Report, Rule


def check_tables(lint: Lint, report: Report) -> None:
    placed: dict[tuple[str, str], object] = {}
    for section in lint.kit.sections:
        for block in section.body:
            if isinstance(block, (m.TableRef, m.ChartRef, m.FigureRef)):
                kind = {m.TableRef: "table", m.ChartRef: "chart", m.FigureRef: "figure"}[type(block)]
                ident = block.figure if kind == "figure" else block.table
                first = placed.setdefault((kind, ident), block)
                if first is not block:
                    report.error(block.loc, f"{kind} '{ident}' is placed twice in the booklet (first at "
                                            f"{first.loc}): show it once and refer to it")
    shown: dict[tuple[str, str], object] = {}
    for section in lint.kit.sections:
        view = section.clinician
        if view is None:
            continue
        for kind, ids in (("table", view.tables), ("chart", view.charts), ("figure", getattr(view, "figures", ()))):
            for ident in ids:
                first = shown.setdefault((kind, ident), ident)
                if first is not ident:
                    report.error(ident.loc, f"{kind} '{ident}' is shown twice in the deck (first at {first.loc}): "
                                            "show it once")


def check_answers(lint: Lint, report: Report) -> None:
    asked: dict[str, tuple[m.Section, m.Heading]] = {}
    for section in lint.kit.sections:
        text = " ".join(p.text for p in lint.patient if p.part == f"section:{section.id}:patient")
        for block in section.body:
            if not (isinstance(block, m.Heading) and block.text.rstrip().endswith("?")):
                continue
            key = " ".join(block.text.casefold().split())
            if key not in asked:
                asked[key] = (section, block)
                continue
            first, _ = asked[key]
            if first.id != section.id and first.title.casefold() not in text.casefold():
                report.error(block.loc, f"'{block.text}' is answered in section '{first.id}' too: give one answer "
                                        f"and point to it (name the section \"{first.title}\")")


RULES = (Rule("placed once", "a table or chart placed once per output (class 7)", check_tables),
         Rule("one answer", "a question answered once, then referred to (class 7)", check_answers))
