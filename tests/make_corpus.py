"""Regenerate tests/corpus/<case>/content: overlays on the mini fixture, one defect each.

Run after changing the mini fixture (`python tests/make_corpus.py`); each case's `expect` file (its exact
first error line, or OK) is written by hand and kept."""
import shutil
from pathlib import Path
ROOT = Path(__file__).resolve().parent
MINI = ROOT / "fixtures" / "mini"
OUT = ROOT / "corpus"
def src(rel): return (MINI / rel).read_text()
cases = {}
def case(name, files, expect, args=None):
    cases[name] = (files, expect, args)
first = "sections/01-first.yaml"
case("yaml-syntax", {first: src(first).replace("title: What this means", "title: [What this means")}, None)
case("unknown-key", {first: src(first).replace("key_points:", "key_point:")}, None)
case("missing-required-field", {first: src(first).replace("title: What this means\n", "")}, None)
case("boolean-where-text", {first: src(first).replace("title: What this means", "title: no")}, None)
case("number-where-text", {"kit.yaml": src("kit.yaml").replace("edition: Test edition", "edition: 1.10")}, None)
case("list-where-text", {first: src(first).replace("title: What this means", "title: [a, b]")}, None)
case("duplicate-key", {first: src(first).replace("title: What this means\n", "title: What this means\ntitle: Again\n")}, None)
case("duplicate-id", {"sections/02-second.yaml": src("sections/02-second.yaml").replace("id: second", "id: first")}, None)
case("unknown-table", {first: src(first).replace("  - table: results", "  - table: reslts")}, None)
case("unknown-source", {first: src(first).replace("sources: [alpha]", "sources: [alfa]")}, None)
case("unknown-glossary-term", {first: src(first).replace("terms: [HER2, Biopsy]", "terms: [HER2, Biopsie]")}, None)
case("ragged-row", {"tables/results.yaml": src("tables/results.yaml").replace('["3+", HER2-positive]', '["3+", HER2-positive, extra]')}, None)
case("chart-value-not-number", {"tables/survival.yaml": src("tables/survival.yaml").replace('"67%"', '"about two thirds"')}, None)
case("empty-file", {"tables/results.yaml": ""}, None)
case("not-utf8", {"sources.yaml": src("sources.yaml").replace("Beta News", "B\udcffta News").encode("utf-8", "surrogateescape")}, None)
case("python-tag", {first: src(first).replace("title: What this means", "title: !!python/object/apply:os.system [echo pwned]")}, None)
case("alias-bomb", {"glossary.yaml": src("glossary.yaml") + 'x: &a ["lol", "lol"]\ny: &b [*a, *a, *a]\nz: [*b, *b, *b]\n'}, None)
case("control-char-escape", {first: src(first).replace("HER2 is a protein. Some", '"HER2 is a protein.\\x07 Some').replace("have a lot of it.\n", 'have a lot of it."\n', 1)}, None)
case("control-char-raw", {first: src(first).replace("HER2 is a protein. Some", "HER2 is a protein.\x1b Some")}, None)
case("deep-nesting", {first: src(first) + "extra: " + "[" * 40 + "]" * 40 + "\n"}, None)
case("unknown-callout-kind", {first: src(first).replace("callout: call-care-team", "callout: warning")}, None)
case("missing-image", {first: src(first).replace("  - table: results", "  - table: results\n  - image: images/diagram.png\n    alt: A diagram")}, None)
case("image-outside-content", {first: src(first).replace("  - table: results", "  - table: results\n  - image: ../../../etc/hostname.png\n    alt: A diagram")}, None)
case("missing-glyph", {first: src(first).replace("HER2 is a protein. Some", "HER2 is a protein (\u86cb\u767d\u8d28). Some")}, None)
case("section-missing-from-deck", {"deck.yaml": src("deck.yaml").replace("    sections: [second]", "    sections: [first]")}, None)
case("review-before-reviewed", {"kit.yaml": src("kit.yaml").replace("next_review: 2027-11-01", "next_review: 2025-11-01")}, None)
# defects found only while rendering (the booklet renders in a forked process, the rest in this one)
case("handout-too-long", {"subtypes/type-a.yaml": src("subtypes/type-a.yaml").replace(
    "how_common: This is the most common type.", "how_common: " + " ".join(["This is the most common type."] * 150))}, None)
case("form-columns-mismatch", {"kit.yaml": src("kit.yaml").replace(
    "appointment_columns: [Date, Time, Who and where, Notes]", "appointment_columns: [Date, Time, Who, Where, Notes]")}, None)
# the reader's tools: institution fields, handout key points, the when-to-call panel, tools, the tracker
case("institution-field-typo", {"kit.yaml": src("kit.yaml").replace('urgent_number: {default: ""}',
                                                                     'urgent_number: {defualt: ""}')}, None)
case("handout-too-many-key-points", {"subtypes/type-a.yaml": src("subtypes/type-a.yaml").replace(
    "key_points: [The cells use hormones to grow., Surgery and hormone therapy are the usual treatment.]",
    "key_points: [One., Two., Three., Four.]")}, None)
case("call-panel-without-what-to-do", {first: src(first).replace("    text: Call the number in step 3.\n", "")}, None)
case("unknown-tool", {first: src(first).replace("  - tool: my-results", "  - tool: my-result")}, None)
case("tracker-columns-mismatch", {"kit.yaml": src("kit.yaml").replace(
    "tracker_columns: [Date, What I noticed, How much, What I did, Told my team]",
    "tracker_columns: [Date, What I noticed, How much, What I did]")}, None)
# inputs that must BUILD correctly
long_word = "Pneumono" + "x" * 292
case("ok-long-word", {first: src(first).replace("HER2 is a protein. Some", f"HER2 is a protein. {long_word} Some")}, "OK")
rows = "".join(f'  - [Row {i}, "value {i}"]\n' for i in range(1, 201))
case("ok-200-row-table", {"tables/results.yaml": src("tables/results.yaml").split("rows:")[0] + "rows:\n" + rows + "sources: [beta]\n"}, "OK")
case("ok-markup-is-text", {first: src(first).replace("HER2 is a protein. Some cancer cells have a lot of it.",
    "'<b>5 < 6 & 7 > 2</b> <font color=\"red\">x</font> &amp; <normal range>'")}, "OK")
for old in OUT.glob("*/content"):
    shutil.rmtree(old)
for name, (files, expect, args) in cases.items():
    d = OUT / name
    for rel, data in files.items():
        p = d / "content" / rel; p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(data, bytes) else p.write_text)(data)
    if expect == "OK":
        (d / "expect").write_text("OK\n")
print(len(cases), "cases")
