"""``booklet verify``: prove that the built files contain everything the content says they must.

Reads the artefacts back (``booklet.verify.readback``), checks each content item against each output it
belongs to, prints a coverage matrix (items x outputs, with page and slide numbers) and writes
``manifest.json`` (size, page or slide count and sha256 of every artefact, plus the coverage).
A missing item is a located error naming the item's YAML and the output.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from booklet import model as m
from booklet.build.atomic import write_all
from booklet.errors import ContentError, Loc, Problems
from booklet.verify.readback import PdfFacts, SlideFacts, read_deck, read_pdf, squash
from booklet.theme import Theme

BOOKLET, DECK, HANDOUTS = "patient-booklet.pdf", "clinician-deck.pptx", "handouts"


@dataclass
class Coverage:
    """Where each content item was found, per output; and every problem met on the way."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    artefacts: dict[str, dict] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    def found(self, item: str, output: str, where: str) -> None:
        self.rows.setdefault(item, {})[output] = where

    def missing(self, loc: Loc, item: str, output: str, detail: str = "") -> None:
        self.rows.setdefault(item, {})[output] = "MISSING"
        self.problems.error(loc, f"{item} is missing from {output}{': ' + detail if detail else ''}")


def _pages(indices: list[int]) -> str:
    if not indices:
        return "-"
    return f"p. {indices[0] + 1}" if len(indices) == 1 else f"pp. {indices[0] + 1}-{indices[-1] + 1}"


def _pdf_common(facts: PdfFacts, name: str, loc: Loc, theme: Theme, cov: Coverage) -> None:
    if facts.unembedded_fonts:
        cov.problems.error(loc, f"{name} uses fonts that are not embedded: {', '.join(facts.unembedded_fonts)}")
    from booklet.outputs.pdf.base import page_size
    want = page_size(theme)
    if any(abs(a - b) > 1 for a, b in zip(facts.page_size, want)):
        cov.problems.error(loc, f"{name} pages are {facts.page_size}, the theme asks for {want}")


def _check_booklet(kit: m.Kit, theme: Theme, out: Path, cov: Coverage) -> None:
    facts = _read(out / BOOKLET, kit.meta.loc, cov, read_pdf)
    if facts is None:
        return
    _pdf_common(facts, BOOKLET, kit.meta.loc, theme, cov)
    if facts.page_count % theme.page.pad_to_multiple_of:
        cov.problems.error(kit.meta.loc, f"{BOOKLET} has {facts.page_count} pages, not a multiple of "
                                         f"{theme.page.pad_to_multiple_of}")
    squashed = [squash(p) for p in facts.pages]
    outline: dict[str, int] = {}
    for title, index, _ in facts.outline:  # the first bookmark with a title is the section's
        outline.setdefault(title, index)
    for section in kit.sections:
        index = outline.get(str(section.title))
        if index is not None and squash(section.title) in squashed[index]:
            cov.found(f"section {section.id}", "booklet", _pages([index]))
        else:
            cov.missing(section.loc, f"section '{section.id}' ({section.title})", BOOKLET, "no bookmark to a page "
                        "carrying its title")
    starts = sorted(outline.values())
    for table_id, loc in _patient_blocks(kit, m.TableRef).items():
        _table_in_pages(kit.tables[table_id], loc, squashed, starts, cov)
    for table_id, loc in _patient_blocks(kit, m.ChartRef).items():
        _chart_in_pages(kit.tables[table_id], loc, squashed, cov)
    glossary_text = "".join(squashed)
    missing_terms = [t for t in kit.glossary if squash(t.term) not in glossary_text]
    for term in missing_terms:
        cov.missing(term.loc, f"glossary term '{term.term}'", BOOKLET)
    cov.found("glossary terms", "booklet", f"{len(kit.glossary) - len(missing_terms)}/{len(kit.glossary)}")


def _patient_blocks(kit: m.Kit, kind: type) -> dict[str, Loc]:
    """Table id -> where a patient section first shows it as ``kind`` (TableRef or ChartRef)."""
    found: dict[str, Loc] = {}
    for section in kit.sections:
        for block in section.body:
            if isinstance(block, kind):
                found.setdefault(block.table, block.loc)
    return found


