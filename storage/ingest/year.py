"""The year of an item whose dates carry only a day and a month.

Wire items are dated "ДУШАНБЕ, 7 октября /АВЕСТА/" and say "в пятницу" or "в этом году"; the year is
in the text only as evidence. Each year from MIN_YEAR to the year the document was received gets a
score from what the item says, in order of trust:
- a full date elsewhere in the text, or a bare year ("в 2031 году", "in 2031"), or a year in a name
  ("Щит-2031");
- a weekday named with a date ("в пятницу, 14 октября": only years where 14 October is a Friday), and,
  more weakly, a weekday in the lead that matches the dateline (the day of the dateline or the day
  before: "прошло накануне", "on Monday");
- office holders named with their office ("генеральный секретарь … Хачатуров": 2017–2018) and the
  state said to chair the CSTO ("в этом году председательствует Казахстан");
and only when nothing speaks for any year, the received date (the guess says so).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from storage.ingest.dates import MIN_YEAR, find_dates, month_number
from storage.ingest.extract.predicates import sentence_tense
from storage.lexicon.offices import TERMS, Term, chair_years
from storage.lexicon.places import find_states

FIRST_YEAR = 1992  # the Collective Security Treaty; no CSTO page is dated earlier

WEEKDAYS: dict[str, int] = {
    "понедельник": 0, "понедельника": 0, "вторник": 1, "вторника": 1, "среда": 2, "среду": 2, "среды": 2,
    "четверг": 3, "четверга": 3, "пятница": 4, "пятницу": 4, "пятницы": 4, "суббота": 5, "субботу": 5,
    "субботы": 5, "воскресенье": 6, "воскресенья": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY_WORD = re.compile(rf"(?<![^\W\d_])({_WEEKDAY})(?![^\W\d_])", re.IGNORECASE)
_DM = r"(\d{1,2})(?:-?(?:го|е|th|st|nd|rd))?\s+(?:of\s+)?([^\W\d_]{3,9})\.?"
_MD = r"([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
# "в пятницу, 14 октября" / "Friday, 14 October" / "Friday, October 14" / "14 октября (пятница)"
_WEEKDAY_THEN_DM = re.compile(rf"(?<![^\W\d_])({_WEEKDAY}),?\s+{_DM}", re.IGNORECASE)
_WEEKDAY_THEN_MD = re.compile(rf"(?<![^\W\d_])({_WEEKDAY}),?\s+{_MD}(?!\d)", re.IGNORECASE)
_DM_THEN_WEEKDAY = re.compile(rf"(?<!\d){_DM}\s*[(,]\s*({_WEEKDAY})\)?", re.IGNORECASE)
_BARE_YEAR = re.compile(
    r"(?:(?<![\d.\-])(?P<a>(?:19|20)\d\d)\s*(?:-?(?:го|м|й)\s+)?(?:года|году|год|гг?\.|г\.?(?![^\W\d_]))"
    r"|(?:\b(?:in|of|since|during|for)\s+)(?P<b>(?:19|20)\d\d)(?!\d))", re.IGNORECASE)
_NAMED_YEAR = re.compile(r"[^\W\d_][»\"”]?[-‐‑–](?P<y>(?:19|20)\d\d)(?!\d)|[^\W\d_]\s(?P<z>(?:19|20)\d\d)[»\"”]")
_CHAIRMANSHIP = re.compile(r"председательств|председательствующ|chairmanship|chairs\b|presides|presidency", re.IGNORECASE)
_TAKEOVER = re.compile(r"принима\w*|принял\w*|прим[еу]т|переда\w*|передал\w*|переход\w*|перешл\w*|перейд\w*|перейт\w*|"
                       r"takes?\s+over|took\s+over|hand\w*\s+over|pass\w*|assum\w+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:'s)?")
# a year as a point in time, not a period's bound: «в 2019 году», "in 2019" (not «на 2016–2017 годы», «до 2025 года»)
_YEAR_POINT = re.compile(r"(?<![^\W\d_])(?:в|in)\s+((?:19|20)\d\d)(?:\s+(?:году|г\.?))?(?![\d–—-])", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def names_a_year(text: str) -> bool:
    """"в 2009 году", "in 2009": a text that dates anything at all, if only by the year."""
    return _BARE_YEAR.search(text) is not None


@dataclass(frozen=True, slots=True)
class YearGuess:
    year: int
    source: str  # "text" | "name" | "weekday" | "office" | "chair" | "received"
    # the other years the evidence supports just as well (an office held for decades): the store may settle
    # the year by an event it already holds on that day (storage.ingest.store)
    ties: tuple[int, ...] = ()


def _stem(surname: str) -> str:
    return re.sub(r"[ьйаяоеы]$", "", surname.lower()) if len(surname) > 3 else surname.lower()


def _names(sentence: str, term: Term) -> bool:
    stem, latin = _stem(term.surname), term.latin.lower()
    for token in _TOKEN.findall(sentence):
        if not token[:1].isupper():
            continue
        low = token.lower()
        if low.startswith(stem) and len(low) - len(stem) <= 3:
            return True
        if low.startswith(latin) and len(low) - len(latin) <= 2:
            return True
    return False


_ANY_CUE = re.compile("|".join(sorted({re.escape(cue) for term in TERMS for cue in term.cues}, key=len, reverse=True)))


def _office_years(sentence: str) -> set[int]:
    low = sentence.lower()
    years: set[int] = set()
    if not _ANY_CUE.search(low):
        return years  # one scan for most sentences instead of one per office
    for term in TERMS:
        if any(cue in low for cue in term.cues) and _names(sentence, term):
            years.update(range(term.first, term.last + 1))
    return years


def _weekday_pairs(text: str) -> list[tuple[int, int, int]]:
    """(weekday, day, month) stated together."""
    pairs = []
    for m in _WEEKDAY_THEN_DM.finditer(text):
        if month := month_number(m[3]):
            pairs.append((WEEKDAYS[m[1].lower()], int(m[2]), month))
    for m in _WEEKDAY_THEN_MD.finditer(text):
        if month := month_number(m[2]):
            pairs.append((WEEKDAYS[m[1].lower()], int(m[3]), month))
    for m in _DM_THEN_WEEKDAY.finditer(text):
        if month := month_number(m[2]):
            pairs.append((WEEKDAYS[m[3].lower()], int(m[1]), month))
    return pairs


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def infer_year(text: str, day_month: tuple[int, int] | None = None, received: dt.date | None = None,
               lead: str | None = None) -> YearGuess | None:
    """The most likely year of an item. day_month: the dateline's date, if any; lead: its first sentences
    (where "в среду" speaks of the dateline's day); received: when the document arrived (upper bound)."""
    received = received or dt.date.today()
    last = received.year
    scores: dict[int, float] = {}
    sources: dict[int, set[str]] = {}

    def add(year: int, points: float, source: str) -> None:
        if FIRST_YEAR <= year <= last:
            scores[year] = scores.get(year, 0.0) + points
            sources.setdefault(year, set()).add(source)

    # each year counts once per kind of evidence: a page that says "2030" five times is not five times surer
    stated = {m.start.year for m in find_dates(text) if m.explicit_year}
    bare: set[int] = set()
    ahead: set[int] = set()  # "в 2031 году председательство переходит к …": said the year before
    coming: set[int] = set()  # "до конца 2031 года роль будет исполнять…": written in that year or the one before
    # "в 2019 году страна вышла из договора, а в 2024 году вернулась": a past chronology is background; the
    # item was written after its latest year, and its years say nothing more of the item's own
    history: set[int] = set()
    for sentence in _SENTENCE.split(text):
        takeover = _CHAIRMANSHIP.search(sentence) is not None and _TAKEOVER.search(sentence) is not None
        years = {int(m["a"] or m["b"]) for m in _BARE_YEAR.finditer(sentence)}
        if not years:
            continue
        tense = sentence_tense(sentence)
        points = {int(y) for y in _YEAR_POINT.findall(sentence)}
        if len(points) >= 2 and tense.past and not tense.future and not takeover:
            history.update(points)
            continue
        (ahead if takeover else coming if tense.future and not tense.past else bare).update(years)
    stated -= history - bare
    for year in stated:
        add(year, 4, "text")
    for year in bare - stated:
        add(year, 3, "text")
    for year in bare | stated:
        add(year + 1, 1, "text")  # news looks back at the year before ("итоги 2030 года") more than ahead
    for year in ahead - bare - stated:
        add(year - 1, 3, "text")
    for year in coming - bare - stated - ahead:
        add(year, 1.5, "text")
        add(year - 1, 1.5, "text")
    for year in {int(m["y"] or m["z"]) for m in _NAMED_YEAR.finditer(text)}:
        add(year, 4, "name")
    pairs = _weekday_pairs(text)
    for year in range(max(FIRST_YEAR, MIN_YEAR), last + 1):
        agree = sum(_weekday_of(year, month, day) == weekday for weekday, day, month in pairs)
        if pairs and agree:
            add(year, 6 * agree / len(pairs), "weekday")
    if day_month and lead:
        said = {WEEKDAYS[w.lower()] for w in _WEEKDAY_WORD.findall(lead)}
        for year in range(max(FIRST_YEAR, MIN_YEAR), last + 1):
            weekday = _weekday_of(year, day_month[1], day_month[0])
            if weekday is None:
                continue
            if weekday in said:
                add(year, 1.5, "weekday")
            elif (weekday - 1) % 7 in said:
                add(year, 1.0, "weekday")
    for sentence in _SENTENCE.split(text):
        for year in _office_years(sentence):
            add(year, 2.5, "office")
        if _CHAIRMANSHIP.search(sentence):
            # "принимает председательство", "takes over": the state chairs from the next year on
            takeover = _TAKEOVER.search(sentence) is not None
            for state in {s.name for s in find_states(sentence)}:
                for year in chair_years(state):
                    add(year - 1 if takeover else year, 1, "chair")
    if history and scores:
        after = {y: p for y, p in scores.items() if y >= max(history)}
        scores = after or scores
    if day_month:
        # a dated item cannot have been written after it was received
        day, month = day_month
        for year in list(scores):
            try:
                if dt.date(year, month, day) > received:
                    del scores[year]
            except ValueError:
                del scores[year]
    if scores:
        best = max(scores.values())
        year = max(y for y, s in scores.items() if s == best)  # ties: the latest year
        source = next(s for s in ("text", "name", "weekday", "office", "chair") if s in sources[year])
        ties = tuple(sorted((y for y, s in scores.items() if s == best and y != year), reverse=True))
        return YearGuess(year, source, ties)
    if day_month is None:
        return None
    day, month = day_month
    year = last
    try:
        if dt.date(year, month, day) > received:
            year -= 1
    except ValueError:
        return None
    return YearGuess(year, "received")
