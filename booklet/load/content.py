"""Read ``content/`` into the model, collecting every problem with its file, line and column.

File layout (see docs/content-format.md): kit.yaml, sources.yaml, glossary.yaml, deck.yaml,
sections/*.yaml (in file-name order), tables/*.yaml, subtypes/*.yaml, and optionally
figures/*.yaml (read by ``booklet.load.figures``). The loader checks each file
on its own (shape, keys, types); rules that span files live in ``booklet.validate``.
"""
from __future__ import annotations

import re
import hashlib
from pathlib import Path
from typing import Any

import yaml

from booklet import model as m
from booklet.errors import Loc, Problems, unique_ids
from booklet.load import tools
from booklet.load.fields import (DATE, ID, ID_LIST, INT, INT_LIST, TEXT, TEXT_LIST, Field, Reader, Text, build,
                                 list_of, nested, one_of)
from booklet.load.yamltext import compose_bytes

OPTIONAL = dict(required=False)


def HINT(r: Reader, node):  # noqa: N802 - reads like a type in field tables
    """A faint mark printed in a form's cells; "" leaves the column blank."""
    if getattr(node, "value", None) == "" and getattr(node, "style", None):
        return Text.at("", r.loc(node))
    return r.text(node)


def MONTHS(r: Reader, node):  # noqa: N802
    names = list_of(TEXT, "a list of month names")(r, node)
    if len(names) != 12:
        r.error(node, f"months needs the 12 month names, January first; found {len(names)}")
        return None
    return names
CALLOUT_KINDS = ("tip", "call-care-team", "important")
RECEPTOR_VALUES = ("positive", "negative", "either", "low")


PAGES = nested(m.Pages, {k: Field(TEXT) for k in (
    "contents", "glossary", "glossary_intro", "care_team", "care_team_intro", "appointments",
    "appointments_intro", "notes", "sources", "sources_intro", "questions", "key_points", "reviewed", "next_review", "page",
    "chart")} | {"care_team_fields": Field(TEXT_LIST), "care_team_lines": Field(TEXT_LIST),
                 "appointment_columns": Field(TEXT_LIST), "appointment_hints": Field(list_of(HINT, "a list of hints")),
                 "months": Field(MONTHS)},
    "pages")
HANDOUT_LABELS = nested(m.HandoutLabels, {k: Field(TEXT) for k in (
    "what_it_means", "receptors", "how_common", "early", "metastatic", "side_effects", "what_helps", "outlook",
    "questions", "learn_more", "sources", "positive", "negative", "either", "low", "quotes")}, "handout")
DECK_LABELS = nested(m.DeckLabels, {k: Field(TEXT) for k in (
    "objectives", "agenda", "case", "discussion", "take_aways", "references", "continued", "sources", "disclosures",
    "question_before", "question_after", "answer", "part", "of")}, "deck")
WEB_LABELS = nested(m.WebLabels, {k: Field(TEXT) for k in ("skip", "question", "chart_data", "online", "qr_alt")},
                    "web")
