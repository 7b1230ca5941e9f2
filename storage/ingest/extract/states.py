"""States that take part in an event, read from a sentence that says so.

An exercise or an operation is carried out by national contingents, not by people one could name:
"в учении участвуют военнослужащие Армении, Казахстана и России", "к учению привлечены подразделения …",
"servicemen from Armenia, Belarus and Russia are taking part". A state counts when the sentence has a
participation cue (a verb or noun of taking part, or a unit noun: contingents, units, servicemen,
delegations) and the state is not named as the place ("в Казахстане", "on the territory of Russia").
Membership lists ("В ОДКБ входят Армения, …") have no such cue and name no participants.
"""
from __future__ import annotations

import re

from storage.lexicon.phrases import tokens
from storage.lexicon.places import Place, find_places
from storage.nlp import morph

_CUE_LEMMAS = frozenset("""
участвовать участие участник задействовать задействованный привлечь привлекаться привлечённый прибыть
подразделение контингент военнослужащий делегация представитель спецназ спецподразделение офицер
миротворец личный
""".split())
_EN_CUE = re.compile(r"\b(?:take|takes|taking|took|taken)\s+part\b|\bparticipat\w*|\binvolv\w*|\btroops\b|\bunits\b|"
                     r"\bservicemen\b|\bcontingents?\b|\bdelegations?\b|\bpersonnel\b|\bforces\s+(?:from|of)\b", re.I)
# a state named as where something happens: "в Казахстане", "на территории России", "in Tajikistan"
_LOCATIVE = re.compile(r"(?:(?:^|\s)(?:в|во|на|по)\s+(?:территории\s+)?|\b(?:in|on\s+the\s+territory\s+of)\s+(?:the\s+)?)$",
                       re.I)


def _has_cue(sentence: str) -> bool:
    if _EN_CUE.search(sentence):
        return True
    return any(morph.lemma(word) in _CUE_LEMMAS for word, _, _ in tokens(sentence))


def short_name(state: Place, written: str = "") -> str:
    """The name a participant list uses: the page's own word in the nominative ("Киргизии" → "Киргизия",
    "Belarus" → "Беларусь"), the short name for an official or adjectival form ("Кыргызской Республики",
    "российские" → "Кыргызстан", "Россия")."""
    if re.fullmatch(r"[А-ЯЁ][а-яё]+", written):
        noun = next((p for p in morph.parses(written) if p.tag.POS == "NOUN" and "Geox" in p.tag), None)
        if noun is not None and (nom := noun.inflect({"nomn"})) is not None and find_places(nom.word.capitalize()):
            return nom.word.capitalize()
    return state.aliases[0] if state.aliases and not state.aliases[0].isupper() else state.name


def participating_states(sentence: str) -> list[str]:
    """Short names of the states the sentence says take part, in order of mention."""
    states = [(p, s, e) for p, s, e in find_places(sentence) if p.is_state]
    if not states or not _has_cue(sentence):
        return []
    out: list[str] = []
    for place, start, end in states:
        if _LOCATIVE.search(sentence[max(0, start - 30):start]):
            continue
        name = short_name(place, sentence[start:end])
        if name not in out:
            out.append(name)
    return out
