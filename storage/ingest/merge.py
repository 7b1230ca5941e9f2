"""Is a new candidate the same event as a stored one? Pure scoring over plain values.

Sameness comes from dates (overlapping; ±1 day when an announcement is involved), the body (two
different known bodies are never the same event), the place, the kind, and content similarity
(rapidfuzz over lemmatised content words plus language-independent keys: body short form,
canonical place, name keys of people), so an English item meets its Russian twin.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storage.ingest.records import EventCandidate
from storage.lexicon.kinds import FIELD_EVENTS, kind_by_name
from storage.lexicon.places import place_by_name
from storage.lexicon.translit import name_key
from storage.nlp import morph

SAME_EVENT_SCORE = 60.0
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё-]{3,}")
_STOP = frozenset("который также этот свой было были быть года году organization organisation their with from that "
                  "this were have been will state член государство организация договор коллективный безопасность одкб csto".split())


@dataclass(frozen=True, slots=True)
class EventView:
    """What merging needs to know of a stored event."""

    id: int
    date_start: dt.date
    date_end: dt.date
    is_announcement: bool
    body_short: str | None
    kind: str | None
    place: str | None
    keys: frozenset[str]


def content_keys(texts: Iterable[str | None], body_short: str | None, kind: str | None, place: str | None,
                 people: Iterable[str], series: Iterable[str] = ()) -> frozenset[str]:
    keys: set[str] = {f"series:{s}" for s in series}
    for text in texts:
        if not text:
            continue
        for word in _WORD.findall(text):
            lem = morph.lemma(word)
            if lem not in _STOP:
                keys.add(lem)
    for tag, value in (("body", body_short), ("kind", kind), ("place", place)):
        if value:
            keys.add(f"{tag}:{value}")
    keys.update("person:" + name_key(p).replace(" ", "_") for p in people)
    return frozenset(keys)


def candidate_keys(c: EventCandidate) -> frozenset[str]:
    return content_keys((c.title, c.summary, *c.decisions, *c.topics), c.body_short, c.kind, c.place,
                        (p.name for p in c.participants), c.series)


SERIES_SLACK_DAYS = 10
_SERIES_SLACK = dt.timedelta(days=SERIES_SLACK_DAYS)


def _series(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith("series:"))


def _dates_meet(view: EventView, c: EventCandidate) -> bool:
    slack = dt.timedelta(days=1 if (view.is_announcement or c.is_announcement) else 0)
    return c.date_start <= view.date_end + slack and view.date_start <= c.date_end + slack


# one gathering of a council is called a session, a summit or a meeting by different outlets
_MEETINGS = frozenset({"заседание", "сессия", "саммит", "совещание", "встреча", "переговоры", "консультации"})


def _kinds_clash(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return False
    if a in _MEETINGS and b in _MEETINGS:
        return False
    if (a in FIELD_EVENTS) != (b in FIELD_EVENTS) and {a, b} & _MEETINGS:
        return True  # forces in the field and a council at a table: never one event, however vaguely named
    ka, kb = kind_by_name(a), kind_by_name(b)
    # a "meeting" can be reported as a "session" or "visit"; two specific kinds cannot be one event
    return bool(ka and kb and ka.weight >= 3 and kb.weight >= 3)


def _where(place: str) -> tuple[str | None, str | None, str | None]:
    """(city, state, region key) of a stored place: "Минск", "Псковская область, Россия", "Pskov Region"."""
    parts = [p.strip() for p in place.split(",")]
    city = state = region = None
    for part in parts:
        known = place_by_name(part)
        if known is not None and known.is_state:
            state = state or known.name
        elif known is not None and known.name == part:
            city = city or known.name
            state = state or known.state
        elif part and not re.match(r"(?:полигон|аэродром|учебн)", part, re.I) and "training ground" not in part:
            region = region or name_key(part).split()[0][:4]  # a range names no region: it never clashes
    return city, state, region


def places_clash(a: str | None, b: str | None) -> bool:
    """Two places that cannot be one event's: different cities, states or regions. A region and the city of
    a dateline, or a state and a place in it, are one event told at two levels of detail."""
    if not a or not b or a == b:
        return False
    (city_a, state_a, region_a), (city_b, state_b, region_b) = _where(a), _where(b)
    if city_a and city_b:
        return city_a != city_b
    if state_a and state_b and state_a != state_b:
        return True
    return bool(region_a and region_b and region_a != region_b)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b)))


def sameness(view: EventView, c: EventCandidate, keys: frozenset[str] | None = None) -> float:
    """0–100: how sure we are that the candidate reports the stored event; 0 = certainly not."""
    keys = keys if keys is not None else candidate_keys(c)
    named_view, named = _series(view.keys), _series(keys)
    if named_view and named:
        # the same exercise named by two reports is one event, whichever body each credits, and a stage
        # reported a few days off still falls in its range; two different series are two events
        near = c.date_start <= view.date_end + _SERIES_SLACK and view.date_start <= c.date_end + _SERIES_SLACK
        return 90.0 if named_view & named and near else 0.0
    if not _dates_meet(view, c):
        return 0.0
    if view.body_short and c.body_short and view.body_short != c.body_short:
        return 0.0
    if places_clash(view.place, c.place):
        return 0.0
    if _kinds_clash(view.kind, c.kind):
        return 0.0
    sim = similarity(view.keys, keys)
    if view.body_short and view.body_short == c.body_short:
        return 70.0 + 0.3 * sim
    return sim


def find_same_event(views: Sequence[EventView], c: EventCandidate) -> EventView | None:
    keys = candidate_keys(c)
    scored = [(sameness(v, c, keys), -v.id, v) for v in views]
    scored = [s for s in scored if s[0] >= SAME_EVENT_SCORE]
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def is_duplicate_text(a: str, b: str) -> bool:
    """Two decision/topic strings saying the same thing (fuzzy, case-insensitive)."""
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) >= 88


def better_text(a: str, b: str) -> str:
    """Order-independent choice between two duplicates: the longer one, then alphabetical."""
    return max(a, b, key=lambda t: (len(t), t))
