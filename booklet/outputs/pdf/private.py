"""Every use of reportlab's private API, in one place (reportlab >= 5.0.1, < 5.2; see pyproject.toml).

Each function says what it reaches into and why no public API does the job.
tests/test_private_api.py exercises every one, so an upgrade that moves them fails there first.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags, split, strip


def doc_template(canv):
    """The doc template laying out ``canv``: platypus sets ``canvas._doctemplate``, and a flowable
    that records where it landed (a part's first page) has no other way to reach it."""
    return canv._doctemplate


def stamp_date(canv, when) -> None:
    """Date the PDF (CreationDate, ModDate) with the build's fixed time instead of reportlab's
    invariant-mode placeholder, so the metadata is true and two builds still give the same bytes.
    reportlab keeps the timestamp in ``canvas._doc._timeStamp`` and offers no setter."""
    stamp = canv._doc._timeStamp
    stamp.YMDhms = tuple(when.utctimetuple())[:6]
    stamp.dhh = stamp.dmm = 0


def row_heights(table) -> list[float]:
    """A wrapped Table's row heights (``Table._rowHeights``): needed to decide where a long table may
    start on a page before platypus places it."""
    return table._rowHeights


def kept_height(flowable) -> float:
    """A KeepTogether's real height: its ``wrap`` answers "too tall" on purpose to force a split,
    and keeps the measured height in ``_H``."""
    return flowable._H if isinstance(flowable, KeepTogether) else flowable.height


def words(text: str) -> list[str]:
    """reportlab's own word split for paragraph text (a no-break space does not break), from the
    undocumented module functions ``paragraph.split`` and ``strip``."""
    return split(strip(text))


_PLAIN: dict[int, tuple[object, object]] = {}    # id(style) -> (the style, the fragment "x" parses to)


def plain_frags(text: str, style) -> list | None:
    """The fragments reportlab's paragraph parser makes of ``text`` (plain text: no markup, no
    entity) in ``style``, made without running the parser (an HTML parser in Python, about a sixth
    of laying out the booklet): the text cleaned as ``Paragraph`` cleans it, in a copy of the one
    fragment a plain word parses to. None where the parser would split the text (at an entity: the
    text holds &, < or >) or the style parses to more than one fragment: the caller parses."""
    if "&" in text or "<" in text or ">" in text:
        return None
    found = _PLAIN.get(id(style))
    if found is None or found[0] is not style:
        frags = Paragraph("x", style).frags
        if len(frags) != 1:
            return None
        found = _PLAIN[id(style)] = (style, frags[0])
        if len(_PLAIN) > 512:
            _PLAIN.pop(next(iter(_PLAIN)))
    cleaned = cleanBlockQuotedText(text)
    if not cleaned:
        return None
    frags = [found[1].clone(text=cleaned)]
    textTransformFrags(frags, style)
    return frags


class StableParagraph(Paragraph):
    """A Paragraph that remembers its line breaks per width. Platypus wraps the same paragraph
    several times (keep-together groups, tables, page splits); the breaks cannot change while the
    style does not, so only use it for styles that are not changed after the paragraph is made.
    The remembered state is Paragraph's private ``blPara`` and ``_wrapWidths``."""

    def wrap(self, availWidth, availHeight):
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == availWidth:
            self.width, self.height, self.blPara, self._wrapWidths = memo[1]
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._memo = (availWidth, (self.width, self.height, self.blPara, self._wrapWidths))
        return size


def end_build_without_saving(template, base) -> None:
    """Finish a doc template's build but leave the canvas open, so forms the pages refer to (the
    contents page numbers) can be defined once every page is known: ``BaseDocTemplate._endBuild``
    saves unless ``_doSave`` is 0."""
    template._doSave = 0
    base._endBuild(template)


# -- recording and replaying a page (booklet_pdf.reuse) ------------------------------------------------
# The canvas keeps a page's operators in ``_code`` and the form XObjects it draws in ``_formsinuse``;
# a TrueType font keeps, per document, which glyph code each character got (``state[doc].assignments``,
# in the order they were given) and the document maps fonts to names in ``fontMapping`` (F1, F2 ...,
# in the order of first use). Replaying a page restores exactly these.
_RECORDED_CALLS = ("bookmarkPage", "addOutlineEntry", "linkRect", "linkURL")


def watch_canvas(canv, recorder) -> None:
    """Report to ``recorder`` every canvas call that creates document objects (with link rectangles
    made absolute, so a replay needs no transform), every picture drawn, and every page as it is
    shown (its whole content, furniture included)."""
    show = canv.showPage

    def shown():
        recorder.page_done(canv.getPageNumber())
        return show()
    canv.showPage = shown
    for name in _RECORDED_CALLS:
        original = getattr(canv, name)

        def wrapped(*args, _name=name, _original=original, **kwargs):
            if _name in ("linkRect", "linkURL"):
                args, kwargs = _absolute_link(canv, _name, args, kwargs)
            recorder.call(_name, (args, kwargs))
            return _original(*args, **kwargs)
        setattr(canv, name, wrapped)
    for name in ("drawImage", "drawInlineImage"):
        original = getattr(canv, name)

        def picture(*args, _original=original, **kwargs):
            recorder.picture()
            return _original(*args, **kwargs)
        setattr(canv, name, picture)


def _absolute_link(canv, name: str, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    names = ("contents", "destinationname", "Rect") if name == "linkRect" else ("url", "rect")
    values = dict(zip(names, args), **kwargs)
    key = "Rect" if name == "linkRect" else "rect"
    values[key] = canv._absRect(values.get(key), values.get("relative", 1 if name == "linkRect" else 0))
    values["relative"] = 0
    return (), values


def replay_call(canv, what: str, call: tuple) -> None:
    """Make a recorded call again; a part's start is told with the page it starts on now."""
    args, kwargs = call
    if what == "part_started":
        key, title, _ = args
        doc_template(canv).part_started(key, title, canv.getPageNumber())
    elif what == "number_form":
        doc_template(canv).number_form(*args, **kwargs)
    else:
        getattr(canv, what)(*args, **kwargs)


_COMPRESSED: dict[bytes, bytes] = {}


def remember_compression() -> None:
    """Compress each distinct stream once per process: reportlab compresses every page stream again
    at every save, and a rebuild that replays most pages would compress the same bytes again.
    zlib gives the same output for the same input, so the file is the same."""
    from reportlab.pdfbase import pdfdoc

    flate = pdfdoc.PDFZCompress
    if getattr(flate, "_remembers", False):
        return
    encode = flate.encode

    def remembered(text):
        data = text.encode("utf8") if isinstance(text, str) else text
        found = _COMPRESSED.get(data)
        if found is None:
            found = _COMPRESSED[data] = encode(data)
            if len(_COMPRESSED) > 4096:
                _COMPRESSED.pop(next(iter(_COMPRESSED)))
        return found
    flate.encode, flate._remembers = remembered, True


def forms_in_use(canv) -> list[str]:
    return canv._formsinuse


def set_page_content(canv, code: list[str], forms: list[str]) -> None:
    canv._code = list(code)
    canv._formsinuse = list(forms)


def _ttf_states(doc) -> dict[str, list[int]]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    states = {}
    for name, font in pdfmetrics._fonts.items():
        if isinstance(font, TTFont) and doc in font.state:
            states[name] = list(font.state[doc].assignments)
    return states


def font_snapshot(doc) -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """The document's font state: fonts in order of first use, and each TrueType font's characters
    in the order they were given glyph codes."""
    return tuple(doc.fontMapping), _ttf_states(doc)


def preassign_glyphs(canv, fonts: list[str], chars: str) -> None:
    """Map ``fonts`` in this order (F1, F2 ...) and give ``chars`` their glyph codes in each, in
    this order, before anything is drawn. A TrueType font gives each character a code on its first
    use (``state[doc].assignments``) and a font its name on its first use (``fontMapping``), so
    without this, how a part's text is encoded would depend on every part before it."""
    from reportlab.pdfbase import pdfmetrics

    doc = canv._doc
    for name in fonts:
        font = pdfmetrics.getFont(name)
        font.splitString(chars, doc)
        font.getSubsetInternalName(0, doc)


def glyph_codes(doc, chars: str) -> str:
    """The fonts' names in the document and the code each TrueType font gives each of ``chars`` now
    (empty where it has none yet): what decides how text made of ``chars`` is encoded."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    out = [repr(tuple(doc.fontMapping.items()))]
    for name, font in sorted(pdfmetrics._fonts.items()):
        if isinstance(font, TTFont) and doc in font.state:
            codes = font.state[doc].assignments
            out.append(name + ":" + ",".join(str(codes.get(ord(c), "")) for c in chars))
    return "|".join(out)


def font_changes(before, after) -> list[tuple[str, str, bool]]:
    """(font, characters newly given codes, newly mapped?) between two snapshots; mapped fonts first,
    in the order they were mapped."""
    (mapped_before, states_before), (mapped_after, states_after) = before, after
    new_maps = [name for name in mapped_after if name not in mapped_before]
    changes = []
    for name in new_maps + [n for n in states_after if n not in new_maps]:
        old = states_before.get(name, [])
        chars = "".join(chr(c) for c in states_after.get(name, [])[len(old):])
        if chars or name in new_maps:
            changes.append((name, chars, name in new_maps))
    return changes


def page_has_content(template) -> None:
    """Tell platypus the current page holds content (it counts flowables in ``_curPageFlowableCount``
    and stops on pages it thinks are empty): after a replay, none were added through it."""
    template._curPageFlowableCount = max(template._curPageFlowableCount, 1)
