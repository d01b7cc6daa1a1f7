"""Load the looks from ``styles/``: a ``theme.yaml`` that may inherit from another (``base:``).

The file is read into the typed schema of ``booklet.theme.schema`` at start-up: every problem (an
unknown key with a suggestion, a missing key, a value of the wrong kind, a colour that is not
#RRGGBB, a role naming a colour that does not exist) is a located error before anything renders.
"""
from __future__ import annotations

import dataclasses
import importlib.resources
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from booklet.errors import ContentError, Loc, Problem, Problems, suggest
from booklet.load.yamltext import compose_file, loc_of
from booklet.theme import checks, schema

PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.2755905511812, 841.8897637795277)}   # points
FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True, eq=False)
class Theme:
    """All style groups, the role looks, and the file they were read from (for relative paths)."""

    fonts: schema.Fonts
    colours: schema.Colours
    page: schema.Page
    booklet: schema.BookletLooks
    handout: schema.HandoutLooks
    deck: schema.DeckLooks
    editions: schema.EditionLooks
    figures: schema.FigureLooks
    roles: dict[str, schema.Role]
    path: Path
    locs: dict[str, Loc]            # where each font face and deck file is named, for errors about the file

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page.size.lower()]

    def font_file(self, face: str) -> Path:
        """Absolute path of a font face ('regular', 'bold', ...) named in the fonts group."""
        fonts = self.fonts
        name = getattr(fonts, face)
        if fonts.package:
            return Path(str(importlib.resources.files(fonts.package))) / fonts.folder / name
        return (self.folder / fonts.folder / name).resolve()

    def font_loc(self, face: str) -> Loc:
        return self.locs.get(f"fonts.{face}", Loc(str(self.path)))

    def colour(self, name: str) -> str:
        return getattr(self.colours, name)

    def role(self, name: str) -> schema.Role:
        return self.roles[name]

    def values(self) -> tuple:
        """Every value that shapes an output (the typed groups, the roles, the file's path), without
        the locations of its lines: what a rebuild's fingerprint of the theme is made from."""
        return tuple(getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "locs")


def load_theme(styles_dir: Path) -> Theme:
    """The theme in ``styles_dir/theme.yaml``; raises ContentError with every problem found."""
    problems = Problems()
    path = styles_dir / "theme.yaml"
    if not path.is_file():
        raise ContentError([Problem(Loc(str(path)), "missing theme file")])
    values = _read(path, problems)
    groups = {}
    for name, cls in schema.GROUPS.items():
        groups[name] = _build(cls, values.get(name), name, str(path), problems)
    roles = {key: _build(schema.Role, entry, f"roles.{key}", str(path), problems)
             for key, entry in _mapping(values.get("roles"), "roles", str(path), problems).items()}
    for key, (_, loc) in values.items():
        if key not in schema.GROUPS and key != "roles":
            problems.error(loc, f"unknown style group '{key}'{suggest(key, [*schema.GROUPS, 'roles'])}")
    if not problems.errors:
        checks.colours(groups["colours"], roles, values, problems)
        checks.page(groups["page"], values, problems)
        checks.palette(groups["figures"].palette, groups["colours"], values, problems)
        checks.deck_palette(groups["figures"].deck_palette, values, problems)
    locs = {f"{group}.{key}": loc for group in ("fonts", "deck")
            for key, (_, loc) in values.get(group, ({}, None))[0].items()}
    if problems.errors:
        raise ContentError(problems.errors)
    theme = Theme(**groups, roles=roles, path=path, locs=locs)
    _check_font_files(theme, problems)
    if problems.errors:
        raise ContentError(problems.errors)
    return theme


def _check_font_files(theme: Theme, problems: Problems) -> None:
    from booklet.load.files import check_font

    for face in FACES:
        path = theme.font_file(face)
        why = check_font(path)
        if why:
            problems.error(theme.font_loc(face), f"font file {path.name} {why}")


# -- reading YAML with base: inheritance -------------------------------------------------------------
def _plain(node, path: str, problems: Problems):
    """A style node as Python values; mappings keep each key's location: {key: (value, loc)}."""
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key, value in node.value:
            if key.value in out:
                problems.error(loc_of(path, key.start_mark), f"duplicate key '{key.value}'")
            out[key.value] = (_plain(value, path, problems), loc_of(path, key.start_mark))
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_scalar(v) if isinstance(v, yaml.ScalarNode) else None for v in node.value]
    return _scalar(node)


