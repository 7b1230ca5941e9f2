"""Write candidates into the store: create an event or merge into the same one, inside the caller's
transaction. Scalar fields are re-resolved from all sources' facts after every merge, so the result
does not depend on the order documents arrive in (a report beats an announcement, Russian beats
English, then the value more sources agree on, then a fixed tie-break)."""
from __future__ import annotations

import datetime as dt
import enum
from collections import Counter

from dataclasses import dataclass, replace

from sqlalchemy import and_, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.ingest.merge import SERIES_SLACK_DAYS, EventView, content_keys, find_same_event, is_duplicate_text
from storage.ingest.extract.people import organisation_of
from storage.ingest.provisional import take_over
from storage.ingest.records import EventCandidate, Person
from storage.lexicon.bodies import body_by_short
from storage.lexicon.kinds import FIELD_EVENTS
from storage.lexicon.translit import name_key
from storage.models import Decision, Document, Event, EventFormat, EventSource, Fact, Participant, Topic


class EventChange(str, enum.Enum):
    created = "created"
    reported = "reported"  # an announced event got its report
    merged = "merged"  # another source for a known event (no new notification)


_EVENT_LOAD = (
    selectinload(Event.participants), selectinload(Event.decisions), selectinload(Event.topics),
    selectinload(Event.sources),
)


def view_of(event: Event) -> EventView:
    keys = content_keys((event.title, event.summary, *(d.text for d in event.decisions), *(t.text for t in event.topics)),
                        event.body_short, event.kind, event.place, (p.name for p in event.participants),
                        (event.series or "").split())
    return EventView(event.id, event.date_start, event.date_end, event.is_announcement, event.body_short,
                     event.kind, event.place, keys)


_VIEW_LOAD = (selectinload(Event.participants), selectinload(Event.decisions), selectinload(Event.topics))


async def nearby_events(session: AsyncSession, c: EventCandidate) -> list[Event]:
    """Events that could be the candidate's, with just what sameness needs (facts load only for the winner)."""
    slack = dt.timedelta(days=SERIES_SLACK_DAYS if c.series else 1)  # a named exercise's stages lie days apart
    lo, hi = c.date_start - slack, c.date_end + slack
    rows = await session.scalars(
        select(Event).where(and_(Event.date_start <= hi, Event.date_end >= lo)).options(*_VIEW_LOAD).order_by(Event.id)
        .execution_options(populate_existing=True))
    return list(rows)


_MAX_OTHER_YEARS = 40


def _in_year(c: EventCandidate, year: int) -> EventCandidate | None:
    """The candidate moved to another year: its dates, its date facts and its item's publication date."""
    def move(d: dt.date) -> dt.date:
        return d.replace(year=d.year + shift)

    shift = year - c.date_start.year
    try:
        facts = tuple(replace(f, value="/".join(move(dt.date.fromisoformat(v)).isoformat() for v in f.value.split("/")))
                      if f.field == "date" else f for f in c.facts)
        published = c.item.published.replace(year=c.item.published.year + shift) if c.item.published else None
        return replace(c, date_start=move(c.date_start), date_end=move(c.date_end), facts=facts,
                       item=replace(c.item, published=published, year_hint=year, other_years=()))
    except ValueError:  # 29 February of a year that has none
        return None


async def _settle_year(session: AsyncSession, c: EventCandidate) -> tuple[EventCandidate, list[Event]]:
    """A yearless wire item whose text supports several years equally ("Президент Назарбаев": 1991–2019) takes
    the one year in which the store already holds the same event on that day; otherwise its guess stands.
    Returns the candidate and the stored events near its dates."""
    here = await nearby_events(session, c)
    years = c.item.other_years[:_MAX_OTHER_YEARS]
    if not years or c.date_start.year != (c.item.published.year if c.item.published else c.item.year_hint):
        return c, here
    if find_same_event([view_of(e) for e in here], c) is not None:
        return c, here
    found: list[tuple[EventCandidate, list[Event]]] = []
    for year in years:
        moved = _in_year(c, year)
        if moved is None:
            continue
        near = await nearby_events(session, moved)
        if near and find_same_event([view_of(e) for e in near], moved) is not None:
            found.append((moved, near))
    return found[0] if len(found) == 1 else (c, here)


