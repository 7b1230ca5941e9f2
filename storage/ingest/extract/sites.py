"""Where a field event happened: a region, a training ground, a state, rather than the city of the dateline.

An exercise or an operation is reported from a capital but held elsewhere: «МИНСК, 4 мая. Учения идут в
Витебской области» is in the Vitebsk region; "at the Edelweiss training ground in the Issyk-Kul region" names
both the ground and the region. Regions are adjective + "область/край/район/округ" (any case, put into the
nominative), or "the X Region"; grounds are "полигон «X»", "на полигоне X", "X training ground/range";
a state is a place when the text says the event is in it ("в Таджикистане", "на территории Казахстана",
"in Tajikistan"); "на территории государств – членов ОДКБ" is all of them.
"""
from __future__ import annotations

import re

from storage.ingest.extract.fields import nominative_phrase
from storage.ingest.extract.states import short_name
from storage.lexicon.places import find_places

_REGION = re.compile(
    r"(?<![^\W\d_])(?:в|во|на\s+территории|на)\s+"
    r"(?P<ru>(?:[А-ЯЁ][а-яё]+-)?[А-ЯЁ][а-яё]+(?:ой|ом|ого|ей)\s+(?:област(?:и|ь)|кра[еяю]|район[еау]?|округ[еау]?))"
    r"|\b(?:in|at)\s+(?:the\s+)?(?P<en>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s+[Rr]egion)\b")
_GROUND = re.compile(
    r"(?<![^\W\d_])(?:полигон\w*|учебн\w+\s+центр\w*|аэродром\w*)\s+[*_]*[«\"„]?(?P<ru>[А-ЯЁ][\w-]+(?:[\s-][А-ЯЁ][\w-]+)?)[»\"“]?"
    r"|\b(?:the\s+)?(?P<en>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:training\s+(?:ground|range|area)|range)s?\b")
_STATE_AS_PLACE = re.compile(r"(?:(?:^|\s)(?:в|во|на\s+территории)\s+|\b(?:in|on\s+the\s+territory\s+of)\s+(?:the\s+)?)$", re.I)
_ALL_MEMBERS = re.compile(r"на\s+территори\w+\s+(?:всех\s+)?государств\s*[–—-]\s*членов\s+(?:ОДКБ|Организации)"
                          r"|on\s+the\s+territor\w+\s+of\s+(?:all\s+)?(?:the\s+)?CSTO\s+member\s+states", re.I)
ALL_MEMBERS = "государства – члены ОДКБ"


def _restore_hyphen_case(original: str, phrase: str) -> str:
    """"Иссык-Кульской" → "Иссык-кульская" by the dictionary; the page's capitals come back ("Иссык-Кульская")."""
    first_orig, first_new = original.split()[0], phrase.split(" ", 1)
    if "-" in first_orig and "-" in first_new[0]:
        parts = [n.capitalize() if o[:1].isupper() else n for o, n in zip(first_orig.split("-"), first_new[0].split("-"))]
        return " ".join(["-".join(parts)] + first_new[1:])
    return phrase


def find_region(sentence: str) -> str | None:
    m = _REGION.search(sentence)
    if m is None:
        return None
    if m["en"]:
        return m["en"][0].upper() + m["en"][1:].replace(" region", " Region")
    return _restore_hyphen_case(m["ru"], nominative_phrase(m["ru"]))


def find_ground(sentence: str) -> str | None:
    m = _GROUND.search(sentence)
    if m is None:
        return None
    if m["en"]:
        if find_places(m["en"]):
            return None  # "the Russian range" names a state, not a ground
        return f"{m['en']} training ground"
    return f"полигон «{m['ru']}»"


def find_state_place(sentence: str) -> str | None:
    if _ALL_MEMBERS.search(sentence):
        return ALL_MEMBERS
    for place, start, end in find_places(sentence):
        if place.is_state and _STATE_AS_PLACE.search(sentence[max(0, start - 30):start]):
            return short_name(place, sentence[start:end])
    return None