def _scalar(node):
    """Scalars keep YAML's meaning here: in a style file, numbers are numbers."""
    tag = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, node.value, (not node.style, False))
    if tag == "tag:yaml.org,2002:int":
        return int(node.value)
    if tag == "tag:yaml.org,2002:float":
        return float(node.value)
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    return node.value


PATHS = {"deck": ("template", "metrics", "substitute_metrics")}   # files named relative to the theme that names them


def _absolute_paths(values: dict, folder: Path) -> None:
    """Resolve the file paths a theme file names against its own folder, so a variant that inherits
    them with ``base:`` still finds them."""
    for group, keys in PATHS.items():
        entries = values.get(group, (None, None))[0]
        if not isinstance(entries, dict):
            continue
        for key in keys:
            value, loc = entries.get(key, (None, None))
            if isinstance(value, str):
                entries[key] = (str((folder / value).resolve()), loc)
            elif isinstance(value, list):
                entries[key] = ([str((folder / v).resolve()) if isinstance(v, str) else v for v in value], loc)


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, (value, loc) in over.items():
        old = base.get(key, (None, None))[0]
        merged[key] = (_merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value, loc)
    return merged


def _read(path: Path, problems: Problems, depth: int = 0) -> dict:
    shown = str(path)
    node = compose_file(path, shown, problems)
    if node is None or not isinstance(node, yaml.MappingNode):
        if node is not None:
            problems.error(loc_of(shown, node.start_mark), "a theme file is a mapping of style groups")
        return {}
    values = _plain(node, shown, problems)
    _absolute_paths(values, path.parent)
    base = values.pop("base", None)
    if base is None:
        return values
    if depth > 5:
        problems.error(base[1], "theme 'base:' chain is too deep")
        return values
    return _merge(_read((path.parent / str(base[0])).resolve(), problems, depth + 1), values)


# -- into the typed schema ---------------------------------------------------------------------------
def _mapping(entry, where: str, path: str, problems: Problems) -> dict:
    if entry is None:
        problems.error(Loc(path), f"missing style group '{where}'")
        return {}
    value, loc = entry
    if not isinstance(value, dict):
        problems.error(loc, f"style '{where}' should be a group of keys, found {value!r}")
        return {}
    return value


def _build(cls, entry, where: str, path: str, problems: Problems):
    values = _mapping(entry, where, path, problems)
    known = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    for key, (_, loc) in values.items():
        if key not in known:
            problems.error(loc, f"unknown style '{where}.{key}'{suggest(key, known, prefix=where + '.')}")
    out = {}
    for name, f in known.items():
        if name not in values:
            if f.default is dataclasses.MISSING:
                problems.error(entry[1] if entry else Loc(path), f"missing style '{where}.{name}'")
            continue
        value, loc = values[name]
        if dataclasses.is_dataclass(hints[name]):
            out[name] = _build(hints[name], values[name], f"{where}.{name}", path, problems)
            continue
        converted = _convert(value, hints[name])
        if converted is _WRONG:
            problems.error(loc, f"style '{where}.{name}' should be {_describe(hints[name])}, found {value!r}")
        out[name] = converted
    try:
        return cls(**out)
    except TypeError:   # a missing key, already reported
        return None


_WRONG = object()


def _convert(value, kind):
    """``value`` as ``kind`` (float, int, str, bool, X | None, tuple[X, ...]), or _WRONG."""
    if isinstance(kind, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        return _convert(value, next(o for o in options if o is not type(None)))
    if typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        if not isinstance(value, list):
            return _WRONG
        items = [_convert(v, item) for v in value]
        return _WRONG if _WRONG in items else tuple(items)
    if kind is float:
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else _WRONG
    if kind is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _WRONG
    if kind is bool:
        return value if isinstance(value, bool) else _WRONG
    return value if isinstance(value, str) else _WRONG


def _describe(kind) -> str:
    if isinstance(kind, types.UnionType):
        return " or ".join(_describe(k) for k in typing.get_args(kind))
    if typing.get_origin(kind) is tuple:
        return f"a list of {_describe(typing.get_args(kind)[0])}s"
    return {float: "a number", int: "a whole number", bool: "true or false", str: "text",
            type(None): "null"}.get(kind, str(kind))
