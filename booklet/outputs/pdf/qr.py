"""The web edition's QR code and short address on the printed booklet and handouts, drawn as vectors.

``web_link`` is the one flowable both print renderers place: the code on the left (its quiet zone
kept white), the label and the address beside it. The printed address is what a reader types when
they cannot scan, so it is large and never broken.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from booklet.compose import tree as t
from booklet.outputs.qr import QUIET, runs

MM = 72 / 25.4


class QrCode(Flowable):
    """The QR code for ``url``, ``size`` points square including its quiet zone, dark modules as one path."""

    def __init__(self, url: str, size: float, colour: str):
        super().__init__()
        self.url, self.size, self.colour = url, size, colour
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        count, dark = runs(self.url)
        unit = self.size / (count + 2 * QUIET)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(HexColor("#FFFFFF"))   # the quiet zone stays light on any tinted box
        canvas.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canvas.setFillColor(HexColor(self.colour))
        path = canvas.beginPath()
        for x, y, length in dark:   # y grows downwards in the matrix, upwards on the page
            path.rect((QUIET + x) * unit, self.size - (QUIET + y + 1) * unit, length * unit, unit)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


def web_link(node: t.WebLink, theme, width: float, label, address, font: str) -> Table:
    """The code beside its label and short address (``label`` and ``address`` are paragraphs;
    ``font``, a registered face, is only named so that the table never asks for Helvetica)."""
    size = theme.editions.qr_size_mm * MM
    table = Table([[QrCode(node.url, size, theme.colour("text")), [label, address]]],
                  colWidths=[size + 6, width - size - 6], hAlign="LEFT", spaceBefore=size / 3)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table
