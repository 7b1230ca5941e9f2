"""Free-text questions → one honest sentence built only from record fields, with the sentences it came from.

`QA.answer` is pure and in memory; "no answer" is a normal result (confident=False), never an exception.
"""
from __future__ import annotations

import datetime as dt
import heapq
import re
from functools import cache, lru_cache
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.lexicon.places import find_places
from storage.lexicon.series import series_keys
from storage.search import normalize as nz
from storage.lexicon.numerals import spell_out_dates
from storage.lexicon.organisations import find_other_organisations
from storage.search.date_query import find_date_spans, is_season_word, purpose_years, relative_date_words
from storage.lexicon.bodies import find_bodies
from storage.lexicon.kinds import find_kinds
from storage.search.index import SearchIndex, Slot, _capitalised, bodies_named_by_words
from storage.lexicon.offices import ROLE_HEADS
from storage.search.intents import (Intent, asks_for_holder, asks_for_states, asks_how_often, asks_latest_or_next,
                                    counted_word, detect_intent)
from storage.search.records import EventRecord
from storage.search.render_dates import format_date_range

__all__ = ["Answer", "Citation", "EventHit", "Intent", "QA"]

# share of the question's content (idf-weighted) the best event must contain to be an answer
_MIN_COVERAGE = 0.7
# below this, not even a suggestion: the question is about something else
_MIN_SUGGEST = 0.45
_MARGIN = 0.12
# a question word found only in a source's text, not in any field, covers this share of its weight
_SOURCE_ONLY = 0.6
_MAX_LISTED = 5  # a date-only question lists up to this many events; more is a page for /event
_LOCATIVE = re.compile(r"(?:^|\s)(?:в|во|in)\s+$")
_DECIDED = 2  # a filter leaving this few records may decide the event when the words only ask a detail
_MAX_FILTERED = 20  # a filter leaving more records than this says too little to make a candidate of each


@dataclass(frozen=True, slots=True)
class EventHit:
    event_id: int
    score: float  # 0..100


@dataclass(frozen=True, slots=True)
class Citation:
    field: str
    value: str
    sentence: str
    source_location: str
    source_title: str | None


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    language: str
    intent: Intent
    confident: bool
    text: str
    hits: tuple[EventHit, ...]
    citations: tuple[Citation, ...]
    # every hit is equally the answer ("что было 22 ноября 2023?"), not a best one and its runners-up
    several: bool = False


@dataclass(frozen=True, slots=True)
class _Ranked:
    doc: int
    score: float
    coverage: float


MAX_QUESTION_CHARS = 500  # a question is a sentence or two; longer text is not a question to this bot


