"""Reusable reportlab building blocks for the kit's PDFs: data tables, boxed callouts, figures,
ruled write-in lines and grids (charts are in ``chart``, contents entries in ``contents``).

Nothing here reads content words or fixed sizes of its own: callers pass the theme, the styles and
the sizes, so the booklet and the handouts can share these without drifting apart.
"""
from __future__ import annotations

from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Table, TableStyle

from booklet.compose import tree as t
from booklet.outputs.pdf.base import colour, labelled, para
from booklet.outputs.pdf.private import row_heights
from booklet.typeset import measure
from booklet.typeset.fonts import width as text_width


# -- tables -------------------------------------------------------------------------------------
def column_widths(rows: list[list[str]], styles: list, width: float, padding: float) -> list[float]:
    """Widths that fill ``width``: every column gets its longest word, the rest goes where text is long."""
    n = len(rows[0])
    least, most = [0.0] * n, [0.0] * n
    for row, style in zip(rows, styles):
        for c, cell in enumerate(row):
            words = cell.split() or [""]
            longest = max(text_width(w, style.fontName, style.fontSize) for w in words)
            least[c] = max(least[c], longest + 2 * padding)
            most[c] = max(most[c], text_width(cell, style.fontName, style.fontSize) + 2 * padding)
    return measure.column_widths(least, most, width)


def data_table(table: t.Table, width: float, theme, *, header, cell, caption, note, padding: float,
               rule_width: float, max_height: float, use=None) -> list[Flowable]:
    """Caption above, the table (header row repeated on every page it spans), note below, then what
    the reader can do with it (in the ``use`` style). The styles must not change afterwards (the
    paragraphs remember their line breaks).

    A table up to half of ``max_height`` (the frame) is kept whole with its caption; a longer one
    starts on a new page unless its caption, header and first rows fit, then breaks between rows.
    """
    texts = [list(table.header), *[list(r) for r in table.rows]]
    widths = column_widths(texts, [header] + [cell] * len(table.rows), width, padding)
    data = [[para(c, header, stable=True) for c in table.header]]
    data += [[para(c, cell, stable=True) for c in row] for row in table.rows]
    grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colour(theme, "table_header_fill")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colour(theme, "background"), colour(theme, "table_stripe")]),
        ("LINEBELOW", (0, 0), (-1, -1), rule_width, colour(theme, "rule")),
        ("BOX", (0, 0), (-1, -1), rule_width, colour(theme, "rule")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize),
        ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]))
    title = para(table.caption, caption, table.refs, stable=True)
    parts: list[Flowable] = [title, grid] + ([para(table.note, note, stable=True)] if table.note else [])
    if table.use:
        if table.note:
            parts[-1].keepWithNext = 1        # the note is never left without what to do with the table
        parts.append(labelled(table.use_label, table.use, use or note, caption.fontName, stable=True))
    heights = [p.wrap(width, max_height)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in parts]
    rows = row_heights(grid)
    grid.splitInRow = int(max(rows) > max_height * 0.8)    # only a giant row may break inside itself
    if sum(heights) <= max_height / 2:
        return [KeepTogether(parts)]
    title.keepWithNext = 0     # the CondPageBreak decides instead
    return [CondPageBreak(heights[0] + sum(rows[:4])), *parts]


# -- callouts -----------------------------------------------------------------------------------
def callout_box(role: str, content: list[Flowable], width: float, theme, *, font: str, edge_width: float,
                padding: float, rule_width: float, max_height: float) -> Table:
    """A shaded box with a thick left rule in the role's colour; the border pattern differs by role
    (theme ``roles``). It moves to the next page whole, unless it is taller than ``max_height``
    (then it breaks inside)."""
    look = theme.role(role)
    border = look.border
    edge_colour = colour(theme, look.edge)
    commands = [
        ("BACKGROUND", (0, 0), (-1, -1), colour(theme, look.fill)),
        ("LINEBEFORE", (0, 0), (0, -1), edge_width, edge_colour),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + edge_width / 2), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), font),
    ]
    if border in ("box", "heavy-box"):
        heavy = 2.5 if border == "heavy-box" else 1
        commands.append(("BOX", (0, 0), (-1, -1), rule_width * heavy, edge_colour))
    elif border == "bars":
        commands += [("LINEABOVE", (0, 0), (-1, 0), rule_width * 2, edge_colour),
                     ("LINEBELOW", (0, -1), (-1, -1), rule_width * 2, edge_colour)]
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(TableStyle(commands))
    box.splitInRow = int(box.wrap(width, max_height)[1] > max_height)
    return box




