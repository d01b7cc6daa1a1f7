"""Reading the tagged PDF back as assistive technology does: through its structure tree.

Every page's content stream is decoded (each font's ToUnicode map) into the text of each marked
content sequence, so the text of every structure element is known: headings, table cells, list
items. Places are pages (anchored by the bookmarks); tables are native (their rows come from the
TR/TH/TD elements); alts are the figures' /Alt. The PDF/UA checks are made on the way: a structure
tree, /Lang, /DisplayDocTitle, the PDF/UA-1 XMP claim, /Alt on every figure, /Scope on every
header cell, every font embedded, and no text outside marked content except artifacts.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from booklet.verify.readback import Place, Readback

TEXT_OPS = {"Tj", "TJ", "'", '"'}
_HEX = re.compile(r"<([0-9A-Fa-f]+)>")


def _cmap(font) -> tuple[dict[bytes, str], int]:
    """(code -> text, code length in bytes) from a font's ToUnicode map."""
    table: dict[bytes, str] = {}
    stream = font.get("/ToUnicode")
    width = 2 if font.get("/Subtype") == "/Type0" else 1
    if stream is None:
        return table, width
    source = stream.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", source, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[bytes.fromhex(src)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", source, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            start, end, size = int(lo, 16), int(hi, 16), len(lo) // 2
            targets = _HEX.findall(dst)
            for offset, code in enumerate(range(start, end + 1)):
                if dst.startswith("["):
                    text = bytes.fromhex(targets[offset]).decode("utf-16-be", "replace") if offset < len(targets) else ""
                else:
                    base = bytearray(bytes.fromhex(targets[0]))
                    base[-1] = (base[-1] + offset) & 0xFF
                    text = bytes(base).decode("utf-16-be", "replace")
                table[code.to_bytes(size, "big")] = text
    return table, width


class _Pages:
    """Text of every marked content sequence, per (page number, MCID); and the checks on the way."""

    def __init__(self, pdf):
        import pikepdf

        self.pikepdf = pikepdf
        self.marked: dict[tuple[int, int], list[str]] = {}
        self.order: list[list[tuple[int, int]]] = []     # per page: MCIDs in content order
        self.loose: list[str] = []                        # text outside any marked content
        self.artifacts = 0
        self.fonts: dict = {}
        self.unembedded: set[str] = set()
        self.page_of: dict = {}
        for number, page in enumerate(pdf.pages):
            self.page_of[page.obj.objgen] = number
            self.order.append([])
            self._stream(page.obj, number, [])

    def _decode(self, font, raw: bytes) -> str:
        key = font.objgen
        if key not in self.fonts:
            self.fonts[key] = _cmap(font)
            descendant = font["/DescendantFonts"][0] if font.get("/Subtype") == "/Type0" else font
            descriptor = descendant.get("/FontDescriptor")
            if font.get("/Subtype") != "/Type3" and (descriptor is None or not any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))):
                self.unembedded.add(str(font.get("/BaseFont")))
        table, width = self.fonts[key]
        return "".join(table.get(raw[i:i + width], "") for i in range(0, len(raw), width))

    def _stream(self, holder, number: int, stack: list) -> None:
        pikepdf = self.pikepdf
        resources = holder.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        xobjects = resources.get("/XObject") or {}
        font = None
        replacing: list[str | None] = []      # per open marked content: its /ActualText, if any
        for operands, operator in pikepdf.parse_content_stream(holder):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                stack.append((tag, None if mcid is None else int(mcid)))
                if mcid is not None:
                    self.order[number].append((number, int(mcid)))
                actual = props.get("/ActualText") if isinstance(props, pikepdf.Dictionary) else None
                # A span's /ActualText replaces the text of the glyphs inside it, as a screen reader
                # reads it: Typst writes one for a cluster whose glyphs do not spell it (a base letter
                # with a combining mark), and the glyphs' own ToUnicode entries would read it twice.
                replacing.append(None if actual is None else str(actual))
            elif op == "EMC" and stack:
                actual = replacing.pop() if replacing else None
                if actual is not None:
                    self._place(actual, number, stack)
                stack.pop()
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
            elif op in TEXT_OPS and font is not None and not any(r is not None for r in replacing):
                items = operands[0] if op == "TJ" else [operands[-1]]
                text = "".join(self._decode(font, bytes(i)) for i in items if isinstance(i, pikepdf.String))
                self._place(text, number, stack)
            elif op == "Do":
                xobject = xobjects.get(str(operands[0]))
                if xobject is not None and xobject.get("/Subtype") == "/Form":
                    self._stream(xobject, number, list(stack))

    def _place(self, text: str, number: int, stack: list) -> None:
        if any(tag == "/Artifact" for tag, _ in stack):
            self.artifacts += 1
            return
        mcid = next((m for _, m in reversed(stack) if m is not None), None)
        if mcid is None:
            if text.strip():
                self.loose.append(text)
            return
        self.marked.setdefault((number, mcid), []).append(text)

    def text(self, key) -> str:
        return "".join(self.marked.get(key, ()))


