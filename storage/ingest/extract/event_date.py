"""Choose when the event happened among the dates an item mentions (not when it was published)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PAST = re.compile(
    r"\b(?:состоял\w*|проходил\w*|прош(?:л[аои]?|ел|ёл)|встретил\w*|посетил\w*|прибыл\w*|провели|проведен\w*|провел[аи]?|провёл|начал(?:ись|ась|ся|ось)|"
    r"завершил\w*|открыл\w*|стартовал\w*|обсудил\w*|рассмотрел\w*|одобрил\w*|утвердил\w*|подписал\w*|"
    r"принял[аи]?|собрал\w*|held|took\s+place|was\s+held|were\s+held|met|discussed|opened|began|started|"
    r"concluded|approved|signed|adopted)\b", re.I)
FUTURE = re.compile(
    r"\b(?:пройд[её]т|пройдут|состоится|состоятся|планиру\w+|запланирован\w*|намечен\w*|будет\s+проведен\w*|"
    r"будут\s+проведены|проведут|проведет|проведёт|соберутся|откроется|начнутся|начнется|начнётся|"
    r"will\s+be\s+held|will\s+take\s+place|will\s+hold|will\s+meet|is\s+scheduled|are\s+scheduled|to\s+be\s+held)\b", re.I)
# a date in passing: a biography, a document's own date, a deadline, a plan period
PASSING = re.compile(
    r"(?:родил\w*|born|от|of|до|until|by|к|since|с\s+тех|года\s+рождения|дата\s+рождения|№|обязанност\w*)\s*$", re.I)
# "МОСКВА, 20 ноя - РИА Новости." / "YEREVAN, November 23 (Sputnik) -": the date of the wire, not of the event
DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,},\s")
TERM_START = re.compile(r"(?:^|\s)(?:с|from)\s*$", re.I)  # "с 1 января" alone: the start of a term, not a meeting
WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY = re.compile(r"\b(?:в|во|on)\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)
TODAY = re.compile(r"\b(?:сегодня|today|this\s+morning)\b", re.I)
YESTERDAY = re.compile(r"\b(?:вчера|накануне|yesterday)\b", re.I)


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date
    end: dt.date
    sentence: str
    future: bool  # the sentence announces the event


def choose_event_date(sentences: list[tuple[str, bool]], mentions_of, published: dt.datetime | None,
                      has_event_words, wire: bool = False) -> EventDate | None:
    """sentences: (text, is_headline); mentions_of(text) → DateMention list; has_event_words(text) → bool."""
    best: tuple[float, int, EventDate] | None = None
    dateline = None
    for pos, (sentence, headline) in enumerate(sentences):
        for mention in mentions_of(sentence):
            if mention.precision != "day":
                continue
            before = sentence[: mention.start_char]
            if PASSING.search(before):
                continue
            if mention.has_time and sentence.strip() == mention.text.strip():
                continue  # a publication stamp line
            if DATELINE.match(sentence) and mention.start_char < 40:
                dateline = dateline or mention
                continue
            if mention.start == mention.end and TERM_START.search(before):
                continue
            score = 0.0
            if PAST.search(sentence):
                score += 3
            if FUTURE.search(sentence):
                score += 3
            if score == 0 and not (headline and has_event_words(sentence)):
                continue  # a date with no event predicate ("назначен … 1 января") is not an event
            if has_event_words(sentence):
                score += 2
            if headline or pos <= 1:
                score += 1.5
            if mention.has_time:
                score -= 2
            if score <= 0:
                continue
            # earlier sentences win ties: the lead states the event
            key = (score, -pos)
            if best is None or key > best[:2]:
                best = (score, -pos, EventDate(mention.start, mention.end, sentence, bool(FUTURE.search(sentence))))
    if best is not None:
        return best[2]
    if dateline is not None:
        # a wire item ("БИШКЕК, 15 фев – Sputnik. … встретился …") reports the day of its dateline
        for sentence, headline in sentences:
            if not headline and not DATELINE.match(sentence) and PAST.search(sentence) and not FUTURE.search(sentence) and has_event_words(sentence):
                return EventDate(dateline.start, dateline.end, sentence, False)
    if published is not None:
        for sentence, _ in sentences:
            weekday = WEEKDAY.search(sentence)
            if weekday and has_event_words(sentence) and (PAST.search(sentence) or FUTURE.search(sentence)):
                # "прошла в среду" in a wire item: the weekday nearest the publication date, in the right direction
                target = WEEKDAYS[weekday[1].lower()]
                future = bool(FUTURE.search(sentence)) and not PAST.search(sentence)
                d = published.date()
                delta = (target - d.weekday()) % 7 if future else -((d.weekday() - target) % 7)
                d = d + dt.timedelta(days=delta)
                return EventDate(d, d, sentence, future)
            if TODAY.search(sentence) and (PAST.search(sentence) or FUTURE.search(sentence)) and has_event_words(sentence):
                d = published.date()
                return EventDate(d, d, sentence, bool(FUTURE.search(sentence)))
            if YESTERDAY.search(sentence) and PAST.search(sentence) and has_event_words(sentence):
                d = published.date() - dt.timedelta(days=1)
                return EventDate(d, d, sentence, False)
    if wire and published is not None:
        # the dateline was split off already: a wire item reports the day it is dated
        for sentence, headline in sentences:
            if not headline and PAST.search(sentence) and not FUTURE.search(sentence) and has_event_words(sentence):
                d = published.date()
                return EventDate(d, d, sentence, False)
    return None