# -- figures ------------------------------------------------------------------------------------
def figure(path: str, width: float, max_height: float, caption_para=None) -> list[Flowable]:
    """A picture scaled to the column width (or less, if it would be taller than max_height)."""
    w, h = ImageReader(path).getSize()
    scale = min(width / w, max_height / h)
    parts: list[Flowable] = [Image(path, width=w * scale, height=h * scale, hAlign="LEFT")]
    if caption_para is not None:
        parts.append(caption_para)
    return [KeepTogether(parts)]


# -- ruled lines to write on --------------------------------------------------------------------
class _Ruled(Flowable):
    """Rules drawn in one colour and width; never split (a form belongs on one page)."""

    colour = None
    rule_width = 0.5

    def split(self, aw, ah):
        return []

    def pen(self):
        canv = self.canv
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(self.rule_width)
        return canv


class RuledLines(_Ruled):
    """Lines to write on, ``gap`` apart. ``count=None`` fills the rest of the frame. With a number
    style, every ``every``-th line starts with its running number (1, 2, 3 ...)."""

    def __init__(self, count: int | None, gap: float, colour, rule_width: float, *,
                 number_font: str | None = None, number_size: float = 0, number_colour=None, every: int = 1,
                 labels: tuple[str, ...] = (), written: tuple[str, ...] = (), written_font: str = "",
                 written_size: float = 0, written_colour=None):
        super().__init__()
        self.labels = labels  # small words written at the start of each line ("Name", "Phone")
        self.written, self.written_font = written, written_font   # already filled in (a personal booklet)
        self.written_size, self.written_colour = written_size, written_colour
        self.count, self.gap, self.colour, self.rule_width = count, gap, colour, rule_width
        self.number_font, self.number_size, self.every = number_font, number_size, every
        self.number_colour = number_colour
        self.lines = count or 1

    def wrap(self, aw, ah):
        self.width = aw
        if self.count is None:
            self.lines = max(1, int(ah // self.gap))
            self.lines -= self.lines % self.every if self.lines > self.every else 0
        self.height = self.lines * self.gap
        return aw, self.height

    def draw(self):
        canv = self.pen()
        indent = self.number_size * 2.2 if self.number_font and not self.labels else 0
        for i in range(self.lines):
            y = self.height - (i + 1) * self.gap
            if i < len(self.labels):
                canv.setFillColor(self.number_colour)
                canv.setFont(self.number_font, self.number_size)
                canv.drawString(0, y + self.rule_width * 3, self.labels[i])
                canv.line(indent, y, self.width, y)
                if i < len(self.written) and self.written[i]:
                    self.write(self.written[i], y)
                continue
            numbered = self.number_font and i % self.every == 0
            if numbered:
                canv.setFillColor(self.number_colour)
                canv.setFont(self.number_font, self.number_size)
                canv.drawRightString(indent - self.number_size * 0.5, y + self.rule_width * 3,
                                     f"{i // self.every + 1}.")
            canv.line(indent, y, self.width, y)


    def write(self, text: str, y: float) -> None:
        """Text already filled in on a line, after the widest label, shrunk to fit the line if it must."""
        canv = self.canv
        x = max(canv.stringWidth(label, self.number_font, self.number_size) for label in self.labels) + self.gap / 2
        size = fitted(text, self.written_font, self.written_size, self.width - x)
        canv.setFillColor(self.written_colour)
        canv.setFont(self.written_font, size)
        canv.drawString(x, y + self.rule_width * 3, text)


def fitted(text: str, font: str, size: float, width: float) -> float:
    """``size``, or smaller so that ``text`` fits in ``width``."""
    natural = text_width(text, font, size)
    return size if natural <= width else size * width / natural


class RuledGrid(_Ruled):
    """A ruled form: columns of the given width fractions, rows at least ``row_height`` apart,
    filling the rest of the frame; ``hints`` are faint marks printed in each cell of a column (e.g.
    '/' in a date; a hint with line breaks stacks its lines, e.g. words to circle). The column
    labels of ``header`` wrap within their columns. With ``labels`` it has one row per label
    (printed in its first column) under the header, and only that height."""

    def __init__(self, fractions: list[float], row_height: float, colour, rule_width: float, *,
                 hints: list[str] | None = None, hint_font: str = "", hint_size: float = 0, hint_colour=None,
                 header: tuple[str, ...] = (), header_font: str = "", header_colour=None,
                 labels: tuple[str, ...] = (), label_font: str = "",
                 written: tuple[tuple[str, ...], ...] = (), written_font: str = "", written_size: float = 0):
        super().__init__()
        self.header, self.header_font, self.header_colour = header, header_font, header_colour
        self.labels, self.label_font = labels, label_font
        self.written, self.written_font, self.written_size = written, written_font, written_size   # filled rows
        self.fractions, self.row_height, self.colour, self.rule_width = fractions, row_height, colour, rule_width
        self.hints = hints or [""] * len(fractions)
        self.hint_font, self.hint_size, self.hint_colour = hint_font, hint_size, hint_colour
        self.rows = 1

    def wrap(self, aw, ah):
        size, line = self.hint_size, self.hint_size * 1.2
        self.width = aw
        self.xs = [0.0]
        for f in self.fractions:
            self.xs.append(self.xs[-1] + f * aw / sum(self.fractions))
        self.heads = [simpleSplit(label, self.header_font, size, self.xs[c + 1] - self.xs[c] - size * 0.8)
                      for c, label in enumerate(self.header)]
        most_head = max((len(lines) for lines in self.heads), default=0)
        self.head_h = max(self.row_height, most_head * line + size * 0.8) if self.header else 0.0
        most_hint = max((len(str(hint).split("\n")) for hint in self.hints), default=1)
        self.body_h = max(self.row_height, most_hint * line + size * 0.8)
        if self.labels:
            self.rows = len(self.labels)
        else:
            self.rows = max(1, int((ah - self.head_h) // self.body_h))
        self.height = self.head_h + self.rows * self.body_h
        return aw, self.height

    def draw(self):
        canv, xs, size, line = self.pen(), self.xs, self.hint_size, self.hint_size * 1.2
        for r in range(self.rows + 1):
            canv.line(0, r * self.body_h, self.width, r * self.body_h)
        canv.line(0, self.height, self.width, self.height)
        for x in xs:
            canv.line(x, 0, x, self.height)
        if self.header:  # column labels in the top row, wrapped within their columns
            canv.setFont(self.header_font, size)
            canv.setFillColor(self.header_colour)
            for c, lines in enumerate(self.heads):
                for n, text in enumerate(lines):
                    canv.drawString(xs[c] + size * 0.4, self.height - size * 0.4 - size - n * line, text)
        filled = min(len(self.written), self.rows)
        for k, row in enumerate(self.written[:filled]):      # rows already filled in, from the top
            y = self.height - self.head_h - (k + 1) * self.body_h + (self.body_h - size) / 2 + size * 0.15
            canv.setFillColor(self.header_colour)
            for c, cell in enumerate(row[:len(xs) - 1]):
                room = xs[c + 1] - xs[c] - size * 0.8
                canv.setFont(self.written_font, fitted(cell, self.written_font, self.written_size, room))
                canv.drawString(xs[c] + size * 0.4, y, cell)
        if self.hint_font:
            canv.setFont(self.hint_font, size)
            canv.setFillColor(self.hint_colour)
            for r in range(self.rows - filled):
                for c, hint in enumerate(self.hints):
                    lines = [text for text in str(hint).split("\n")] if hint else []
                    top = r * self.body_h + (self.body_h + len(lines) * line) / 2 - size
                    for n, text in enumerate(lines):
                        canv.drawCentredString((xs[c] + xs[c + 1]) / 2, top - n * line, text)
        if self.labels:    # the row labels, top row first, in the first column
            canv.setFont(self.label_font, size)
            canv.setFillColor(self.header_colour)
            for r, label in enumerate(self.labels):
                y = self.height - self.head_h - (r + 1) * self.body_h + (self.body_h - size) / 2 + size * 0.15
                canv.drawString(xs[0] + size * 0.4, y, label)
