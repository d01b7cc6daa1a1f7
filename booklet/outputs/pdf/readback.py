"""Reading the kit's PDFs back: page text (poppler's ``pdftotext`` where installed, else pypdf),
the outline, page size, metadata and fonts (pikepdf), as the ``Readback`` that ``verify`` checks.
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
    """The facts ``verify`` checks, read with pikepdf (about 5 ms for the 112-page booklet, a third
    of pypdf's time) while poppler extracts the text on the other core; pypdf extracts the text
    only where poppler is missing."""
    import pikepdf

    poppler = _start_poppler(path)
    with pikepdf.open(path) as pdf:
        index = {page.objgen: number for number, page in enumerate(pdf.pages)}
        outline = tuple(_outline(pdf, index))
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].mediabox)
        meta = {str(k): str(v) for k, v in pdf.docinfo.items()}
        if "/Lang" in pdf.Root:
            meta["/Lang"] = str(pdf.Root.Lang)
        unembedded = tuple(sorted(_unembedded(pdf)))
        count = len(pdf.pages)
    pages = _poppler_pages(poppler, count) or _pypdf_pages(path)
    return PdfFacts(pages, outline, (x1 - x0, y1 - y0), unembedded, meta)


def _outline(pdf, index: dict) -> list[tuple[str, int, int]]:
    """(title, 0-based page, depth) of every bookmark, in order; its target is a destination array,
    a named destination or a GoTo action."""
    import pikepdf

    names = pikepdf.NameTree(pdf.Root.Names.Dests) if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else None
    found: list[tuple[str, int, int]] = []

    def page_of(item) -> int:
        target = item.destination
        if target is None and item.action is not None:
            target = item.action.get("/D")
        if isinstance(target, (pikepdf.Name, pikepdf.String)):
            named = str(target).lstrip("/")
            target = names.get(named) if names is not None else pdf.Root.get("/Dests", {}).get("/" + named)
            if isinstance(target, pikepdf.Dictionary):
                target = target.get("/D")
        return index.get(target[0].objgen, -1) if isinstance(target, pikepdf.Array) and len(target) else -1

    def walk(items, depth: int) -> None:
        for item in items:
            found.append((str(item.title), page_of(item), depth))
            walk(item.children, depth + 1)
    with pdf.open_outline() as outline:
        walk(outline.root, 0)
    return found


def _pypdf_pages(path: Path) -> tuple[str, ...]:
    from pypdf import PdfReader

    return tuple(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _start_poppler(path: Path):
    """poppler's pdftotext started on ``path`` (None where it is not installed): an independent
    reader, and about ten times faster than pypdf's extraction."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    try:
        return subprocess.Popen([tool, "-raw", "-enc", "UTF-8", str(path), "-"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _poppler_pages(process, count: int) -> tuple[str, ...] | None:
    """The page texts poppler gives; None if it did not run, failed, or disagrees on the page count."""
    if process is None:
        return None
    try:
        out, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return None
    pages = out.decode("utf-8", "replace").split("\f")
    if process.returncode != 0 or len(pages) != count + 1:
        return None
    return tuple(pages[:count])


def _unembedded(pdf) -> set[str]:
    missing = set()
    for page in pdf.pages:
        fonts = (page.obj.get("/Resources") or {}).get("/Font") or {}
        for _, font in fonts.items():
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0]
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                if font.get("/Subtype") != "/Type3":
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
