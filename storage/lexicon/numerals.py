"""Dates written in words, turned into digits: «шестого октября две тысячи седьмого года» → «6 октября 2007
года», "the twenty-third of August, two thousand and fifteen" → "23 August 2015".

Only number words that a date holds are rewritten — a day beside a month name, a year before «год»/"year"
or after a month — so «первый этап» and "second meeting" stay words. Russian numerals are read by their
lemma (pymorphy3), so every case and gender of a numeral counts («двадцать третьего», «двадцать третье»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storage.lexicon.months import month_number
from storage.nlp import morph

_RU_CARDINAL = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}
_RU_ORDINAL = {
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8,
    "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14,
    "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19,
    "двадцатый": 20, "тридцатый": 30, "сороковой": 40, "пятидесятый": 50, "шестидесятый": 60,
    "семидесятый": 70, "восьмидесятый": 80, "девяностый": 90, "сотый": 100, "тысячный": 1000,
    "двухтысячный": 2000,
}
_EN_CARDINAL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_ORDINAL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
_THOUSAND = {"тысяча", "thousand"}
_HUNDRED = {"hundred"}
_YEAR_AFTER = re.compile(r"\s*(?:год\w*|г\.|гг\.|years?)(?![^\W\d_])", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    kind: str  # "unit" (adds), "thousand" / "hundred" (multiply what came before)
    ordinal: bool


def _word(token: str) -> _Word | None:
    w = token.lower().replace("ё", "е")
    if w in _EN_CARDINAL:
        return _Word(_EN_CARDINAL[w], "unit", False)
    if w in _EN_ORDINAL:
        return _Word(_EN_ORDINAL[w], "unit", True)
    if w in _HUNDRED:
        return _Word(100, "hundred", False)
    if w == "thousand":
        return _Word(1000, "thousand", False)
    if not re.search(r"[а-я]", w):
        return None
    lemma = morph.lemma(w)
    if lemma in _THOUSAND:
        return _Word(1000, "thousand", False)
    if lemma in _RU_CARDINAL:
        return _Word(_RU_CARDINAL[lemma], "unit", False)
    if lemma in _RU_ORDINAL:
        value = _RU_ORDINAL[lemma]
        return _Word(value, "thousand" if value >= 1000 else "unit", True)
    return None


def _value(groups: list[list[_Word]]) -> int | None:
    """The number a run of number words spells (one group per written word, "ninety-two" is one), or None
    when the run is no number ("два три")."""
    # "nineteen ninety-two", "twenty twenty-two": a year said as two pairs of digits ("twenty five" is 25)
    if len(groups) == 2 and all(w.kind == "unit" for g in groups for w in g) and not groups[0][-1].ordinal:
        first, second = (sum(w.value for w in g) for g in groups)
        if 19 <= first <= 20 and 10 <= second <= 99:
            return first * 100 + second
    words = [w for g in groups for w in g]
    total, current, last = 0, 0, None
    for w in words:
        if w.kind == "thousand":
            if w.ordinal and w.value >= 1000:
                current = current * 1000 + w.value if current else w.value
            else:
                current = (current or 1) * 1000
            total, current, last = total + current, 0, None
        elif w.kind == "hundred":
            current, last = (current or 1) * 100, None
        else:
            if last is not None and (w.value >= last or last < 10 or last % 10 and w.value < 10):
                return None  # "три два", "пять двадцать": not one number
            current += w.value
            last = w.value
    return total + current


@dataclass(frozen=True, slots=True)
class SpelledDates:
    text: str  # the text with every date's number words as digits
    words: frozenset[str]  # the folded words that were rewritten (they named a date)


def spell_out_dates(text: str) -> SpelledDates:
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    rewritten: set[str] = set()
    pos = i = 0
    day_end: int | None = None  # where a day just rewritten ends: a year may follow it
    while i < len(tokens):
        run: list[list[_Word]] = []
        j = i
        while j < len(tokens):
            parts = tokens[j].group().split("-")
            parsed = [_word(p) for p in parts]
            between = text[tokens[j - 1].end():tokens[j].start()] if j > i else ""
            if j > i and tokens[j].group().lower() == "and" and run:
                j += 1  # "two thousand and fifteen"
                continue
            if any(p is None for p in parsed) or j > i and not re.fullmatch(r"[\s,]*", between):
                break
            run.append(parsed)  # type: ignore[arg-type]
            j += 1
            if parsed[-1].ordinal:  # type: ignore[union-attr]
                break  # an ordinal ends its number: "twenty-first, twenty twenty-two" is a day, then a year
        while j > i and tokens[j - 1].group().lower() == "and":
            j -= 1
        if not run:
            i += 1
            continue
        value = _value(run)
        start, end = tokens[i].start(), tokens[j - 1].end()
        after_day = day_end is not None and re.fullmatch(r"[\s,]*", text[day_end:start]) is not None
        if value is not None and (_is_date_part(text, start, end, value, run[-1][-1].ordinal)
                                  or after_day and 1990 <= value <= 2100):
            # "the fifth of May" → "5 May": the article and "of" belong to the spelled form only
            the = re.search(r"(?<![^\W\d_])the\s+$", text[pos:start], re.IGNORECASE)
            of = re.match(r"\s+of(?=\s)", text[end:], re.IGNORECASE)
            out.append(text[pos:start - (len(the.group()) if the else 0)] + str(value))
            pos = end + (of.end() if of else 0)
            day_end = end if value <= 31 else None
            rewritten.update(t.group().lower().replace("ё", "е") for t in tokens[i:j])
            rewritten.update(p for t in tokens[i:j] for p in t.group().lower().replace("ё", "е").split("-"))
        i = j
    out.append(text[pos:])
    return SpelledDates("".join(out), frozenset(rewritten))


_NEXT_WORD = re.compile(r"\s*(?:of\s+)?(?:the\s+)?([^\W\d_]+)")
_PREV_WORD = re.compile(r"([^\W\d_]+)\.?,?\s*(?:the\s+)?$")


def _is_date_part(text: str, start: int, end: int, value: int, ordinal: bool) -> bool:
    """A day beside a month name, or a year before «год»/"year" or after a month or a day of one."""
    after, before = text[end:], text[:start]
    nxt = _NEXT_WORD.match(after)
    prev = _PREV_WORD.search(before)
    month_after = nxt is not None and month_number(nxt[1]) is not None and len(nxt[1]) >= 3
    month_before = prev is not None and month_number(prev[1]) is not None and len(prev[1]) >= 3
    if 1 <= value <= 31 and (month_after or month_before and ordinal):
        return True
    if 1990 <= value <= 2100:
        return bool(_YEAR_AFTER.match(after)) or month_before or bool(re.search(r"\d\s*,?\s*$", before)) \
            or bool(re.search(r"(?<![^\W\d_])(?:in|of|since|until|by|year)\s+$", before, re.IGNORECASE))
    return False


_NUMBER = re.compile(r"\d(?:[\d\u00a0 ,.]*\d)?")
_AFTER_WORD = re.compile(r"[\s\u00a0]*([^\W\d_]+)")


def has_quantity(text: str) -> bool:
    """Whether the text states how many of something: a number («2 000 военнослужащих», "6,500 troops") or a
    cardinal in words («двух тысяч», "two hundred"), not a day, a month's date or a year."""
    from storage.lexicon.months import month_number

    for m in _NUMBER.finditer(text):
        if _YEAR_AFTER.match(text, m.end()):
            continue
        after = _AFTER_WORD.match(text, m.end())
        if after and month_number(after.group(1)):
            continue  # «15 мая»
        before = _PREV_WORD.search(text[max(0, m.start() - 20):m.start()])
        if before and month_number(before.group(1)):
            continue  # "May 15"
        if m.group().isdigit() and len(m.group()) == 4 and 1900 <= int(m.group()) <= 2100:
            continue  # a bare year («Рубеж-2031», "in 2031"); counts of thousands are written «2 000», "2,000"
        return True
    # "one", «один» are mostly pronouns ("one of the stages")
    return any((w := _word(t)) is not None and not w.ordinal and w.value > 1 for t in _TOKEN.findall(text))

