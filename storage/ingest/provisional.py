"""Provisional events, taken over by the firm report that arrives later.

Two kinds of item make an event the store cannot yet place for sure: one about preparing a named exercise,
which gives none of its days (its source is `undated`), and a yearless wire item whose text supports several
years equally (its source keeps `other_years`). When they come first, each makes an event of its own; when
a report with firm dates then tells the same event — the same series in that year, or the same body on the
same day of one of those years — it takes their sources, evidence and people, and the provisional event
goes. So the store ends the same whatever order the pages came in.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.ingest.merge import places_clash
from storage.lexicon.translit import name_key
from storage.models import Event, EventSource, Fact, Participant


def _alike(a: Event, b: Event) -> bool:
    """The same gathering on the same day of another year: the same body, or the same kind at the same place."""
    if a.body_short and b.body_short:
        return a.body_short == b.body_short and not (a.place and b.place and places_clash(a.place, b.place))
    return bool(a.kind and a.kind == b.kind and a.place and b.place and not places_clash(a.place, b.place))


async def _provisional(session: AsyncSession, event: Event) -> list[tuple[Event, bool]]:
    """(event, undated) for every provisional event the firm one tells."""
    found: list[tuple[Event, bool]] = []
    series = set((event.series or "").split())
    load = (selectinload(Event.sources), selectinload(Event.participants))
    if series:
        years = {int(k.rsplit("-", 1)[1]) for k in series if k.rsplit("-", 1)[-1].isdigit()}
        if years:
            lo, hi = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
            rows = await session.scalars(
                select(Event).join(EventSource).where(and_(EventSource.undated == True, Event.id != event.id,  # noqa: E712
                                                           Event.date_start <= hi, Event.date_end >= lo))
                .options(*load).distinct())
            for other in rows:
                own = set((other.series or "").split())
                if own and own <= series and all(s.undated for s in other.sources):
                    found.append((other, True))
    year = str(event.date_start.year)
    rows = await session.scalars(
        select(Event).join(EventSource).where(and_(EventSource.other_years.is_not(None), Event.id != event.id,
                                                   EventSource.other_years.contains(year)))
        .options(*load).distinct())
    for other in rows:
        if (other.date_start.month, other.date_start.day) != (event.date_start.month, event.date_start.day):
            continue
        if all(year in (s.other_years or "").split() for s in other.sources) and _alike(other, event):
            found.append((other, False))
    return found


def _moved(value: str, year: int) -> str:
    out = []
    for part in value.split("/"):
        day = dt.date.fromisoformat(part)
        try:
            out.append(day.replace(year=year + (day.year - int(value[:4]))).isoformat())
        except ValueError:
            out.append(part)
    return "/".join(out)


async def take_over(session: AsyncSession, event: Event) -> bool:
    """Move the sources, evidence and people of the provisional events the firm `event` tells into it and
    delete them; True when anything moved (the caller re-resolves the event's fields)."""
    taken = await _provisional(session, event)
    if not taken:
        return False
    # the rows, not the loaded collection: this very store step may have inserted people with Core
    names = list(await session.scalars(select(Participant.name).where(Participant.event_id == event.id)))
    people = {name_key(n) for n in names} | set(names)
    for other, undated in taken:
        ids = [s.id for s in other.sources]
        if undated:  # it gave no days of the event: its date must not stretch the firm one's
            await session.execute(delete(Fact).where(and_(Fact.source_id.in_(ids), Fact.field == "date")))
        else:
            for fact_id, value in (await session.execute(
                    select(Fact.id, Fact.value).where(and_(Fact.source_id.in_(ids), Fact.field == "date")))).all():
                await session.execute(update(Fact).where(Fact.id == fact_id)
                                      .values(value=_moved(value, event.date_start.year)))
            for s in other.sources:
                if s.published is not None:
                    try:
                        published = s.published.replace(year=event.date_start.year)
                    except ValueError:
                        published = s.published
                    await session.execute(update(EventSource).where(EventSource.id == s.id)
                                          .values(published=published))
        await session.execute(update(Fact).where(Fact.source_id.in_(ids)).values(event_id=event.id))
        await session.execute(update(EventSource).where(EventSource.id.in_(ids))
                              .values(event_id=event.id, undated=False, other_years=None))
        fresh = []
        for p in other.participants:
            if name_key(p.name) not in people and p.name not in people:
                fresh.append({"event_id": event.id, "name": p.name, "role": p.role, "organisation": p.organisation})
                people |= {name_key(p.name), p.name}
        if fresh:
            await session.execute(insert(Participant), fresh)
        if other.series:
            event.series = " ".join(sorted(set((event.series or "").split()) | set(other.series.split())))
        await session.execute(delete(Event).where(Event.id == other.id))
        for s in other.sources:
            session.expire(s)
        session.expunge(other)
    return True
