"""Field tables for the words of the reader's tools in kit.yaml and subtypes/*.yaml: the
institution's urgent-contact instructions, the when-to-call panel, the "My results" form, the
cover, the tracker and the activity log (see docs/content-format.md).
"""
from __future__ import annotations

import yaml

from booklet import model as m
from booklet.load.fields import TEXT, TEXT_LIST, Field, Reader, Text, list_of, nested

MAX_HANDOUT_KEY_POINTS = 3
TOOLS = ("my-results", "activity-log")      # the tools a section body may place


def TEXT_OR_BLANK(r: Reader, node):  # noqa: N802 - reads like a type in field tables
    """Text, or a quoted "" for a line left blank to write on."""
    if isinstance(node, yaml.ScalarNode) and node.value == "" and node.style:
        return Text.at("", r.loc(node))
    return r.text(node)


def INSTITUTION_FIELD(r: Reader, node):  # noqa: N802
    """The institution's own words (plain text), or ``{default: ...}``: the neutral words the kit
    prints until the institution sets the field ("" for a line to write on)."""
    if isinstance(node, yaml.MappingNode):
        values = r.fields(node, {"default": Field(TEXT_OR_BLANK)}, "an institution field")
        if values is None or values["default"] is None:
            return None
        return m.InstitutionField(str(values["default"]), True, values["loc"])
    text = r.text(node)
    return None if text is None else m.InstitutionField(str(text), False, text.loc)


def KEY_POINTS(r: Reader, node):  # noqa: N802
    """A handout's key points: a list of at most three."""
    items = TEXT_LIST(r, node)
    if len(items) > MAX_HANDOUT_KEY_POINTS:
        r.error(node.value[MAX_HANDOUT_KEY_POINTS], f"a handout's key points box holds at most "
                                                     f"{MAX_HANDOUT_KEY_POINTS} items; found {len(items)}")
        return None
    return items


INSTITUTION = nested(m.Institution, {k: Field(INSTITUTION_FIELD) for k in
                                     ("name", "urgent_number", "fever", "emergency")}, "institution")
WHEN_TO_CALL = nested(m.WhenToCallWords, {k: Field(TEXT) for k in
                                          ("title", "look", "do", "call", "number", "fever", "emergency")},
                      "when_to_call")
RESULT_FIELD = nested(m.ResultField, {"label": Field(TEXT), "choices": Field(TEXT_LIST, False, ()),
                                      "other": Field(TEXT, False), "short": Field(TEXT, False)}, "a results field")
MY_RESULTS = nested(m.MyResultsWords, {"title": Field(TEXT), "intro": Field(TEXT),
                                       "fields": Field(list_of(RESULT_FIELD, "a list of fields"))}, "my_results")
COVER = nested(m.CoverWords, {"illustration": Field(TEXT), "institution": Field(TEXT)}, "cover")
TOOL_WORDS = nested(m.ToolWords, {k: Field(TEXT) for k in ("use", "tracker", "tracker_intro", "activity_log",
                                                           "activity_intro")}
                    | {k: Field(list_of(TEXT_OR_BLANK, "a list of words")) for k in (
                        "tracker_columns", "tracker_hints", "activity_columns", "activity_hints", "weekdays")},
                    "tools")
META = {"institution": Field(INSTITUTION), "when_to_call": Field(WHEN_TO_CALL), "my_results": Field(MY_RESULTS),
        "cover": Field(COVER), "tools": Field(TOOL_WORDS)}
SUBTYPE = {"key_points": Field(KEY_POINTS),
           "when_to_call": Field(nested(m.SubtypeCall, {"look_for": Field(TEXT_LIST), "do": Field(TEXT)},
                                        "the when-to-call advice"))}
