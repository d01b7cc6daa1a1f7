"""The style schema, declared once: every group and key of ``styles/theme.yaml``, typed.

``booklet.theme`` reads the YAML (with ``base:`` inheritance) into these frozen dataclasses at
start-up, so a missing, unknown or mistyped key is a located error before anything renders, and
renderers read plain attributes (``theme.booklet.body_size`` is a float, never a string).
Sizes are in points unless the name ends in ``_mm``.
"""
from __future__ import annotations

from dataclasses import dataclass

Colour = str     # "#RRGGBB"; checked when the theme loads
ColourName = str  # the name of a key in ``colours``; checked when the theme loads
SchemeColour = str  # a slide template's theme colour, "tx1" .. "accent6", maybe "lighter N"; checked on load

BORDERS = ("box", "heavy-box", "bars", "rule")


@dataclass(frozen=True)
class Fonts:
    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    folder: str
    package: str | None = None   # a pip-installed font package whose ``folder`` holds the files


@dataclass(frozen=True)
class Colours:
    text: Colour
    muted: Colour
    heading: Colour
    accent: Colour
    accent_light: Colour
    rule: Colour
    tip_fill: Colour
    tip_edge: Colour
    warn_fill: Colour
    warn_edge: Colour
    important_fill: Colour
    important_edge: Colour
    key_fill: Colour
    key_edge: Colour
    table_header_fill: Colour
    table_header_text: Colour
    table_stripe: Colour
    chart_series: tuple[Colour, ...]
    background: Colour
    cover_art: tuple[Colour, ...]    # the cover picture: sky, sun, far hill, near hill, then one per person


@dataclass(frozen=True)
class Role:
    """The look of a boxed role (key points, a tip, when to call ...): fill, edge colour, border."""

    fill: ColourName
    edge: ColourName
    border: str                  # box | heavy-box | bars | rule (the thick left edge only)


@dataclass(frozen=True)
class Page:
    size: str                    # letter | A4
    margin_top_mm: float
    margin_bottom_mm: float
    margin_inner_mm: float
    margin_outer_mm: float
    pad_to_multiple_of: int
    least_fill: float            # a page less full than this share is near-empty: page breaks avoid one


@dataclass(frozen=True)
class BookletLooks:
    body_size: float
    leading: float
    small_size: float
    h1_size: float
    h2_size: float
    title_size: float
    subtitle_size: float
    space_after_paragraph: float
    table_size: float
    table_leading: float
    chart_height: float
    chart_width: float
    write_lines_per_question: int
    appointment_column_widths: tuple[float, ...]
    ruled_line_gap: float
    measure_chars: float
    contents_size: float
    rule_width: float
    callout_edge_width: float
    callout_padding: float
    table_padding: float
    chart_label_size: float
    hatch_gap: float
    bullet_indent: float
    cover_band_mm: float
    lead_scale: float            # a lead paragraph's size and leading, times the body's
    label_scale: float           # a callout's title, times the body's size and leading
    h1_leading: float            # line height as a multiple of the size, per style
    h2_leading: float
    title_leading: float
    subtitle_leading: float
    contents_leading: float
    tracker_column_widths: tuple[float, ...]    # the side-effect tracker's columns, as fractions
    activity_column_widths: tuple[float, ...]   # the weekly activity log's columns, as fractions
    step_disc: float             # the diameter of a panel step's number disc
    cover_art_height_mm: float   # the cover picture's height
    cover_logo_height_mm: float  # the institution's logo on the cover, if the theme names one
    cover_logo: str | None = None   # path to the institution's logo (PNG or JPEG), relative to the theme file

    @staticmethod
    def grid_field(role: str) -> str:
        """The name of the field that holds the column shares of the ruled grid with ``role``
        (appointments, tracker, activity): ``appointment_column_widths`` ..."""
        return f"{'appointment' if role == 'appointments' else role.replace('-', '_')}_column_widths"

    def grid_widths(self, role: str) -> tuple[float, ...] | None:
        """The column shares of the ruled grid with ``role``, as every edition draws it (None: no such grid)."""
        return getattr(self, self.grid_field(role), None)


@dataclass(frozen=True)
class HandoutLooks:
    body_size: float
    min_body_size: float
    leading_ratio: float
    min_leading_ratio: float
    title_size: float
    min_title_size: float
    h2_size: float
    shrink_step: float
    margin_mm: float
    column_gap_mm: float
    small_size: float
    space_heading: float
    space_after_heading: float
    space_item: float
    tight_spacing: float
    stretch_spacing: float
    cell_padding: float
    bullet: str
    check: str
    badge_positive: str
    badge_negative: str
    badge_either: str
    badge_low: str
    sign_positive: str
    sign_negative: str
    sign_either: str
    sign_low: str
    badge_gap: float             # between the receptor badges
    badge_padding: float         # inside a badge
    badge_border: float          # a badge's outline
    badge_corner: float          # a badge's corner radius
    badge_edge: float            # the solid strip at a badge's left
    header_rule: float           # the rule under the title and badges
    learn_more_edge: float       # the thick left edge of "to learn more"
    learn_more_padding: tuple[float, ...]   # left, top, bottom
    box_padding: float           # inside the key points box, the when-to-call panel and My results
    box_edge: float              # their thick left edge
    step_disc: float             # the diameter of a panel step's number disc, times the body size


