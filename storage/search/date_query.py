"""Dates typed by users: the `/event` argument, and date spans inside free-text questions.

`parse_date_query("май 2020")` → DateRange(2020-05-01, 2020-05-31); bad input raises DateQueryError
whose message is one Russian line listing the formats that work.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from storage.lexicon.months import ENGLISH, GENITIVE_RU, NOMINATIVE_RU, PREPOSITIONAL_RU, month_number


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return start <= self.end and end >= self.start


@dataclass(frozen=True, slots=True)
class DaySpan:
    """A day and month without a year ("26 мая"): matches that day in any year."""

    month: int
    day: int

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        for year in range(start.year, end.year + 1):
            try:
                day = dt.date(year, self.month, self.day)
            except ValueError:
                continue
            if start <= day <= end:
                return True
        return False


@dataclass(frozen=True, slots=True)
class MonthSpan:
    """A month without a year ("в сентябре"): matches that month in any year."""

    month: int

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        months = (end.year - start.year) * 12 + end.month - start.month
        return months >= 11 or any((start.month - 1 + k) % 12 + 1 == self.month for k in range(months + 1))


FORMATS_HINT = (
    "Не понял дату. Форматы: 2020-05-26, 26.05.2020, 26/05/2020, 26 мая 2020, май 2020, 2020-05, "
    "2020 или диапазон 2020-05-01..2020-05-31."
)


class DateQueryError(ValueError):
    """An argument that is not a date; str(e) is a one-line Russian hint with the formats that work."""

    def __init__(self, message: str = FORMATS_HINT) -> None:
        super().__init__(message)


_MIN_YEAR, _MAX_YEAR = 1990, 2100
_SEP = r"[.\-/]"
_NUMERIC_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_MONTH_YEAR_NUM = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})")
_YEAR = re.compile(r"(\d{4})(?:\s*(?:г\.?|года?|году|year))?")
_WORDY = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-zА-Яа-яЁё]+)\.?,?(?:\s+(\d{4}))?(?:\s*(?:г\.?|года?|году))?")
_ENGLISH_MDY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


_MONTH_FORMS = frozenset(w.lower() for forms in (GENITIVE_RU, NOMINATIVE_RU, PREPOSITIONAL_RU, ENGLISH)
                         for w in forms)


def _is_month_word(word: str) -> bool:
    """A whole month name ("сентябре", "May"), not a word that merely starts like one ("марс")."""
    if word == "may":  # the English modal verb, not the month
        return False
    w = word.lower().replace("ё", "е").rstrip(".")
    # whole forms, or abbreviations that are the start of one ("сент", "авг", "Sep")
    return w in _MONTH_FORMS or len(w) >= 3 and any(f.startswith(w) for f in _MONTH_FORMS)


def _year(text: str) -> int:
    year = int(text)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise DateQueryError()
    return year


def _day(year: int, month: int, day: int) -> DateRange:
    try:
        d = dt.date(year, month, day)
    except ValueError as exc:
        raise DateQueryError() from exc
    return DateRange(d, d)


def _month(year: int, month: int) -> DateRange:
    if not 1 <= month <= 12:
        raise DateQueryError()
    last = calendar.monthrange(year, month)[1]
    return DateRange(dt.date(year, month, 1), dt.date(year, month, last))


def _single(arg: str) -> DateRange:
    text = " ".join(arg.strip().replace("ё", "е").split()).rstrip(".").strip()
    if m := _ISO.fullmatch(text):
        return _day(_year(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_DMY.fullmatch(text):
        return _day(_year(m[3]), int(m[2]), int(m[1]))
    if m := _ISO_MONTH.fullmatch(text):
        return _month(_year(m[1]), int(m[2]))
    if m := _MONTH_YEAR_NUM.fullmatch(text):
        return _month(_year(m[2]), int(m[1]))
    if m := _YEAR.fullmatch(text):
        year = _year(m[1])
        return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if m := _ENGLISH_MDY.fullmatch(text):
        month = month_number(m[1])
        if month is None:
            raise DateQueryError()
        return _day(_year(m[3]), month, int(m[2]))
    if m := _WORDY.fullmatch(text):
        month = month_number(m[2]) if _is_month_word(m[2]) else None
        if month is None or m[3] is None:
            raise DateQueryError()
        year = _year(m[3])
        return _day(year, month, int(m[1])) if m[1] else _month(year, month)
    raise DateQueryError()


def parse_date_query(arg: str) -> DateRange:
    """The dates an `/event` argument names: a day, a month, a year, or `A..B` (each end any format)."""
    if not arg or not arg.strip():
        raise DateQueryError("Укажите дату, например: /event 26.05.2020 или /event май 2020.")
    from storage.lexicon.numerals import spell_out_dates

    text = spell_out_dates(arg.strip()).text  # "шестое октября 2007", "the fifth of May 2031"
    for sep in ("..", "—", " – ", " - "):
        if sep in text:
            left, _, right = text.partition(sep)
            a, b = _single(left), _single(right)
            if b.end < a.start:
                raise DateQueryError("Конец диапазона раньше начала. " + FORMATS_HINT)
            return DateRange(a.start, b.end)
    try:
        return _single(text)
    except DateQueryError:
        # "01.02.2024-31.03.2024": a dash with no spaces is a range only where both halves are dates
        for i, ch in enumerate(text):
            if ch in "-–—":
                try:
                    a, b = _single(text[:i]), _single(text[i + 1:])
                except DateQueryError:
                    continue
                if b.end >= a.start:
                    return DateRange(a.start, b.end)
        raise


# --- date spans inside a question ---------------------------------------------------------

_MONTH_WORD = r"[A-Za-zА-Яа-яЁё]{3,9}"
_IN_TEXT = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}\d{{4}}\b)"
    rf"|(?P<range>\b(?:с\s+)?(?P<d1>\d{{1,2}})\s*(?:по|-|–|—)\s*(?P<d2>\d{{1,2}})\s+(?P<m0>{_MONTH_WORD})(?:\s+(?P<y0>\d{{4}}))?)"
    rf"|(?P<en>\b(?P<m1>[A-Za-z]{{3,9}})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b)"
    rf"|(?P<wordy>\b(?:(?P<d4>\d{{1,2}})\s+)?(?P<m2>{_MONTH_WORD})\.?,?(?:\s+(?P<y2>\d{{4}}))?)"
    rf"|(?P<year>\b(?P<y3>\d{{4}})\b)",
)


_SEASON_WORD = r"весн\w*|лет(?:ом|о|а|у)|осен\w*|зим(?:ой|а|у|е|ы)|spring|summer|autumn|fall|winter"
_SEASON = re.compile(
    rf"(?<![^\W\d_])(?P<season>{_SEASON_WORD})(?:\s+of)?(?:\s+the)?\s+(?P<year>\d{{4}})(?!\d)"
    rf"(?:\s*(?:г\.?|года?|году)(?![^\W\d_]))?", re.IGNORECASE)
_SEASON_MONTHS = {"в": (3, 5), "л": (6, 8), "о": (9, 11), "з": (12, 2), "s": (6, 8), "a": (9, 11), "f": (9, 11),
                  "w": (12, 2)}


def is_season_word(word: str) -> bool:
    return re.fullmatch(_SEASON_WORD, word, re.IGNORECASE) is not None


def _season(word: str, year: int) -> list[DateRange]:
    """A season of a year: spring March–May, summer June–August, autumn September–November; winter is the
    year's January–February and its December (the two winters the year touches)."""
    word = word.lower()
    first, last = (3, 5) if word.startswith("spring") else _SEASON_MONTHS[word[0]]
    if first > last:
        return [DateRange(dt.date(year, 1, 1), _month(year, last).end), _month(year, first)]
    return [DateRange(dt.date(year, first, 1), _month(year, last).end)]


