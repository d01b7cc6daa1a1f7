"""Read ``content/terms.yaml`` and ``content/wording.yaml``: the data `booklet check` applies to the words.

Both files are optional (a content tree without them simply has those rules off) and are read with
the same located errors as the rest of ``content/``; a phrase that is not a valid regular expression
is a located error too. The format is documented in docs/content-format.md.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from booklet.errors import Problems
from booklet.load.content import _Tree, nested
from booklet.load.fields import ID, INT, TEXT, TEXT_LIST, Field, Reader, list_of, one_of
from booklet.model import wording as w

OPTIONAL = dict(required=False)
_WORD = re.compile(r"\w")
_CAPITALS = re.compile(r"[A-Z].*[A-Z]")


def phrase_regex(text: str) -> re.Pattern:
    """The regular expression a phrase stands for (see ``booklet.model.wording``)."""
    if text.startswith("re:"):
        return re.compile(text[3:])
    body = r"\s+".join(re.escape(word) for word in text.split())
    last = text.split()[-1]
    if last.isalpha() and len(last) >= 3:
        body += "(?:s|es)?"
    if _WORD.match(text[0]):
        body = r"(?<![\w-])" + body
    if _WORD.match(text[-1]):
        body += r"(?!\w)"
    return re.compile(body, 0 if _CAPITALS.search(text) else re.IGNORECASE)


def PHRASE(r: Reader, node):  # noqa: N802 - reads like a type in field tables
    text = r.text(node)
    if text is None:
        return None
    try:
        return w.Phrase(text, phrase_regex(text))
    except re.error as error:
        r.error(node, f"'{text}' is not a valid regular expression: {error}")
        return None


PHRASES = list_of(PHRASE, "a list of phrases")


def BOOL(r: Reader, node):  # noqa: N802
    if isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("true", "false"):
        return node.value == "true"
    r.error(node, f"expected true or false, found '{getattr(node, 'value', node)}'")
    return None


def GROUPS(r: Reader, node):  # noqa: N802
    """A list of phrase lists: every group must be said."""
    return list_of(PHRASES, "a list of phrase lists")(r, node)


def REQUIRED(r: Reader, node):  # noqa: N802
    """subtype id -> phrases its handout must say."""
    entries = r.mapping(node, "required")
    if entries is None:
        return None
    found = []
    for key, (key_node, value_node) in entries.items():
        subtype = ID(r, key_node)
        phrases = PHRASES(r, value_node)
        if subtype is not None:
            found.append(w.Required(subtype, phrases, r.loc(key_node)))
    return tuple(found)


TERM = nested(w.PreferredTerm, {"preferred": Field(TEXT), "variants": Field(PHRASES),
                                "allow": Field(PHRASES, False, ()), "in_tables": Field(BOOL, False, True)},
              "a preferred term")
def SPELLING(r: Reader, node):  # noqa: N802 - "not:" in the file is ``others`` in the model
    values = r.fields(node, {"us": Field(TEXT), "not": Field(PHRASES)}, "a spelling")
    if values is None or values["us"] is None or values["not"] is None:
        return None
    return w.Spelling(values["us"], values["not"], values["loc"])
TERMS = {"terms": Field(list_of(TERM, "a list of preferred terms")), "introductions": Field(PHRASES),
         "spelling": Field(list_of(SPELLING, "a list of spellings"), False, ())}

CLAIM = nested(w.Claim, {"name": Field(TEXT), "claim": Field(PHRASES), "qualifiers": Field(PHRASES),
                         "when": Field(PHRASES, False, ()), "why": Field(TEXT, **OPTIONAL)}, "a claim")
MISLEADING = nested(w.Misleading, {
    "name": Field(TEXT), "pattern": Field(PHRASES), "voice": Field(one_of("patient", "clinician", "any")),
    "message": Field(TEXT), "near": Field(PHRASES, False, ()), "unless": Field(PHRASES, False, ())},
    "a misleading claim")
WORDING = {
    "claims": Field(list_of(CLAIM, "a list of claims")),
    "standard": Field(nested(w.Standard, {"phrases": Field(PHRASES), "drugs": Field(PHRASES),
                                          "window": Field(INT)}, "standard")),
    "survival": Field(nested(w.Survival, {"figures": Field(PHRASES), "framing": Field(GROUPS),
                                          "spread": Field(PHRASES), "forbidden": Field(PHRASES)}, "survival")),
    "fever": Field(nested(w.Fever, {"word": Field(PHRASES), "thresholds": Field(PHRASES), "defer": Field(PHRASES),
                                    "institution_fields": Field(TEXT_LIST, False, ())}, "fever")),
    "voice": Field(nested(w.Voice, {"second_person": Field(PHRASES), "booklet": Field(PHRASES),
                                    "max_bullet_words": Field(INT), "max_bullets": Field(INT)}, "voice")),
    "explanations": Field(nested(w.Explanations, {"within": Field(INT), "after": Field(PHRASES),
                                                  "before": Field(PHRASES), "references": Field(PHRASES),
                                                  "everyday": Field(TEXT_LIST, False, ())},
                                 "explanations")),
    "handouts": Field(nested(w.Handouts, {"forbidden": Field(PHRASES), "required": Field(REQUIRED)}, "handouts")),
    "misleading": Field(list_of(MISLEADING, "a list of misleading claims")),
}


def load_rules(root: Path) -> tuple[w.Rules, Problems]:
    """Both rule files of a content folder; a file that is absent, or has errors, is None."""
    problems = Problems()
    tree = _Tree(root.resolve(), problems)
    terms = _read(tree, "terms.yaml", TERMS, w.Terms)
    wording = _read(tree, "wording.yaml", WORDING, w.Wording)
    return w.Rules(terms, wording), problems


def _read(tree: _Tree, filename: str, spec: dict, cls):
    path = tree.root / filename
    if not path.is_file():
        return None
    before = len(tree.problems.errors)
    _, values = tree.read(path, spec, filename)
    if values is None or len(tree.problems.errors) > before or any(values[k] is None for k in spec if spec[k].required):
        return None
    return cls(**values)
