"""Rebuild after an edit, as ``booklet watch`` does it, beside Typst's own incremental recompile.

The watcher's rebuild is measured in this process with the watcher's own ``RenderCache``: a
paragraph of one section is changed (a different word each time), and ``build`` runs with the
print set, then with every output. Typst recompiles a booklet of the same size (the tagged edition's
template and data) after the same kind of edit, through ``typst.Compiler``, which keeps its caches
between compiles. Used by ``tests/bench.py``.
"""
from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = "sections/06-surgery.yaml"
SENTENCE = "This includes people with"


def watch_rebuild(runs: int, names: list[str] | None) -> tuple[float, list[str]]:
    """Median seconds of a rebuild after a one-paragraph edit, and what the last rebuild rendered."""
    sys.path.insert(0, str(ROOT))
    from booklet.build import build
    from booklet.build.cache import RenderCache

    with tempfile.TemporaryDirectory() as tmp:
        content = shutil.copytree(ROOT / "content", Path(tmp) / "content")
        out, cache, styles = Path(tmp) / "build", RenderCache(), ROOT / "styles"
        build(content, styles, out, names, verify=False, cache=cache)       # the watcher's first build
        section = content / SECTION
        text = section.read_text()
        assert SENTENCE in text, f"bench: edit {SECTION} to keep the sentence it changes"
        times = []
        for n in range(runs + 1):
            section.write_text(text.replace(SENTENCE, f"{SENTENCE} (edit {n})", 1))
            started = time.perf_counter()
            build(content, styles, out, names, verify=False, cache=cache)
            times.append(time.perf_counter() - started)
        return statistics.median(times[1:]), list(cache.misses)


def typst_recompile(runs: int) -> tuple[float, float, int]:
    """Typst on a booklet of this size: median seconds of the first compile in a fresh compiler and
    of a recompile after editing one paragraph, and the page count."""
    sys.path.insert(0, str(ROOT))
    import pikepdf
    import typst

    from booklet import compose
    from booklet.build import load_valid
    from booklet.outputs.tagged_pdf.data import document
    from booklet.outputs.tagged_pdf.typst_run import TEMPLATE
    from booklet.theme import load_theme

    kit, theme = load_valid(ROOT / "content"), load_theme(ROOT / "styles")
    doc = compose.documents(kit, "booklet")[0]
    fonts = sorted({str(theme.font_file(face).parent) for face in ("regular", "bold", "italic", "bold_italic")})
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data, _ = document(doc, theme, root)
        (root / "main.typ").write_bytes(TEMPLATE.read_bytes())
        paragraph = _first_paragraph(data)
        original = paragraph["text"]
        firsts, agains = [], []
        for n in range(runs):
            paragraph["text"] = original
            (root / "doc.json").write_text(json.dumps(data, ensure_ascii=False))
            compiler = typst.Compiler(str(root / "main.typ"), root=str(root), font_paths=fonts,
                                      ignore_system_fonts=True)
            started = time.perf_counter()
            pdf = compiler.compile()
            firsts.append(time.perf_counter() - started)
            paragraph["text"] = f"{original} (edit {n})"
            (root / "doc.json").write_text(json.dumps(data, ensure_ascii=False))
            started = time.perf_counter()
            compiler.compile()
            agains.append(time.perf_counter() - started)
        with pikepdf.open(__import__("io").BytesIO(pdf)) as opened:
            pages = len(opened.pages)
    return statistics.median(firsts), statistics.median(agains), pages


def _first_paragraph(data: dict) -> dict:
    """The first paragraph block of a section in the tagged edition's data (what the edit changes)."""
    for part in data["parts"]:
        for block in part.get("blocks", []):
            if block.get("type") == "paragraph" and isinstance(block.get("text"), str):
                return block
    raise SystemExit("bench: no paragraph found in the tagged edition's data")