@dataclass(frozen=True)
class DeckLayouts:
    """The template layout NAME for each kind of slide; a template without that name is searched
    by the layout's built-in type (title, secHead, obj, twoObj, titleOnly) instead."""

    title: str
    section: str
    content: str
    title_only: str
    two_content: str


@dataclass(frozen=True)
class DeckLooks:
    template: str | None         # a .pptx relative to theme.yaml (the house template), or null for python-pptx's
    font: str                    # the house template's font (written into its theme)
    metrics: tuple[str, ...]     # width tables (JSON, relative to theme.yaml) for the fonts a template may name
    substitute_metrics: str      # the wide stand-in a viewer without the named font draws with
    metrics_safety: float        # every measured width x this
    unknown_font_safety: float   # a template font with no width table: the stand-in's widths x this too
    title_size: float
    body_size: float
    min_body_size: float
    size_step: float             # bullets and tables try sizes this far apart
    notes_size: float
    table_size: float
    min_table_size: float
    chart_text_size: float
    cover_title_size: float
    section_title_size: float
    subtitle_size: float
    min_title_size: float
    title_lines: int
    footnote_size: float
    footer_size: float
    line_spacing: float
    table_line_spacing: float
    paragraph_space: float
    max_bullets: int
    bullet_indent: float
    inset_x: float
    inset_y: float
    cell_margin_x: float
    cell_margin_y: float
    gap: float
    layouts: DeckLayouts


@dataclass(frozen=True)
class EditionLooks:
    """The digital editions (web page, tagged PDF) and the QR code that links print to them."""

    qr_size_mm: float            # the printed QR code's side, quiet zone included (booklet cover)
    handout_qr_size_mm: float    # the same on a handout, where the page must stay one page
    html_body_px: float          # the web page's body text (CSS px); readers can zoom from there
    html_line_height: float
    html_measure_em: float       # the text column's widest measure, in em
    html_question_boxes: int     # numbered boxes on "My own questions"
    html_appointment_rows: int   # rows of the appointments form
    html_note_rows: int          # lines of the notes box
    pdf_body_size: float         # the tagged PDF's body text (pt); headings scale from the booklet's
    pdf_leading: float           # line spacing, times the size
    chart_width: float           # a chart's drawing width (pt in the PDF, SVG units on the web)
    chart_height: float


@dataclass(frozen=True)
class FigurePalette:
    """The colour roles figures are drawn in (``booklet.figures``), each the name of a key in ``colours``.
    A figure's shapes name these roles; ``booklet.figures.colour`` resolves them for every output."""

    ink: ColourName              # labels
    quiet: ColourName            # secondary labels (details, notes)
    line: ColourName             # outlines, arrows, brackets
    strong: ColourName           # filled icons, a positive result, where cancer is
    deep: ColourName             # a second strong fill (the last group of a scale)
    soft: ColourName             # light fills behind dark text (always outlined in ``line``)
    empty: ColourName            # outlines of empty icons
    paper: ColourName            # the background figures sit on (and text on ``strong`` or ``deep``)


@dataclass(frozen=True)
class FigureDeckPalette:
    """The same roles on slides, as colours of the deck template's own theme (``tx1``, ``tx2``, ``bg1``,
    ``bg2``, ``accent1`` .. ``accent6``), optionally ``lighter N`` (N % of the way to white), so an
    institution's template recolours the figures as it recolours everything else. On the house
    template (whose theme colours are ``colours`` above) they match ``palette``."""

    ink: SchemeColour
    quiet: SchemeColour
    line: SchemeColour
    strong: SchemeColour
    deep: SchemeColour
    soft: SchemeColour
    empty: SchemeColour
    paper: SchemeColour


@dataclass(frozen=True)
class FigureLooks:
    """Sizes of the figures drawn from content data: label sizes per output (a layout never sets
    text smaller), the line width every stroke is a multiple of, and the colour roles."""

    booklet_text_size: float     # labels in the booklet
    deck_text_size: float        # labels on slides
    deck_min_text_size: float    # a figure too tall for its slide is laid out smaller, down to this
    line_width: float            # points; a shape's ``stroke_width`` is a multiple of this
    pattern_gap: float           # points between the lines of a hatching or the dots of a dotted fill
    palette: FigurePalette
    deck_palette: FigureDeckPalette


GROUPS = {"fonts": Fonts, "colours": Colours, "page": Page, "booklet": BookletLooks, "handout": HandoutLooks,
          "deck": DeckLooks, "editions": EditionLooks, "figures": FigureLooks}
