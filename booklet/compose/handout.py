"""One handout per subtype: "this is your type of breast cancer", on one sheet.

Three parts: the header (name and receptor results), the body (what it means, how common, the
treatments, side effects and what helps, the subtype's columns of the survival table, questions)
and the footer (where to learn more, review dates, sources, disclaimer).
"""
from __future__ import annotations

from booklet import model as m
from booklet.compose import common
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
              t.Badges(labels.receptors, badges, subtype.receptors.loc))
    return t.Part("header", subtype.name, blocks, subtype.loc, "header", item=f"subtype:{subtype.id}")


def body(kit: m.Kit, subtype: m.Subtype) -> t.Part:
    labels = kit.meta.handout
    effects = tuple((e.effect, f"{labels.what_helps}: {e.what_helps}") for e in subtype.side_effects)
    loc = subtype.loc
    blocks = (
        t.Heading(labels.what_it_means, labels.loc), t.Paragraph(subtype.what_it_means, subtype.what_it_means.loc),
        t.Heading(labels.how_common, labels.loc), t.Paragraph(subtype.how_common, subtype.how_common.loc),
        t.Heading(labels.early, labels.loc), t.BulletList(subtype.early_treatment, subtype.early_treatment[0].loc),
        t.Heading(labels.metastatic, labels.loc),
        t.BulletList(subtype.metastatic_treatment, subtype.metastatic_treatment[0].loc),
        t.Heading(labels.side_effects, labels.loc), t.Definitions(effects, subtype.side_effects[0].loc, "side-effects"),
        t.Heading(labels.outlook, labels.loc), outlook_table(kit, subtype),
        t.Paragraph(subtype.outlook.text, subtype.outlook.text.loc),
        t.Heading(labels.questions, labels.loc), t.BulletList(subtype.questions, subtype.questions[0].loc,
                                                             marker="check"),
    )
    return t.Part("body", subtype.name, blocks, loc, "body")


def outlook_table(kit: m.Kit, subtype: m.Subtype) -> t.Table:
    """The subtype's value columns of the shared survival table, with the category column first."""
    source = kit.tables[subtype.outlook.table]
    category = source.chart.category_column if source.chart else 0
    index = {name: i for i, name in enumerate(source.columns)}
    rows = tuple((row[category], *(row[index[name]] for name in subtype.outlook.columns)) for row in source.rows)
    return t.Table(source.id, source.caption, (source.columns[category], *subtype.outlook.columns), rows,
                   subtype.outlook.loc, common.numbers(kit, source.sources), source.note)


def footer(kit: m.Kit, subtype: m.Subtype) -> t.Part:
    labels, meta = kit.meta.handout, kit.meta
    table = kit.tables[subtype.outlook.table]
    used = set(subtype.sources) | set(table.sources)
    sources = f"{labels.sources}: " + "  ".join(f"[{n}] {text}" for n, ident, text in common.source_entries(kit)
                                                if ident in used)
    reviewed, next_review = common.date_lines(kit)
    quotes = labels.quotes
    learn = f"{labels.learn_more} {quotes[0]}{meta.title}{quotes[-1]}."
    blocks = (t.Box("learn-more", None, (t.Paragraph(learn, labels.loc, "strong"),), labels.loc),
              t.Paragraph(f"{reviewed}.  {next_review}.", meta.loc, "small"),
              t.Paragraph(sources, subtype.sources[0].loc, "small"),
              t.Paragraph(meta.disclaimer, meta.loc, "small"), *common.web_link(kit))
    return t.Part("footer", subtype.name, blocks, subtype.loc, "footer")
