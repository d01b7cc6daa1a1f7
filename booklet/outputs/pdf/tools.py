"""The reader's tools as reportlab flowables, shared by the booklet and the handouts: the
step-by-step when-to-call panel, the "My results" form with tick boxes and lines to write on,
labelled lines, and the "what you can do" line under a table or chart.

Nothing here picks a size, colour or word of its own: callers pass a ``Pen`` (fonts, sizes and
colours from the theme) and a ``make`` function that turns text and a style into a flowable (a
real paragraph, or a measuring stand-in for the handout fitter's trial layouts).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, Table, TableStyle

from booklet.compose import tree as t
from booklet.outputs.pdf.base import colour
from booklet.typeset.fonts import width as text_width

Make = Callable[..., Flowable]     # (text, style, refs=()) -> a paragraph, or a stand-in that measures it


@dataclass(frozen=True)
class Pen:
    """Fonts, sizes and colours a tool is drawn with, and the paragraph styles it uses."""

    regular: str
    bold: str
    size: float
    leading: float
    text: object                 # colours (reportlab colour objects)
    muted: object
    rule: object
    accent: object
    paper: object
    rule_width: float
    styles: dict                 # body, strong, label (a panel's title), item (hanging after a bullet)
    bullet: str = "\u2022"


# -- small drawn pieces -------------------------------------------------------------------------
class Disc(Flowable):
    """A step's number, at the text size, in a filled circle."""

    def __init__(self, number: int, diameter: float, fill, ink, font: str, size: float):
        super().__init__()
        self.number, self.diameter, self.fill, self.ink, self.font = number, diameter, fill, ink, font
        self.size = size

    def wrap(self, aw, ah):
        self.width = self.height = self.diameter
        return self.diameter, self.diameter

    def draw(self):
        canv, r = self.canv, self.diameter / 2
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.circle(r, r, r, stroke=0, fill=1)
        canv.setFillColor(self.ink)
        size = self.size
        canv.setFont(self.font, size)
        canv.drawCentredString(r, r - size * 0.34, str(self.number))
        canv.restoreState()


class WriteLine(Flowable):
    """A label and a ruled line after it to write on (on the next line when the label leaves too
    little room); the line sits on the label's baseline."""

    def __init__(self, label: str, pen: Pen, least: float):
        super().__init__()
        self.label, self.pen, self.least = label, pen, least

    def wrap(self, aw, ah):
        pen = self.pen
        self.label_w = text_width(self.label, pen.bold, pen.size)
        self.below = aw - self.label_w - pen.size * 0.5 < self.least
        self.width, self.height = aw, pen.leading * (2.2 if self.below else 1.2)
        return self.width, self.height

    def draw(self):
        canv, pen = self.canv, self.pen
        canv.saveState()
        canv.setFillColor(pen.text)
        canv.setFont(pen.bold, pen.size)
        top = self.height - pen.size
        canv.drawString(0, top, self.label)
        canv.setStrokeColor(pen.rule)
        canv.setLineWidth(pen.rule_width)
        if self.below:
            canv.line(0, pen.size * 0.3, self.width, pen.size * 0.3)
        else:
            canv.line(self.label_w + pen.size * 0.5, top - pen.size * 0.15, self.width, top - pen.size * 0.15)
        canv.restoreState()


# -- the when-to-call panel -----------------------------------------------------------------------
def fill_in(node: t.FillIn, pen: Pen, make_labelled: Callable[[str, str], Flowable]) -> Flowable:
    """"Label: value", or the label and a line to write the value on."""
    if node.value is None:
        return WriteLine(node.label, pen, pen.size * 9)
    return make_labelled(node.label, node.value)


