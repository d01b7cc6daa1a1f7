"""The coverage matrix: where each content item was found in each output, and what was missing."""
from __future__ import annotations

from dataclasses import dataclass, field

from booklet.errors import Loc, Problems


@dataclass
class Coverage:
    """Where each content item was found, per output; and every problem met on the way.

    ``rows[item][output]`` lists where the item was found, one entry per document of that output
    that holds it (an output such as the handouts draws several documents); "MISSING" where a
    document should hold it and does not."""

    rows: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    artefacts: dict[str, dict] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    def found(self, item: str, output: str, where: str) -> None:
        self.rows.setdefault(item, {}).setdefault(output, []).append(where)

    def missing(self, loc: Loc, item: str, output: str, artefact: str, detail: str, title: str = "") -> None:
        self.rows.setdefault(item, {}).setdefault(output, []).append("MISSING")
        self.problems.error(loc, f"{describe(item, title)} is missing from {artefact}: {detail}")

    def cell(self, item: str, output: str) -> str:
        places = self.rows.get(item, {}).get(output)
        if not places:
            return "-"
        if len(places) > 1:      # shown in several documents of this output: say in how many
            return f"{sum(p != 'MISSING' for p in places)}/{len(places)} docs"
        return places[0]

    def table(self) -> dict[str, dict[str, str]]:
        outputs = self.outputs()
        return {item.replace(":", " "): {o: self.cell(item, o) for o in outputs if self.cell(item, o) != "-"}
                for item in self.rows}

    def outputs(self) -> list[str]:
        return list(dict.fromkeys(o for row in self.rows.values() for o in row))

    def report(self) -> str:
        outputs = self.outputs()
        if not self.rows:
            return "no items found"
        width = max(len(i) for i in self.rows) + 2
        columns = {o: max([len(o)] + [len(self.cell(i, o)) for i in self.rows]) + 2 for o in outputs}
        lines = ["".ljust(width) + "".join(o.ljust(columns[o]) for o in outputs)]
        for item in self.rows:
            lines.append(item.replace(":", " ").ljust(width) + "".join(self.cell(item, o).ljust(columns[o])
                                                                      for o in outputs))
        for name, facts in self.artefacts.items():
            count = ", ".join(f"{n} {k if n != 1 else k.rstrip('s')}" for k, n in facts.items()
                              if k not in ("bytes", "sha256"))
            lines.append(f"{name}: {count}, {facts['bytes']:,} bytes, sha256 {facts['sha256'][:16]}")
        return "\n".join(lines)


def describe(item: str, title: str = "") -> str:
    """'section 'outlook' (Your outlook)', 'table 'survival-by-stage'', 'the glossary's terms'."""
    kind, ident = item.split(":", 1)
    if kind == "terms":
        return "the glossary's terms"
    named = f"{'chart of table' if kind == 'chart' else kind} '{ident}'"
    return f"{named} ({title})" if title and kind == "section" else named
