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
case("web-edition-not-a-url", {"kit.yaml": src("kit.yaml").replace(
    "url: https://www.example.org/mini-booklet/", "url: www.example.org/mini booklet")}, None)
case("review-before-reviewed", {"kit.yaml": src("kit.yaml").replace("next_review: 2027-11-01", "next_review: 2025-11-01")}, None)
# figures: an overlay adds one figure file and places it in the second section and its slide
second = "sections/02-second.yaml"
STEPS = """id: steps
kind: pathway
title: The order of things
alt: Two steps joined by an arrow. First a test, then a treatment for some people.
text: First you have a test. Then some people have a treatment.
sources: [alpha]
steps:
  - label: A test
  - label: A treatment
    detail: For some people.
    sometimes: true
legend: "Dashed outline: not everyone has this step."
"""
SHARE = """id: share
kind: icon-array
title: About 20 in 100 have type B
alt: 100 small people. 20 are filled in. The other 80 are outlines.
text: About 20 in 100 people have type B.
sources: [beta]
filled: 20
label: Type B
rest_label: Other types
"""
SCALE = """id: dial
kind: scale
title: Results from less to more
alt: A scale of results from 0 to 3+. 0 and 1+ are negative. 3+ is positive.
text: A result of 0 or 1+ is negative. A result of 3+ is positive.
sources: [alpha]
ends: [Less, More]
groups:
  - {id: negative, label: Negative}
  - {id: positive, label: Positive}
steps:
  - {label: "0", group: negative}
  - {label: "1+", group: negative}
  - {label: "3+", group: positive}
"""
def placed(*ids, body=None):
    """The second section with the figures in its body and on its slide."""
    text = src(second).replace("  - table: survival\n", "".join(f"  - figure: {i}\n" for i in (body or ids))
                               + "  - table: survival\n")
    return text.replace("  charts: [survival]\n", f"  charts: [survival]\n  figures: [{', '.join(ids)}]\n")
def figure_case(name, figure_file, figure_text, ids, expect=None, body=None):
    case(name, {f"figures/{figure_file}.yaml": figure_text, second: placed(*ids, body=body)}, expect)
figure_case("figure-unknown-id", "steps", STEPS, ["steps"], body=["stpes"])
figure_case("figure-missing-alt", "steps", STEPS.replace("alt: Two steps joined by an arrow. First a test, then a treatment for some people.\n", ""), ["steps"])
figure_case("figure-missing-text", "steps", STEPS.replace("text: First you have a test. Then some people have a treatment.\n", ""), ["steps"])
figure_case("figure-unknown-kind", "steps", STEPS.replace("kind: pathway", "kind: pathwya"), ["steps"])
figure_case("figure-unknown-key", "share", SHARE.replace("filled: 20", "filed: 20"), ["share"])
figure_case("figure-too-many-filled", "share", SHARE.replace("filled: 20", "filled: 120"), ["share"])
figure_case("figure-range-over-100", "share", SHARE.replace("filled: 20", "filled: 90\nextra: 15\nextra_label: Maybe"), ["share"])
figure_case("figure-extra-without-label", "share", SHARE.replace("filled: 20", "filled: 10\nextra: 5"), ["share"])
figure_case("figure-scale-unknown-group", "dial", SCALE.replace('{label: "3+", group: positive}', '{label: "3+", group: positve}'), ["dial"])
figure_case("figure-scale-group-apart", "dial", SCALE.replace('{label: "1+", group: negative}', '{label: "1+", group: positive}').replace('{label: "3+", group: positive}', '{label: "3+", group: negative}'), ["dial"])
figure_case("figure-one-step-pathway", "steps", STEPS.replace("  - label: A treatment\n    detail: For some people.\n    sometimes: true\n", ""), ["steps"])
case("figure-not-placed", {"figures/steps.yaml": STEPS}, None)
tall = STEPS.split("steps:")[0] + "steps:\n" + "".join(f"  - label: Step number {i} of a very long way\n    detail: A long detail that takes more than one line of text on every page.\n" for i in range(1, 19))
figure_case("figure-too-tall", "steps", tall, ["steps"])
figure_case("figure-use-not-text", "steps", STEPS.replace(
    "sources: [alpha]\n", "use: [Ask your care team which step comes next., Write it down.]\nsources: [alpha]\n"), ["steps"])
case("deck-table-without-clinician", {"tables/results.yaml": src("tables/results.yaml").replace(
    "clinician:\n  caption: Scores 0 and 3+ mean different groups\n  note: Test every cancer.\n", "")}, None)
case("deck-table-and-chart", {"sections/02-second.yaml": src("sections/02-second.yaml").replace(
    "  charts: [survival]\n", "  tables: [survival]\n  charts: [survival]\n")}, None)