def step_rows(panel: t.Steps, width: float, pen: Pen, make: Make, make_labelled, *, disc: float,
              fill, ink, compact: bool = False) -> Table:
    """The steps of a panel under each other: a numbered disc, then the step's label and blocks
    beside it. ``compact`` puts only the label beside the disc and the blocks under both (full
    width); a step that starts with a line to write on then has that line after its label, and a
    step that says one sentence runs it in after its label."""
    gutter = disc + pen.size * 0.5
    rows, commands = [], []
    for number, step in enumerate(panel.steps, start=1):
        label, rest = make(step.label, pen.styles["strong"]), step.blocks
        if compact and rest and isinstance(rest[0], t.FillIn) and rest[0].value is None:
            label, rest = WriteLine(step.label, pen, pen.size * 7), rest[1:]
        elif compact and len(rest) == 1 and isinstance(rest[0], t.Paragraph):
            label, rest = make_labelled(step.label, rest[0].text), ()
        blocks = [f for block in rest for f in block_flowables(block, pen, make, make_labelled)]
        if compact and not blocks:
            rows.append([Disc(number, disc, fill, ink, pen.bold, pen.size), label])
            commands.append(("VALIGN", (0, len(rows) - 1), (0, len(rows) - 1), "TOP"))
        elif compact:
            rows += [[Disc(number, disc, fill, ink, pen.bold, pen.size), label], [blocks, ""]]
            commands += [("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)),
                         ("VALIGN", (0, len(rows) - 2), (-1, len(rows) - 2), "MIDDLE")]
        else:
            rows.append([Disc(number, disc, fill, ink, pen.bold, pen.size), [label, *blocks]])
        if number < len(panel.steps):
            commands.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), pen.leading * 0.3))
    table = Table(rows, colWidths=[gutter, width - gutter], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), pen.regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               *commands]))
    return table


def block_flowables(block, pen: Pen, make: Make, make_labelled) -> list[Flowable]:
    match block:
        case t.BulletList():
            last = len(block.items) - 1
            return [make(f"{pen.bullet}\u00a0{item}", pen.styles["item"], block.refs if i == last else ())
                    for i, item in enumerate(block.items)]
        case t.Paragraph():
            return [make(block.text, pen.styles["body"])]
        case t.FillIn():
            return [fill_in(block, pen, make_labelled)]
    raise TypeError(f"a panel step cannot hold {block!r}")


