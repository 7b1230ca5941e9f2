"""Relative dates ("накануне", "в минувший четверг", "on Friday", "tomorrow") resolved against an
item's reference date (its dateline or stamp), and the durations that extend a start into a range
("продлится до 9 мая", "продолжалось три дня", "will last until 9 May")."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storage.ingest.extract.predicates import Tense
from storage.ingest.year import WEEKDAYS
from storage.nlp import morph

_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAYS = {
    r"позавчера|the\s+day\s+before\s+yesterday": -2,
    r"вчера|накануне|yesterday|the\s+previous\s+day|the\s+day\s+before": -1,
    r"сегодня|today|this\s+morning|this\s+afternoon|this\s+evening|tonight|в\s+эти\s+(?:минуты|часы)"
    r"|в\s+настоящее\s+время": 0,
    r"послезавтра|the\s+day\s+after\s+tomorrow": 2,
    r"завтра|tomorrow|the\s+following\s+day|на\s+следующий\s+день": 1,
}
_DAY_WORDS = [(re.compile(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", re.IGNORECASE), shift)
              for pattern, shift in _DAYS.items()]
_PAST_MARK = r"минувш\w*|прошл\w*|last|past"
_NEXT_MARK = r"следующ\w*|ближайш\w*|предстоящ\w*|наступающ\w*|next|coming|this\s+coming"
_WEEKDAY_PHRASE = re.compile(
    rf"(?<![^\W\d_])(?:(?:в|во|on|this)\s+)?(?:(?P<mark>{_PAST_MARK}|{_NEXT_MARK})\s+)?(?P<day>{_WEEKDAY})(?![^\W\d_])"
    rf"(?!,?\s*\d)(?!,?\s+[A-Z][a-z]+\.?\s+\d)",  # "в пятницу, 14 октября" is an explicit date
    re.IGNORECASE)


_NEXT_WEEK = re.compile(r"(?<![^\W\d_])(?:на\s+(?:следующей|будущей|предстоящей)\s+неделе|next\s+week)", re.IGNORECASE)
_LAST_WEEK = re.compile(r"(?<![^\W\d_])(?:на\s+(?:прошлой|минувшей|прошедшей)\s+неделе|last\s+week)", re.IGNORECASE)
_FROM_WEEKDAY = re.compile(rf"(?<![^\W\d_])(?:с|со|from|on|в|во)\s+(?P<day>{_WEEKDAY})(?![^\W\d_])", re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _before_something(word: str, rest: str) -> bool:
    """"накануне" and "the day before" are also prepositions: followed by what they precede (a noun in the
    genitive, "the/a/its …"), they date nothing by themselves."""
    following = _NEXT_WORD.match(rest)
    if following is None:
        return False
    nxt = following[1].lower()
    if word.lower() in ("накануне",):
        best = morph.parses(nxt)[:1]
        return len(nxt) > 2 and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in best)
    if word.lower().endswith("before"):
        return nxt in ("the", "a", "an", "its", "their", "his", "her")
    return False


@dataclass(frozen=True, slots=True)
class RelativeDate:
    date: dt.date
    start_char: int
    text: str


def relative_dates(sentence: str, reference: dt.date, tense: Tense) -> list[RelativeDate]:
    """Dates the sentence names relative to the reference day, in text order."""
    for pattern, weeks in ((_NEXT_WEEK, 1), (_LAST_WEEK, -1)):
        week = pattern.search(sentence)
        day = _FROM_WEEKDAY.search(sentence)
        if week and day:
            # "на следующей неделе, со вторника": that weekday of the next (or last) calendar week
            monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=weeks)
            date = monday + dt.timedelta(days=WEEKDAYS[day["day"].lower()])
            return [RelativeDate(date, min(week.start(), day.start()), sentence[week.start():week.end()])]
    found: list[RelativeDate] = []
    for pattern, shift in _DAY_WORDS:
        for m in pattern.finditer(sentence):
            if _before_something(m.group(), sentence[m.end():]):
                continue  # "накануне саммита", "the day before the summit": before an event, not the day before
            found.append(RelativeDate(reference + dt.timedelta(days=shift), m.start(), m.group()))
    for m in _WEEKDAY_PHRASE.finditer(sentence):
        target = WEEKDAYS[m["day"].lower()]
        mark = (m["mark"] or "").lower()
        forward = bool(re.match(_NEXT_MARK, mark)) if mark else (tense.future and not tense.past)
        if forward:
            delta = (target - reference.weekday()) % 7
        else:
            delta = -((reference.weekday() - target) % 7)
        if mark and delta == 0:
            delta = 7 if forward else -7  # "в следующую среду" said on a Wednesday is a week on
        found.append(RelativeDate(reference + dt.timedelta(days=delta), m.start(), m.group()))
    found.sort(key=lambda r: r.start_char)
    return found


_NUMBERS = {
    "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4,
    "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_LASTING = (r"продл\w+|продолжа\w+|продолжи\w+|длил\w+|длит\w+|рассчитан\w*|шл[оаи]|ш[её]л|ид[её]т|идут|проходил\w*|"
            r"проводил\w*|last\w*|run\w*|ran|continu\w+|span\w*|went\s+on|took")
_DURATION = re.compile(
    rf"(?:{_LASTING})\s+(?:\w+\s+){{0,3}}?(?:в\s+течение\s+|около\s+|for\s+|over\s+)?"
    rf"(?P<n>\d{{1,2}}|{'|'.join(_NUMBERS)})[\s-]+(?:дн(?:я|ей|ь)|суток|days?)(?![^\W\d_])"
    rf"|(?P<m>\d{{1,2}}|{'|'.join(_NUMBERS)})[\s-]*(?:дневн\w+|day)[\s-]+(?:учени|exercise|курс|course|сбор|drill)",
    re.IGNORECASE)
# "продлится до 9 мая", "продлятся по 28 августа", "will last until 9 May", "завершится 9 мая"
_UNTIL = re.compile(
    rf"(?:(?:{_LASTING})\s+(?:\w+\s+){{0,3}}?(?:до|по|until|till|through|to)"
    r"|заверш\w+|закончат\w*|закончит\w*|окончан\w*|will\s+end|ends?\s+on|will\s+conclude|concludes?\s+on)\s*$",
    re.IGNORECASE)


def duration_days(sentence: str) -> int | None:
    """A stated length in days ("продолжалось три дня", "a five-day exercise")."""
    m = _DURATION.search(sentence)
    if m is None:
        return None
    word = (m["n"] or m["m"]).lower()
    days = int(word) if word.isdigit() else _NUMBERS.get(word)
    return days if days and 1 < days <= 60 else None


def ends_here(before: str) -> bool:
    """True when the text just before a date says the event lasts until that date."""
    return _UNTIL.search(before[-80:]) is not None