URL_PATTERN = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::[0-9]+)?(?:/[^\s<>\"'`]*)?$")


def URL(r: Reader, node):  # noqa: N802
    """A web address people can scan and type: http(s), a host with a dot, no spaces or quotes."""
    value = r.text(node)
    if value is not None and not URL_PATTERN.match(value):
        r.error(node, f"'{value}' is not a web address: write it in full, like https://www.example.org/booklet")
        return None
    return value


WEB_EDITION = nested(m.WebEdition, {"url": Field(URL)}, "web_edition")
META = {
    "title": Field(TEXT), "subtitle": Field(TEXT), "edition": Field(TEXT), "language": Field(TEXT),
    "author": Field(TEXT), "subject": Field(TEXT), "keywords": Field(TEXT_LIST),
    "last_reviewed": Field(DATE), "next_review": Field(DATE), "disclaimer": Field(TEXT), "pages": Field(PAGES),
    "handout": Field(HANDOUT_LABELS), "deck": Field(DECK_LABELS), "web": Field(WEB_LABELS), **tools.META,
    "web_edition": Field(WEB_EDITION, **OPTIONAL),
}
SOURCE = nested(m.Source, {"id": Field(ID), "publisher": Field(TEXT), "title": Field(TEXT), "date": Field(TEXT),
                           "seed": Field(TEXT), "author": Field(TEXT, **OPTIONAL),
                           "short": Field(TEXT, **OPTIONAL)}, "a source")
TERM = nested(m.GlossaryTerm, {"term": Field(TEXT), "definition": Field(TEXT),
                               "also": Field(TEXT_LIST, False, ())}, "a glossary term")
CHART = nested(m.Chart, {"title": Field(TEXT), "category_column": Field(INT), "value_columns": Field(INT_LIST),
                         "use": Field(TEXT, **OPTIONAL)},
               "a chart")
TABLE_CLINICIAN = nested(m.TableClinician, {"caption": Field(TEXT), "note": Field(TEXT)}, "the clinician part")
TABLE = {"id": Field(ID), "caption": Field(TEXT), "columns": Field(TEXT_LIST),
         "rows": Field(list_of(TEXT_LIST, "a list of rows")), "sources": Field(ID_LIST),
         "note": Field(TEXT, **OPTIONAL), "chart": Field(CHART, **OPTIONAL), "use": Field(TEXT, **OPTIONAL),
         "clinician": Field(TABLE_CLINICIAN, **OPTIONAL)}
CLINICIAN = nested(m.ClinicianView, {
    "title": Field(TEXT), "points": Field(TEXT_LIST), "notes": Field(TEXT), "sources": Field(ID_LIST),
    "tables": Field(ID_LIST, False, ()), "charts": Field(ID_LIST, False, ()),
    "figures": Field(ID_LIST, False, ())}, "the clinician part")
APPLIES = nested(m.Applies, {"stages": Field(ID_LIST, False, ()), "subtypes": Field(ID_LIST, False, ()),
                             "treatments": Field(ID_LIST, False, ())}, "applies_to")
SOURCES = Field(ID_LIST, False, ())


def ITEM(r: Reader, node):  # noqa: N802 - reads like a type in field tables
    """A list item: text, or ``{text: ..., applies_to: {...}}`` for an item only some patients get."""
    if not isinstance(node, yaml.MappingNode):
        return r.text(node)
    values = r.fields(node, {"text": Field(TEXT), "applies_to": Field(APPLIES, **OPTIONAL)}, "a list item")
    if values is None or values["text"] is None:
        return None
    values["text"].applies_to = values["applies_to"]
    return values["text"]


ITEMS = list_of(ITEM, "a list of text")
BLOCKS: dict[str, tuple[type, dict[str, Field]]] = {
    "text": (m.Paragraph, {"text": Field(TEXT), "sources": SOURCES}),
    "heading": (m.Heading, {"heading": Field(TEXT)}),
    "bullets": (m.Bullets, {"bullets": Field(ITEMS), "sources": SOURCES}),
    "callout": (m.Callout, {"callout": Field(one_of(*CALLOUT_KINDS)), "title": Field(TEXT),
                            "text": Field(TEXT, **OPTIONAL), "bullets": Field(ITEMS, False, ()),
                            "sources": SOURCES}),
    "table": (m.TableRef, {"table": Field(ID)}),
    "chart": (m.ChartRef, {"chart": Field(ID)}),
    "questions": (m.Questions, {"questions": Field(ITEMS)}),
    "image": (m.Image, {"image": Field(TEXT), "alt": Field(TEXT), "caption": Field(TEXT, **OPTIONAL)}),
    "figure": (m.FigureRef, {"figure": Field(ID)}),
    "tool": (m.Tool, {"tool": Field(one_of(*tools.TOOLS))}),
}
# YAML key -> dataclass field, where the block's kind key doubles as its main value
RENAMES = {"image": "path", "chart": "table", "heading": "text", "bullets": "items", "callout": "kind", "questions": "items"}


def read_block(r: Reader, node) -> m.Block | None:
    """One body block; its kind is whichever of the block keys it has."""
    entries = r.mapping(node, "a body block")
    if entries is None:
        return None
    kinds = [k for k in entries if k in BLOCKS]
    if "callout" in kinds:  # a callout carries its own text/bullets
        kinds = [k for k in kinds if k not in ("text", "bullets")]
    if len(kinds) != 1:
        found = " and ".join(f"'{k}'" for k in kinds) if kinds else "none"
        r.error(node, f"a body block needs exactly one of {', '.join(BLOCKS)}; found {found}")
        return None
    cls, spec = BLOCKS[kinds[0]]
    spec = {**spec, "applies_to": Field(APPLIES, **OPTIONAL)}
    values = r.fields(node, spec, f"a '{kinds[0]}' block")
    if values is None or any(values[k] is None for k, f in spec.items() if f.required):
        return None
    if kinds[0] == "callout" and values["text"] is None and not values["bullets"]:
        r.error(node, "a callout needs 'text' or 'bullets'")
        return None
    if values.get("callout") == "call-care-team" and (values["text"] is None or not values["bullets"]):
        r.error(node, "a call-care-team callout is a step-by-step panel: it needs 'bullets' (what to look for) "
                      "and 'text' (what to do)")
        return None
    return cls(**{RENAMES.get(k, k): v for k, v in values.items()})


SECTION = {"id": Field(ID), "title": Field(TEXT), "body": Field(list_of(read_block, "a list of blocks")),
           "key_points": Field(ITEMS, False, ()), "terms": Field(TEXT_LIST, False, ()),
           "clinician": Field(CLINICIAN, **OPTIONAL), "applies_to": Field(APPLIES, **OPTIONAL)}
PERSONAL = {"stages": Field(ID_LIST), "treatments": Field(ID_LIST),
            "words": Field(nested(m.PersonalWords, {k: Field(TEXT) for k in (
                "prepared_for", "prepared_for_you", "full_booklet", "your_type")}, "words"))}
SUBTYPE = {
    "id": Field(ID), "name": Field(TEXT), "short_name": Field(TEXT),
    "receptors": Field(lambda r, n: _receptors(r, n)),
    "what_it_means": Field(TEXT), "how_common": Field(TEXT),
    "early_treatment": Field(TEXT_LIST), "metastatic_treatment": Field(TEXT_LIST),
    "side_effects": Field(list_of(nested(m.SideEffect, {"effect": Field(TEXT), "what_helps": Field(TEXT)},
                                         "a side effect"))),
    "outlook": Field(nested(m.Outlook, {"table": Field(ID), "columns": Field(TEXT_LIST), "text": Field(TEXT)},
                            "the outlook")),
    "questions": Field(TEXT_LIST), "sources": Field(ID_LIST), **tools.SUBTYPE,
}
QUESTION = nested(m.Question, {"question": Field(TEXT), "options": Field(TEXT_LIST), "answer": Field(TEXT),
                                "explanation": Field(TEXT), "sources": Field(ID_LIST)}, "a question")
DECK = {
    "objectives": Field(TEXT_LIST),
    "parts": Field(list_of(nested(m.DeckPart, {"title": Field(TEXT), "sections": Field(ID_LIST)}, "a deck part"))),
    "case": Field(nested(m.Case, {"title": Field(TEXT), "presentation": Field(TEXT_LIST),
                                  "discussion": Field(TEXT_LIST), "notes": Field(TEXT), "sources": Field(ID_LIST)},
                         "the case")),
    "take_aways": Field(TEXT_LIST),
    "cover": Field(nested(m.Cover, {k: Field(TEXT) for k in ("presenter", "credentials", "institution", "event_date")},
                          "the cover"), **OPTIONAL),
    "disclosures": Field(TEXT_LIST, False, ()),
    "questions": Field(nested(m.AudienceQuestions, {k: Field(QUESTION) for k in ("before", "after")}, "the questions"),
                       **OPTIONAL),
}


def _receptors(r: Reader, node):
    value = one_of(*RECEPTOR_VALUES)
    spec = {"ER": Field(value), "PR": Field(value), "HER2": Field(value)}
    values = r.fields(node, spec, "receptors")
    if values is None or None in (values["ER"], values["PR"], values["HER2"]):
        return None
    return m.Receptors(values["ER"], values["PR"], values["HER2"], values["loc"])


_READ: dict[tuple, tuple] = {}     # (file, what, reader, sha1 of its bytes) -> (value, problems)


class _Tree:
    """One content folder: composes files and names them relative to where the user pointed."""

    def __init__(self, root: Path, problems: Problems):
        self.root, self.problems = root, problems

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def read(self, path: Path, spec: dict[str, Field], what: str) -> tuple[Reader, Any]:
        reader = Reader(self.shown(path), self.problems)
        if not path.is_file():
            self.problems.error(Loc(reader.path), f"missing file: {what} is required")
            return reader, None
        return reader, self.memo(path, reader.path, what, lambda r, node: r.fields(node, spec, what))

    def memo(self, path: Path, shown: str, what: str, make):
        """``make(reader, node)`` for the file at ``path``, reused while the file's bytes are the same
        (the watcher reloads on every save; only the changed files cost anything)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.problems.error(Loc(shown), f"cannot read file: {exc.strerror}")
            return None
        key = (shown, what, id(make.__code__), hashlib.sha1(data).hexdigest())
        if key not in _READ:             # composed from the bytes just hashed: one read, one key
            found = Problems()
            node = compose_bytes(data, shown, found)
            _READ[key] = (None if node is None else make(Reader(shown, found), node), found.items)
            if len(_READ) > 4096:
                _READ.pop(next(iter(_READ)))
        value, items = _READ[key]
        self.problems.items.extend(items)
        return value

    def folder(self, name: str) -> list[Path]:
        folder = self.root / name
        if not folder.is_dir():
            self.problems.error(Loc(self.shown(folder)), f"missing folder: content needs {name}/")
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))

    def each(self, name: str, spec: dict[str, Field], cls, what: str) -> list:
        items = []
        for path in self.folder(name):
            item = self.memo(path, self.shown(path), what, lambda r, node: build(cls, r, node, spec, what))
            if item is not None:
                items.append(item)
        return items


def _listed(tree: _Tree, filename: str, key: str, item, what: str) -> tuple:
    reader, values = tree.read(tree.root / filename, {key: Field(list_of(item, what))}, filename)
    return tuple(values[key] or ()) if values else ()


def load(root: Path) -> tuple[m.Kit | None, Problems]:
    """Load a content folder. Returns (kit, problems); kit is None when anything failed to load."""
    problems = Problems()
    tree = _Tree(root.resolve(), problems)
    if not tree.root.is_dir():
        problems.error(Loc(str(root)), "content folder not found")
        return None, problems
    _, meta_values = tree.read(tree.root / "kit.yaml", META, "kit.yaml")
    sources = _listed(tree, "sources.yaml", "sources", SOURCE, "a list of sources")
    glossary = _listed(tree, "glossary.yaml", "terms", TERM, "a list of terms")
    sections = tree.each("sections", SECTION, m.Section, "a section")
    tables = tree.each("tables", TABLE, m.Table, "a table")
    subtypes = tree.each("subtypes", SUBTYPE, m.Subtype, "a subtype")
    from booklet.load.figures import read_figures   # here: it builds on this module's field tables
    figures = read_figures(tree)
    deck_reader, deck_values = tree.read(tree.root / "deck.yaml", DECK, "deck.yaml")
    _, personal_values = tree.read(tree.root / "personal.yaml", PERSONAL, "personal.yaml")
    unique_ids(problems, "table", (t.id for t in tables))  # before the dicts below would hide a duplicate
    unique_ids(problems, "figure", (f.id for f in figures))
    if problems.errors or meta_values is None or deck_values is None or personal_values is None:
        return None, problems
    kit = m.Kit(meta=m.Meta(**meta_values), sources=sources, glossary=glossary, sections=tuple(sections),
                tables={t.id: t for t in tables}, subtypes=tuple(subtypes), deck=m.Deck(**deck_values),
                personal=m.Personal(**personal_values), root=str(tree.root), figures={f.id: f for f in figures})
    return kit, problems