async def _series_event(session: AsyncSession, c: EventCandidate) -> Event | None:
    """The one stored event of the year that carries every series the undated candidate names."""
    years = {int(key.rsplit("-", 1)[1]) for key in c.series if key.rsplit("-", 1)[-1].isdigit()}
    if not years:
        return None
    lo, hi = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
    query = select(Event.id, Event.series).where(and_(Event.date_start <= hi, Event.date_end >= lo))
    for key in c.series:
        query = query.where(Event.series.contains(key))
    rows = [(i, set((series or "").split())) for i, series in (await session.execute(query)).all()]
    ids = [i for i, series in rows if set(c.series) <= series]
    return await session.get(Event, ids[0]) if len(ids) == 1 else None


async def store_candidate(session: AsyncSession, document: Document, c: EventCandidate) -> tuple[Event, EventChange]:
    if c.undated and c.series:
        # an item about preparing a named exercise: it joins that exercise once the store knows its days; it
        # gives no days of its own, so its date (the item's) must not stretch the exercise's range
        known = await _series_event(session, c)
        if known is not None:
            c = replace(c, date_start=known.date_start, date_end=known.date_end,
                        facts=tuple(f for f in c.facts if f.field != "date"))
    c, candidates = await _settle_year(session, c)
    same = find_same_event([view_of(e) for e in candidates], c)
    if same is None:
        event = Event(date_start=c.date_start, date_end=c.date_end, title=c.title, is_announcement=c.is_announcement,
                      participants=[], decisions=[], topics=[], sources=[])
        session.add(event)
        change = EventChange.created
        was_announcement = c.is_announcement
    else:
        event = await session.scalar(
            select(Event).where(Event.id == same.id).options(*_EVENT_LOAD).execution_options(populate_existing=True))
        was_announcement = event.is_announcement
        change = EventChange.merged
    # a new event from an item that cannot place it for sure is provisional through its source (provisional.py)
    provisional = same is None
    undated = provisional and c.undated and any(f.field == "date" for f in c.facts)
    other_years = " ".join(map(str, c.item.other_years)) if provisional and c.item.other_years else None
    source = EventSource(document=document, item_index=c.item.index, title=c.item.title, published=c.item.published,
                         language=c.language, is_announcement=c.is_announcement, text=c.item.text,
                         undated=undated, other_years=other_years)
    event.sources.append(source)
    if c.series:
        event.series = " ".join(sorted(set((event.series or "").split()) | set(c.series)))
    new_people = _add_people(event, c)
    await session.flush()
    # new rows go in one executemany per table: the ORM would insert them one by one to read back ids
    for model, rows in ((Participant, [{"event_id": event.id, "name": p.name, "role": p.role, "organisation": p.organisation}
                                       for p in new_people]),
                        ):
        if rows:
            await session.execute(insert(model), rows)
    if c.facts:
        # one executemany: the ORM would insert facts row by row to read back each id
        await session.execute(insert(Fact), [
            {"event_id": event.id, "source_id": source.id, "field": f.field[:30], "value": f.value, "sentence": f.sentence}
            for f in c.facts])
    if change is EventChange.created:
        rows = [FactRow(f.field, f.value, source.id, not c.is_announcement, c.language == "ru") for f in c.facts]
    else:
        rows = await _fact_rows(session, event.id)
    await _resolve(session, event, rows)
    if not (undated or other_years):
        await session.flush()
        if await take_over(session, event):
            # provisional events' sources, evidence and people are this event's now: resolve again from all
            event = await session.scalar(select(Event).where(Event.id == event.id).options(*_EVENT_LOAD)
                                         .execution_options(populate_existing=True))
            await _resolve(session, event, await _fact_rows(session, event.id))
    if change is EventChange.merged and was_announcement and not event.is_announcement:
        change = EventChange.reported
    await session.flush()
    return event, change


async def _resolve(session: AsyncSession, event: Event, rows: list[FactRow]) -> None:
    """Scalars, decisions and topics of the event from all its sources' facts."""
    resolve_fields(event, rows)
    for field, collection, model in (("decision", event.decisions, Decision), ("topic", event.topics, Topic)):
        wanted = canonical_texts(r.value for r in rows if r.field == field)
        for row in [r for r in collection if r.text not in wanted]:
            collection.remove(row)
        have = {r.text for r in collection}
        missing = [t for t in wanted if t not in have]
        if missing:
            await session.flush()
            await session.execute(insert(model), [{"event_id": event.id, "text": t} for t in missing])


@dataclass(frozen=True, slots=True)
class FactRow:
    """A stated value and how much its source counts: reports over announcements, Russian over English."""

    field: str
    value: str
    source_id: int
    is_report: bool
    is_russian: bool


_RESOLVED = ("date", "title", "kind", "place", "venue", "summary", "body", "format",
             "chair", "chair_person", "chair_role", "chair_state", "decision", "topic")