class QA:
    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self.by_id = {r.id: r for r in index.records}

    @classmethod
    def from_records(cls, records: Iterable[EventRecord]) -> QA:
        return cls(SearchIndex(records))

    @classmethod
    async def load(cls, sessions: async_sessionmaker[AsyncSession]) -> QA:
        from storage.repositories import load_records

        return cls.from_records(await load_records(sessions))

    async def refresh(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        from storage.repositories import load_records

        fresh = SearchIndex(await load_records(sessions))
        self.index = fresh
        self.by_id = {r.id: r for r in fresh.records}

    def follow_up(self, question: str, event_id: int, language: str | None = None) -> Answer | None:
        """The question asked of the event a chat was just shown, when the question names no event of its own
        («а где?», «кто председательствовал?», "and who chaired?"); None when it names one (a date, a place,
        a body, an exercise, a name, or words enough to search by), or when that event is gone. The reply names
        the event it took (its label and date lead every answer)."""
        record = self.by_id.get(event_id)
        question = question[:MAX_QUESTION_CHARS]
        if record is None or find_date_spans(question) or find_places(_capitalised(question)) \
                or find_bodies(question) or series_keys(_capitalised(question)):
            return None
        slots = self.index.slots(question)
        content = [s for s in slots if not s.generic and not s.frame]
        if len(content) > 1 or any(s.proper for s in content):
            return None
        lang = language or nz.detect_language(question)
        return self._confident(question, lang, detect_intent(question), self.index.doc_of[event_id], slots, 100.0)

    def stats(self) -> tuple[int, dt.date | None, dt.date | None]:
        records = self.index.records
        if not records:
            return 0, None, None
        return len(records), min(r.date_start for r in records), max(r.date_end for r in records)

    def record(self, event_id: int) -> EventRecord | None:
        return self.by_id.get(event_id)

    # --- ranking ----------------------------------------------------------------------------

    def _rank(self, question: str, slots: list[Slot], only: set[int] | None = None,
              limit: int = 50, given: float = 0.0) -> tuple[list[_Ranked], float]:
        """The best records for the question's content words (coverage first, then score), and the content weight total.

        given: the weight of what the question's dates and places already said about the records in `only`
        (they all match it), counted as covered evidence beside the words."""
        ix = self.index
        # a kind word ("meeting", "совещание") counts less: reports call the same event different kinds
        content = [(i, ix.slot_weight(s) * (0.3 if _is_kind_slot(s) else 1.0))
                   for i, s in enumerate(slots) if not s.generic and not s.frame]
        total = sum(w for _, w in content) + given
        scores, masks, fields = ix.score(slots, only)
        if given and only is not None and len(only) <= _MAX_FILTERED:
            for doc in only:  # matched by the filter alone: still a candidate, on the filter's evidence
                scores.setdefault(doc, 0.0)
                masks.setdefault(doc, 0)
                fields.setdefault(doc, 0)
        # the body or the kind named in the question is what the event IS, not words it mentions
        bodies = {b.short for b, _, _ in find_bodies(question) if not b.is_organisation} | bodies_named_by_words(
            [slots[i] for i, _ in content])
        kinds = {k.name for k, _, _ in find_kinds(question)}
        # the words that named the body: another body's event only mentions it («…к саммиту: сессия СКБ пройдёт…»)
        body_bits = sum(1 << i for i, _ in content if bodies and _names_body(slots[i], bodies))
        coverage_of: dict[tuple[int, int, bool], float] = {}
        keyed: list[tuple[float, float, int]] = []
        records = ix.records
        for doc, score in scores.items():
            mask, in_fields = masks[doc], fields[doc]
            r = records[doc]
            # a joint meeting counts when the question names several of its bodies, not one of them
            its_body = bool(bodies and r.body_short and (r.body_short in bodies or len(bodies) > 1
                                                         and bodies <= set(r.body_short.split())))
            if body_bits and r.body_short and not its_body:
                in_fields &= ~body_bits  # another body's event: it only mentions the one asked
            coverage = coverage_of.get((mask, in_fields, its_body))
            if coverage is None:
                covered = sum(w * (1.0 if in_fields >> i & 1 else _SOURCE_ONLY) for i, w in content
                              if mask >> i & 1) + given
                coverage = coverage_of[(mask, in_fields, its_body)] = covered / total if total else 0.0
            if its_body:
                score *= 1.5
            if kinds and r.kind in kinds:
                score *= 1.2
            keyed.append((coverage, score, -records[doc].id, doc))
        ranked = [_Ranked(doc, score, coverage) for coverage, score, _, doc in heapq.nlargest(limit, keyed)]
        # rerank near-ties of the top by string similarity of the names (cheap: a handful of records)
        head = ranked[:20]
        if len(head) > 1:
            best = head[0]
            close = [r for r in head if r.coverage >= best.coverage - 1e-9 and r.score >= best.score * 0.9]
            if len(close) > 1:
                close.sort(key=lambda r: (-(r.score + 0.02 * ix.rerank_score(r.doc, question)), records[r.doc].id))
                moved = {r.doc for r in close}
                ranked = close + [r for r in ranked if r.doc not in moved]
        return ranked, total

    def search(self, text: str, limit: int = 10) -> list[EventHit]:
        slots = self.index.slots(text)
        ranked, _ = self._rank(text, slots)
        ranked = [r for r in ranked if r.coverage >= _MIN_SUGGEST]
        return [self._hit(r, ranked[0].score) for r in ranked[:limit]] if ranked else []

    def _hit(self, r: _Ranked, top: float) -> EventHit:
        score = 100.0 * r.coverage * (0.7 + 0.3 * (r.score / top if top else 0.0))
        return EventHit(self.index.records[r.doc].id, round(min(100.0, score), 1))

    # --- answering ---------------------------------------------------------------------------

    def answer(self, question: str, language: str | None = None, today: dt.date | None = None) -> Answer:
        question = question[:MAX_QUESTION_CHARS]  # the bot says so to the user; every caller's cost is bounded
        lang = language or nz.detect_language(question)
        intent = detect_intent(question)
        ix = self.index
        slots = ix.slots(question)
        # dates written in words ("шестого октября две тысячи седьмого года") are read as the digits they spell
        spelled = spell_out_dates(question)
        spans = find_date_spans(spelled.text, today)
        found_places = find_places(_capitalised(question))
        cities = list({p.name: p for p, _, _ in found_places if not p.is_state}.values())
        # "учения в Армении", "drills in Kazakhstan": a state after a locative preposition is where the event was;
        # "делегация Армении", "Armenia's minister" only name a participant
        lower = question.casefold()
        located = list({p.name: p for p, start, _ in found_places if p.is_state and not cities
                        and _LOCATIVE.search(lower[max(0, start - 4):start])}.values())
        content = [s for s in slots if not s.generic and not s.frame]

        only: set[int] | None = None
        if spans:
            only = ix.in_spans(spans)
        if cities:
            at = ix.at_places(c.name for c in cities)
            only = at if only is None else only & at
        elif located:
            at = ix.at_places(s.name for s in located)
            at = at if only is None else only & at
            if at:
                only = at
            else:  # no record placed in that state: the state stays a word to match, not a filter
                located = []

        # «операции «Нелегал-2031»», "Interaction-2031": a named exercise or operation is which event, as a date is
        series = ix.of_series(series_keys(_capitalised(question)))
        if series:
            # it outranks a place or date it disagrees with («учения в Армении» of an operation run everywhere)
            only = (only & series if only is not None else series) or series

        # drop words that only named the date or the place: they were used as filters
        # each distinct word once, each city once: a question repeating "Минск" 400 times costs what one does
        date_words = ((_span_words(spelled.text) | spelled.words | relative_date_words(spelled.text))
                      - purpose_years(spelled.text)) if spans else set()
        words = set(nz.words(question))
        place_words = {w for c in (*cities, *located) for w in words if _is_place_word(w, c.name)}
        # «последнее заседание СМИД», "the next summit": with no date asked, the latest (or the next) of those that
        # answer; the word that asked it is no word to match
        when, when_words = asks_latest_or_next(question) if not spans else (None, set())
        content = [s for s in content if s.word not in date_words and s.word not in place_words
                   and s.word not in when_words]
        slots = [s for s in slots if s.word not in date_words and s.word not in place_words
                 and s.word not in when_words]

        # «саммит СНГ», "NATO summit": another organisation's event; only a record naming it may answer
        others = find_other_organisations(question)
        if not content:
            if not (spans or cities or located):
                return self._refuse(question, lang, intent, ())
            docs = [d for d in _by_date(ix, list(only or ()), spans) if not others or self._names_any(d, others)]
            if len(docs) == 1:
                return self._confident(question, lang, intent, docs[0], slots, 100.0)
            if spans and intent is Intent.summary and 1 < len(docs) <= _MAX_LISTED:
                # "что было 22 ноября 2023?": every event of those dates is the answer, not a guess
                return self._listing(question, lang, intent, docs)
            return self._refuse(question, lang, intent, tuple(EventHit(ix.records[d].id, 50.0) for d in docs[:3]))

        rank_slots = slots
        if intent is Intent.participation:
            # "Did X attend Y?": find Y by its own words; X is checked against Y's participants
            people = [s for s in content if s.terms and all(t in ix.people_terms for t, _ in s.terms)]
            if people and len(people) < len(content):
                rank_slots = [Slot(s.word, s.terms, s.generic, True) if s in people else s for s in slots]
        given = ix.filter_weight(len(only)) if only else 0.0
        ranked, _ = self._rank(question, rank_slots, only, given=given)
        passing = ranked
        if not passing and only is not None:
            ranked, _ = self._rank(question, rank_slots)  # for suggestions outside the dates/places asked
        if passing and passing[0].coverage < _MIN_COVERAGE and only is not None and len(only) <= _DECIDED:
            decided = self._decided_by_filter(passing, rank_slots, only)
            if decided is not None:
                return self._confident(question, lang, intent, decided.doc, slots, self._hit(decided, decided.score).score)
        if not passing or passing[0].coverage < _MIN_COVERAGE:
            suggest = [r for r in (passing or ranked) if r.coverage >= _MIN_SUGGEST][:3]
            top = suggest[0].score if suggest else 0.0
            return self._refuse(question, lang, intent, tuple(self._hit(r, top) for r in suggest))
        best = passing[0]
        if others and not self._names_any(best.doc, others):
            return self._refuse(question, lang, intent, ())
        if when is not None:
            day = today or dt.date.today()
            tied = [r for r in passing if r.coverage >= best.coverage - 1e-9]
            pick = (max((r for r in tied if ix.records[r.doc].date_start <= day),
                        key=lambda r: ix.records[r.doc].date_start, default=None) if when == "latest" else
                    min((r for r in tied if ix.records[r.doc].date_end >= day),
                        key=lambda r: ix.records[r.doc].date_start, default=None))
            if pick is not None and len(tied) > 1:
                return self._confident(question, lang, intent, pick.doc, slots, self._hit(pick, best.score).score)
            # none yet to come («где решили провести следующее заседание…» asks a detail): the usual choice
        if asks_how_often(question):
            # «Сколько раз СМИД собирался в Минске?»: every event that answers as well as the best one, counted
            tied = [r.doc for r in passing if r.coverage >= best.coverage - 1e-9]
            return self._count(question, lang, intent, _by_date(ix, tied))
        rivals = [r for r in passing[1:4] if r.coverage >= best.coverage - 1e-9]
        # "когда прошло заседание?": a kind of event alone does not say which one when several match
        kind_only = all(_is_kind_slot(s) for s in content)
        # the first kind named is what the question is about: «переговоры по учению» are talks
        named_kinds = {k.name for k, _, _ in sorted(find_kinds(question), key=lambda f: f[1])[:1]}
        if rivals and named_kinds and not kind_only:
            # «штабные переговоры по учению X» of the talks and the exercise they prepared: the kind named
            # decides between events the other words tie
            own = [r for r in [best, *rivals] if ix.records[r.doc].kind in named_kinds]
            if len(own) == 1:
                best, rivals = own[0], []
        if rivals and kind_only and only is not None and intent is Intent.summary:
            # "заседания ОДКБ в Бишкеке в 2019 году", "What CSTO meetings took place in September 2008?": a kind of
            # event within the dates or places asked is a list of every such event there, not one guess
            tied = [r.doc for r in passing if r.coverage >= best.coverage - 1e-9]
            if len(tied) <= _MAX_LISTED:
                return self._listing(question, lang, intent, _by_date(ix, tied, spans))
        if rivals and (kind_only or rivals[0].score > best.score * (1 - _MARGIN)):
            top = best.score
            return self._refuse(question, lang, intent, tuple(self._hit(r, top) for r in [best, *rivals][:3]))
        if intent is Intent.participants and asks_for_holder(question) and not self._holds_asked_office(best.doc, slots):
            # «Как зовут министра обороны Кыргызстана…» of an event whose records name no such minister: the
            # event is known, the person is not, and an honest answer says so instead of listing others
            return self._refuse(question, lang, intent, (self._hit(best, best.score),))
        hits = [self._hit(best, best.score)] + [self._hit(r, best.score) for r in passing[1:3]
                                                  if r.coverage >= _MIN_SUGGEST]
        return self._confident(question, lang, intent, best.doc, slots, hits[0].score, tuple(hits))

    def _decided_by_filter(self, ranked: list[_Ranked], slots: list[Slot], only: set[int]) -> _Ranked | None:
        """The event a question's dates or places already decided, when its words name nothing it lacks.

        «К какому юбилею приурочили сессию СКБ 15 мая 2031?»: the dates leave one or two events, the body named
        is this one's, and «юбилею» is the detail asked, not a sign of another event. Any name the event's records
        lack altogether (a person, a state, a body) still refuses; so do words matching none of its own fields.
        A named exercise or operation («Нелегал-2031») decides like a date."""
        ix = self.index
        content = [i for i, s in enumerate(slots) if not s.generic and not s.frame]
        _, masks, fields = ix.score(slots, only)
        own: dict[int, float] = {}
        for doc in only:
            if any(not masks.get(doc, 0) >> i & 1 and (slots[i].proper and not slots[i].verb) for i in content):
                continue  # a name the question gives that this event's records lack altogether
            own[doc] = sum(ix.slot_weight(slots[i]) for i in content if fields.get(doc, 0) >> i & 1)
        best = max(own, key=own.get, default=None)
        if best is None or own[best] <= 0 or sum(1 for w in own.values() if w >= own[best]) > 1:
            return None
        return next((r for r in ranked if r.doc == best), _Ranked(best, 0.0, 0.0))

    def _holds_asked_office(self, doc: int, slots: list[Slot]) -> bool:
        """Whether someone of the record holds the office a question names (a role head, with the state named
        beside it if any): «министра обороны Кыргызстана» needs a participant or chair with both."""
        from storage.search.compose import people_of, slot_hits

        roles = [s for s in slots if any(t in ROLE_HEADS for t in (nz.term(s.word), *s.own_terms))]
        if not roles:
            return True
        states = [s for s in slots if s not in roles and any(p.is_state for p, _, _ in find_places(_capitalised(s.word)))]
        for person in people_of(self.index.records[doc]):
            text = " ".join(x for x in (person.name, person.role, person.organisation) if x)
            if slot_hits(text, roles) and (not states or slot_hits(text, states)):
                return True
        return False

    def _names_any(self, doc: int, organisations: set[str]) -> bool:
        """True when the record's own names (title, body, its sources' titles) or its people («Генеральный
        секретарь ШОС», a delegation of the CIS) name one of the organisations."""
        r = self.index.records[doc]
        people = (x for p in r.participants for x in (p.role, p.organisation) if x)
        own = " ".join(x for x in (r.title, r.body, r.summary, r.chair_role, *people,
                                   *(s.title for s in r.sources)) if x)
        return bool(find_other_organisations(own) & organisations)

    def _listing(self, question: str, lang: str, intent: Intent, docs: list[int]) -> Answer:
        records = [self.index.records[d] for d in docs]
        items = "; ".join(_item(r, lang, with_place=True) for r in records)
        text = (f"The records hold {len(records)} events on those dates: {items}." if lang == "en"
                else f"На эти даты в записях несколько событий ({len(records)}): {items}.")
        hits = tuple(EventHit(r.id, 100.0) for r in records)
        return Answer(question, lang, intent, True, text, hits, (), several=True)

    def _count(self, question: str, lang: str, intent: Intent, docs: list[int]) -> Answer:
        records = [self.index.records[d] for d in docs]
        shown = "; ".join(_item(r, lang) for r in records[:_MAX_LISTED])
        more = len(records) - _MAX_LISTED
        if lang == "en":
            text = f"The records hold {len(records)} such event{'s' if len(records) != 1 else ''}: {shown}" + (
                f"; and {more} more." if more > 0 else ".")
        else:
            text = f"В записях таких событий: {len(records)} — {shown}" + (f"; и ещё {more}." if more > 0 else ".")
        hits = tuple(EventHit(r.id, 100.0) for r in records)
        return Answer(question, lang, intent, True, text, hits, (), several=len(records) > 1)

    def _refuse(self, question: str, lang: str, intent: Intent, hits: tuple[EventHit, ...]) -> Answer:
        return Answer(question, lang, intent, False, "", hits, ())

    def _confident(self, question: str, lang: str, intent: Intent, doc: int, slots: list[Slot], score: float,
                   hits: tuple[EventHit, ...] | None = None) -> Answer:
        from storage.search.compose import compose

        record = self.index.records[doc]
        text, citations = compose(record, intent, slots, lang, self.index.slot_weight, counted_word(question),
                                  states=intent in (Intent.participants, Intent.summary) and asks_for_states(question))
        return Answer(question, lang, intent, True, text, hits or (EventHit(record.id, score),), citations)


def _item(r: EventRecord, lang: str, with_place: bool = False) -> str:
    """One event in a listed answer: «4 мая 2031 г. — Заседание СМИД (Минск)»."""
    from storage.search.compose import event_label

    label = event_label(r)
    place = f" ({r.place})" if with_place and r.place and r.place not in label else ""
    return f"{format_date_range(r.date_start, r.date_end, lang)} — {label}{place}"


def _names_body(slot: Slot, bodies: set[str]) -> bool:
    """The question's word names one of the bodies: its short form («СКБ»), or a word only that body's name has."""
    shorts = {nz.fold(b) for b in bodies}
    return bool(shorts & {nz.fold(t) for t in (slot.word, *slot.own_terms)}) or bool(
        bodies_named_by_words([slot]) & bodies)


@cache
def _kind_lemmas() -> frozenset[str]:
    from storage.lexicon.kinds import KINDS

    return frozenset(t for k in KINDS for phrase in (k.name, *k.triggers) if " " not in phrase
                     for t in nz.index_terms(phrase))


def _is_kind_slot(slot: Slot) -> bool:
    return bool(slot.terms) and all(t in _kind_lemmas() for t, _ in slot.terms)


def _by_date(ix: SearchIndex, docs: list[int], spans=()) -> list[int]:
    """Records in date order; those lying wholly inside a date asked come before those only overlapping it
    ("что было 6 октября": the session of that day before the exercise running through it)."""
    def inside(d: int) -> bool:
        r = ix.records[d]
        return any(hasattr(sp, "start") and sp.start <= r.date_start and r.date_end <= sp.end for sp in spans)

    return sorted(docs, key=lambda d: (not inside(d), ix.records[d].date_start, ix.records[d].id))


def _span_words(question: str) -> set[str]:
    """Words of a question that belong to date expressions (month names, day numbers, years, seasons)."""
    from storage.lexicon.months import month_number

    out = set()
    for w in nz.words(question):
        if w.isdigit() and (len(w) == 4 or len(w) <= 2) or is_season_word(w):
            out.add(w)
        elif month_number(w) is not None and nz.term(w) in {
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
            "ноябрь", "декабрь"} | {"january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"}:
            out.add(w)
    return out


@lru_cache(maxsize=20_000)
def _is_place_word(word: str, place_name: str) -> bool:
    """The word names the place the question filtered by ("минске", "Minsk"); another place it names
    («секретарь совбеза Киргизии» at a meeting in Душанбе) stays a word to match."""
    lemma = nz.term(word)
    return lemma in {nz.term(w) for w in nz.words(place_name)} or any(
        p.name == place_name for p, _, _ in find_places(_capitalised(word)))
