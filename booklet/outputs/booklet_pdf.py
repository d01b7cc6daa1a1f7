"""STUB: to be replaced by the real renderer."""
NAME = "booklet"
AUDIENCE = "patient"


def render(kit, theme, options) -> dict[str, bytes]:
    raise NotImplementedError("booklet renderer not written yet")
