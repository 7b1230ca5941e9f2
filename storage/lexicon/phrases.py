"""Find multi-word names (bodies, places, kinds) in running text whatever their case.

Russian inflects every word of "Совет министров иностранных дел", so a pattern token matches a
text token when they share a lemma or when the text token is one of the pattern word's dictionary
forms (pymorphy3 lexeme). English tokens are compared lower-cased with a naive plural strip.
The index is keyed on the first token, so matching costs one dict lookup per text token.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from storage.nlp import morph

T = TypeVar("T")

TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-'’][A-Za-zА-Яа-яЁё0-9]+)*")
_CYR = re.compile(r"[а-яё]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _english_stem(word: str) -> str:
    # enough for "ministers"/"consultations"/"defense" variants; not a real stemmer on purpose
    word = word.replace("defense", "defence")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def token_keys(word: str) -> frozenset[str]:
    """What a text token can be matched by: its lower-case form and its lemma (or English stem)."""
    w = word.lower().replace("ё", "е").replace("’", "'")
    if not _CYR.search(w):
        return frozenset({w, _english_stem(w)})
    if word.isupper() and len(word) <= 6:  # abbreviations: ОДКБ, СМИД, РФ
        return frozenset({w})
    return frozenset({w, morph.lemma(w)})


@lru_cache(maxsize=50_000)
def pattern_keys(word: str) -> frozenset[str]:
    """Keys accepted for a pattern token: text keys plus every dictionary form of the word."""
    keys = set(token_keys(word))
    w = word.lower().replace("ё", "е")
    if _CYR.search(w) and not (word.isupper() and len(word) <= 6):
        lemma = morph.lemma(w)
        for parse in morph.parses(w):
            if parse.normal_form.replace("ё", "е") != lemma:
                continue
            keys.update(form.word.replace("ё", "е") for form in parse.lexeme)
            break
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    payload: T
    start: int  # character offsets in the text searched
    end: int
    first_token: str  # the text's first matched word, as written (its case tells "в Секретариате" from "Секретариат")


class PhraseMatcher(Generic[T]):
    """Longest-match-first search of many phrases at once."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._index: dict[str, list[tuple[tuple[frozenset[str], ...], T]]] = {}
        for phrase, payload in phrases:
            toks = [t for t, _, _ in tokens(phrase)]
            if not toks:
                continue
            keys = tuple(pattern_keys(t) for t in toks)
            for key in keys[0]:
                self._index.setdefault(key, []).append((keys, payload))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def find(self, text: str) -> list[Match[T]]:
        toks = tokens(text)
        keys = [token_keys(t) for t, _, _ in toks]
        found: list[Match[T]] = []
        i = 0
        while i < len(toks):
            best: tuple[int, T] | None = None
            for k in keys[i]:
                for pattern, payload in self._index.get(k, ()):
                    n = len(pattern)
                    if best is not None and n <= best[0]:
                        continue
                    if i + n <= len(toks) and all(pattern[j] & keys[i + j] for j in range(n)):
                        best = (n, payload)
            if best is None:
                i += 1
                continue
            n, payload = best
            found.append(Match(payload, toks[i][1], toks[i + n - 1][2], toks[i][0]))
            i += n
        return found


def first(matches: Sequence[Match[T]]) -> T | None:
    return matches[0].payload if matches else None
