"""STUB: to be replaced by the real renderer."""
NAME = "deck"
AUDIENCE = "clinician"


def render(kit, theme, options) -> dict[str, bytes]:
    raise NotImplementedError("deck renderer not written yet")
