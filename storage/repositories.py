"""Async queries over stored events, every relation loaded eagerly (no lazy loads in async code)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from storage.models import Event, EventSource, Fact
from storage.search.records import EventRecord, record_from_event


def _with_relations(stmt):
    return stmt.options(
        selectinload(Event.participants),
        selectinload(Event.decisions),
        selectinload(Event.topics),
        selectinload(Event.facts).selectinload(Fact.source).selectinload(EventSource.document),
        selectinload(Event.sources).selectinload(EventSource.document),
    )


class EventRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _all(self, stmt) -> list[Event]:
        return list((await self.session.scalars(_with_relations(stmt))).unique().all())

    async def latest(self, limit: int, offset: int = 0) -> list[Event]:
        """Newest first (date_start desc, id desc)."""
        stmt = select(Event).order_by(Event.date_start.desc(), Event.id.desc()).limit(limit).offset(offset)
        return await self._all(stmt)

    async def overlapping(self, start: dt.date, end: dt.date) -> list[Event]:
        """Events whose [date_start, date_end] overlaps [start, end], by date."""
        stmt = (select(Event).where(Event.date_start <= end, Event.date_end >= start)
                .order_by(Event.date_start, Event.id))
        return await self._all(stmt)

    async def nearest_before(self, day: dt.date) -> Event | None:
        stmt = select(Event).where(Event.date_end < day).order_by(Event.date_end.desc(), Event.id.desc()).limit(1)
        found = await self._all(stmt)
        return found[0] if found else None

    async def nearest_after(self, day: dt.date) -> Event | None:
        stmt = select(Event).where(Event.date_start > day).order_by(Event.date_start, Event.id).limit(1)
        found = await self._all(stmt)
        return found[0] if found else None

    async def get(self, event_id: int) -> Event | None:
        found = await self._all(select(Event).where(Event.id == event_id))
        return found[0] if found else None

    async def get_many(self, ids: Sequence[int]) -> list[Event]:
        """The events with these ids, in the given order (unknown ids skipped)."""
        if not ids:
            return []
        found = {e.id: e for e in await self._all(select(Event).where(Event.id.in_(list(ids))))}
        return [found[i] for i in ids if i in found]

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count(Event.id))) or 0)

    async def all(self) -> list[Event]:
        return await self._all(select(Event).order_by(Event.date_start, Event.id))


async def load_records(sessions: async_sessionmaker[AsyncSession]) -> list[EventRecord]:
    """Every stored event as a plain record, for the in-memory search index."""
    async with sessions() as session:
        return [record_from_event(e) for e in await EventRepository(session).all()]


async def store_fingerprint(sessions: async_sessionmaker[AsyncSession]) -> tuple:
    """(count, last id, last update, last source) of the events: changes whenever any process adds, merges
    into or removes an event; one aggregate query over indexed keys, cheap enough to poll every few seconds."""
    async with sessions() as session:
        last_source = select(func.max(EventSource.id)).scalar_subquery()  # a merge adds a source, maybe nothing else
        row = (await session.execute(select(func.count(Event.id), func.max(Event.id), func.max(Event.updated_at),
                                            last_source))).one()
    return tuple(row)
