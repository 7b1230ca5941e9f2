"""Event kinds: the canonical Russian word (as exported) and its Russian/English triggers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from storage.lexicon.phrases import Match, PhraseMatcher


@dataclass(frozen=True, slots=True)
class Kind:
    name: str  # canonical, as exported: "заседание"
    english: str
    triggers: tuple[str, ...]  # words/phrases in any case form (Russian) or English
    weight: int = 1  # how strongly the word names a CSTO event ("заседание" > "встреча")


KINDS: tuple[Kind, ...] = (
    Kind("заседание", "meeting", ("заседание", "session of the Council", "meeting of the Council", "заседать"), 3),
    Kind("сессия", "session", ("сессия", "session"), 3),
    Kind("консультации", "consultations", ("консультации", "консультация", "consultations"), 3),
    Kind("курсы", "course", ("курсы обучения", "курсы повышения квалификации", "курсы", "training course",
                             "training courses", "course"), 3),
    Kind("учения", "exercise", ("учения", "учение", "командно-штабные учения", "exercise", "exercises", "drills"), 3),
    Kind("операция", "operation", ("операция", "оперативно-профилактическая операция", "спецоперация",
                                   "operation"), 2),
    Kind("саммит", "summit", ("саммит", "summit"), 2),
    Kind("совещание", "meeting", ("совещание", "рабочее совещание", "working meeting"), 2),
    Kind("конференция", "conference", ("конференция", "conference"), 2),
    Kind("переговоры", "talks", ("переговоры", "talks", "negotiations"), 2),
    Kind("форум", "forum", ("форум", "forum"), 2),
    Kind("семинар", "seminar", ("семинар", "seminar", "workshop"), 2),
    Kind("тренировка", "training", ("тренировка", "штабная тренировка", "training"), 2),
    Kind("круглый стол", "round table", ("круглый стол", "round table", "roundtable"), 2),
    Kind("сборы", "training camp", ("сборы", "учебные сборы", "учебно-методические сборы"), 2),
    Kind("визит", "visit", ("визит", "visit"), 1),
    Kind("встреча", "meeting", ("встреча", "встретиться", "meeting", "met"), 1),
    Kind("брифинг", "briefing", ("брифинг", "briefing"), 1),
)
_BY_NAME = {k.name: k for k in KINDS}
# kinds held in the field over days, reported stage by stage, at a range or region rather than a city
FIELD_EVENTS = frozenset({"учения", "тренировка", "сборы", "операция"})


def kind_by_name(name: str) -> Kind | None:
    return _BY_NAME.get(name)


@cache
def _matcher() -> PhraseMatcher[Kind]:
    return PhraseMatcher((t, k) for k in KINDS for t in (k.name, *k.triggers))


def find_kind_matches(text: str) -> list[Match[Kind]]:
    # "курс" alone is also "course of policy"/"exchange rate": only the plural "курсы"/"course(s)" counts
    return [m for m in _matcher().find(text)
            if m.payload.name != "курсы" or m.first_token.lower() not in {"курс", "курса", "курсом", "курсу", "курсе"}]


def find_kinds(text: str) -> list[tuple[Kind, int, int]]:
    return [(m.payload, m.start, m.end) for m in find_kind_matches(text)]
