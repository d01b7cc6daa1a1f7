"""Laying out only what changed: every part's pages are recorded as they are drawn, and a later build
in the same process (the watcher's, or the next patient's in a batch) replays the pages of every
part it has seen before.

Each part of the booklet starts on a new page. Its pages' bodies depend only on the part itself,
the side its first page falls on (mirrored margins), the layout context (theme, geometry, fixed
words), and the glyph codes its characters have. The codes are fixed before anything is drawn (the
document's characters are given codes in a fixed order, ``private.preassign_glyphs``), so they do
not depend on the parts before it; the page furniture (running header, page number) is drawn anew
on every page, replayed or not. Those make a part's key, so a part that moved to another page, or
into another patient's booklet, is replayed too. A part whose key is recorded is not composed into
flowables, measured or laid out: its pages' drawing operators are put back on the canvas, and the
calls that create document objects (links, bookmarks, outline entries, contents numbers) are made
again in the same order, so the file is byte for byte the one a full layout gives; a test builds
both ways and compares.

Parts that draw pictures from files, or whose drawing gives a character its first glyph code, are
never recorded (either would make objects or codes the replay does not remake).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from booklet.outputs.pdf import private

_RECORDS: dict[str, "PartRecord"] = {}
_LIMIT = 512


@dataclass
class PageRecord:
    code: list[str]                                  # the page's drawing operators, without its furniture
    forms: list[str]                                 # form XObjects the page draws
    running: str                                     # the running header its furniture shows
    calls: list[tuple] = field(default_factory=list)  # (what, args) that create objects, in order


@dataclass
class PartRecord:
    pages: list[PageRecord]
    numbers: dict[str, str] = field(default_factory=dict)   # contents page-number forms its flowables named


def lookup(key: str) -> PartRecord | None:
    return _RECORDS.get(key)


def store(key: str, record: PartRecord) -> None:
    if len(_RECORDS) >= _LIMIT:
        _RECORDS.pop(next(iter(_RECORDS)))
    _RECORDS[key] = record


def forget() -> None:
    """Drop every recorded part (the next build lays out everything)."""
    _RECORDS.clear()


def key_of(part_print: str, context: str, start_page: int, doc, chars: str) -> str:
    """The key of a part starting on ``start_page`` now: its content, the layout context, the side
    of its first page, and the codes its characters have in this document."""
    digest = hashlib.blake2b(digest_size=20)
    for piece in (part_print, context, str(start_page % 2), private.glyph_codes(doc, chars)):
        digest.update(piece.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Recorder:
    """Watches the canvas while the booklet is drawn and keeps each recordable part's pages."""

    def __init__(self, canv, template):
        self.canv, self.template = canv, template
        self.parts: list[tuple[str | None, int, dict]] = []   # (key or None, first page, numbers), in page order
        self.recording: tuple[str, dict] | None = None
        self.pages: list[PageRecord] = []
        self.calls: list[tuple] = []
        self.fonts_before = private.font_snapshot(canv._doc)
        self.clean, self.picture_on_page = True, False
        self.body_end: int | None = None
        private.watch_canvas(canv, self)

    # -- what the canvas and the template report ---------------------------------------------
    def call(self, what: str, args: tuple) -> None:
        self.calls.append((what, args))

    def picture(self) -> None:
        self.picture_on_page = True

    def furniture_starts(self) -> None:
        """The page's body is complete; what is drawn from here on is its furniture."""
        self.body_end = len(self.canv._code)

    def begin_part(self, key: str | None, start_page: int, numbers: dict | None = None) -> None:
        """A part will start on ``start_page``; ``key`` None: it is not to be recorded (or replayed).
        ``numbers``: the page-number forms its flowables named (the contents page's)."""
        self.parts.append((key, start_page, numbers or {}))

    def page_done(self, page: int) -> None:
        """Called as a page is shown: what is on the canvas now is the whole page."""
        canv = self.canv
        now = private.font_snapshot(canv._doc)
        new_codes = bool(private.font_changes(self.fonts_before, now))
        self.fonts_before = now
        while self.parts and self.parts[0][1] <= page:
            self.finish_part()
            key, start, numbers = self.parts.pop(0)
            self.recording = (key, numbers) if key is not None else None
        if self.recording is not None:
            body = canv._code if self.body_end is None else canv._code[:self.body_end]
            self.pages.append(PageRecord(list(body), list(private.forms_in_use(canv)), self.template.running,
                                         self.calls))
            self.clean = self.clean and not self.picture_on_page and not new_codes
        self.calls, self.picture_on_page, self.body_end = [], False, None

    def finish_part(self) -> None:
        if self.recording is not None and self.clean and self.pages:
            store(self.recording[0], PartRecord(self.pages, self.recording[1]))
        self.recording, self.pages, self.clean = None, [], True


def replay_page(canv, recorder: Recorder | None, page: PageRecord) -> None:
    """Put a recorded page's body back on the canvas, remaking its objects in their order."""
    for what, args in page.calls:
        private.replay_call(canv, what, args)
    private.set_page_content(canv, page.code, page.forms)
    if recorder is not None:
        recorder.calls = []


class Deferred:
    """A part not yet made into flowables: when the layout reaches it, the template replays its
    recorded pages or makes and lays out its flowables (and records them). ``chars``: the
    characters beyond ASCII its text uses."""

    def __init__(self, part_print: str, make, chars: str, recordable: bool = True):
        self.part_print, self.make, self.chars, self.recordable = part_print, make, chars, recordable


class Replay:
    """A recorded part's pages, in the story where the part was."""

    def __init__(self, record: PartRecord):
        self.record = record


class Reusing:
    """The BookletTemplate's side of reuse: it expands ``Deferred`` parts and replays ``Replay``s."""

    recorder: Recorder | None = None
    context: str = ""

    def reuse_step(self, flowables: list) -> bool:
        """Handle the first flowable if it is a Deferred or a Replay; True if it was."""
        first = flowables[0]
        if isinstance(first, Deferred):
            flowables.pop(0)
            self.expand(first, flowables)
            return True
        if isinstance(first, Replay):
            flowables.pop(0)
            self.replay(first.record)
            return True
        return False

    def expand(self, deferred: Deferred, flowables: list) -> None:
        from reportlab.platypus import PageBreak

        if self.recorder is None:
            self.recorder = Recorder(self.canv, self)
            private.remember_compression()
        start = self.page + 1                       # every part starts with a page break
        key = (key_of(deferred.part_print, self.context, start, self.canv._doc, deferred.chars)
               if deferred.recordable else None)
        record = lookup(key) if key is not None else None
        if record is not None:
            self.recorder.begin_part(None, start)
            flowables[0:0] = [PageBreak(), Replay(record)]
            return
        named = dict(self.numbers)
        made = deferred.make()
        self.recorder.begin_part(key, start, {k: v for k, v in self.numbers.items() if k not in named})
        flowables[0:0] = made

    def replay(self, record: PartRecord) -> None:
        self.numbers.update(record.numbers)
        for number, page in enumerate(record.pages):
            if number:
                self.handle_pageEnd()
                self.clean_hanging()
            replay_page(self.canv, self.recorder, page)
            self.running = page.running
            private.page_has_content(self)

    def record_call(self, what: str, *args) -> None:
        if self.recorder is not None:
            self.recorder.call(what, (args, {}))
