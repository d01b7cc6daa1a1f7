"""Options every renderer receives: where the build's fixed date comes from, the deck template."""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from booklet import model as m


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