class _Tree:
    """The structure tree walked in order: headings, tables with their rows, figures, counts, problems."""

    def __init__(self, root, pages: _Pages):
        self.pages, self.counts, self.problems = pages, Counter(), []
        self.headings: list[tuple[int, str, str]] = []        # (page, tag, text)
        self.tables: list[tuple[int, tuple]] = []              # (page, rows)
        self.alts: list[tuple[int, str]] = []                  # (page, alt)
        self.roles = {str(k): str(v) for k, v in (root.get("/RoleMap") or {}).items()}
        self.page = 0
        self._walk(root.get("/K"), None)

    def _kids(self, node):
        import pikepdf

        kids = node if isinstance(node, pikepdf.Array) else [node]
        return [k for k in kids if k is not None]

    def _text(self, node, page) -> str:
        """The text of a structure element (its marked content, depth first)."""
        import pikepdf

        out = []
        for kid in self._kids(node):
            if isinstance(kid, int) or (not isinstance(kid, pikepdf.Object) and str(kid).isdigit()):
                if page is not None:
                    out.append(self.pages.text((page, int(kid))))
            elif isinstance(kid, pikepdf.Dictionary):
                if kid.get("/Type") == "/MCR":
                    kpage = self.pages.page_of.get(kid["/Pg"].objgen, page) if "/Pg" in kid else page
                    out.append(self.pages.text((kpage, int(kid["/MCID"]))))
                elif "/S" in kid:
                    kpage = self.pages.page_of.get(kid["/Pg"].objgen, page) if "/Pg" in kid else page
                    out.append(self._text(kid.get("/K"), kpage))
        return "".join(out)

    def _first_page(self, element, page):
        if "/Pg" in element:
            return self.pages.page_of.get(element["/Pg"].objgen, page)
        return page

    def _walk(self, node, page) -> None:
        import pikepdf

        for kid in self._kids(node):
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                continue
            kpage = self._first_page(kid, page)
            if kpage is not None:
                self.page = kpage
            tag = str(kid["/S"])
            tag = self.roles.get(tag, tag)
            self.counts[tag] += 1
            if re.fullmatch(r"/H[1-6]?", tag):
                self.headings.append((self.page, tag, _clean(self._text(kid.get("/K"), kpage))))
            elif tag == "/Figure":
                alt = kid.get("/Alt")
                if alt is None or not str(alt).strip():
                    self.problems.append(f"a figure on page {self.page + 1} has no /Alt")
                else:
                    self.alts.append((self.page, str(alt)))
                    self.counts["figures with alt"] += 1
            elif tag == "/TH" and "/Scope" not in kid and not _scope_in(kid.get("/A")):
                self.problems.append(f"a table header cell on page {self.page + 1} has no /Scope")
            if tag == "/Table":
                self.tables.append((self.page, self._rows(kid, kpage)))
            self._walk(kid.get("/K"), kpage)

    def _rows(self, table, page) -> tuple:
        import pikepdf

        rows = []

        def visit(node, page):
            for kid in self._kids(node):
                if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                    continue
                kpage = self._first_page(kid, page)
                tag = self.roles.get(str(kid["/S"]), str(kid["/S"]))
                if tag == "/TR":
                    rows.append(tuple(_clean(self._text(c.get("/K"), self._first_page(c, kpage)))
                                      for c in self._kids(kid.get("/K"))
                                      if isinstance(c, pikepdf.Dictionary) and str(c.get("/S")) in ("/TH", "/TD")))
                elif tag in ("/THead", "/TBody", "/TFoot"):
                    visit(kid.get("/K"), kpage)
        visit(table.get("/K"), page)
        return tuple(rows)


