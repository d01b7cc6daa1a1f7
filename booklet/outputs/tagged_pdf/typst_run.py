"""Compiling the tagged PDF with Typst: the fixed template, the document as JSON, PDF/UA-1.

The template and ``doc.json`` are written to a fresh folder that is Typst's root, so the
template can read nothing else; fonts come from the theme's files by path (no system fonts), and the
timestamp is the build's, so the same content gives the same bytes. A Typst error is traced back to
the content that caused it (see ``locate``) and reported as a located error.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from booklet.errors import ContentError, Problem
from booklet.outputs.tagged_pdf.data import document

TEMPLATE = Path(__file__).with_name("template.typ")


def compile_pdf(doc, theme, build_time) -> bytes:
    import typst

    with tempfile.TemporaryDirectory(prefix="booklet-typst-") as folder:
        root = Path(folder)
        data, locs = document(doc, theme, root)
        try:
            return _compile(root, data, theme, build_time)
        except typst.TypstError as error:
            raise ContentError([Problem(locate(root, data, locs, theme, build_time), _message(error))]) from None


def _compile(root: Path, data: dict, theme, build_time) -> bytes:
    import typst

    (root / "doc.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (root / "main.typ").write_bytes(TEMPLATE.read_bytes())
    fonts = sorted({str(theme.font_file(face).parent) for face in ("regular", "bold", "italic", "bold_italic")})
    return typst.compile(str(root / "main.typ"), root=str(root), font_paths=fonts, ignore_system_fonts=True,
                         pdf_standards="ua-1", timestamp=int(build_time.timestamp()))


def _message(error) -> str:
    message = getattr(error, "message", "") or str(error).splitlines()[0]
    hints = "; ".join(getattr(error, "hints", None) or [])
    return f"the tagged PDF cannot be made: {message}" + (f" ({hints})" if hints else "")


def locate(root: Path, data: dict, locs, theme, build_time):
    """The location of the first block that fails on its own: each part is compiled alone, then each
    block of the first failing part. Only runs after an error, so its cost never slows a good build."""
    import typst

    def fails(parts) -> bool:
        try:
            _compile(root, {**data, "parts": parts}, theme, build_time)
            return False
        except typst.TypstError:
            return True
    for part in data["parts"]:
        if fails([part]):
            for block in part["blocks"]:
                if fails([{**part, "blocks": [block]}]):
                    return locs[block["at"]]
            return locs[part["at"]]
    return locs[data["parts"][0]["at"]] if data["parts"] else locs[0]
