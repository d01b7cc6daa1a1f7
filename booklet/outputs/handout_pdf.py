"""STUB: to be replaced by the real renderer."""
NAME = "handouts"
AUDIENCE = "patient"


def render(kit, theme, options) -> dict[str, bytes]:
    raise NotImplementedError("handouts renderer not written yet")
