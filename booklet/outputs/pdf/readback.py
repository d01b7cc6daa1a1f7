"""Reading the kit's PDFs back: page text (poppler's ``pdftotext`` where installed, else pypdf),
the outline, page size, metadata and fonts, as the ``Readback`` that ``verify`` checks.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from booklet.verify.readback import Place, Readback


@dataclass(frozen=True)
class PdfFacts:
    pages: tuple[str, ...]                 # extracted text of each page (poppler, else pypdf)
    outline: tuple[tuple[str, int, int], ...]  # (title, 0-based page index, depth)
    page_size: tuple[float, float]         # of the first page, in points
    unembedded_fonts: tuple[str, ...]
    metadata: dict

    @property
    def page_count(self) -> int:
        return len(self.pages)


def read_pdf(path: Path) -> PdfFacts:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = _poppler_pages(path, len(reader.pages)) or tuple(page.extract_text() or "" for page in reader.pages)
    outline: list[tuple[str, int, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                outline.append((str(item.title), reader.get_destination_page_number(item), depth))
    walk(reader.outline, 0)
    box = reader.pages[0].mediabox
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    lang = reader.trailer["/Root"].get("/Lang")
    if lang is not None:
        meta["/Lang"] = str(lang)
    return PdfFacts(pages, tuple(outline), (float(box.width), float(box.height)),
                    tuple(sorted(_unembedded(reader))), meta)


def _poppler_pages(path: Path, count: int) -> tuple[str, ...] | None:
    """Page texts from poppler's pdftotext where it is installed: an independent reader, and about
    ten times faster than pypdf's extraction. None if it is missing or disagrees on the page count."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if done.returncode != 0 or len(pages) != count + 1:
        return None
    return tuple(pages[:count])


def _unembedded(reader) -> set[str]:
    missing = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def read_pdf_back(path: Path, theme, *, pages_multiple: int | None = None, pages_exact: int | None = None) -> Readback:
    """The PDF as places (one per page, anchored by its bookmarks), with the format's own checks:
    every font embedded, the theme's page size, and the page count."""
    facts = read_pdf(path)
    anchors: dict[int, list[str]] = {}
    seen: set[str] = set()
    for title, index, _ in facts.outline:     # the first bookmark with a title is the part's
        if title not in seen:
            seen.add(title)
            anchors.setdefault(index, []).append(title)
    places = tuple(Place(f"p. {i + 1}", text, tuple(anchors.get(i, ()))) for i, text in enumerate(facts.pages))
    problems = []
    if facts.unembedded_fonts:
        problems.append(f"uses fonts that are not embedded: {', '.join(facts.unembedded_fonts)}")
    want = theme.page_size
    if any(abs(a - b) > 1 for a, b in zip(facts.page_size, want)):
        problems.append(f"pages are {facts.page_size}, the theme asks for {want}")
    if pages_multiple and facts.page_count % pages_multiple:
        problems.append(f"has {facts.page_count} pages, not a multiple of {pages_multiple}")
    if pages_exact is not None and facts.page_count != pages_exact:
        problems.append(f"has {facts.page_count} pages; it must have {pages_exact}")
    return Readback(places, {"pages": facts.page_count}, tuple(problems), facts.metadata)
