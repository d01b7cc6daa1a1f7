"""Class 8: seed claims that mislead out of context (WebMD's staging examples, Verywell's reason for
radical mastectomy). Each entry of ``misleading`` in wording.yaml names a pattern, the voice it
applies to, optionally words that must be in the same string or what frames it (``near``: the
table row, the heading above), and the framing that
makes it safe (``unless``), looked for in the same place: the slide (a clinician part's points),
the notes, the paragraph."""
from __future__ import annotations

from booklet.check.lint import Lint, Report, Rule
from booklet.check.passages import sentences
from booklet.model import wording as w


def check_misleading(lint: Lint, report: Report) -> None:
    places: dict[str, list[str]] = {}
    for p in lint.passages:
        places.setdefault(p.unit if p.kind != "item" else f"{p.part}:{p.field}", []).append(p.text)
    for entry in lint.wording.misleading:
        for p in lint.passages:
            if p.kind == "variant" or (entry.voice != "any" and p.voice != entry.voice):
                continue
            place = " ".join(places[p.unit if p.kind != "item" else f"{p.part}:{p.field}"])
            if entry.unless and w.says(entry.unless, place):
                continue
            if entry.near and not w.says(entry.near, " ".join((p.text, *p.context))):
                continue
            for offset, sentence in sentences(p.text):
                found = w.search(entry.pattern, sentence)
                if found:
                    report.error(report.at(p.text, offset + found[0].start(), offset + found[0].end()),
                                 f"'{found[0].group(0)}' in {p.where}: {entry.message}")


RULES = (Rule("misleading out of context", "seed claims framed so they cannot mislead (class 8)", check_misleading,
              "wording"),)
