"""Shared helpers for the digital editions' tests: hand-made trees, a hand-made drawing with every
primitive, and the shipped booklet's tree and theme."""
from __future__ import annotations

import functools
from pathlib import Path

from booklet import compose
from booklet.build import load_valid
from booklet.compose import tree as t
from booklet.errors import Loc
from booklet.figures import drawing as d
from booklet.theme import load_theme
from conftest import CONTENT, STYLES

HOSTILE = ('<script>alert("x")</script>', '" onmouseover="alert(1)" x="', "5 < 6 & 7 > 2 &amp; &lt;",
           '#read("/etc/passwd")', "#panic(\"boom\")", "$x^2$", "*bold* _it_", "@label <lbl>", "] ) }",
           "back\\slash \\ #", "`raw` // comment /* c */", "'single' \"double\"")


def loc(line: int = 1) -> Loc:
    return Loc("content/hand-made.yaml", line, 1)


@functools.lru_cache(maxsize=1)
def shipped():
    """(booklet document tree, theme) of the shipped content."""
    kit = load_valid(CONTENT)
    return compose.documents(kit, "booklet")[0], load_theme(STYLES)


def theme():
    return load_theme(STYLES)


def every_primitive() -> d.Drawing:
    return d.Drawing(300, 120, (
        d.Box(10, 10, 80, 40, fill="accent_light", stroke="accent", radius=4, pattern="hatch"),
        d.Ellipse(100, 10, 60, 40, fill="tip_fill", stroke="tip_edge"),
        d.Line(170, 30, 230, 30, stroke="text", stroke_width=2, arrow=True),
        d.Line(170, 50, 230, 50, stroke="rule", dash=(3, 2)),
        d.Label(150, 100, "Middle label", 12, anchor="middle", bold=True),
        d.Label(290, 80, "End label", 10, colour="muted", anchor="end"),
        d.Person(240, 10, 20, 40, filled=True),
        d.Person(265, 10, 20, 40, filled=False),
    ), ("Middle label", "End label"))


def document(*blocks, title: str = "Hand-made part", web=True) -> t.Document:
    """A small booklet-like document: a cover, then one part holding ``blocks``."""
    meta = t.Meta("Hand-made booklet", "Hand-made booklet", "Sub", "Edition", "en-US", "Team", "Subject", ("k",),
                  __import__("datetime").date(2026, 1, 1), __import__("datetime").date(2027, 1, 1), "Disclaimer")
    cover = t.Part("cover", "Hand-made booklet", (t.Paragraph("Hand-made booklet", loc(), "title"),), loc(), "cover")
    part = t.Part("section-1", title, tuple(blocks), loc(2), "section", item="section:hand-made")
    words = t.WebWords("Skip to the main text", "Question", "The numbers in this chart", loc()) if web else None
    return t.Document("booklet", "patient-booklet", meta, (cover, part), loc(), folio="Page", web=words)


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path