case("question-one-option", {"deck.yaml": src("deck.yaml").replace('    options: ["Yes", "No"]\n', '    options: ["Yes"]\n')}, None)
case("question-answer-not-an-option", {"deck.yaml": src("deck.yaml").replace("    answer: B\n", "    answer: E\n")}, None)
# defects found only while rendering (the booklet renders in a forked process, the rest in this one)
case("handout-too-long", {"subtypes/type-a.yaml": src("subtypes/type-a.yaml").replace(
    "how_common: This is the most common type.", "how_common: " + " ".join(["This is the most common type."] * 150))}, None)
case("form-columns-mismatch", {"kit.yaml": src("kit.yaml").replace(
    "appointment_columns: [Date, Time, Who and where, Notes]", "appointment_columns: [Date, Time, Who, Where, Notes]")}, None)
# files the content or the styles name that are not what they claim (checked before any renderer)
import io
from PIL import Image as _Image
def png(width, height):
    buffer = io.BytesIO(); _Image.new("1", (width, height)).save(buffer, "PNG"); return buffer.getvalue()
with_image = src(first).replace("  - table: results", "  - table: results\n  - image: images/diagram.png\n    alt: A diagram")
case("image-not-a-picture", {first: with_image, "images/diagram.png": b"<html>this is not a picture</html>"}, None)
case("image-truncated", {first: with_image, "images/diagram.png": png(300, 200)[:60]}, None)
case("image-too-many-pixels", {first: with_image, "images/diagram.png": png(8000, 8000)}, None)
theme = (ROOT.parent / "styles" / "theme.yaml").read_text()
broken_font = theme.replace("  package: font_source_sans_pro", "  package: null").replace(
    "  folder: files", "  folder: fonts").replace("SourceSansPro-", "Broken-")
case("font-not-a-font", {"../styles/theme.yaml": broken_font, "../styles/fonts/Broken-Regular.ttf": b"not a font at all",
                         "../styles/fonts/Broken-Bold.ttf": b"not a font at all", "../styles/fonts/Broken-It.ttf": b"x",
                         "../styles/fonts/Broken-BoldIt.ttf": b"x"}, None)
case("font-damaged", {"../styles/theme.yaml": broken_font.replace("Broken-Regular.ttf", "Damaged-Regular.ttf"),
                      "../styles/fonts/Damaged-Regular.ttf": b"\x00\x01\x00\x00" + b"\x00" * 200,
                      "../styles/fonts/Broken-Bold.ttf": b"\x00\x01\x00\x00" + b"\x00" * 200,
                      "../styles/fonts/Broken-It.ttf": b"\x00\x01\x00\x00", "../styles/fonts/Broken-BoldIt.ttf": b"\x00\x01\x00\x00"}, None)
