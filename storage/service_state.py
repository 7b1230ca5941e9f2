"""Times the bot reports in /stats (last ingestion, last feed poll), kept in the `state` table."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Setting

LAST_INGEST = "last_ingest_at"
LAST_FEED_POLL = "last_feed_poll_at"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


async def mark_time(sessions: async_sessionmaker[AsyncSession], key: str) -> None:
    now = _now()
    async with sessions.begin() as session:
        await session.execute(
            insert(Setting).values(key=key, value=now.isoformat(), updated_at=now)
            .on_conflict_do_update(index_elements=["key"], set_={"value": now.isoformat(), "updated_at": now})
        )


async def read_time(session: AsyncSession, key: str) -> dt.datetime | None:
    row = await session.get(Setting, key)
    return dt.datetime.fromisoformat(row.value) if row is not None else None