# «на 2015 год», «на 2016–2017 годы», "for 2015": the year something is for, not when the event was
_PURPOSE_YEAR = re.compile(r"(?<![^\W\d_])(?:на|for)\s+(\d{4})(?:\s*[-–—]\s*(\d{4}))?(?:\s+год\w*)?(?!\d)",
                           re.IGNORECASE)


def _purposes(text: str) -> list[re.Match]:
    return [m for m in _PURPOSE_YEAR.finditer(text)
            if m.group(0).lower().startswith("for") or re.search(r"год", m.group(0), re.IGNORECASE)]


def purpose_years(text: str) -> set[str]:
    """Years a question names as what something is for («председательство на 2015 год»)."""
    return {y for m in _purposes(text) for y in m.groups() if y}


# times said relative to today: «в прошлом году», "last week", «вчера»
_RELATIVE = re.compile(
    r"(?<![^\W\d_])(?:(?P<last_year>(?:в|за)\s+прошл\w+\s+году|last\s+year)"
    r"|(?P<this_year>в\s+(?:этом|текущем|нынешнем|сем)\s+году|this\s+year)"
    r"|(?P<last_month>в\s+прошл\w+\s+месяц\w*|last\s+month)|(?P<this_month>в\s+этом\s+месяц\w*|this\s+month)"
    r"|(?P<last_week>на\s+прошл\w+\s+недел\w*|last\s+week)|(?P<this_week>на\s+этой\s+недел\w*|this\s+week)"
    r"|(?P<day_before>позавчера)|(?P<yesterday>вчера|yesterday)|(?P<today>сегодня|today))(?![^\W\d_])",
    re.IGNORECASE)
