"""Options every renderer receives: where the build's fixed date comes from, the deck template."""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from dataclasses import replace

from booklet import model as m
from booklet.errors import Loc
from booklet.load.fields import Text

COVER_FIELDS = ("presenter", "credentials", "institution", "event_date")


@dataclass(frozen=True)
class BuildOptions:
    build_time: datetime.datetime      # stamped into PDF/PPTX metadata; fixed for reproducible builds
    deck_template: Path | None = None  # overrides styles' deck.template


def build_time(kit: m.Kit) -> datetime.datetime:
    """SOURCE_DATE_EPOCH if set (the reproducible-builds convention), else the content's review date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    reviewed = kit.meta.last_reviewed
    return datetime.datetime(reviewed.year, reviewed.month, reviewed.day, tzinfo=datetime.timezone.utc)


def with_cover(kit: m.Kit, values: dict[str, str | None] | None) -> m.Kit:
    """The kit with the deck cover's fields replaced by those given on the command line (``--presenter``
    and so on); a field not given keeps its content value. Each given value is located at its option."""
    given = {k: v for k, v in (values or {}).items() if v is not None}
    if not given:
        return kit
    old = kit.deck.cover
    fields = {k: getattr(old, k) if old is not None else Text.at("", kit.deck.loc) for k in COVER_FIELDS}
    for key, value in given.items():
        fields[key] = Text.at(value, Loc(f"--{key.replace('_', '-')}", 0, 0))
    cover = m.Cover(**fields, loc=old.loc if old is not None else kit.deck.loc)
    return replace(kit, deck=replace(kit.deck, cover=cover))
