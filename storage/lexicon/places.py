"""Cities (usual CSTO venues) and states, Russian ↔ English, found in any case form.

`find_places(text)` returns canonical Russian nominatives: "в Москве" → "Москва", "Yerevan" → "Ереван",
"казахстанской стороны" → "Республика Казахстан" (state).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from storage.lexicon.phrases import Match, PhraseMatcher


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical Russian nominative: "Москва", "Республика Казахстан"
    english: str  # "Moscow", "Republic of Kazakhstan"
    is_state: bool
    aliases: tuple[str, ...] = ()  # other names, adjectives, English forms; a state's first is its common name
    state: str | None = None  # for a city: the canonical name of its state


_RU = "Российская Федерация"
_BY = "Республика Беларусь"
_KZ = "Республика Казахстан"
_KG = "Кыргызская Республика"
_TJ = "Республика Таджикистан"
_AM = "Республика Армения"
_UZ = "Республика Узбекистан"

STATES: tuple[Place, ...] = (
    Place(_RU, "Russian Federation", True,
          ("Россия", "РФ", "Russia", "российский", "Russian", "Российской Федерации")),
    Place(_BY, "Republic of Belarus", True,
          ("Беларусь", "Белоруссия", "Belarus", "белорусский", "Belarusian", "Belarussian")),
    Place(_KZ, "Republic of Kazakhstan", True,
          ("Казахстан", "Kazakhstan", "казахстанский", "Kazakh", "Kazakhstani")),
    Place(_KG, "Kyrgyz Republic", True,
          ("Кыргызстан", "Киргизия", "Киргизская Республика", "Республика Кыргызстан", "Kyrgyzstan",
           "Kyrgyzia", "кыргызский", "киргизский", "Kyrgyz")),
    Place(_TJ, "Republic of Tajikistan", True,
          ("Таджикистан", "Tajikistan", "таджикский", "Tajik")),
    Place(_AM, "Republic of Armenia", True,
          ("Армения", "Armenia", "армянский", "Armenian")),
    Place(_UZ, "Republic of Uzbekistan", True,
          ("Узбекистан", "Uzbekistan", "узбекский", "Uzbek")),
    Place("Республика Сербия", "Republic of Serbia", True, ("Сербия", "Serbia", "сербский", "Serbian")),
    Place("Исламская Республика Афганистан", "Afghanistan", True,
          ("Афганистан", "Afghanistan", "афганский", "Afghan")),
    Place("Китайская Народная Республика", "People's Republic of China", True,
          ("Китай", "КНР", "China", "китайский", "Chinese")),
    Place("Азербайджанская Республика", "Republic of Azerbaijan", True,
          ("Азербайджан", "Azerbaijan", "азербайджанский", "Azerbaijani")),
    Place("Туркменистан", "Turkmenistan", True, ("Turkmenistan", "туркменский", "Turkmen")),
    Place("Монголия", "Mongolia", True, ("Mongolia", "монгольский", "Mongolian")),
    Place("Соединённые Штаты Америки", "United States", True, ("США", "USA", "United States of America")),
    # states whose observers and attachés CSTO reports name
    Place("Соединённое Королевство", "United Kingdom", True, ("Великобритания", "Британия", "UK", "Britain",
                                                             "британский", "British")),
    Place("Республика Польша", "Poland", True, ("Польша", "Poland", "польский", "Polish")),
    Place("Федеративная Республика Германия", "Germany", True, ("Германия", "ФРГ", "Germany", "германский",
                                                                "German")),
    Place("Французская Республика", "France", True, ("Франция", "France", "французский", "French")),
    Place("Итальянская Республика", "Italy", True, ("Италия", "Italy", "итальянский", "Italian")),
    Place("Турецкая Республика", "Turkey", True, ("Турция", "Turkey", "Türkiye", "турецкий", "Turkish")),
    Place("Исламская Республика Иран", "Iran", True, ("Иран", "Iran", "иранский", "Iranian")),
    Place("Республика Индия", "India", True, ("Индия", "India", "индийский", "Indian")),
    Place("Исламская Республика Пакистан", "Pakistan", True, ("Пакистан", "Pakistan", "пакистанский",
                                                              "Pakistani")),
    Place("Грузия", "Georgia", True, ("Georgia", "грузинский", "Georgian")),
    Place("Украина", "Ukraine", True, ("Ukraine", "украинский", "Ukrainian")),
    Place("Республика Молдова", "Moldova", True, ("Молдова", "Молдавия", "Moldova", "молдавский", "Moldovan")),
)

CITIES: tuple[Place, ...] = (
    Place("Москва", "Moscow", False, ("Moskva",), _RU),
    Place("Санкт-Петербург", "Saint Petersburg", False, ("St. Petersburg", "St Petersburg", "Петербург"), _RU),
    Place("Сочи", "Sochi", False, (), _RU),
    Place("Казань", "Kazan", False, (), _RU),
    Place("Новосибирск", "Novosibirsk", False, (), _RU),
    Place("Екатеринбург", "Yekaterinburg", False, ("Ekaterinburg",), _RU),
    Place("Оренбург", "Orenburg", False, (), _RU),
    Place("Псков", "Pskov", False, (), _RU),
    Place("Минск", "Minsk", False, (), _BY),
    Place("Брест", "Brest", False, (), _BY),
    Place("Гродно", "Grodno", False, ("Hrodna",), _BY),
    Place("Витебск", "Vitebsk", False, (), _BY),
    Place("Гомель", "Gomel", False, (), _BY),
    Place("Ереван", "Yerevan", False, ("Erevan",), _AM),
    Place("Гюмри", "Gyumri", False, (), _AM),
    Place("Астана", "Astana", False, ("Нур-Султан", "Nur-Sultan"), _KZ),
    Place("Алматы", "Almaty", False, ("Алма-Ата",), _KZ),
    Place("Бишкек", "Bishkek", False, (), _KG),
    Place("Чолпон-Ата", "Cholpon-Ata", False, (), _KG),
    Place("Ош", "Osh", False, (), _KG),
    Place("Иссык-Куль", "Issyk-Kul", False, ("Issyk Kul",), _KG),
    Place("Душанбе", "Dushanbe", False, (), _TJ),
    Place("Худжанд", "Khujand", False, (), _TJ),
    Place("Самарканд", "Samarkand", False, (), _UZ),
    Place("Ташкент", "Tashkent", False, (), _UZ),
    Place("Белград", "Belgrade", False, (), "Республика Сербия"),
    Place("Нью-Йорк", "New York", False, (), "Соединённые Штаты Америки"),
    Place("Вена", "Vienna", False, (), None),
    Place("Женева", "Geneva", False, (), None),
    Place("Пекин", "Beijing", False, (), "Китайская Народная Республика"),
)

PLACES: tuple[Place, ...] = STATES + CITIES
_BY_NAME = {p.name: p for p in PLACES}


@cache
def _matcher() -> PhraseMatcher[Place]:
    phrases = []
    for place in PLACES:
        for name in {place.name, place.english, *place.aliases}:
            phrases.append((name, place))
    return PhraseMatcher(phrases)


def find_place_matches(text: str) -> list[Match[Place]]:
    return [m for m in _matcher().find(text) if _plausible(m)]


def _plausible(match: Match[Place]) -> bool:
    # city names are capitalised ("Ош", "Вена" are also forms of common words); state adjectives are not
    return match.payload.is_state or match.first_token[:1].isupper()


def find_places(text: str) -> list[tuple[Place, int, int]]:
    """Cities and states mentioned in the text, in order, as (place, start, end)."""
    return [(m.payload, m.start, m.end) for m in find_place_matches(text)]


def find_cities(text: str) -> list[Place]:
    return [p for p, _, _ in find_places(text) if not p.is_state]


def find_states(text: str) -> list[Place]:
    return [p for p, _, _ in find_places(text) if p.is_state]


def place_by_name(name: str) -> Place | None:
    """Canonical place for a name in any language or case ("Yerevan", "Ереване" → Ереван)."""
    if name in _BY_NAME:
        return _BY_NAME[name]
    found = find_place_matches(name)
    return found[0].payload if found else None


def common_name(name: str) -> str:
    """The name people use for a state ("Кыргызская Республика" → "Кыргызстан"); other names unchanged."""
    place = _BY_NAME.get(name)
    return place.aliases[0] if place and place.is_state and place.aliases else name


def canonical_place(name: str | None) -> str | None:
    if not name:
        return None
    place = place_by_name(name)
    return place.name if place else name
