"""Clickable contents entries whose page numbers are filled in at the end of the build: each entry
draws its number from a form XObject that ``define_number_form`` defines once every part's first
page is known, so the booklet is laid out in one pass."""
from __future__ import annotations

from reportlab.platypus import Flowable


class ContentsEntry(Flowable):
    """One clickable contents line: the title (wrapped if it must be), a dotted leader, and the page
    number, which is drawn from the form XObject ``form`` so it can be defined once the pages are
    known (see ``define_number_form``). The whole entry links to the named destination ``key``."""

    def __init__(self, title_para, key: str, form: str, number_width: float, gap: float, colour,
                 rule_width: float):
        super().__init__()
        self.title, self.key, self.form = title_para, key, form
        self.number_width, self.gap, self.colour, self.rule_width = number_width, gap, colour, rule_width

    def wrap(self, aw, ah):
        self.width = aw
        _, h = self.title.wrap(aw - self.number_width - self.gap, ah)
        self.height = h + self.gap
        return aw, self.height

    def draw(self):
        canv, style = self.canv, self.title.style
        self.title.drawOn(canv, 0, self.gap / 2)
        lines = self.title.getActualLineWidths0()
        baseline = self.gap / 2 + self.title.height - style.fontSize - (len(lines) - 1) * style.leading
        end = self.width - self.number_width
        if lines[-1] + self.gap < end - self.gap:
            canv.saveState()
            canv.setStrokeColor(self.colour)
            canv.setLineWidth(self.rule_width * 1.6)
            canv.setLineCap(1)
            canv.setDash([0, self.rule_width * 5])
            canv.line(lines[-1] + self.gap / 2, baseline, end - self.gap / 2, baseline)
            canv.restoreState()
        canv.saveState()
        canv.translate(self.width, baseline)
        canv.doForm(self.form)
        canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def define_number_form(canv, form: str, number: int, font: str, size: float, colour, width: float) -> None:
    """Define the XObject a ContentsEntry drew: ``number`` right-aligned at the form's origin."""
    canv.beginForm(form, lowerx=-width, lowery=-size, upperx=size, uppery=size * 1.5)
    canv.setFont(font, size)
    canv.setFillColor(colour)
    canv.drawRightString(0, 0, str(number))
    canv.endForm()
