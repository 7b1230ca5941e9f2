"""Other events an item reports beside its lead one.

A report of a joint ministers' meeting ends with "Сессия СКБ пройдёт в четверг, 28 ноября"; a digest
of a week names a session and an exercise. A sentence is a side event when it names its own organ
(not the lead event's), states its own day, and has a predicate; the side event is read from that
sentence and the sentences after it up to the next dated one, so its participants come along.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from storage.ingest.extract.event_date import PASSING, acting_organs
from storage.ingest.extract.predicates import sentence_tense
from storage.ingest.extract.sentences import split_sentences
from storage.ingest.records import EventCandidate, Item
from storage.lexicon.bodies import find_body_matches

_FOLLOWING = 3  # sentences after the dated one that still tell of the side event


def _organs(sentence: str) -> set[str]:
    return {m.payload.short for m in find_body_matches(sentence) if not m.payload.is_organisation}


def side_items(item: Item, lead: EventCandidate, mentions_of) -> list[Item]:
    """Parts of the item that report another event than the lead one, as items of their own."""
    sentences = split_sentences(item.text)
    lead_organs = set((lead.body_short or "").split())
    out: list[Item] = []
    for i, sentence in enumerate(sentences):
        if sentence == lead.facts[0].sentence:
            continue
        organs = acting_organs(sentence)  # "рассмотрели проекты к сессии СКБ 28 ноября" names the session as object
        if not organs or organs & lead_organs or not sentence_tense(sentence).any:
            continue
        dates = [m for m in mentions_of(sentence) if m.precision == "day"
                 and not PASSING.search(sentence[:m.start_char])
                 and not (m.start <= lead.date_end + dt.timedelta(days=0) and m.end >= lead.date_start)]
        if not dates or abs((dates[0].start - lead.date_start).days) > 120:
            continue  # no day of its own, or history recalled
        tail = []
        for follower in sentences[i + 1:i + 1 + _FOLLOWING]:
            if mentions_of(follower) or _organs(follower) - organs:
                break
            tail.append(follower)
        out.append(replace(item, title=None, text=" ".join([sentence, *tail])))
    return out