import zipfile as _zipfile
house = (ROOT.parent / "styles" / "deck" / "house.pptx").read_bytes()
ours = theme.replace("template: deck/house.pptx", "template: deck/ours.pptx")
def zipped(**files):
    buffer = io.BytesIO()
    with _zipfile.ZipFile(buffer, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buffer.getvalue()
case("template-not-a-pptx", {"../styles/theme.yaml": ours, "../styles/deck/ours.pptx": b"<html>our slides</html>"}, None)
case("template-truncated", {"../styles/theme.yaml": ours, "../styles/deck/ours.pptx": house[: len(house) // 2]}, None)
case("template-zip-without-slides", {"../styles/theme.yaml": ours,
                                     "../styles/deck/ours.pptx": zipped(**{"notes.txt": "not a presentation"})}, None)
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
figure_case("ok-figure-markup-is-text", "steps", STEPS.replace("  - label: A test", "  - label: '<b>5 < 6 & 7 > 2</b> <normal range>'").replace(
    "sources: [alpha]\n", "use: '<b>Tick</b> the step you are on & <script>alert(1)</script> #read(\"/etc/passwd\")'\nsources: [alpha]\n"),
    ["steps"], "OK")
# wording rules, tried with `booklet check --strict` (args file); expect holds the first stderr line
CHECK = "check --strict"
second, handout, deck, survival = "sections/02-second.yaml", "subtypes/type-a.yaml", "deck.yaml", "tables/survival.yaml"
def text7(new): return {first: src(first).replace("HER2 is a protein. Some cancer cells have a lot of it.", new)}
case("claim-without-qualifier", text7("HER2 is a protein. Pembrolizumab is given for type B cancer."), None, CHECK)
case("standard-choice-near-drug", text7("HER2 is a protein. Tamoxifen is the standard choice."), None, CHECK)
case("survival-without-frame", {survival: src(survival).replace(
    "note: These numbers are broad statistics. They are averages and cannot predict what will happen to any one person.",
    "note: These are averages.")}, None, CHECK)
case("survival-invented-definition", text7("HER2 is a protein. Survival is the share of people who live."), None, CHECK)
case("fever-threshold", {first: src(first).replace("You have a fever. Your", "You have a fever of 38.5 °C. Your")}, None, CHECK)
# a when-to-call panel adds the institution's fever words (which defer to the care team), so the
# fever without its deferral is named outside the panel
case("fever-without-deferral", text7("HER2 is a protein. Call if you have a fever."), None, CHECK)
case("clinician-second-person", {deck: src(deck).replace("What should she be told?", "What would you tell her?")}, None, CHECK)
case("clinician-booklet-words", {first: src(first).replace("  notes: Explain the scoring", "  notes: As this booklet says, explain the scoring")}, None, CHECK)
case("clinician-bullet-too-long", {first: src(first).replace("HER2 is a receptor tyrosine kinase.",
    "HER2 is a receptor tyrosine kinase that sits on the surface of many normal cells.")}, None, CHECK)
case("slide-too-many-bullets", {first: src(first).replace("IHC scores run 0 to 3+.]", "IHC scores run 0 to 3+., Two., Three., Four., Five., Six., Seven.]")}, None, CHECK)
case("handout-unexplained-term", {handout: src(handout).replace(", a protein that helps cells grow.", ".")}, None, CHECK)
case("handout-says-this-booklet", {handout: src(handout).replace("This is the most common type.", "This is the most common type. This booklet tells you more.")}, None, CHECK)
case("handout-missing-content", {handout: src(handout).replace("effect: Hot flashes", "effect: Feeling warm")}, None, CHECK)
case("preferred-term-variant", text7("HER2 is a protein. Some people have chemo."), None, CHECK)
case("percent-in-prose", text7("HER2 is a protein. About 70% of cancers have a normal amount."), None, CHECK)
case("spelling-slip", text7("HER2 is a protein. The test is centred on it."), None, CHECK)
case("first-use-unexplained", {first: src(first).replace("A biopsy removes a small sample.", "Ask about a biopsy.")}, None, CHECK)
case("table-placed-twice", {first: src(first).replace("  - table: results\n", "  - table: results\n  - table: results\n")}, None, CHECK)
case("deck-table-shown-twice", {second: src(second).replace("  charts: [survival]\n", "  tables: [results]\n  charts: [survival]\n")}, None, CHECK)
case("question-answered-twice", {first: src(first).replace("  - heading: Your tests", "  - heading: What happens next?"),
                                 second: src(second).replace("  - callout: tip", "  - heading: What happens next?\n  - callout: tip")}, None, CHECK)
case("staging-example", text7("HER2 is a protein. A 2 cm tumor is stage IIA."), None, CHECK)
case("radical-mastectomy-reason", text7("HER2 is a protein. Radical mastectomy is reserved for cancer that has spread."), None, CHECK)
case("rule-file-bad-pattern", {"wording.yaml": src("wording.yaml").replace("drugs: [pembrolizumab, tamoxifen]", "drugs: [pembrolizumab, 're:tamox(']")}, None, CHECK)
case("rule-file-unknown-key", {"terms.yaml": src("terms.yaml").replace("    variants: [your team, provider]", "    varients: [your team, provider]")}, None, CHECK)
case("rule-file-unknown-subtype", {"wording.yaml": src("wording.yaml").replace("    type-a: [hot flashes", "    type-b: [hot flashes")}, None, CHECK)
case("figure-in-deck-second-person", {"figures/steps.yaml": STEPS, second: placed("steps")}, None, CHECK)
# the mini fixture as an institution ships it: its own urgent-contact words set, so not even a setup warning
shipped_kit = src("kit.yaml").replace('name: {default: ""}', "name: Lakeside Clinic").replace(
    'urgent_number: {default: ""}', 'urgent_number: "555-0100. Someone answers day and night."').replace(
    "fever: {default: Your care team will tell you what temperature counts as a fever.}",
    "fever: A temperature of 100.4 °F or higher counts as a fever.").replace(
    "emergency: {default: Ask your care team when to go to the emergency department.}",
    "emergency: Go to the emergency department if you cannot breathe well.")
case("ok-check-strict", {"kit.yaml": shipped_kit}, "OK", CHECK)
# a figure's use line speaks to the patient: the deck never prints it, so its "you" is no clinician-voice error
case("ok-figure-use-line-speaks-to-the-patient", {"kit.yaml": shipped_kit, "figures/steps.yaml": STEPS.replace(
    "text: First you have a test.", "text: First a test.").replace(
    "sources: [alpha]\n", "use: Ask your care team which step comes next for you.\nsources: [alpha]\n"),
    second: placed("steps")}, "OK", CHECK)
for old in [*OUT.glob("*/content"), *OUT.glob("*/styles")]:
    shutil.rmtree(old)
for name, (files, expect, args) in cases.items():
    d = OUT / name
    for rel, data in files.items():
        p = d / "content" / rel if not rel.startswith("../") else d / rel[3:]
        p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(data, bytes) else p.write_text)(data)
    d.mkdir(parents=True, exist_ok=True)
    if expect == "OK":
        (d / "expect").write_text("OK\n")
    if args:
        (d / "args").write_text(args + "\n")
print(len(cases), "cases")
