"""Tense of a sentence's predicates, from morphology rather than a list of verbs.

Russian: pymorphy3 tags every verb form, known or guessed from its ending: past ("состоялось",
"провёл"), present ("проходит"), perfective future ("пройдёт"), "будет"/"будут" with an infinitive or
a participle, and past or present participles ("прошедшей", "проведено", "проходящей").
English: a small tense model: "will"/"shall", "is/are … -ing", "-ed" forms and irregular pasts.
Plan words ("планируется", "запланирован", "scheduled") make a sentence future whatever their form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storage.nlp import morph


@dataclass(frozen=True, slots=True)
class Tense:
    past: bool = False  # a finite past verb or a short participle ("провёл", "проведено")
    present: bool = False
    future: bool = False
    attributive: bool = False  # only a full participle ("прошедшей 4 мая сессии"): dates, does not tell direction

    @property
    def any(self) -> bool:
        return self.past or self.present or self.future or self.attributive


_CYR_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_LAT_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# a plan or an expectation is about the future even when its verb form is past ("был запланирован")
_PLAN_STEMS = ("планир", "заплан", "намеч", "намеча", "предстоя", "предполаг", "ожидает", "ожидает")
_EN_PLAN = re.compile(r"\b(?:scheduled|planned|expected|due|upcoming|forthcoming|set)\s+(?:to|for)\b|\bplans?\s+to\b"
                      r"|\bis\s+to\s+be\b|\bare\s+to\s+be\b|\bgoing\s+to\b", re.I)
_EN_FUTURE = re.compile(r"\b(?:will|shall|'ll)\s+(?:\w+\s+)?\w+", re.I)
_EN_PRESENT = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?(?:\w+ing)\b|\b(?:takes|holds|hosts|opens|begins|starts|"
                         r"meets|gathers|continues|discusses)\b", re.I)
_EN_IRREGULAR_PAST = frozenset("""
held met took began gave made said told went came sent spoke chose led brought became kept left ran saw
set put read wrote drew stood sat won got found thought understood knew grew flew fought hosted was were
""".split())
_EN_NOT_PAST = frozenset("""
need needed red bed shed seed feed bred speed indeed united limited related based armed federated
detailed advanced concerned interested named called so-called scheduled planned expected
""".split())


@lru_cache(maxsize=50_000)
def _word_tense(word: str) -> str | None:
    parses = morph.parses(word.lower())
    if not parses:
        return None
    best = parses[0]
    tag = best.tag
    if tag.POS == "VERB":
        return {"past": "past", "pres": "present", "futr": "future"}.get(tag.tense)
    if tag.POS == "PRTS":
        return "past" if tag.tense == "past" else None
    if tag.POS == "PRTF":
        return "attributive"
    if tag.POS == "ADJF" and best.normal_form.endswith(("вший", "шедший", "вшийся")):
        return "attributive"  # a participle the dictionary lists as an adjective ("прошедшей сессии")
    return None


@lru_cache(maxsize=50_000)
def _verb_reading(word: str) -> str | None:
    for parse in morph.parses(word.lower())[1:4]:
        if parse.tag.POS == "VERB" and parse.score >= 0.05:
            return {"past": "past", "pres": "present", "futr": "future"}.get(parse.tag.tense)
    return None


def _russian(sentence: str) -> Tense:
    past = present = future = attributive = False
    words = _CYR_WORD.findall(sentence)
    for i, word in enumerate(words):
        low = word.lower()
        if low.startswith(_PLAN_STEMS):
            future = True
            continue
        if low in ("будет", "будут", "буду", "будем"):
            future = True
            continue
        kind = _word_tense(word)
        if kind == "past":
            past = True
        elif kind == "present":
            # "будет проходить" is future; a bare present verb reports what is happening now
            if i > 0 and words[i - 1].lower() in ("будет", "будут"):
                future = True
            else:
                present = True
        elif kind == "future":
            future = True
        elif kind == "attributive":
            attributive = True
    if not (past or present or future):
        # no predicate on the likeliest readings: a verb reading that is less likely ("Работу начала
        # группа": "начала" is a noun first) is still the predicate of a sentence that has no other
        for word in words:
            kind = _verb_reading(word)
            past, present, future = past or kind == "past", present or kind == "present", future or kind == "future"
    return Tense(past, present, future, attributive)


def _english(sentence: str) -> Tense:
    future = bool(_EN_FUTURE.search(sentence) or _EN_PLAN.search(sentence))
    present = bool(_EN_PRESENT.search(sentence))
    past = False
    for word in _LAT_WORD.findall(sentence):
        low = word.lower()
        if low in _EN_IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed") and low not in _EN_NOT_PAST
                                          and not word[0].isupper()):
            past = True
            break
    if future and past and re.search(r"\b(?:will|shall)\s+be\s+\w+ed\b|\bto\s+be\s+\w+ed\b", sentence, re.I):
        past = False  # "will be held", "to be signed": a passive future, not a past
    return Tense(past, present, future)


@lru_cache(maxsize=20_000)
def sentence_tense(sentence: str) -> Tense:
    """Which tenses the sentence's predicates are in (a sentence may have several)."""
    cyr = len(re.findall(r"[А-Яа-яЁё]", sentence))
    lat = len(re.findall(r"[A-Za-z]", sentence))
    if cyr >= lat:
        return _russian(sentence)
    return _english(sentence)
