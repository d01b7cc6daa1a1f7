"""The patient file: one patient's details for a personal booklet, read like content, every problem
located, and nothing personal ever echoed.

A patient file (``patient.yaml``, see docs/patient-file.md) gives a pseudonymous ``id`` (required;
it names the patient's folder and files), and optionally a name for the cover, the subtype, the
stage group, the planned treatments, the care team, appointments, a local urgent contact and the
edition. Subtype, stage group and treatments must be values the content lists (a typo gets a
"did you mean"); those values are not personal and are named in messages. Every other value is
personal: a message about it says where it is and what is wrong, never what it says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from booklet import model as m
from booklet.errors import Loc, Problems, suggest
from booklet.load.fields import Reader, Text
from booklet.model.personal import UNKNOWN

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
EDITIONS = {"standard": "", "large-print": "large-print", "a4": "a4"}   # edition -> styles variant folder
KEYS = ("id", "name", "subtype", "stage", "treatments", "care_team", "appointments", "urgent_contact", "edition")


@dataclass(frozen=True)
class CareMember:
    role: str
    name: str
    phone: str


@dataclass(frozen=True)
class Appointment:
    date: str
    time: str
    who: str
    notes: str


@dataclass(frozen=True)
class Patient:
    id: str
    loc: Loc
    name: str | None = None
    subtype: str = UNKNOWN
    stage: str = UNKNOWN
    treatments: tuple[str, ...] = ()
    care_team: tuple[CareMember, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    urgent_contact: str | None = None
    edition: str = "standard"

    def applies(self, applies: m.Applies | None) -> bool:
        return applies is None or applies.matches(self.stage, self.subtype, self.treatments)


class PrivateReader(Reader):
    """A Reader whose messages never repeat the value they are about (it may be someone's name)."""

    def text(self, node):
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, "expected text here, found a list or a mapping")
            return None
        if not node.style:
            kind = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, node.value, (True, False))
            if kind != "tag:yaml.org,2002:str":
                self.error(node, "expected text, but YAML reads this value as something else (a number, a date, "
                                 "yes/no); put it in quotes")
                return None
        value = node.value.strip()
        if not value:
            self.error(node, "this value is empty")
            return None
        return Text.at(value, self.loc(node))


class Checker:
    """Checks a patient's values against the lists in content, collecting located problems."""

    def __init__(self, kit: m.Kit, problems: Problems):
        self.problems = problems
        self.allowed = {"subtype": (*[s.id for s in kit.subtypes], UNKNOWN), "stage": kit.personal.stages,
                        "treatment": kit.personal.treatments, "edition": tuple(EDITIONS)}

    def one(self, what: str, value: str | None, loc: Loc, default: str) -> str:
        if value is None:
            return default
        allowed = self.allowed[what]
        if value not in allowed:
            hint = suggest(value, allowed) or f" (one of: {', '.join(allowed)})"
            self.problems.error(loc, f"unknown {what} '{value}'{hint}")
            return default
        return value

    def ident(self, value: str | None, loc: Loc) -> str | None:
        if value is None:
            self.problems.error(loc, "missing required key 'id' (a pseudonymous id such as p-0042; it names the "
                                     "patient's folder, so never use a name or a record number)")
            return None
        if not ID.match(value):
            self.problems.error(loc, "the id must be lower-case letters, digits and hyphens (up to 64), such as "
                                     "p-0042")
            return None
        return value


# -- reading -------------------------------------------------------------------------------------------
class _Private(PrivateReader):
    def mapping(self, node, what: str):
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"expected a mapping (key: value) for {what}")
            return None
        return super().mapping(node, what)

    def sequence(self, node, item, what: str = "a list") -> list:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"expected {what} (each item on its own line starting with '- ')")
            return []
        return [v for v in (item(self, child) for child in node.value) if v is not None]


def _raw(r: Reader, node):
    """A value taken as written (a date like 2026-12-10 stays text)."""
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return Text.at(node.value.strip(), r.loc(node))
    return r.text(node)


def read_yaml(path, shown: str, kit: m.Kit, problems: Problems) -> Patient | None:
    from booklet.load.fields import Field, list_of
    from booklet.load.yamltext import compose_file

    before = len(problems.errors)
    node = compose_file(path, shown, problems)
    if node is None:
        return None
    r = _Private(shown, problems)
    text = Field(lambda r_, n: r_.text(n), required=False)
    member = lambda r_, n: _fields(r_, n, ("role", "name", "phone"), "a care-team member")      # noqa: E731
    visit = lambda r_, n: _fields(r_, n, ("date", "time", "who", "notes"), "an appointment")    # noqa: E731
    spec = {"id": Field(lambda r_, n: r_.text(n)), "name": text, "subtype": text, "stage": text, "edition": text,
            "treatments": Field(list_of(lambda r_, n: r_.text(n), "a list of treatments"), False, ()),
            "care_team": Field(list_of(member, "a list of care-team members"), False, ()),
            "appointments": Field(list_of(visit, "a list of appointments"), False, ()),
            "urgent_contact": text}
    values = r.fields(node, spec, "a patient file")
    if values is None:
        return None
    patient = make_patient(values, values["loc"], kit, problems)
    return patient if len(problems.errors) == before else None


def _fields(r: Reader, node, keys: tuple[str, ...], what: str):
    from booklet.load.fields import Field

    values = r.fields(node, {k: Field(_raw, required=False) for k in keys}, what)
    return None if values is None else {k: values[k] for k in keys}


def make_patient(values: dict, loc: Loc, kit: m.Kit, problems: Problems) -> Patient | None:
    """A Patient from read values (Text carries each location), or None after reporting why not."""
    check = Checker(kit, problems)
    before = len(problems.errors)

    def at(key, fallback=loc):
        return getattr(values.get(key), "loc", fallback)

    ident = check.ident(values.get("id"), at("id"))
    treatments = tuple(check.one("treatment", t, t.loc, "") for t in values.get("treatments") or ())
    patient = Patient(
        id=ident or "", loc=loc, name=values.get("name"),
        subtype=check.one("subtype", values.get("subtype"), at("subtype"), UNKNOWN),
        stage=check.one("stage", values.get("stage"), at("stage"), UNKNOWN),
        treatments=tuple(t for t in treatments if t),
        care_team=tuple(CareMember(*(str(c.get(k) or "") for k in ("role", "name", "phone")))
                        for c in values.get("care_team") or ()),
        appointments=tuple(Appointment(*(str(a.get(k) or "") for k in ("date", "time", "who", "notes")))
                           for a in values.get("appointments") or ()),
        urgent_contact=values.get("urgent_contact"),
        edition=check.one("edition", values.get("edition"), at("edition"), "standard"))
    return patient if len(problems.errors) == before else None
