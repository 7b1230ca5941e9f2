"""Per-field extractors over sentences: format, chair, venue (decisions and topics: `decisions`)."""
from __future__ import annotations

import re

from storage.ingest.extract.people import find_people
from storage.ingest.records import Chair
from storage.lexicon.bodies import find_body_matches
from storage.lexicon.nominative import nominative_lead
from storage.lexicon.offices import CHAIRMANSHIP
from storage.lexicon.places import find_states
from storage.nlp import morph

_VIDEO = re.compile(r"видеоконференц|видео-конференц|онлайн|в режиме видеосвязи|по видеосвязи|videoconferenc|video conferenc|video link|online|virtual", re.I)
_HYBRID = re.compile(r"смешанн\w+ формат|гибридн\w+ формат|hybrid", re.I)
_IN_PERSON = re.compile(r"\bочн\w+ формат|\bin person\b|\bin-person\b", re.I)


def find_format(sentence: str) -> str | None:
    if _HYBRID.search(sentence):
        return "смешанный"
    if _VIDEO.search(sentence):
        return "видеоконференция"
    if _IN_PERSON.search(sentence):
        return "очно"
    return None


# who chaired, the person named after the cue: "под председательством X", "заседание вёл X", "Руководил учением X",
# "Общее руководство учением осуществлял X", "chaired by X", "The meeting was led by X"
_MEETING_NOUNS = r"(?:заседани[еяю]|встреч[уи]|сесси[юи]|совещани[ея]|консультаци[ии]|учени[еяю]|учения|учениями|его|её|ее|их)"
_LEAD_VERBS = r"(?:провел[аи]?|провёл|вел[аи]?|вёл|возглавил[аи]?|возглавлял[аи]?|открыл[аи]?|руководил[аи]?)"
_CHAIR = re.compile(
    r"под\s+(?:председательством|руководством)\s+"
    r"|председательствова\w+(?:\s+на\s+\w+)?(?:\s+будет)?\s+|председательствующ\w+(?:\s+на\s+\w+)?\s+"
    rf"|(?<![^\W\d_]){_MEETING_NOUNS}\s+{_LEAD_VERBS}\s+"
    rf"|(?<![^\W\d_]){_LEAD_VERBS}\s+{_MEETING_NOUNS}\s+"
    r"|руководил[аи]?\s+(?:учением|учениями|операцией|группировкой(?:\s+сил)?|штабом\s+учения)\s+"
    r"|(?:учением|учениями|операцией|группировкой(?:\s+\w+){0,2}?)\s+руководил[аи]?\s+"
    rf"|,\s*{_LEAD_VERBS}\s+(?=[А-ЯЁA-Z]|\w+\s+[А-ЯЁA-Z]|\w+\s+\w+\s+[А-ЯЁ])"
    r"|(?:общее\s+)?руководство\s+(?:учением|учениями|операцией|заседанием)\s+осуществлял[аи]?\s+"
    r"|председател(?:ь|ем)\s*(?:[-–—:]|является|был|стал)\s*"
    r"|chaired\s+by\s+|under\s+the\s+chairmanship\s+of\s+|presided\s+over\s+by\s+|(?:was|were)\s+led\s+by\s+"
    r"|(?:meeting|session|exercise|drills?)\s+(?:was\s+)?(?:chaired|led|directed|conducted)\s+by\s+", re.I)
# the person named before the cue: "Министр иностранных дел Армении X председательствовал…", "Role Name chaired"
_CHAIR_AFTER = re.compile(r"\s(?:председательствовал[аи]?|chaired|presided)\b", re.I)
_CHAIR_STOP = re.compile(r"[.;:«(]|,\s*(?:котор|где|в ходе|на котор|in which|where|which)|\s(?:состоял|прошл|прошел|прошёл|проведен|обсудил|рассмотрел|был|held|took)", re.I)
# "председательство в Организации … Кыргызстан", "председательствующая в ОДКБ Беларусь": a state chairs
_STATE_CHAIR = re.compile(r"председательств\w*|chairmanship|chairs\s+the|holds\s+the\s+(?:rotating\s+)?(?:CSTO\s+)?chair", re.I)


def find_chair(sentence: str, year: int | None = None) -> Chair | None:
    """Who chaired the event the sentence tells of; `year`, the event's, rules out another year's chairing state."""
    m = _CHAIR.search(sentence)
    if m:
        rest = sentence[m.end():]
        stop = _CHAIR_STOP.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        people = [p for p in find_people(sentence[: m.end()] + phrase) if p.start >= m.end()]
        if people:
            return _chair_of(people[0].person)
        states = find_states(phrase)
        if states and chairs_that_year(sentence, states[0].name, year):
            return Chair(None, None, states[0].name)
    after = _CHAIR_AFTER.search(sentence)
    if after:
        people = [p for p in find_people(sentence[:after.start()]) if p.end >= after.start() - 2]
        if people:
            return _chair_of(people[-1].person)
    return None


