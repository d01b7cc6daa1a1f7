"""One handout per subtype: "this is your type of breast cancer", on one sheet.

Three parts: the header (name, receptor results and the reader's own "My results" to fill in),
the body (three key points, what it means, how common, the treatments, side effects and what
helps, when to call, the subtype's columns of the survival table with what to do with it,
questions) and the footer (where to learn more, review dates and disclaimer, sources).
"""
from __future__ import annotations

from booklet import model as m
from booklet.compose import common, tools
from booklet.compose import tree as t

RECEPTORS = (("ER", "er"), ("PR", "pr"), ("HER2", "her2"))   # printed name, field of model.Receptors


def compose_all(kit: m.Kit) -> tuple[t.Document, ...]:
    return tuple(compose(kit, subtype) for subtype in kit.subtypes)


def compose(kit: m.Kit, subtype: m.Subtype) -> t.Document:
    title = f"{subtype.name} \u2014 {kit.meta.title}"
    parts = (header(kit, subtype), body(kit, subtype), footer(kit, subtype))
    return t.Document("handout", f"handouts/{subtype.id}", common.meta(kit, title), parts, subtype.loc)


def header(kit: m.Kit, subtype: m.Subtype) -> t.Part:
    labels = kit.meta.handout
    badges = tuple((name, str(getattr(subtype.receptors, field)).lower(),
                    getattr(labels, str(getattr(subtype.receptors, field)).lower()))
                   for name, field in RECEPTORS)
    blocks = (t.Paragraph(subtype.name, subtype.name.loc, "title"),
              t.Badges(labels.receptors, badges, subtype.receptors.loc),
              tools.my_results(kit, with_intro=False))
    return t.Part("header", subtype.name, blocks, subtype.loc, "header", item=f"subtype:{subtype.id}")


def body(kit: m.Kit, subtype: m.Subtype) -> t.Part:
    labels = kit.meta.handout
    effects = tuple((e.effect, f"{labels.what_helps}: {e.what_helps}") for e in subtype.side_effects)
    loc = subtype.loc
    points = subtype.key_points
    blocks = (
        t.Box("key-points", kit.meta.pages.key_points, (t.BulletList(points, points[0].loc),), points[0].loc),
        t.Heading(labels.what_it_means, labels.loc), t.Paragraph(subtype.what_it_means, subtype.what_it_means.loc),
        t.Paragraph(subtype.how_common, subtype.how_common.loc),
        t.Heading(labels.early, labels.loc), t.BulletList(subtype.early_treatment, subtype.early_treatment[0].loc),
        t.Heading(labels.metastatic, labels.loc),
        t.BulletList(subtype.metastatic_treatment, subtype.metastatic_treatment[0].loc),
        t.Heading(labels.side_effects, labels.loc), t.Definitions(effects, subtype.side_effects[0].loc, "side-effects"),
        tools.subtype_panel(kit, subtype),
        t.Heading(labels.outlook, labels.loc), outlook_table(kit, subtype),
        t.Heading(labels.questions, labels.loc), t.BulletList(subtype.questions, subtype.questions[0].loc,
                                                             marker="check"),
    )
    return t.Part("body", subtype.name, blocks, loc, "body")


def outlook_table(kit: m.Kit, subtype: m.Subtype) -> t.Table:
    """The subtype's value columns of the shared survival table, with the category column first; the
    subtype's own outlook text is its note, and the table's "what you can do" line follows it."""
    source = kit.tables[subtype.outlook.table]
    category = source.chart.category_column if source.chart else 0
    index = {name: i for i, name in enumerate(source.columns)}
    rows = tuple((row[category], *(row[index[name]] for name in subtype.outlook.columns)) for row in source.rows)
    return t.Table(source.id, source.caption, (source.columns[category], *subtype.outlook.columns), rows,
                   subtype.outlook.loc, common.numbers(kit, source.sources), subtype.outlook.text, use=source.use,
                   use_label=kit.meta.tools.use)


def footer(kit: m.Kit, subtype: m.Subtype) -> t.Part:
    labels, meta = kit.meta.handout, kit.meta
    table = kit.tables[subtype.outlook.table]
    used = set(subtype.sources) | set(table.sources)
    short = {s.id: s.short for s in kit.sources}
    sources = f"{labels.sources}: " + "  ".join(f"[{n}] {short[ident] or text}"
                                                for n, ident, text in common.source_entries(kit) if ident in used)
    reviewed, next_review = common.date_lines(kit)
    quotes = labels.quotes
    learn = f"{labels.learn_more} {quotes[0]}{meta.title}{quotes[-1]}."
    small = f"{reviewed}.  {next_review}.  {meta.disclaimer}  {sources}"
    blocks = (t.Box("learn-more", None, (t.Paragraph(learn, labels.loc, "strong"),), labels.loc),
              t.Paragraph(small, subtype.sources[0].loc, "small"), *common.web_link(kit))
    return t.Part("footer", subtype.name, blocks, subtype.loc, "footer")
