"""Load the looks from ``styles/``: a ``theme.yaml`` that may inherit from another (``base:``).

The base theme is the schema: an override may only use keys the base has, with values of the
same kind, so a typo in a style file is a located error with a suggestion, not a silent no-op.
Values are read through attribute access (``theme.booklet.body_size``); a key the code needs but
the file lacks is a located error too.
"""
from __future__ import annotations

import difflib
import importlib.resources
import re
from pathlib import Path
from typing import Any

import yaml

from booklet.errors import ContentError, Loc, Problem, Problems
from booklet.load.yamltext import compose_file, loc_of

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Style:
    """A read-only group of style values (``theme.page.size``)."""

    def __init__(self, values: dict[str, Any], where: str, path: str):
        self._values, self._where, self._path = values, where, path

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise ContentError([Problem(Loc(self._path), f"missing style '{self._where}{name}'")]) from None

    def __contains__(self, name: str) -> bool:
        return name in self._values


class Theme(Style):
    """All style groups plus the folder they were read from (for relative paths)."""

    def __init__(self, values: dict[str, Any], path: Path):
        super().__init__(values, "", str(path))
        self.folder = path.parent

    def font_file(self, face: str) -> Path:
        """Absolute path of a font face ('regular', 'bold', ...) named in the fonts group."""
        fonts = self.fonts
        name = getattr(fonts, face)
        if "package" in fonts and fonts.package:
            return Path(str(importlib.resources.files(fonts.package))) / fonts.folder / name
        return (self.folder / fonts.folder / name).resolve()


def _plain(node, path: str, problems: Problems):
    """Compose a style node into Python values; scalars keep YAML's meaning here (numbers are numbers)."""
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


def _merge(base: dict, over: dict, path: str, problems: Problems, where: str = "") -> dict:
    merged = dict(base)
    for key, (value, loc) in over.items():
        if key not in base:
            close = difflib.get_close_matches(key, list(base), n=1)
            hint = f" (did you mean '{where}{close[0]}'?)" if close else ""
            problems.error(loc, f"unknown style '{where}{key}'{hint}")
            continue
        old = base[key][0]
        if isinstance(old, dict) != isinstance(value, dict) or (
                old is not None and value is not None and not isinstance(old, dict)
                and type(old) is not type(value) and not {type(old), type(value)} <= {int, float}):
            problems.error(loc, f"style '{where}{key}' should be like {old!r}, found {value!r}")
            continue
        merged[key] = (_merge(old, value, path, problems, f"{where}{key}.") if isinstance(old, dict)
                       else value, loc)
    return merged


def _read(path: Path, problems: Problems, depth: int = 0) -> dict:
    shown = str(path)
    node = compose_file(path, shown, problems)
    if node is None or not isinstance(node, yaml.MappingNode):
        if node is not None:
            problems.error(loc_of(shown, node.start_mark), "a theme file is a mapping of style groups")
        return {}
    values = _plain(node, shown, problems)
    base = values.pop("base", None)
    if base is None:
        return values
    if depth > 5:
        problems.error(base[1], "theme 'base:' chain is too deep")
        return values
    return _merge(_read((path.parent / base[0]).resolve(), problems, depth + 1), values, shown, problems)


def _freeze(values: dict, where: str, path: str) -> dict:
    return {k: Style(_freeze(v, f"{where}{k}.", path), f"{where}{k}.", path) if isinstance(v, dict) else v
            for k, (v, _) in values.items()}


def load_theme(styles_dir: Path) -> Theme:
    """The theme in ``styles_dir/theme.yaml``; raises ContentError with every problem found."""
    problems = Problems()
    path = (styles_dir / "theme.yaml")
    if not path.is_file():
        raise ContentError([Problem(Loc(str(path)), "missing theme file")])
    values = _read(path, problems)
    _check_colours(values, problems)
    if problems.errors:
        raise ContentError(problems.errors)
    return Theme(_freeze(values, "", str(path)), path)


def _check_colours(values: dict, problems: Problems) -> None:
    for key, (value, loc) in values.get("colours", ({}, None))[0].items():
        for colour in value if isinstance(value, list) else [value]:
            if not (isinstance(colour, str) and COLOUR.match(colour)):
                problems.error(loc, f"colour '{key}' must be written #RRGGBB, found {colour!r}")
