"""Choose when the event happened among the dates an item mentions (not when it was published)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storage.ingest.extract.predicates import sentence_tense
from storage.lexicon.bodies import find_body_matches
from storage.ingest.extract.relative import duration_days, ends_here, relative_dates

# a date in passing: a biography, a document's own date, a deadline, a plan period
PASSING = re.compile(
    r"(?:родил\w*|born|от|of|до|until|by|к|since|с\s+тех|года\s+рождения|дата\s+рождения|№|обязанност\w*)\s*$", re.I)
# "МОСКВА, 20 ноя - РИА Новости." / "YEREVAN, November 23 (Sputnik) -": the date of the wire, not of the event
DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,},\s")
TERM_START = re.compile(r"(?:^|\s)(?:с|from)\s*$", re.I)  # "с 1 января" alone: the start of a term, not a meeting


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date
    end: dt.date
    sentence: str
    future: bool  # the sentence announces the event
    implicit: bool = False  # no sentence states the day: it is the item's own date (dateline, stamp)


_OWN_TIME = re.compile(
    r"(?<![^\W\d_])(?:в|во|in|during)\s+(?:(?:19|20)\d\d(?!\d)|(?:\w+\s+)?(?:январ|феврал|март|апрел|ма[йея]|июн|июл|"
    r"август|сентябр|октябр|ноябр|декабр|квартал|полугоди|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|quarter))", re.IGNORECASE)



def _names_own_time(sentence: str, reference: dt.date) -> bool:
    """A month, a quarter or a year other than the reference's: the sentence's event is not on the reference day."""
    for m in _OWN_TIME.finditer(sentence):
        year = re.fullmatch(r"\S+\s+((?:19|20)\d\d)", m.group())
        if year is None or int(year[1]) != reference.year:
            return True
    return False


# scores: a finite predicate, an event noun or body, the headline or lead, and a date the text states
_PREDICATE, _EVENT, _LEAD, _STATED, _RELATIVE = 3.0, 2.0, 1.5, 1.0, 0.5
_HISTORY, _HISTORY_DAYS = 5.0, 400
_SIDE = 3.5
_HEADING = _PREDICATE + _EVENT + _STATED  # a lead sentence with its own date scores _LEAD more


def _organs(sentence: str) -> set[str]:
    return {m.payload.short for m in find_body_matches(sentence) if not m.payload.is_organisation}


# "к сессии СКБ", "проекты Заявления СКБ", "documents for the summit": an organ as object, not the one that met
_OBJECT_OF = re.compile(r"(?:^|\s)(?:к|ко|на|для|проект\w*|заявлени\w*|декларац\w*|решени\w*|документ\w*|рассмотрени\w*|"
                        r"to|for|before|ahead\s+of)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def acting_organs(sentence: str) -> set[str]:
    return {m.payload.short for m in find_body_matches(sentence)
            if not m.payload.is_organisation and not _OBJECT_OF.search(sentence[max(0, m.start - 40):m.start])}


# "прошла в два этапа: с 4 по 9 мая и с 1 по 6 сентября", "held in two stages: from … and from …"
_STAGES = re.compile(r"(?<![^\W\d_])(?:этап\w*|стади\w*|фаз[аеуыой]\w*|stages?|phases?|rounds?)(?![^\W\d_])",
                     re.IGNORECASE)


# a stage named by its number or place in the order: «первый этап», «заключительная фаза», "the second stage"
_NUMBERED_STAGE = re.compile(
    r"(?<![^\W\d_])(?:перв|втор|трет|четв[её]рт|пят|заключительн|завершающ|финальн|последн|начальн|"
    r"first|second|third|fourth|fifth|final|last|closing|opening)\w*\s+(?:\w+\s+)?"
    r"(?:этап\w*|стади\w*|фаз[аеуыой]\w*|stages?|phases?|rounds?)(?![^\W\d_])", re.IGNORECASE)


def _staged(chosen: EventDate, sentences: list[tuple[str, bool]], mentions_of) -> EventDate:
    """An event told as stages spans them all: the ranges a sentence about its stages lists, when the
    chosen date is one of them (a stage of this event, not another event's days), within one year."""
    for sentence, _ in sentences:
        if not _STAGES.search(sentence):
            continue
        spans = [(m.start, m.end) for m in mentions_of(sentence) if m.precision == "day"]
        if len(spans) < 2 or not any(a <= chosen.start <= b or a <= chosen.end <= b for a, b in spans):
            continue
        start, end = min(a for a, _ in spans), max(b for _, b in spans)
        if (end - start).days <= 366 and (start, end) != (chosen.start, chosen.end):
            return EventDate(min(start, chosen.start), max(end, chosen.end), chosen.sentence, chosen.future)  # stated
    if _NUMBERED_STAGE.search(chosen.sentence):
        # "С 15 по 23 мая прошёл первый этап… Второй этап запланирован на 17–25 сентября": the stages are told
        # sentence by sentence; each sentence naming another numbered stage adds its days
        start, end = chosen.start, chosen.end
        for sentence, _ in sentences:
            if sentence == chosen.sentence or not _NUMBERED_STAGE.search(sentence):
                continue
            for m in mentions_of(sentence):
                if m.precision == "day" and m.start.year == m.end.year == chosen.start.year:  # one year's stages
                    start, end = min(start, m.start), max(end, m.end)
        if (start, end) != (chosen.start, chosen.end):
            return EventDate(start, end, chosen.sentence, chosen.future)
    return chosen


def _extended(chosen: EventDate, sentences: list[tuple[str, bool]], mentions_of) -> EventDate:
    """A single day grows into the range the item gives for the same event: a range that contains it,
    an end date ("продлится до 9 мая"), or a length ("продолжалось три дня"); an event told in stages spans
    all of them."""
    staged = _staged(chosen, sentences, mentions_of)
    if staged is not chosen or chosen.start != chosen.end:
        return staged
    for sentence, _ in sentences:
        for mention in mentions_of(sentence):
            if mention.precision != "day":
                continue
            if mention.start < mention.end and mention.start <= chosen.start <= mention.end \
                    and (mention.end - mention.start).days <= 60:
                return EventDate(mention.start, mention.end, chosen.sentence, chosen.future)
            if mention.start == mention.end and chosen.start < mention.start <= chosen.start + dt.timedelta(days=45) \
                    and ends_here(sentence[:mention.start_char]):
                return EventDate(chosen.start, mention.start, chosen.sentence, chosen.future)
    for sentence, _ in sentences:
        days = duration_days(sentence)
        if days:
            # a length counts from the day the event opened ("открылось 20 мая … трёхдневное учение"), when the
            # item says it and the chosen day (a later phase) falls inside; otherwise from the chosen day
            start = _opening_day(sentences, mentions_of, chosen.start, days) or chosen.start
            return EventDate(start, start + dt.timedelta(days=days - 1), chosen.sentence, chosen.future)
    return chosen


_OPENED = re.compile(r"(?<![^\W\d_])(?:открыл\w*|открыт\w*|начал\w*|началось|стартовал\w*|открывш\w*|начавш\w*"
                     r"|opened|began|started|kicked\s+off|got\s+under\s*way)(?![^\W\d_])", re.IGNORECASE)


def _opening_day(sentences: list[tuple[str, bool]], mentions_of, chosen: dt.date, days: int) -> dt.date | None:
    """The earliest day a sentence says the event opened on, if a stated length from it covers the chosen day."""
    opened = [m.start for sentence, _ in sentences if _OPENED.search(sentence)
              for m in mentions_of(sentence) if m.precision == "day" and m.start == m.end]
    fitting = [d for d in opened if d <= chosen <= d + dt.timedelta(days=days - 1)]
    return min(fitting) if fitting else None


def choose_event_date(sentences: list[tuple[str, bool]], mentions_of, published: dt.datetime | None,
                      has_event_words, wire: bool = False, heading: str | None = None) -> EventDate | None:
    """sentences: (text, is_headline); mentions_of(text) → DateMention list; has_event_words(text) → bool.

    Every date is scored by its sentence: a predicate in any tense (morphology, not a verb list), an event
    noun or body, the headline or lead, and whether the date is stated or relative ("накануне", "в
    пятницу", resolved against the item's reference date). A lead event dated only by the dateline
    beats a stated date in passing further down (a preparatory meeting, the next summit)."""
    reference = published.date() if published else None
    # without a reference, the latest date the item states anchors it: a date years before is history
    anchor = reference or max((m.end for sentence, _ in sentences for m in mentions_of(sentence) if m.explicit_year),
                              default=None)
    first_body = next((pos for pos, (_, headline) in enumerate(sentences) if not headline), 0)
    lead_organs = set().union(*(acting_organs(text) for text, _ in sentences[:first_body + 1]))
    best: tuple[float, int, EventDate] | None = None
    dateline = None

    def consider(score: float, pos: int, date: EventDate) -> None:
        nonlocal best
        key = (score, -pos)  # earlier sentences win ties: the lead states the event
        if best is None or key > best[:2]:
            best = (score, -pos, date)

    if heading:
        # a digest entry's date line dates the entry, a little below a lead sentence that states its own day
        for mention in mentions_of(heading)[:1]:
            if mention.precision == "day":
                consider(_HEADING, -1, EventDate(mention.start, mention.end, heading, False))
    for pos, (sentence, headline) in enumerate(sentences):
        tense = sentence_tense(sentence)
        events = has_event_words(sentence)
        lead = headline or first_body <= pos <= first_body + 1
        future = tense.future
        base = (_PREDICATE if tense.any else 0.0) + (_EVENT if events else 0.0) + (_LEAD if lead else 0.0)
        stated = named = False
        for mention in mentions_of(sentence):
            before = sentence[: mention.start_char]
            if PASSING.search(before):
                continue  # a deadline or a document's date leaves the sentence's own event undated
            named = True
            if mention.precision != "day":
                continue
            if mention.has_time and sentence.strip() == mention.text.strip():
                continue  # a publication stamp line
            if DATELINE.match(sentence) and mention.start_char < 40:
                dateline = dateline or mention
                continue
            if mention.start == mention.end and TERM_START.search(before):
                continue
            if not tense.any and not (headline and events):
                continue  # a date with no predicate ("назначен … 1 января" aside) is not an event
            stated = True
            score = base + _STATED - (2 if mention.has_time else 0)
            organs = _organs(sentence)
            if lead_organs and organs and not organs & lead_organs:
                score -= _SIDE  # another organ's meeting told in passing: a side event, read apart
            if anchor is not None and (anchor - mention.end).days > _HISTORY_DAYS:
                score -= _HISTORY  # "Договор, подписанный 15 мая 1992 года": a date recalled, not the news
            if score > 0:
                consider(score, pos, EventDate(mention.start, mention.end, sentence, future))
        if reference is None or stated or not events or not (tense.any or headline):
            continue
        if named or _names_own_time(sentence, reference):
            continue  # "в декабре", "в четвертом квартале 2024 года": the sentence names its own time
        relative = relative_dates(sentence, reference, tense)
        if relative:
            consider(base + _RELATIVE, pos, EventDate(relative[0].date, relative[0].date, sentence, future))
        elif pos == first_body and (tense.past or tense.present):
            # the lead of a dated item reports the day it is dated; a wire dateline is trusted more than
            # a site stamp, which may be a day late
            implicit = base if wire else base - 2
            consider(implicit, pos, EventDate(reference, reference, sentence, future and not tense.past, True))
    if best is None and dateline is not None:
        for sentence, headline in sentences:
            tense = sentence_tense(sentence)
            if not headline and not DATELINE.match(sentence) and tense.any and has_event_words(sentence):
                best = (0.0, 0, EventDate(dateline.start, dateline.end, sentence, tense.future and not tense.past, True))
                break
    if best is None and reference is not None:
        # no sentence dates the event: the item reports on the day it is dated
        for sentence, headline in sentences:
            tense = sentence_tense(sentence)
            if (tense.past or tense.present) and has_event_words(sentence) and not _names_own_time(sentence, reference) \
                    and not mentions_of(sentence):
                best = (0.0, 0, EventDate(reference, reference, sentence, False, True))
                break
    return _extended(best[2], sentences, mentions_of) if best is not None else None
