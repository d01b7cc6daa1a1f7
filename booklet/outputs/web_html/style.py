"""The web edition's one stylesheet, made from the theme: inline in the page, no web fonts fetched.

Phone first: one column that never scrolls sideways (long words wrap, wide tables scroll inside
their own box), sizes in rem so browser zoom and text-size settings scale everything, a focus ring
on everything a keyboard can reach, and a print stylesheet (one part per page, boxes to write in
drawn as ruled space). Only theme values (colours, numbers) enter the CSS, never content.
"""
from __future__ import annotations

import functools

from booklet.outputs.web_html.figures import PHONE_GROWTH, Sizes, sizes
from booklet.theme import schema

BORDERS = {"box": "border: 2px solid {edge};", "heavy-box": "border: 4px solid {edge};",
           "bars": "border-top: 4px solid {edge}; border-bottom: 4px solid {edge};",
           "rule": "border-left: 8px solid {edge};"}


def stylesheet(theme) -> str:
    return _stylesheet(theme.colours, theme.editions, tuple(sorted((k, v) for k, v in theme.roles.items())),
                       theme.fonts.family, sizes(theme), theme.booklet.step_disc / theme.booklet.body_size)


@functools.lru_cache(maxsize=8)
def _stylesheet(c: schema.Colours, e: schema.EditionLooks, roles: tuple, family: str, f: Sizes, disc: float) -> str:
    role_rules = "\n".join(
        f".role-{key} {{ background: {getattr(c, role.fill)}; {BORDERS[role.border].format(edge=getattr(c, role.edge))} }}"
        for key, role in roles)
    return f"""
:root {{ color-scheme: light; }}
html {{ font-size: {e.html_body_px / 16 * 100:.4g}%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0; background: {c.background}; color: {c.text}; line-height: {e.html_line_height};
  font-family: "{family}", "Source Sans 3", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  overflow-wrap: anywhere; }}
header.cover, nav.contents-nav, main {{ max-width: {e.html_measure_em}em; margin: 0 auto; padding: 0 1rem; }}
header.cover {{ border-top: 0.75rem solid {c.heading}; padding-top: 1.5rem; }}
h1 {{ color: {c.heading}; font-size: 2.1rem; line-height: 1.15; margin: 0.5rem 0; }}
h2 {{ color: {c.heading}; font-size: 1.6rem; line-height: 1.2; margin: 2.5rem 0 0.75rem;
  border-bottom: 2px solid {c.accent}; padding-bottom: 0.25rem; }}
h3 {{ color: {c.heading}; font-size: 1.25rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }}
.subtitle {{ font-size: 1.3rem; }}
.label, .strong {{ font-weight: bold; }}
.lead {{ font-size: 1.15rem; }}
.note, .small {{ font-size: 0.9rem; color: {c.muted}; }}
a {{ color: {c.heading}; text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }}
a.term {{ text-decoration-style: dotted; }}
sup.refs {{ font-size: 0.7em; line-height: 0; }}
:focus-visible {{ outline: 3px solid {c.warn_edge}; outline-offset: 2px; box-shadow: 0 0 0 5px {c.background}; }}
[tabindex="-1"]:focus {{ outline: none; }}
.skip-link {{ position: absolute; left: 0.5rem; top: -10rem; z-index: 10; background: {c.background};
  color: {c.heading}; padding: 0.75rem 1rem; border: 3px solid {c.heading}; font-weight: bold; }}
.skip-link:focus {{ top: 0.5rem; }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }}
ol.contents {{ padding-left: 1.5rem; font-size: 1.1rem; }}
ol.contents li {{ margin: 0.35rem 0; }}
ol.contents a {{ padding: 0.2rem 0; }}
.box {{ padding: 0.25rem 1rem; margin: 1.25rem 0; border-radius: 4px; }}
.box h3 {{ margin-top: 0.75rem; }}
ul.checklist {{ list-style: none; padding-left: 0.25rem; }}
ul.checklist li::before {{ content: "\\2610\\00a0"; }}
li {{ margin: 0.3rem 0; }}
.table-scroll {{ overflow-x: auto; max-width: 100%; margin: 1.25rem 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.95rem; overflow-wrap: normal; }}
caption {{ text-align: left; font-weight: bold; padding: 0.25rem 0 0.5rem; }}
th, td {{ border: 1px solid {c.rule}; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }}
thead th {{ background: {c.table_header_fill}; color: {c.table_header_text}; }}
tbody tr:nth-child(even) {{ background: {c.table_stripe}; }}
tbody th {{ font-weight: bold; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
figure {{ margin: 1.25rem 0; }}
figcaption {{ font-weight: bold; margin-top: 0.25rem; }}
svg.chart {{ display: block; width: 100%; height: auto; max-width: {f.narrow * PHONE_GROWTH:.0f}px;
  font-family: inherit; }}
svg.figure-drawing {{ display: block; width: 100%; height: auto; margin: 0.5rem 0; font-family: inherit; }}
svg.figure-narrow {{ max-width: {f.narrow * PHONE_GROWTH:.0f}px; }}
svg.figure-wide {{ display: none; max-width: {f.wide:.0f}px; }}
@media (min-width: {f.switch_em}em) {{ svg.figure-narrow {{ display: none; }} svg.figure-wide {{ display: block; }} }}
.figure-text {{ margin: 0.25rem 0 0; }}
.art svg {{ display: block; width: min(70%, 14rem); height: auto; margin: 1rem auto; }}
.use {{ margin: 0.5rem 0 0; }}
.panel {{ padding: 0.25rem 1rem 0.5rem; margin: 1.25rem 0; border-radius: 4px; }}
.panel h3 {{ margin-top: 0.75rem; }}
ol.steps {{ list-style: none; counter-reset: step; padding: 0; margin: 0.5rem 0; }}
ol.steps > li {{ counter-increment: step; position: relative; padding-left: {disc + 0.6:.2f}em; margin: 0 0 0.9rem; }}
ol.steps > li::before {{ content: counter(step); position: absolute; left: 0; top: 0; width: {disc:.2f}em;
  height: {disc:.2f}em; line-height: {disc:.2f}em; border-radius: 50%; text-align: center; font-weight: bold;
  background: {c.heading}; color: {c.background}; }}
.step-label {{ font-weight: bold; margin: 0 0 0.25rem; }}
ol.steps ul {{ margin: 0.25rem 0; padding-left: 1.25rem; list-style: disc; }}
ol.steps p {{ margin: 0.25rem 0; }}
.fill-in label {{ margin-top: 0.4rem; }}
.results fieldset {{ border: none; padding: 0; margin: 0.75rem 0; }}
.results legend {{ margin: 0 0 0.25rem; }}
.ticks {{ display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; align-items: center; }}
label.tick {{ display: inline-flex; align-items: center; gap: 0.4rem; font-weight: normal; margin: 0;
  padding: 0.2rem 0; }}
input[type="checkbox"] {{ width: 1.35rem; height: 1.35rem; margin: 0; accent-color: {c.heading}; flex: none; }}
.ticks input[type="text"] {{ flex: 1 1 8rem; width: auto; min-width: 6rem; }}
table.form-grid tbody th {{ white-space: nowrap; vertical-align: middle; }}
table.form-grid td {{ vertical-align: middle; }}
table.form-grid td .ticks {{ gap: 0.1rem 0.75rem; }}
img {{ max-width: 100%; height: auto; }}
.chart-with-table {{ display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; align-items: start; }}
@media (min-width: 60em) {{ .chart-with-table {{ grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }} }}
dl.definitions div {{ margin: 0 0 0.9rem; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0.1rem 0 0 1.25rem; }}
label, legend {{ display: block; font-weight: bold; margin: 0.75rem 0 0.25rem; }}
fieldset {{ border: 1px solid {c.rule}; border-radius: 4px; margin: 1rem 0; padding: 0.25rem 1rem 1rem; }}
input, textarea {{ font: inherit; color: {c.text}; background: {c.background}; width: 100%; box-sizing: border-box;
  border: 2px solid {c.muted}; border-radius: 4px; padding: 0.4rem; }}
textarea.notes {{ margin-top: 0.5rem; }}
ol.write-lines {{ list-style: none; padding: 0; }}
table.form-grid td {{ padding: 0.2rem; min-width: 6rem; }}
table.form-grid input {{ border-width: 1px; }}
ol.sources li {{ margin: 0.5rem 0; }}
.badge {{ display: inline-block; border: 2px solid {c.muted}; border-radius: 4px; padding: 0 0.4rem; margin: 0.2rem; }}
.web-link {{ display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 1.5rem 0; }}
.web-link svg.qr {{ width: 7rem; height: 7rem; flex: none; }}
.web-link p {{ margin: 0; }}
.unknown-node {{ border: 2px dashed {c.rule}; padding: 0 1rem; }}
{role_rules}
@media print {{
  @page {{ margin: 18mm; }}
  html {{ font-size: 12pt; }}
  .skip-link, nav.contents-nav {{ display: none; }}
  header.cover, main {{ max-width: none; padding: 0; }}
  main > section {{ break-before: page; }}
  h2, h3, caption, dt, legend, label {{ break-after: avoid; }}
  table, figure, .box, .panel, fieldset, dl.definitions div, li {{ break-inside: avoid; }}
  svg.figure-narrow {{ display: none; }}
  svg.figure-wide {{ display: block; }}
  table.form-grid {{ break-inside: auto; }}
  table.form-grid tr {{ break-inside: avoid; }}
  table.form-grid label.tick {{ padding: 0; line-height: 1.2; }}
  table.form-grid input[type="checkbox"] {{ width: 0.9rem; height: 0.9rem; }}
  table.form-grid td .ticks {{ gap: 0.15rem 0.6rem; }}
  thead th, ol.steps > li::before {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .table-scroll {{ overflow: visible; }}
  a {{ color: inherit; text-decoration: none; }}
  a.term, sup.refs a {{ text-decoration: none; }}
  input, textarea {{ border: none; border-bottom: 1px solid {c.rule}; border-radius: 0; }}
  textarea {{ resize: none; background: repeating-linear-gradient(transparent, transparent 1.9em, {c.rule} 1.9em,
    {c.rule} 1.95em); border: none; }}
}}
""".strip()
