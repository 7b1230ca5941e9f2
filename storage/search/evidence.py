"""The source sentence that answers what the record's fields do not.

Fields hold the chair, the place, the decisions; a question may ask for a number of troops, a reason,
who welcomed the delegations or what a stage rehearsed. Those live only in the sources' sentences, so
an answer also quotes the sentence that best covers the question's words beyond the ones naming the
event — when one covers enough of them to be worth quoting, never a sentence picked at random.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storage.lexicon.numerals import has_quantity
from storage.lexicon.translit import name_key
from storage.search import normalize as nz
from storage.search.index import Slot
from storage.search.records import EventRecord, SourceRecord

# a quoted sentence must carry at least this share of the weight of the words it is asked for
_MIN_SHARE = 0.5
_MAX_QUOTE = 320  # characters; a longer sentence is cut around the words that matched
_SENTENCE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][»\"”]))\s+(?=[«\"“(]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True, slots=True)
class Quote:
    sentence: str
    source: SourceRecord


# "г. Москве", "А. Лукашенко", "ген. Иванов": a period after a short abbreviation or an initial ends no sentence
_ABBREVIATED = re.compile(
    r"(?:^|[\s(«\"])(?:[A-ZА-ЯЁ]|г|гг|ул|им|обл|пос|ст|тыс|млн|млрд|руб|ген|полк|проф|акад|т\.\s?е|т\.\s?д|т\.\s?п"
    r"|Mr|Mrs|Ms|Dr|Gen|Col|Lt|St|Jr|No|vs|approx|e\.g|i\.e)\.$")


_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s+")


def sentences(text: str) -> list[str]:
    """Sentences of a source text: split after end punctuation followed by a capital, and at line breaks; a
    sentence ending in a colon keeps the list items that follow it («…принять решения: - о …; - о …»)."""
    out: list[str] = []
    glue = False
    listing = False  # the last sentence ended in a colon, or is such a sentence with its items so far
    for line in text.splitlines():
        if not line.strip():
            continue
        if listing and _LIST_ITEM.match(line) and len(out[-1]) < _MAX_QUOTE:
            out[-1] = f"{out[-1]} {line.strip()}"
            continue
        listing = False
        for piece in _SENTENCE.split(line):
            piece = piece.strip()
            if not piece:
                continue
            if glue and out:
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
            glue = bool(_ABBREVIATED.search(out[-1]))
        glue = False
        listing = bool(out) and out[-1].endswith(":")
    return [p for p in out if len(p) > 1]


@lru_cache(maxsize=50_000)
def _sentence_keys(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The sentence's search terms and the transliteration keys of its words (surnames in either script)."""
    return frozenset(nz.index_terms(sentence)), frozenset(name_key(w) for w in nz.words(sentence))


def _stems(slot: Slot) -> tuple[str, ...]:
    """Cheap prefixes that a sentence mentioning the slot must contain (folded), to skip lemmatising the rest."""
    forms = {slot.word, *(t for t, _ in slot.terms)}
    return tuple({f[: max(3, min(5, len(f) - 2))] for f in forms if f})


def best_quote(r: EventRecord, asked: Sequence[Slot], weigh: Callable[[Slot], float],
               exclude: str = "", counted: Slot | None = None) -> Quote | None:
    """The source sentence carrying most of the asked slots' weight, or None when none carries enough.

    asked: the question's words beyond those naming the event; exclude: text the answer already says
    (a sentence adding nothing to it is not quoted); counted: what a how-many question counts — then only
    a sentence naming it with a quantity answers («около 300 единиц техники»), however little else it says."""
    asked = [s for s in asked if s.terms or len(s.word) > 3]
    if counted is not None and counted not in asked:
        asked = [counted, *asked]
    if not asked or not r.sources:
        return None
    weights = [max(weigh(s), 0.1) for s in asked]
    total = sum(weights)
    probes = [_stems(s) for s in asked]
    said_terms, _ = _sentence_keys(exclude) if exclude else (frozenset(), frozenset())
    best: tuple[float, int, str, SourceRecord] | None = None
    seen: set[str] = set()
    for source in r.sources:
        split = sentences(source.text)
        for k, sentence in enumerate(split):
            folded = nz.fold(sentence)
            if folded in seen or not any(p in folded for ps in probes for p in ps):
                continue
            seen.add(folded)
            terms, keys = _sentence_keys(sentence)
            if counted is not None and not (_hits(counted, terms, keys) and has_quantity(sentence)):
                continue
            got = 0.0
            new = False
            for slot, w in zip(asked, weights):
                if _hits(slot, terms, keys):
                    got += w
                    # the word's own terms: the answer saying a synonym («военные») has not said it
                    new = new or not any(t in said_terms for t in slot.own_terms)
            if not new:
                continue
            # more weight first; among equals the shorter sentence, which says it more directly
            key = (got, -len(sentence))
            if best is None or key > (best[0], -len(best[2])):
                best = (got, len(sentence), _with_sequel(sentence, split[k + 1] if k + 1 < len(split) else ""),
                        source)
    if best is None or (counted is None and best[0] < _MIN_SHARE * total):
        return None
    return Quote(_trim(best[2], asked), best[3])


# «Главным решением стало назначение генсека. Им стал Николай Бордюжа…»: a sentence that begins with a
# pronoun continues the one before, which would leave the answer half said without it
_ANAPHORA = re.compile(r"^(?:Им|Ею|Ими|Его|Её|Ее|Их|Он|Она|Они|Оно|Этим|Этой|Этот|Эта|Это|He|She|It|They|This|"
                       r"That|These)\s", re.UNICODE)


def _with_sequel(sentence: str, following: str) -> str:
    if following and _ANAPHORA.match(following) and len(sentence) + len(following) < _MAX_QUOTE:
        return f"{sentence} {following}"
    return sentence


def _hits(slot: Slot, terms: frozenset[str], keys: frozenset[str]) -> bool:
    return name_key(slot.word) in keys or any(t in terms or name_key(t) in keys for t, _ in slot.terms)


def _trim(sentence: str, asked: Sequence[Slot]) -> str:
    """A sentence over the quote limit, cut to a window around its first asked word, marked with «…»."""
    if len(sentence) <= _MAX_QUOTE:
        return sentence
    folded = sentence.casefold().replace("ё", "е")
    at = min((i for s in asked for p in _stems(s) if (i := folded.find(p)) >= 0), default=0)
    start = max(0, min(at - _MAX_QUOTE // 3, len(sentence) - _MAX_QUOTE))
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    end = sentence.find(" ", start + _MAX_QUOTE - 2)
    end = len(sentence) if end < 0 else end
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


def states_quote(r: EventRecord, asked: Sequence[Slot]) -> Quote | None:
    """The source sentence naming the most states, among those saying what was asked («подписали», «участвовали»)
    when any does: «какие страны участвовали», «кто подписал соглашение» are answered by states, not people."""
    from storage.lexicon.places import find_states

    best: tuple[int, int, int, str, SourceRecord] | None = None
    for source in r.sources:
        for sentence in sentences(source.text):
            states = {p.name for p in find_states(sentence)}
            if len(states) < 2:
                continue
            terms, keys = _sentence_keys(sentence)
            said = sum(1 for slot in asked if _hits(slot, terms, keys))
            # one that says what was asked, then the one naming most states («подписали президенты Армении, …»)
            key = (said > 0, len(states), said, -len(sentence))
            if best is None or key > best[:4]:
                best = (*key, sentence, source)
    return Quote(_trim(best[4], asked), best[5]) if best else None

