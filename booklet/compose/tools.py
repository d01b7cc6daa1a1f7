"""The reader's tools, composed once for every document that shows them: the step-by-step
when-to-call panel (with the institution's instructions), the "My results" form, the weekly
activity log, the side-effect tracker page and the cover's institution line.

Words come from the content (kit.yaml's ``institution``, ``when_to_call``, ``my_results``,
``tools`` and ``cover`` groups); an institution field still on its neutral default prints as
its default words, or as a line to write on when the default is blank.
"""
from __future__ import annotations

from booklet import model as m
from booklet.compose import tree as t

WHEN_TO_CALL = "when-to-call"                 # the panel's role
WHEN_TO_CALL_CALLOUT = "call-care-team"       # the content callout kind that becomes the panel


def when_to_call(kit: m.Kit, title: str, look_for, do: str, loc, refs: tuple[int, ...] = ()) -> t.Steps:
    """What to look for -> what to do -> which number to call, with the institution's words."""
    words = kit.meta.when_to_call
    look_loc = getattr(look_for[0], "loc", loc) if look_for else loc
    steps = (t.Step(words.look, (t.BulletList(tuple(look_for), look_loc, refs),), look_loc),
             t.Step(words.do, (t.Paragraph(do, getattr(do, "loc", loc)),), getattr(do, "loc", loc)),
             institution_step(kit))
    return t.Steps(WHEN_TO_CALL, title, steps, loc)


def institution_step(kit: m.Kit) -> t.Step:
    """Step 3: the urgent number (or a line to write it on), what counts as a fever, when to go to
    the emergency department, each as the institution set it or as its neutral default."""
    words, place = kit.meta.when_to_call, kit.meta.institution
    fills = tuple(t.FillIn(label, field.value, field.loc) for label, field in (
        (words.number, place.urgent_number), (words.fever, place.fever), (words.emergency, place.emergency)))
    return t.Step(words.call, fills, place.loc)


def callout_panel(kit: m.Kit, callout: m.Callout, refs: tuple[int, ...]) -> t.Steps:
    """A booklet ``call-care-team`` callout as a panel: its bullets are the signs, its text what to do."""
    assert callout.text is not None
    return when_to_call(kit, callout.title, callout.items, callout.text, callout.loc, refs)


def subtype_panel(kit: m.Kit, subtype: m.Subtype) -> t.Steps:
    advice = subtype.when_to_call
    assert advice is not None
    return when_to_call(kit, kit.meta.when_to_call.title, advice.look_for, advice.do, advice.loc)


def my_results(kit: m.Kit, with_intro: bool = True) -> t.ResultsForm:
    words = kit.meta.my_results
    fields = tuple(t.Choice(f.label, tuple(f.choices), f.other, f.loc, f.short) for f in words.fields)
    return t.ResultsForm("my-results", words.title, words.intro if with_intro else None, fields, words.loc)


def activity_log(kit: m.Kit, loc) -> t.Box:
    """A week to fill in: one row per day, what you did, how long, and a box to tick."""
    words = kit.meta.tools
    grid = t.Grid(tuple(words.activity_columns), tuple(words.activity_hints), words.loc,
                  rows=tuple(words.weekdays), role="activity")
    return t.Box("activity-log", words.activity_log, (t.Paragraph(words.activity_intro, words.loc), grid), loc)


def tool_node(kit: m.Kit, tool: m.Tool) -> t.Block:
    """The node for a ``tool:`` block of a section body."""
    if tool.tool == "my-results":
        return my_results(kit)
    if tool.tool == "activity-log":
        return activity_log(kit, tool.loc)
    raise ValueError(f"unknown tool {tool.tool!r}")


def tracker_part(kit: m.Kit) -> t.Part:
    """The side-effect tracker: a page to fill in between visits and bring to them."""
    words = kit.meta.tools
    grid = t.Grid(tuple(words.tracker_columns), tuple(words.tracker_hints), words.loc, role="tracker")
    return t.Part("tracker", words.tracker, (t.Paragraph(words.tracker_intro, words.loc), grid), words.loc,
                  "tracker")


def institution_line(kit: m.Kit) -> t.Paragraph | t.FillIn:
    """The institution's name on the cover, or a labelled line to write it on while it is not set."""
    name = kit.meta.institution.name
    if name.value is None:
        return t.FillIn(kit.meta.cover.institution, None, name.loc)
    return t.Paragraph(name.value, name.loc, "institution")


def cover_art(kit: m.Kit) -> t.Illustration:
    words = kit.meta.cover
    return t.Illustration("cover", words.illustration, words.loc)
