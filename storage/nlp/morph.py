"""The one adapter to pymorphy3: cached word analysis, lemmas and inflection.

Parsing a word costs ~20 µs and news text repeats words constantly, so every call is memoised.
"""
from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All analyses of a word, most likely first (pymorphy3 Parse objects)."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Normal form of a word, lower-cased, ё→е ("министров" → "министр"); non-Cyrillic words as they are."""
    w = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in w):
        return w
    return parses(w)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """True when the dictionary knows the word (not a guess from its ending)."""
    return analyzer().word_is_known(word.lower())


def inflect(word: str, grammemes: frozenset[str], tag_filter: str | None = None) -> str | None:
    """The word in the given grammemes (e.g. {"nomn"}), preferring analyses that contain tag_filter."""
    for parse in parses(word):
        if tag_filter and tag_filter not in parse.tag:
            continue
        form = parse.inflect(set(grammemes))
        if form is not None:
            return form.word
    return None
