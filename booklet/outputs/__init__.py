"""The registry of outputs. A new output is one module with ``NAME``, ``AUDIENCE`` and
``render(kit, theme, options) -> {relative path: bytes}``, plus one line in ``OUTPUTS``."""
from __future__ import annotations

from booklet.outputs import booklet_pdf, deck_pptx, handouts_pdf

OUTPUTS = (booklet_pdf, handouts_pdf, deck_pptx)


def by_name(names: list[str] | None):
    if not names:
        return OUTPUTS
    return tuple(o for o in OUTPUTS if o.NAME in names)