def _chart_in_pages(table: m.Table, loc: Loc, pages: list[str], cov: Coverage) -> None:
    """A page carries the chart's title and every value, as printed on its bars."""
    values = [squash(row[c]) for row in table.rows for c in table.chart.value_columns]
    for index, text in enumerate(pages):
        if squash(table.chart.title) in text and all(v in text for v in values):
            cov.found(f"chart {table.id}", "booklet", _pages([index]))
            return
    cov.missing(loc, f"chart of table '{table.id}' (title and every value)", BOOKLET)


def _table_in_pages(table: m.Table, loc: Loc, pages: list[str], part_starts: list[int], cov: Coverage) -> None:
    """Caption, header and every cell, looked for from the caption's page to the end of its part."""
    caption = squash(table.caption)
    starts = [i for i, text in enumerate(pages) if caption in text]
    if not starts:
        cov.missing(loc, f"table '{table.id}' (caption)", BOOKLET)
        return
    cells = [*table.columns, *(cell for row in table.rows for cell in row)]
    for start in starts:  # the table may continue on the next pages
        end = next((s for s in part_starts if s > start), len(pages))
        window = "".join(pages[start:end])
        absent = [c for c in cells if squash(c) not in window]
        if not absent:
            cov.found(f"table {table.id}", "booklet", _pages([start]))
            return
    cov.missing(loc, f"table '{table.id}'", BOOKLET, f"cells not found: {', '.join(absent[:3])}")


def _check_handouts(kit: m.Kit, theme: Theme, out: Path, cov: Coverage) -> None:
    showing: dict[str, int] = {}  # table id -> handouts that show its values correctly
    for subtype in kit.subtypes:
        name = f"{HANDOUTS}/{subtype.id}.pdf"
        facts = _read(out / name, subtype.loc, cov, read_pdf)
        if facts is None:
            continue
        _pdf_common(facts, name, subtype.loc, theme, cov)
        if facts.page_count != 1:
            cov.problems.error(subtype.loc, f"{name} has {facts.page_count} pages; a handout must have one")
        text = squash("".join(facts.pages))
        table = kit.tables[subtype.outlook.table]
        columns = [table.columns.index(c) for c in subtype.outlook.columns]
        values = [row[c] for row in table.rows for c in columns]
        absent = [v for v in [subtype.name, *values] if squash(v) not in text]
        if absent:
            cov.missing(subtype.loc, f"subtype '{subtype.id}'", name, f"not found: {', '.join(absent)}")
        else:
            cov.found(f"subtype {subtype.id}", "handouts", "1 page")
            showing[table.id] = showing.get(table.id, 0) + 1
    for table_id, count in showing.items():
        cov.found(f"table {table_id}", "handouts", f"{count}/{len(kit.subtypes)} handouts")


def _check_deck(kit: m.Kit, out: Path, cov: Coverage) -> None:
    slides = _read(out / DECK, kit.deck.loc, cov, read_deck)
    if slides is None:
        return
    for part in kit.deck.parts:
        for section_id in part.sections:
            view = kit.section(section_id).clinician
            hits = [s.number for s in slides if s.title.startswith(str(view.title))]
            if hits:
                cov.found(f"section {section_id}", "deck", _slides(hits))
            else:
                cov.missing(view.loc, f"section '{section_id}' ({view.title})", DECK)
    used = {t: s.clinician.loc for s in kit.sections if s.clinician for t in s.clinician.tables}
    for table_id, loc in used.items():
        _table_in_slides(kit.tables[table_id], loc, slides, cov)
    charts = {t: s.clinician.loc for s in kit.sections if s.clinician for t in s.clinician.charts}
    for table_id, loc in charts.items():
        _chart_in_slides(kit.tables[table_id], loc, slides, cov)


def _slides(numbers: list[int]) -> str:
    return f"s. {numbers[0]}" if len(numbers) == 1 else f"s. {numbers[0]}-{numbers[-1]}"