# -- the "My results" form ----------------------------------------------------------------------
class ResultsForm(Flowable):
    """The reader's results to tick or write in. Each field is its label (bold) followed by a tick
    box per choice, one more box and a line for "other", or a line when it has no choices.

    ``aligned``: one field per row, the choices of every row starting at the same x (the booklet).
    Otherwise fields follow each other along the row and wrap as whole fields (a handout)."""

    ROW = 1.15      # row height, times the leading: room for the boxes between the rows

    def __init__(self, fields: tuple[t.Choice, ...], pen: Pen, aligned: bool, line: float, title: str = "",
                 title_colour=None):
        super().__init__()
        self.fields, self.pen, self.aligned, self.line = fields, pen, aligned, line
        self.title, self.title_colour = title, title_colour    # a title run in before the first field

    # a field as tokens: (kind, text, width); kinds: label, box, line
    def tokens(self, field: t.Choice) -> list[tuple[str, str, float]]:
        pen, size = self.pen, self.pen.size
        box = size * 0.8
        label = field.label if self.aligned else (field.short or field.label)
        out = [("label", label, text_width(label, pen.bold, size) + size * 0.6)]
        for choice in field.choices:
            out.append(("box", choice, box + size * 0.3 + text_width(choice, pen.regular, size) + size * 0.8))
        if field.other:
            out.append(("box", field.other, box + size * 0.3 + text_width(field.other, pen.regular, size) + size * 0.3))
        if field.other or not field.choices:
            out.append(("line", "", self.line))
        return out

    def wrap(self, aw, ah):
        self.width = aw
        self.rows = self._rows(aw)
        self.height = len(self.rows) * self.pen.leading * self.ROW
        return aw, self.height

    def _rows(self, width: float) -> list[list[tuple[float, str, str, float]]]:
        """Rows of placed tokens (x, kind, text, width)."""
        return self._aligned(width) if self.aligned else self._packed(width)

    def _aligned(self, width: float) -> list[list]:
        """One field per row, the choices in a column after the longest label; a field too long for
        the row continues on the next, in the same column."""
        size = self.pen.size
        labels = max(text_width(f.label, self.pen.bold, size) for f in self.fields) + size * 0.9
        rows: list[list] = []
        for field in self.fields:
            rows.append([])
            x = 0.0
            for kind, text, w in self.tokens(field):
                if kind == "line" and width - x >= w * 0.5:
                    w = width - x              # the line runs to the edge when there is room for it
                if x + w > width + 0.01 and rows[-1]:
                    rows.append([])
                    x = labels
                rows[-1].append((x, kind, text, min(w, width - x)))
                x = max(x + w, labels) if kind == "label" else x + w
        return rows

    def _packed(self, width: float) -> list[list]:
        """Whole fields side by side in reading order, a new row when the next one does not fit (a
        field wider than the row gets rows of its own); the title runs in first."""
        size, gap = self.pen.size, self.pen.size * 0.9
        rows: list[list] = [[]]
        ends = [0.0]
        if self.title:
            w = text_width(self.title, self.pen.bold, size)
            rows[0].append((0.0, "title", self.title, w))
            ends[0] = w + size
        for field in self.fields:
            tokens = self.tokens(field)
            need = sum(w for _, _, w in tokens)
            row = len(rows) - 1 if ends[-1] + need <= width + 0.01 else None
            if row is None:
                rows.append([])
                ends.append(0.0)
                row = len(rows) - 1
            x = ends[row]
            for kind, text, w in tokens:
                if x + w > width + 0.01 and rows[row]:
                    rows.append([])
                    ends.append(0.0)
                    row, x = len(rows) - 1, size
                rows[row].append((x, kind, text, min(w, width - x)))
                x += w
            ends[row] = x + gap
        return rows

    def draw(self):
        canv, pen, size = self.canv, self.pen, self.pen.size
        step = pen.leading * self.ROW
        canv.saveState()
        canv.setStrokeColor(pen.text)
        canv.setLineWidth(pen.rule_width)
        for number, row in enumerate(self.rows):
            base = self.height - (number + 1) * step + (step - size) * 0.55
            for x, kind, text, w in row:
                if kind == "title":
                    canv.setFillColor(self.title_colour or pen.text)
                    canv.setFont(pen.bold, size)
                    canv.drawString(x, base, text)
                elif kind == "label":
                    canv.setFillColor(pen.text)
                    canv.setFont(pen.bold, size)
                    canv.drawString(x, base, text)
                elif kind == "box":
                    box = size * 0.8
                    canv.setFillColor(pen.paper)
                    canv.rect(x, base - size * 0.05, box, box, stroke=1, fill=1)
                    canv.setFillColor(pen.text)
                    canv.setFont(pen.regular, size)
                    canv.drawString(x + box + size * 0.3, base, text)
                else:
                    canv.setStrokeColor(pen.rule)
                    canv.line(x, base - size * 0.15, x + w, base - size * 0.15)
                    canv.setStrokeColor(pen.text)
        canv.restoreState()


def results_box(node: t.ResultsForm, width: float, theme, pen: Pen, make: Make, *, aligned: bool, padding: float,
                edge_width: float) -> Table:
    """The form in its role's box: the title, the intro if any, the fields. Packed (not ``aligned``),
    the title runs in before the first field, to keep a one-page handout short."""
    look = theme.role(node.role)
    content: list[Flowable] = [make(node.title, pen.styles["label"])] if aligned else []
    if node.intro:
        content.append(make(node.intro, pen.styles["body"]))
    line = pen.size * (7 if aligned else 5)        # the shortest line to write on
    content.append(ResultsForm(node.fields, pen, aligned, line, "" if aligned else node.title,
                               colour(theme, "heading")))
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colour(theme, look.fill)),
        ("BOX", (0, 0), (-1, -1), pen.rule_width, colour(theme, look.edge)),
        ("LINEBEFORE", (0, 0), (0, -1), edge_width, colour(theme, look.edge)),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + edge_width / 2), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), padding * 0.6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), pen.regular),
    ]))
    return box
