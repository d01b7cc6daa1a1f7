"""Reading the web edition back as a reader's tools see it: parts, headings, tables, text alternatives.

The page is parsed with the standard library's HTML parser (no browser needed for ``verify``):
every part (the cover header, the contents nav, each section of main) is a place labelled by its
fragment (``#section-3``), with its headings as anchors, its tables as native rows (the header row
first) and the names of its pictures as alts. The page's own rules are checked on the way: one
``h1``, headings in order, ``lang``, captions and ``scope`` on tables, a name for every picture and
every field, in-page links that land, and nothing that would load from the network.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from booklet.outputs.web_html.markup import VOID
from booklet.verify.readback import Place, Readback

PART_TAGS = ("header", "nav", "section")
BLOCKING = frozenset({"script", "link", "iframe", "object", "embed", "base", "frame", "audio", "video", "source"})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
_REMOTE = re.compile(r"url\((?!#)|@import|https?:", re.IGNORECASE)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.places: list[dict] = []
        self.problems: list[str] = []
        self.lang = None
        self.levels: list[int] = []
        self.ids: set[str] = set()
        self.links: set[str] = set()
        self.labels_for: set[str] = set()
        self.fields: list[dict] = []
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.heading: list[str] | None = None
        self.alt: list[str] | None = None
        self.style: list[str] = []

    @property
    def place(self) -> dict | None:
        return self.places[-1] if self.places else None

    def in_(self, tag: str) -> bool:
        return any(name == tag for name, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if tag in BLOCKING:
            self.problems.append(f"has a <{tag}> element (a request or a script)")
        for key in ("src", "href", "srcset", "poster", "data", "action"):
            value = a.get(key, "")
            if key == "href" and (value.startswith("#") or tag == "a"):
                continue
            if value and not value.startswith("data:"):
                self.problems.append(f"<{tag} {key}=\"{value[:40]}\"> would load from outside the page")
        if "style" in a and _REMOTE.search(a["style"]):
            self.problems.append(f"an inline style on <{tag}> loads from outside the page")
        if a.get("id"):
            if a["id"] in self.ids:
                self.problems.append(f"id '{a['id']}' is used twice")
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.add(a["href"][1:])
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        if tag in ("input", "textarea", "select"):
            self.fields.append(a)
        parent = self.stack[-1][0] if self.stack else ""
        if tag in PART_TAGS and parent in ("body", "main"):
            self.places.append({"label": f"#{a.get('id', tag)}", "text": [], "anchors": [], "tables": [], "alts": []})
        if tag in HEADINGS:
            level = HEADINGS[tag]
            if self.levels and level > self.levels[-1] + 1:
                self.problems.append(f"an <{tag}> follows an <h{self.levels[-1]}>: a heading level is skipped")
            self.levels.append(level)
            self.heading = []
        if tag == "table":
            self.rows = []
            self.caption = False
        elif tag == "caption":
            self.caption = True
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("th", "td") and self.rows is not None:
            if tag == "th" and a.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                self.problems.append("a table header cell has no scope")
            self.cell = []
        elif tag == "img":
            if not a.get("alt"):
                self.problems.append("an image has no alt text")
            if self.place is not None:
                self.place["alts"].append(a.get("alt", ""))
        elif tag == "svg" and a.get("role") == "img":
            self.svg_named = bool(a.get("aria-labelledby") or a.get("aria-label"))
            if not self.svg_named:
                self.problems.append("a picture (svg role=img) has no name")
        elif tag in ("title", "desc") and self.in_("svg"):
            self.alt = []
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            name, _ = self.stack.pop()
            if name == tag:
                break
        place = self.place
        if tag in HEADINGS and self.heading is not None:
            if place is not None:
                place["anchors"].append(_clean("".join(self.heading)))
            self.heading = None
        elif tag in ("th", "td") and self.cell is not None and self.rows:
            self.rows[-1].append(_clean("".join(self.cell)))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            if not self.caption:
                self.problems.append("a table has no caption")
            if place is not None:
                place["tables"].append(tuple(tuple(r) for r in self.rows if r))
            self.rows = None
        elif tag in ("title", "desc") and self.alt is not None:
            if place is not None:
                place["alts"].append(_clean("".join(self.alt)))
            self.alt = None
        if tag in ("p", "li", "div", "dt", "dd", "tr", "th", "td", "caption", "figcaption", "text") and place:
            place["text"].append(" ")

    def handle_data(self, data):
        if self.in_("style"):
            self.style.append(data)
            return
        if self.in_("head"):
            return
        if self.alt is not None:
            self.alt.append(data)
            return
        if self.heading is not None:
            self.heading.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.place is not None:
            self.place["text"].append(data)


def _clean(text: str) -> str:
    return " ".join(text.split())


def read_html_back(path: Path) -> Readback:
    page = _Page()
    page.feed(Path(path).read_text(encoding="utf-8"))
    page.close()
    problems = list(dict.fromkeys(page.problems))
    if not page.lang:
        problems.append("has no lang attribute on <html>")
    if page.levels.count(1) != 1:
        problems.append(f"has {page.levels.count(1)} <h1> headings; a page has exactly one")
    if any(_REMOTE.search(css) for css in page.style):
        problems.append("its stylesheet loads from outside the page")
    for target in sorted(page.links - page.ids):
        problems.append(f"a link points to #{target}, which is not on the page")
    for field in page.fields:
        if not (field.get("id") in page.labels_for or field.get("aria-label") or field.get("aria-labelledby")):
            problems.append(f"a form field ({field.get('name', '?')}) has no label")
    places = tuple(Place(p["label"], "".join(p["text"]), tuple(p["anchors"]), tuple(p["tables"]), None,
                         tuple(p["alts"])) for p in page.places)
    counts = {"parts": len(places), "tables": sum(len(p.tables or ()) for p in places),
              "headings": len(page.levels)}
    return Readback(places, counts, tuple(problems), {"lang": page.lang or ""})