def _table_in_slides(table: m.Table, loc: Loc, slides: tuple[SlideFacts, ...], cov: Coverage) -> None:
    """The table's rows, concatenated across continuation slides, must equal the source exactly."""
    want, rows, numbers = [tuple(r) for r in table.rows], [], []
    for slide in slides:
        for native in slide.tables:
            if tuple(native[0]) == tuple(table.columns):
                rows.extend(native[1:])
                numbers.append(slide.number)
                if len(rows) >= len(want):
                    if rows[:len(want)] == want:
                        cov.found(f"table {table.id}", "deck", _slides(numbers))
                        return
                    rows, numbers = [], []
    cov.missing(loc, f"table '{table.id}' (as a native table with identical cells)", DECK)


def _chart_in_slides(table: m.Table, loc: Loc, slides: tuple[SlideFacts, ...], cov: Coverage) -> None:
    want = (tuple(table.categories()), tuple((n, tuple(v)) for n, v in table.series()))
    for slide in slides:
        if want in [(tuple(c), tuple((n, tuple(v)) for n, v in s)) for c, s in slide.charts]:
            cov.found(f"chart {table.id}", "deck", _slides([slide.number]))
            return
    cov.missing(loc, f"chart of table '{table.id}' (values equal to the table)", DECK)


def _read(path: Path, loc: Loc, cov: Coverage, reader):
    if not path.is_file():
        cov.problems.error(loc, f"{path} was not built")
        return None
    data = path.read_bytes()
    facts = reader(path)
    count = {"pages": facts.page_count} if hasattr(facts, "page_count") else {"slides": len(facts)}
    cov.artefacts[path.name if path.parent.name != HANDOUTS else f"{HANDOUTS}/{path.name}"] = {
        "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), **count}
    return facts


def verify(kit: m.Kit, theme: Theme, out: Path) -> Coverage:
    cov = Coverage()
    _check_booklet(kit, theme, out, cov)
    _check_handouts(kit, theme, out, cov)
    _check_deck(kit, out, cov)
    return cov


def report(cov: Coverage) -> str:
    outputs = sorted({o for row in cov.rows.values() for o in row}, key=lambda o: (o != "booklet", o != "deck", o))
    width = max(len(i) for i in cov.rows) + 2
    columns = {o: max([len(o)] + [len(row.get(o, "")) for row in cov.rows.values()]) + 2 for o in outputs}
    lines = ["".ljust(width) + "".join(o.ljust(columns[o]) for o in outputs)]
    for item, row in cov.rows.items():
        lines.append(item.ljust(width) + "".join(row.get(o, "-").ljust(columns[o]) for o in outputs))
    for name, facts in cov.artefacts.items():
        count = (f"{facts['pages']} page{'s' if facts['pages'] != 1 else ''}" if "pages" in facts
                 else f"{facts['slides']} slides")
        lines.append(f"{name}: {count}, {facts['bytes']:,} bytes, sha256 {facts['sha256'][:16]}")
    return "\n".join(lines)


def verify_and_report(content: Path, styles: Path, out: Path) -> int:
    """`booklet verify`: load the content and styles, then check ``out`` against them."""
    from booklet.build import load_valid
    from booklet.theme import load_theme

    return verify_loaded(load_valid(content), load_theme(styles), out)


def verify_loaded(kit: m.Kit, theme: Theme, out: Path) -> int:
    """Check ``out`` against an already loaded kit: print the coverage, write manifest.json, or raise."""
    cov = verify(kit, theme, out)
    print(report(cov))
    if cov.problems.errors:
        raise ContentError(cov.problems.errors)
    manifest = {"title": kit.meta.title, "edition": kit.meta.edition, "last_reviewed": str(kit.meta.last_reviewed),
                "next_review": str(kit.meta.next_review), "artefacts": cov.artefacts, "coverage": cov.rows}
    write_all(out, {"manifest.json": (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()})
    print(f"verify: every section and table is present in every output it belongs to; wrote {out / 'manifest.json'}")
    return 0