async def _fact_rows(session: AsyncSession, event_id: int) -> list[FactRow]:
    rows = await session.execute(
        select(Fact.field, Fact.value, Fact.source_id, EventSource.is_announcement, EventSource.language)
        .join(EventSource, Fact.source_id == EventSource.id)
        .where(Fact.event_id == event_id, Fact.field.in_(_RESOLVED)))
    return [FactRow(f, v, sid, not ann, lang == "ru") for f, v, sid, ann, lang in rows]


def _is_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in text)


def _add_people(event: Event, c: EventCandidate) -> list[Person]:
    """Update known participants in place (order-independent choices); return the new ones."""
    by_key: dict[str, Participant | Person] = {name_key(p.name): p for p in event.participants}
    new: dict[str, Person] = {}
    for person in c.participants:
        key = name_key(person.name)
        old = by_key.get(key)
        if old is None:
            new[key] = person
            by_key[key] = person
            continue
        if isinstance(old, Person):
            continue  # the extractor already merged mentions within one item
        # Cyrillic spelling, then the fuller role, wins
        if _is_cyrillic(person.name) and (_is_cyrillic(person.name), person.name) > (_is_cyrillic(old.name), old.name):
            old.name = person.name
        if person.role and (not old.role or _role_rank(person.role) > _role_rank(old.role)):
            old.role = person.role
        old.organisation = old.organisation or person.organisation
    return list(new.values())


def _role_rank(role: str) -> tuple:
    # "Генеральный секретарь ОДКБ" beats "Генеральный секретарь Организации": naming the organisation matters most
    return (_is_cyrillic(role), organisation_of(role) is not None, len(role), role)


def canonical_texts(values) -> list[str]:
    """Decisions/topics without fuzzy duplicates, the same whatever order the sources came in:
    the longest wording of each group is kept (greedy over a fixed order of the whole set)."""
    reps: list[str] = []
    for value in sorted(set(values), key=lambda t: (-len(t), t)):
        if not any(is_duplicate_text(r, value) for r in reps):
            reps.append(value)
    return reps


def _best(facts: list[FactRow], field: str) -> FactRow | None:
    options = [f for f in facts if f.field == field]
    if not options:
        return None
    counts = Counter(f.value for f in options)
    return max(options, key=lambda f: (f.is_report, f.is_russian, counts[f.value], f.value))


def _range(value: str) -> tuple[dt.date, dt.date]:
    start, _, end = value.partition("/")
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end or start)


def resolve_fields(event: Event, facts: list[FactRow]) -> None:
    """Every scalar from the best source that states it (order-independent)."""
    event.is_announcement = all(s.is_announcement for s in event.sources)
    date = _best(facts, "date")
    if date is not None:
        event.date_start, event.date_end = _range(date.value)
    kind = _best(facts, "kind")
    if kind is not None and kind.value in FIELD_EVENTS:
        # an exercise or operation is told stage by stage (the start, the main phase, the last day): the
        # event is the whole range its reports and announcements cover
        ranges = [_range(f.value) for f in facts if f.field == "date"]
        event.date_start, event.date_end = min(r[0] for r in ranges), max(r[1] for r in ranges)
    for field in ("title", "kind", "place", "venue", "summary"):
        best = _best(facts, field)
        setattr(event, field, best.value if best else None)
    body = _best(facts, "body")
    found = body_by_short(body.value) if body else None
    event.body, event.body_short = (found.full, found.short) if found else (None, None)
    fmt = _best(facts, "format")
    event.format = EventFormat(fmt.value) if fmt else None
    # chair fields come together from one source, so a person is never paired with another's role
    # a source that names the person who chaired says more than one that names only the chairing state
    with_person = {f.source_id for f in facts if f.field == "chair_person"}
    chair = _best([f for f in facts if f.field != "chair" or not with_person or f.source_id in with_person], "chair")
    if chair is None:
        event.chair_person = event.chair_role = event.chair_state = None
    else:
        same_source = [f for f in facts if f.source_id == chair.source_id]
        for field in ("chair_person", "chair_role", "chair_state"):
            value = next((f.value for f in same_source if f.field == field), None)
            setattr(event, field, value)
        if event.chair_person:
            # another outlet naming the same person may say the role or state this one left out
            same_person = {f.source_id for f in facts if f.field == "chair_person"
                           and name_key(f.value) == name_key(event.chair_person)}
            for field in ("chair_role", "chair_state"):
                if getattr(event, field) is None:
                    value = next((f.value for f in sorted(facts, key=lambda f: (f.source_id, f.value))
                                  if f.field == field and f.source_id in same_person), None)
                    setattr(event, field, value)
    if event.title is None:
        event.title = event.summary or ""