# «в начале 2031», «в конце 2031 года», "early 2031", "mid-2031", "the end of 2031"
_PART_OF_YEAR = re.compile(
    r"(?<![^\W\d_])(?P<part>начал\w*|конц\w*|середин\w*|early|late|mid|beginning(?:\s+of)?|end(?:\s+of)?"
    r"|middle(?:\s+of)?)(?:\s+the)?\s*-?\s*(?:(?P<year>\d{4})(?!\d)(?:\s*(?:г\.?|года?|году)(?![^\W\d_]))?"
    r"|(?P<last>прошл\w+\s+год\w*|last\s+year)|(?P<this>(?:этого|текущего|нынешнего)\s+года|this\s+year))",
    re.IGNORECASE)


def _relative(kind: str, today: dt.date) -> DateRange:
    if kind == "last_year":
        return DateRange(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    if kind == "this_year":
        return DateRange(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    first = today.replace(day=1)
    if kind == "this_month":
        return _month(today.year, today.month)
    if kind == "last_month":
        before = first - dt.timedelta(days=1)
        return _month(before.year, before.month)
    monday = today - dt.timedelta(days=today.weekday())
    if kind == "this_week":
        return DateRange(monday, monday + dt.timedelta(days=6))
    if kind == "last_week":
        return DateRange(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    back = {"today": 0, "yesterday": 1, "day_before": 2}[kind]
    day = today - dt.timedelta(days=back)
    return DateRange(day, day)


def _part_of_year(part: str, year: int) -> DateRange:
    word = part.lower()
    if word.startswith(("нач", "early", "beginning")):
        first, last = 1, 4
    elif word.startswith(("кон", "late", "end")):
        first, last = 9, 12
    else:  # «в середине», "mid", "middle of"
        first, last = 5, 8
    return DateRange(dt.date(year, first, 1), _month(year, last).end)


def relative_date_words(text: str) -> set[str]:
    """The words of a question's relative times and parts of years («прошлом», "week", «начале»): they said
    when, not what."""
    return {w.lower() for rx in (_RELATIVE, _PART_OF_YEAR) for m in rx.finditer(text)
            for w in re.findall(r"[^\W\d_]+", m.group(0))}


def find_date_spans(text: str, today: dt.date | None = None) -> list[DateRange | DaySpan | MonthSpan]:
    """Every date, month, year, season of a year or day-without-year mentioned in a question, in order.

    A year the question names as a purpose («на 2015 год») is no span; a year beside a full day that it does
    not contain («кто председательствует в 2013 году по итогам сессии 19.12.2012») is what was asked about,
    not a second time to look in. Times relative to `today` resolve against it («в прошлом году», "last week");
    a part of a year is its third («в начале 2031»: January–April); a month or day without a year beside one
    year is in that year («2031 май»): dates in one question narrow each other, they never add up."""
    today = today or dt.date.today()
    found: list[DateRange | DaySpan | MonthSpan] = []

    def blank(m: re.Match) -> None:
        nonlocal text
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]

    for m in _purposes(text):
        blank(m)
    for m in list(_PART_OF_YEAR.finditer(text)):  # before the relative times: «в конце прошлого года»
        year = int(m["year"]) if m["year"] else today.year - (1 if m["last"] else 0)
        if _MIN_YEAR <= year <= _MAX_YEAR:
            found.append(_part_of_year(m["part"], year))
            blank(m)
    for m in list(_RELATIVE.finditer(text)):
        found.append(_relative(next(k for k, v in m.groupdict().items() if v), today))
        blank(m)
    spans = found + _find_date_spans(text)
    days = [sp for sp in spans if isinstance(sp, DateRange) and sp.start == sp.end]
    if days:
        spans = [sp for sp in spans if not (_is_year(sp) and not any(sp.start <= d.start <= sp.end for d in days))]
    years = {sp.start.year for sp in spans if _is_year(sp)}
    yearless = [sp for sp in spans if isinstance(sp, (MonthSpan, DaySpan))]
    if len(years) == 1 and yearless:
        [year] = years
        dated = []
        for sp in yearless:
            try:
                dated.append(_month(year, sp.month) if isinstance(sp, MonthSpan) else _day(year, sp.month, sp.day))
            except DateQueryError:
                continue
        spans = [sp for sp in spans if not _is_year(sp) and sp not in yearless] + dated
    return spans


def _is_year(span) -> bool:
    return isinstance(span, DateRange) and (span.start.month, span.start.day, span.end.month, span.end.day) == (
        1, 1, 12, 31) and span.start.year == span.end.year


def _find_date_spans(text: str) -> list[DateRange | DaySpan | MonthSpan]:
    found: list[DateRange | DaySpan | MonthSpan] = []
    for m in _SEASON.finditer(text):
        year = int(m["year"])
        if _MIN_YEAR <= year <= _MAX_YEAR:
            found.extend(_season(m["season"], year))
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]  # its year is not the year
    for m in _IN_TEXT.finditer(text):
        try:
            if m["iso"] or m["dmy"]:
                found.append(_single(m[0]))
            elif m["range"]:
                month = month_number(m["m0"])
                if month is None:
                    continue
                if m["y0"]:
                    year = _year(m["y0"])
                    found.append(DateRange(_day(year, month, int(m["d1"])).start, _day(year, month, int(m["d2"])).end))
                else:
                    found.append(DaySpan(month, int(m["d1"])))
            elif m["en"]:
                month = month_number(m["m1"])
                if month is not None:
                    found.append(_day(_year(m["y1"]), month, int(m["d3"])))
            elif m["wordy"]:
                month = month_number(m["m2"]) if _is_month_word(m["m2"]) else None
                if month is None:
                    # "СМИД 2022": the word is no month, but the year after it still counts
                    if m["y2"] and _MIN_YEAR <= int(m["y2"]) <= _MAX_YEAR:
                        year = int(m["y2"])
                        found.append(DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31)))
                    continue
                if m["y2"]:
                    year = _year(m["y2"])
                    found.append(_day(year, month, int(m["d4"])) if m["d4"] else _month(year, month))
                elif m["d4"] and 1 <= int(m["d4"]) <= 31:
                    found.append(DaySpan(month, int(m["d4"])))
                elif _is_month_word(m["m2"]):
                    found.append(MonthSpan(month))
            elif m["year"]:
                year = int(m["y3"])
                if _MIN_YEAR <= year <= _MAX_YEAR:
                    found.append(DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        except DateQueryError:
            continue
    return found
