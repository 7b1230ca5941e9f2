"""Month names in every form the pages and users write them (Russian cases, English, abbreviations)."""

# stem → month number; a word matches when it starts with the stem ("мая", "маю", "май" → "ма")
_STEMS = {
    1: ("январ", "jan"),
    2: ("феврал", "feb"),
    3: ("март", "мар", "mar"),
    4: ("апрел", "апр", "apr"),
    5: ("мая", "май", "маю", "мае", "may"),
    6: ("июн", "jun"),
    7: ("июл", "jul"),
    8: ("август", "авг", "aug"),
    9: ("сентябр", "сен", "sep"),
    10: ("октябр", "окт", "oct"),
    11: ("ноябр", "ноя", "nov"),
    12: ("декабр", "дек", "dec"),
}

GENITIVE_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
               "сентября", "октября", "ноября", "декабря")
NOMINATIVE_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                 "сентябрь", "октябрь", "ноябрь", "декабрь")
PREPOSITIONAL_RU = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                    "сентябре", "октябре", "ноябре", "декабре")
ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def month_number(word: str) -> int | None:
    """1–12 for a month name in any case or language, None otherwise."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    for number, stems in _STEMS.items():
        for stem in stems:
            if w.startswith(stem) and _plausible(w, stem):
                return number
    return None


def _plausible(word: str, stem: str) -> bool:
    # "март" must not match "мартовский"-like noise beyond short endings; "may" must not match "mayor"
    rest = word[len(stem):]
    if stem.isascii():
        full = next(m.lower() for m in ENGLISH if m.lower().startswith(stem))
        return full.startswith(word) or word == full
    return len(rest) <= 3 and rest.isalpha() or rest == ""
