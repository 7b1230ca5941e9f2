"""Dates and date ranges in Russian and English news text.

Three steps, each simple on its own:
1. every pattern finds raw mentions (day, day range within a month, numeric, ISO, month + year);
   overlaps are resolved by keeping the earliest, then the longest match;
2. two neighbouring mentions joined by a range connector ("с … по …", "–", "to") become one range,
   which also lends the year of one end to the other ("с 30 сентября по 2 октября 2024 года");
3. a mention still without a year takes year_hint, or is dropped.
Impossible dates (31.02) and years outside 1990–2100 are dropped silently.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from storage.lexicon.months import ENGLISH

MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass(frozen=True, slots=True)
class DateMention:
    start: dt.date
    end: dt.date
    start_char: int  # span in the text passed in
    end_char: int
    text: str
    explicit_year: bool  # False when the year came from year_hint
    has_time: bool  # "26-05-2020, 19:38"
    precision: str  # "day" | "month"
    time: dt.time | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts ({self.start})")
        if self.precision not in ("day", "month"):
            raise ValueError(f"unknown precision {self.precision!r}")


# --- building blocks ------------------------------------------------------------------------------

_RU_MONTH = (
    r"(?:январ[ьяюеё]|феврал[ьяюеё]|март[ауе]?|апрел[ьяюеё]|ма[йяюе]|июн[ьяюеё]|июл[ьяюеё]"
    r"|август[ауе]?|сентябр[ьяюеё]|октябр[ьяюеё]|ноябр[ьяюеё]|декабр[ьяюеё]"
    r"|янв|фев|февр|мар|апр|июн|июл|авг|сент|сен|окт|нояб|ноя|дек)"
)
_EN_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# English month names are matched Capitalised or UPPER only, so the verb "may" is never a month
_EN_MONTH = "(?:" + "|".join(
    f"{w}|{w.upper()}" for w in sorted(ENGLISH + _EN_ABBR, key=len, reverse=True)
) + ")"
_MONTH = rf"(?:(?i:{_RU_MONTH})|{_EN_MONTH})(?![^\W\d_])\.?"
_YEAR = r"(?:19|20|21)\d\d(?!\d)"
_YEAR_WORD = r"(?:\s*(?:года|году|год|гг?\.|г(?![^\W\d_])|year))?"
_TIME = r"(?:(?:,\s*|\s*\|\s*|\s+(?:в\s+)?)(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d))?"
_DASH = r"[-‐‑–—]"

_DAY_FIRST = re.compile(
    rf"(?<![\d.,:])(?P<d1>\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?"
    rf"(?:\s*(?P<c>{_DASH}|по|до|to|until|(?=и\s|and\s)(?:и|and))\s*(?P<d2>\d{{1,2}})(?:-?(?:го|е|th|st|nd|rd))?)?"
    rf"\s+(?:of\s+)?(?P<m>{_MONTH})"
    rf"(?:\s*,?\s*(?P<y>{_YEAR}){_YEAR_WORD})?{_TIME}"
)
_MONTH_FIRST = re.compile(
    rf"(?<![^\W\d_])(?P<m>{_EN_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"(?:\s*(?P<c>{_DASH}|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?"
    rf"(?:\s*,?\s*(?P<y>{_YEAR}))?(?![:\d]){_TIME}"
)
_NUMERIC = re.compile(
    rf"(?<![\d.])(?P<d1>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})"
    rf"(?!\d|[./-]\d){_YEAR_WORD}{_TIME}"
)
_ISO = re.compile(
    r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d1>\d{2})(?!\d)"
    r"(?:[ T](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?)?"
)
_MONTH_YEAR = re.compile(rf"(?<![^\W\d_])(?P<m>{_MONTH})\s*,?\s*(?P<y>{_YEAR}){_YEAR_WORD}")

_DIGITS = re.compile(r"\d+")
_EN_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_EN_MONTH})\.?\s+$")
_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_MONTH})\s*,?\s*$")
_CONNECTOR = re.compile(rf"\s*(?:{_DASH}|по|до|to|until|through|till)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\b[сС]|\bот|\b[Ff]rom|\b[Bb]etween)\s+$")


_MONTH_PREFIXES = {p: n for n, group in enumerate((
    ("янв", "jan"), ("фев", "feb"), ("мар", "mar"), ("апр", "apr"), ("ма", "may"), ("июн", "jun"),
    ("июл", "jul"), ("авг", "aug"), ("сен", "sep"), ("окт", "oct"), ("ноя", "nov"), ("дек", "dec"),
), start=1) for p in group}


def month_number(word: str) -> int | None:
    """Month of a word the month patterns matched (full name, case form or wire abbreviation)."""
    w = word.lower().rstrip(".")
    return _MONTH_PREFIXES.get(w[:3]) or _MONTH_PREFIXES.get(w[:2]) if len(w) >= 3 else None


@dataclass(frozen=True, slots=True)
class _Raw:
    """A mention before years are resolved: month/day numbers and an optional year."""

    start_char: int
    end_char: int
    d1: int
    d2: int | None
    m: int
    y: int | None
    time: dt.time | None
    precision: str


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 90 else 2000
    return year if MIN_YEAR <= year <= MAX_YEAR else -1  # -1: present but out of range → drop


def _time(match: re.Match) -> dt.time | None:
    hh = match.groupdict().get("hh")
    return dt.time(int(hh), int(match["mi"])) if hh is not None else None


def _word_before(text: str, pos: int) -> bool:
    """True when a word (maybe with a period or comma) directly precedes pos: a month word could."""
    j = pos - 1
    while j >= 0 and text[j] in " ,\u00a0":
        j -= 1
    if j == pos - 1 or j < 0:
        return False
    return text[j].isalpha() or (text[j] == "." and j > 0 and text[j - 1].isalpha())


def _joined_days(pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
    """A date match in which two days joined by "и"/"and" are one span only when consecutive ("2 и 3 мая",
    "May 2 and 3"). Otherwise: "5 и 12 мая" is no match here (12 May is found at its own digits), and
    "May 2 and 9" is May 2, matched with the "and 9" blanked out (positions kept)."""
    m = pattern.match(text, pos)
    if m is None or m["c"] is None or m["c"].lower() not in ("и", "and") or int(m["d2"]) == int(m["d1"]) + 1:
        return m
    if m.start("c") > m.start("m"):  # month first: the second day has no month of its own to be found by
        blanked = text[:m.start("c")] + " " * (m.end("d2") - m.start("c")) + text[m.end("d2"):]
        again = pattern.match(blanked, pos)
        return again if again is not None and again["d2"] is None else None
    return None


def _raw_mentions(text: str) -> list[_Raw]:
    # Every date has digits: the patterns are tried only at digit runs (anchored match) or, for the
    # month-first forms, at a month word found in a short window before the digits. Scanning the
    # whole text with each pattern cost ~1 ms per 5 KB page; this costs a few µs per number.
    found: list[_Raw] = []
    for digits in _DIGITS.finditer(text):
        pos, run = digits.start(), digits.group()
        if len(run) <= 2:
            if (m := _joined_days(_DAY_FIRST, text, pos)) and (month := month_number(m["m"])):
                d2 = int(m["d2"]) if m["d2"] else None
                found.append(_Raw(m.start(), m.end(), int(m["d1"]), d2, month, _year(m["y"]), _time(m), "day"))
            if (m := _NUMERIC.match(text, pos)) and not (
                    len(m["y"]) == 2 and (m["sep"] != "." or len(m["d1"]) != 2 or len(m["m"]) != 2)):
                # a two-digit year only in "26.05.20": "1.2.23" is more likely a clause number
                found.append(_Raw(m.start(), m.end(), int(m["d1"]), None, int(m["m"]), _year(m["y"]), _time(m), "day"))
            before = _word_before(text, pos) and _EN_MONTH_BEFORE.search(text, max(0, pos - 14), pos)
            if before and (m := _joined_days(_MONTH_FIRST, text, before.start())) and (month := month_number(m["m"])):
                d2 = int(m["d2"]) if m["d2"] else None
                found.append(_Raw(m.start(), m.end(), int(m["d1"]), d2, month, _year(m["y"]), _time(m), "day"))
        elif len(run) == 4:
            if m := _ISO.match(text, pos):
                found.append(_Raw(m.start(), m.end(), int(m["d1"]), None, int(m["m"]), _year(m["y"]), _time(m), "day"))
            before = _word_before(text, pos) and _MONTH_BEFORE.search(text, max(0, pos - 16), pos)
            if before and (m := _MONTH_YEAR.match(text, before.start())) and (month := month_number(m["m"])):
                found.append(_Raw(m.start(), m.end(), 1, None, month, _year(m["y"]), None, "month"))
    found.sort(key=lambda r: (r.start_char, -r.end_char))
    kept: list[_Raw] = []
    for raw in found:
        if kept and raw.start_char < kept[-1].end_char:
            continue
        kept.append(raw)
    return kept


def _day_span(raw: _Raw, year: int) -> tuple[dt.date, dt.date] | None:
    try:
        if raw.precision == "month":
            start = dt.date(year, raw.m, 1)
            nxt = dt.date(year + (raw.m == 12), raw.m % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        start = dt.date(year, raw.m, raw.d1)
        end = dt.date(year, raw.m, raw.d2) if raw.d2 is not None else start
    except ValueError:
        return None
    return (start, end) if end >= start else None


def _mention(text: str, first: _Raw, last: _Raw, start: dt.date, end: dt.date, explicit: bool) -> DateMention:
    time = first.time if first is last else None
    precision = "month" if first.precision == last.precision == "month" else "day"
    return DateMention(start, end, first.start_char, last.end_char, text[first.start_char:last.end_char],
                       explicit, time is not None, precision, time)


def _joined(text: str, a: _Raw, b: _Raw) -> bool:
    """True when text between two mentions is a range connector ("с A по B", "A – B")."""
    if a.precision != "day" or b.precision != "day" or a.d2 is not None or b.d2 is not None:
        return False
    gap = text[a.end_char:b.start_char]
    match = _CONNECTOR.fullmatch(gap)
    if match is None:
        return False
    dash = re.search(_DASH, gap) is not None
    return dash or _RANGE_OPENER.search(text, 0, a.start_char) is not None


def _resolve_range(text: str, a: _Raw, b: _Raw, year_hint: int | None) -> DateMention | None:
    ya, yb = a.y, b.y
    if ya == -1 or yb == -1:
        return None
    explicit = ya is not None or yb is not None
    if ya is None and yb is None:
        if year_hint is None:
            return None
        ya = yb = year_hint
    if ya is None:
        ya = yb if (a.m, a.d1) <= (b.m, b.d1) else yb - 1  # "с 28 декабря по 3 января 2024 года"
    if yb is None:
        yb = ya if (b.m, b.d1) >= (a.m, a.d1) else ya + 1
    first, last = _day_span(a, ya), _day_span(b, yb)
    if first is None or last is None or last[1] < first[0] or (last[1] - first[0]).days > 366:
        return None
    return _mention(text, a, b, first[0], last[1], explicit)


def find_dates(text: str, year_hint: int | None = None) -> list[DateMention]:
    """Every date or date range in the text, in text order; a mention without a year needs year_hint."""
    raws = _raw_mentions(text)
    result: list[DateMention] = []
    i = 0
    while i < len(raws):
        raw = raws[i]
        if i + 1 < len(raws) and _joined(text, raw, raws[i + 1]):
            mention = _resolve_range(text, raw, raws[i + 1], year_hint)
            if mention is not None:
                result.append(mention)
                i += 2
                continue
        year = raw.y
        explicit = year is not None
        if year is None:
            year = year_hint
        if year is not None and year != -1:
            span = _day_span(raw, year)
            if span is not None:
                result.append(_mention(text, raw, raw, span[0], span[1], explicit))
        i += 1
    return result


_ANY_DIGIT = re.compile(r"[0-9]")
_STAMP_FRAME = re.compile(r"[\s.,;:|·•—–-]*")
_STAMP_TAIL = re.compile(r"\s*\((?:обновлено|изменено|updated|ред\.)[^)]*\)\s*\.?", re.IGNORECASE)
_STAMP_LEAD = re.compile(
    r"^\s*(?:опубликовано|дата публикации|дата|published|posted|updated|обновлено)\s*:?\s*", re.IGNORECASE
)


# "РИА Новости, 10.06.2024 10:12": an outlet name of up to three words before the stamp
_STAMP_SOURCE = re.compile(r"^\s*[^\W\d_][^\d.,;:!?\n]{1,38}?,\s*(?=\d)")


def _without_source(line: str) -> str:
    match = _STAMP_SOURCE.match(line)
    return line[match.end():] if match and len(match.group(0).split()) <= 3 else line


@lru_cache(maxsize=8192)
def parse_stamp(line: str) -> dt.datetime | None:
    """A line that is only a publication stamp ("24.04.2024", "26-05-2020, 19:38.") → datetime, else None."""
    # cached: the splitter asks about the same lines several times
    if len(line) > 120 or "\n" in line.strip() or not _ANY_DIGIT.search(line):
        return None
    body = _STAMP_LEAD.sub("", line, count=1)
    body = _without_source(body)
    body = _STAMP_TAIL.sub("", body)
    mentions = find_dates(body)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if m.precision != "day" or m.start != m.end or not m.explicit_year:
        return None
    if not (_STAMP_FRAME.fullmatch(body[:m.start_char]) and _STAMP_FRAME.fullmatch(body[m.end_char:])):
        return None
    return dt.datetime.combine(m.start, m.time or dt.time())