def find_chair_state(sentence: str, year: int | None = None) -> str | None:
    """The state said to chair the CSTO ("в этом году председательствует Кыргызстан") in the event's `year`."""
    if not _STATE_CHAIR.search(sentence):
        return None
    stated = _stated_years(sentence)
    if not (year is not None and year in stated) and _PASSING_ON.search(sentence):
        return None  # the next chairmanship, unless the sentence puts it in the event's own year
    states = {s.name for s in find_states(sentence)}
    if len(states) != 1:
        return None
    [state] = states
    return state if chairs_that_year(sentence, state, year) else None


_PASSING_ON = re.compile(r"переда\w*|перейд\w*|переход\w*|примет|будет|будут|takes?\s+over|will", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _stated_years(sentence: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(sentence)}


def chairs_that_year(sentence: str, state: str, year: int | None) -> bool:
    """Whether a chairmanship the sentence gives a state covers an event of `year`: a sentence that puts it in
    other years tells of the past or next chairmanship («в 2031 году председательствовать будет…»), and where
    the rotation is known, a state other than that year's chair is someone else's chairmanship («приоритеты
    на период председательства X»)."""
    if year is None:
        return True
    stated = _stated_years(sentence)
    if stated and year not in stated:
        return False
    known = CHAIRMANSHIP.get(year)
    return known is None or known == state


def _chair_of(person) -> Chair:
    role = person.role
    states = find_states(role) if role else []
    return Chair(person.name, role, states[0].name if states else None)


_VENUE_PREFIX = re.compile(r"\b(?:на\s+базе|в\s+здании|в\s+помещении|at\s+the|на\s+площадке)\s+", re.I)
_VENUE_STOP = re.compile(r"[,.;:«(]|\s(?:проведен|прошл|состоял|под\s|с\s+участием|в\s+режиме|в\s+формате|государств)", re.I)
_VENUE_HEADS = frozenset("академия университет институт центр штаб секретариат полигон посольство дом дворец зал министерство "
                         "резиденция отель гостиница здание комплекс база".split())


def find_venue(sentence: str) -> str | None:
    """Where inside the city: "в Секретариате ОДКБ" → "Секретариат ОДКБ", "на базе Военной академии …"."""
    for match in find_body_matches(sentence):
        if match.payload.short in ("Секретариат", "Объединённый штаб") and _is_locative(sentence, match.start, match.first_token):
            return match.payload.full
    m = _VENUE_PREFIX.search(sentence)
    if m and m.group().strip().lower() != "at the":
        rest = sentence[m.end():]
        stop = _VENUE_STOP.search(rest)
        phrase = (rest[: stop.start()] if stop else rest).strip()
        if 3 <= len(phrase) <= 150 and phrase[:1].isupper():
            return nominative_phrase(phrase)
    m = re.search(r"\bв\s+([А-ЯЁ][а-яё]+(?:\s+[А-ЯЁа-яё]+){0,6})", sentence)
    if m:
        first = m[1].split()[0]
        if morph.lemma(first) in _VENUE_HEADS or any(morph.lemma(w) in _VENUE_HEADS for w in m[1].split()[:2]):
            phrase = _VENUE_STOP.split(m[1])[0].strip()
            if phrase:
                return nominative_phrase(phrase)
    return None


def _is_locative(sentence: str, start: int, first_token: str) -> bool:
    """The body is where something happened («в Секретариате ОДКБ»), not who met."""
    before = sentence[max(0, start - 4):start].lower()
    return bool(re.search(r"(?:^|\s)(?:в|во|на)\s$", before)) and any(
        p.tag.case == "loct" for p in morph.parses(first_token.lower())[:2])


def is_addressee(sentence: str, start: int, first_token: str) -> bool:
    """The body is where something was sent or turned to («направил в Секретариат ноту», «обратились в Совет»,
    "submitted to the Secretariat"), not who met: «в» with the accusative, or English "to"/"into"."""
    before = sentence[max(0, start - 5):start].lower()
    if re.search(r"(?:^|\s)(?:to|into)\s+(?:the\s+)?$", sentence[max(0, start - 10):start].lower()):
        return True
    if not re.search(r"(?:^|\s)(?:в|во)\s$", before):
        return False
    parses = morph.parses(first_token.lower())[:2]
    return bool(parses) and all(p.tag.case in ("accs", "nomn") for p in parses if p.tag.POS == "NOUN") and any(
        p.tag.case == "accs" for p in parses)


def nominative_phrase(phrase: str) -> str:
    """Leading adjectives and head noun into the nominative: "Военной академии Генерального штаба" → "Военная академия Генерального штаба"."""
    return nominative_lead(phrase)
