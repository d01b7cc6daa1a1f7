"""The theme's checks that span fields: colours written #RRGGBB, roles and figure palettes naming
colours that exist, slide palettes naming template theme colours, a page size we know. Each problem
is located at the value in theme.yaml."""
from __future__ import annotations

import dataclasses
import re

from booklet.errors import Problems, suggest
from booklet.theme import schema

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
SCHEME_COLOUR = re.compile(r"^(tx1|tx2|bg1|bg2|accent[1-6])( lighter ([0-9]|[1-9][0-9]))?$")


def colours(colours: schema.Colours, roles: dict, values: dict, problems: Problems) -> None:
    locs = {key: loc for key, (_, loc) in values["colours"][0].items()}
    for f in dataclasses.fields(colours):
        value = getattr(colours, f.name)
        for colour in value if isinstance(value, tuple) else [value]:
            if not (isinstance(colour, str) and COLOUR.match(colour)):
                problems.error(locs[f.name], f"colour '{f.name}' must be written #RRGGBB, found {colour!r}")
    names = [f.name for f in dataclasses.fields(colours)]
    role_values = values["roles"][0]
    for key, role in roles.items():
        if role is None:
            continue
        entries = role_values[key][0]
        for part in ("fill", "edge"):
            name = getattr(role, part)
            if name not in names:
                problems.error(entries[part][1], f"role '{key}' {part}: no colour named '{name}'"
                                                 f"{suggest(name, names)}")
        if role.border not in schema.BORDERS:
            problems.error(entries["border"][1], f"role '{key}' border must be one of: {', '.join(schema.BORDERS)}"
                                                 f"{suggest(role.border, schema.BORDERS)}")


def page(page: schema.Page, values: dict, problems: Problems) -> None:
    from booklet.theme import PAGE_SIZES

    if page.size.lower() not in PAGE_SIZES:
        loc = values["page"][0]["size"][1]
        problems.error(loc, f"page size '{page.size}' is not one of: letter, A4{suggest(page.size, ['letter', 'A4'])}")


def palette(palette: schema.FigurePalette, colours: schema.Colours, values: dict, problems: Problems) -> None:
    """Every figure colour role names a colour of ``colours``."""
    names = [f.name for f in dataclasses.fields(colours)]
    entries = values["figures"][0]["palette"][0]
    for f in dataclasses.fields(palette):
        name = getattr(palette, f.name)
        if name not in names:
            problems.error(entries[f.name][1], f"figure colour role '{f.name}': no colour named '{name}'"
                                               f"{suggest(name, names)}")


def deck_palette(palette: schema.FigureDeckPalette, values: dict, problems: Problems) -> None:
    """Every figure colour role on slides names a theme colour of the template."""
    entries = values["figures"][0]["deck_palette"][0]
    for f in dataclasses.fields(palette):
        value = getattr(palette, f.name)
        if not SCHEME_COLOUR.match(value):
            problems.error(entries[f.name][1], f"figure colour role '{f.name}' on slides must be a template theme "
                                               f"colour (tx1, tx2, bg1, bg2, accent1 .. accent6), maybe followed by "
                                               f"'lighter N' (0-99), found {value!r}")
