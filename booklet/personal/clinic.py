"""A whole clinic at once: a CSV list (one patient per row, columns as in the patient file) or a folder
of patient files, each row or file read on its own so one bad row never stops the others.

In a CSV, list cells separate items with ";" and the parts of an item with "|":
``treatments``: ``surgery; radiation``; ``care_team``: ``Breast nurse | Sam Lee | 555 0100; ...``;
``appointments``: ``2026-12-10 | 09:30 | Dr Okafor, breast clinic | bring the results; ...``.
Errors are located by line and by the column (character) where the cell starts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from booklet import model as m
from booklet.errors import Loc, Problems, suggest
from booklet.load.fields import Text
from booklet.personal.patient import KEYS, Patient, make_patient, read_yaml


@dataclass
class Entry:
    """One patient of a clinic run: where it was written, the patient (None if it has errors), its problems."""

    loc: Loc
    patient: Patient | None
    problems: Problems


def read_clinic(path: Path, shown: str, kit: m.Kit) -> tuple[list[Entry], Problems]:
    """Every patient of a clinic list or folder; problems that stop the whole list come second."""
    if path.is_dir():
        entries = []
        for file in sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")):
            problems = Problems()
            patient = read_yaml(file, f"{shown.rstrip('/')}/{file.name}", kit, problems)
            entries.append(Entry(Loc(f"{shown.rstrip('/')}/{file.name}"), patient, problems))
        return entries, Problems()
    return read_csv(path, shown, kit)


def read_csv(path: Path, shown: str, kit: m.Kit) -> tuple[list[Entry], Problems]:
    whole = Problems()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        whole.error(Loc(shown), f"cannot read the clinic list ({getattr(exc, 'strerror', None) or exc})")
        return [], whole
    lines = text.splitlines()
    if not lines:
        whole.error(Loc(shown), "the clinic list is empty")
        return [], whole
    header = cells(lines[0])
    columns = []
    for name, col in header:
        if name not in KEYS:
            whole.error(Loc(shown, 1, col), f"unknown column '{name}'{suggest(name, KEYS)}")
        columns.append((name, col))
    if "id" not in [n for n, _ in columns]:
        whole.error(Loc(shown, 1, 1), "the clinic list needs an 'id' column")
    if whole.errors:
        return [], whole
    entries = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            entries.append(_row(line, number, columns, shown, kit))
    return entries, whole


def _row(line: str, number: int, columns, shown: str, kit: m.Kit) -> Entry:
    problems = Problems()
    row = cells(line)
    if len(row) != len(columns):
        problems.error(Loc(shown, number, 1), f"this row has {len(row)} cells; the header has {len(columns)}")
        return Entry(Loc(shown, number, 1), None, problems)
    values: dict = {}
    for (name, _), (cell, col) in zip(columns, row):
        if cell.strip():
            values[name] = _value(name, cell, Loc(shown, number, col))
    return Entry(Loc(shown, number, 1), make_patient(values, Loc(shown, number, 1), kit, problems), problems)


def _value(name: str, cell: str, loc: Loc):
    """A cell's value; each item of a list cell located at the column where it starts."""
    parts, offset = [], 0
    for piece in cell.split(";"):
        if piece.strip():
            start = offset + len(piece) - len(piece.lstrip())
            parts.append(Text.at(piece.strip(), Loc(loc.path, loc.line, loc.col + start)))
        offset += len(piece) + 1
    if name == "treatments":
        return parts
    if name in ("care_team", "appointments"):
        keys = ("role", "name", "phone") if name == "care_team" else ("date", "time", "who", "notes")
        return [dict(zip(keys, [x.strip() for x in part.split("|")])) for part in parts]
    lead = len(cell) - len(cell.lstrip())
    return Text.at(cell.strip(), Loc(loc.path, loc.line, loc.col + lead))


def cells(line: str) -> list[tuple[str, int]]:
    """The cells of one CSV line with the 1-based column each starts at ("" quotes a quote)."""
    out, i, n = [], 0, len(line)
    while True:
        start, value = i, []
        if i < n and line[i] == '"':
            i += 1
            while i < n:
                if line[i] == '"' and i + 1 < n and line[i + 1] == '"':
                    value.append('"')
                    i += 2
                elif line[i] == '"':
                    i += 1
                    break
                else:
                    value.append(line[i])
                    i += 1
            while i < n and line[i] != ",":
                value.append(line[i])
                i += 1
        else:
            while i < n and line[i] != ",":
                value.append(line[i])
                i += 1
        out.append(("".join(value), start + 1))
        if i >= n:
            return out
        i += 1
