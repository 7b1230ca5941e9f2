"""Leading adjectives and their head noun into the nominative, the adjectives agreeing with the head.

"Государственного секретаря Совета" → "Государственный секретарь Совета", not "Государственное …":
"государственного" alone is masculine or neuter, so each word inflected on its own guesses; the head
noun decides gender and number, and its case picks which reading of each adjective is meant.
"""
from __future__ import annotations

from collections.abc import Callable

from storage.lexicon.phrases import tokens
from storage.nlp import morph

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_MODIFIERS = ("ADJF", "PRTF")


def nominative_lead(phrase: str, *, is_head: Callable[[str], bool] | None = None, singular: bool = False) -> str:
    """The words up to the head noun (the first noun, or the first word whose lemma `is_head` accepts) in
    the nominative; everything after the head as written. `singular`: one person holds one title."""
    lead = []
    words = tokens(phrase)
    for i, (word, start, end) in enumerate(words):
        readings = _readings(word)
        if not readings:
            break
        lead.append((word, start, end, readings))
        if is_head(morph.lemma(word)) if is_head else _is_noun_here(readings, words[i + 1:i + 2]):
            break
    if not lead:
        return phrase
    head = _head_reading(lead[-1][3], [readings for *_, readings in lead[:-1]])
    number = "sing" if singular else (head.tag.number or "sing")
    out, shift = phrase, 0
    for i, (word, start, end, readings) in enumerate(lead):
        new = _inflect(readings, head if i < len(lead) - 1 else None, number)
        if new is None:
            break
        if word[:1].isupper():
            new = new[:1].upper() + new[1:]
        out = out[: start + shift] + new + out[end + shift:]
        shift += len(new) - (end - start)
    return out


def _readings(word: str) -> list:
    return [p for p in morph.parses(word.lower()) if p.tag.POS in ("NOUN", *_MODIFIERS) and p.tag.case in _CASES]


def _is_noun_here(readings: list, following: list) -> bool:
    """A noun first, unless it can be an adjective agreeing with the next noun ("главного управления":
    "главное" is also a noun, but here it qualifies "управления")."""
    if readings[0].tag.POS != "NOUN":
        return False
    modifiers = [p for p in readings if p.tag.POS in _MODIFIERS]
    if not modifiers or not following:
        return True
    nouns = [p for p in _readings(following[0][0]) if p.tag.POS == "NOUN"]
    return not any(_agree(m, n) for m in modifiers for n in nouns)


def _head_reading(readings: list, before: list[list]):
    """The head noun's reading that the words before it agree with ("Главного управления": genitive
    singular, not the nominative plural the word alone would first suggest)."""
    nouns = [p for p in readings if p.tag.POS == "NOUN"] or readings
    for noun in nouns:
        if all(any(_agree(m, noun) for m in mods if m.tag.POS in _MODIFIERS) or not
               any(m.tag.POS in _MODIFIERS for m in mods) for mods in before):
            return noun
    return nouns[0]


def _agree(modifier, noun) -> bool:
    tag, head = modifier.tag, noun.tag
    if tag.case != head.case or (tag.number and head.number and tag.number != head.number):
        return False
    return not (head.number == "sing" and tag.gender and head.gender and tag.gender != head.gender)


def _inflect(readings: list, head, number: str) -> str | None:
    """A word before the head as the modifier agreeing with it; the head (None) as itself."""
    modifier = head and next((p for p in readings if p.tag.POS in _MODIFIERS and p.tag.case == head.tag.case), None)
    if modifier is not None:
        wanted = {"nomn", number} | ({head.tag.gender} if number == "sing" and head.tag.gender else set())
        form = modifier.inflect(wanted) or modifier.inflect({"nomn", number})
    else:
        parse = readings[0]
        form = parse.inflect({"nomn", number}) or parse.inflect({"nomn"})
    return form.word if form is not None else None