def _scope_in(attributes) -> bool:
    import pikepdf

    if attributes is None:
        return False
    items = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a for a in items)


def _clean(text: str) -> str:
    return " ".join(text.split())


def read_tagged_back(path: Path, theme=None) -> Readback:
    import pikepdf

    with pikepdf.open(str(path)) as pdf:
        root = pdf.Root
        problems: list[str] = []
        pages = _Pages(pdf)
        tree_root = root.get("/StructTreeRoot")
        if tree_root is None:
            return Readback((), {"pages": len(pdf.pages)}, ("has no structure tree (it is not tagged)",))
        tree = _Tree(tree_root, pages)
        problems += list(dict.fromkeys(tree.problems))
        if not str(root.get("/Lang", "")).strip():
            problems.append("has no /Lang (document language)")
        if not bool((root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle", False)):
            problems.append("does not show its title in the title bar (/DisplayDocTitle)")
        if not bool((root.get("/MarkInfo") or {}).get("/Marked", False)):
            problems.append("is not marked as tagged (/MarkInfo /Marked)")
        xmp = pdf.open_metadata()
        if str(xmp.get("pdfuaid:part", "")) != "1":
            problems.append("its XMP metadata does not declare PDF/UA-1 (pdfuaid:part)")
        title = str(xmp.get("dc:title", "") or "")
        if pages.loose:
            problems.append(f"has text outside marked content that is not an artifact: '{pages.loose[0][:40]}'")
        if pages.unembedded:
            problems.append(f"uses fonts that are not embedded: {', '.join(sorted(pages.unembedded))}")
        anchors: dict[int, list[str]] = {}
        with pdf.open_outline() as outline:
            for item in outline.root:
                target = item.destination
                page = target[0] if isinstance(target, pikepdf.Array) and len(target) else None
                number = pages.page_of.get(page.objgen) if page is not None else None
                if number is not None:
                    anchors.setdefault(number, []).append(str(item.title))
        places = []
        for number, keys in enumerate(pages.order):
            text = "".join(pages.text(k) for k in dict.fromkeys(keys))
            places.append(Place(f"p. {number + 1}", text, tuple(anchors.get(number, ())),
                                tuple(rows for p, rows in tree.tables if p == number), None,
                                tuple(alt for p, alt in tree.alts if p == number)))
        counts = {"pages": len(pdf.pages), "headings": sum(n for t, n in tree.counts.items()
                                                           if re.fullmatch(r"/H[1-6]?", t)),
                  "tables": tree.counts["/Table"], "figures": tree.counts["/Figure"],
                  "figure alts": tree.counts["figures with alt"], "lists": tree.counts["/L"],
                  "bookmarks": sum(len(a) for a in anchors.values())}
        metadata = {"/Lang": str(root.get("/Lang", "")), "title": title, "artifact texts": pages.artifacts,
                    "tags": dict(tree.counts), "headings": tree.headings}
        return Readback(tuple(places), counts, tuple(problems), metadata)
