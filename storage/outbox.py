"""Transactional outbox: delivery rows are written in the same transaction as the event itself.

The ingestion pipeline calls `enqueue_deliveries` for every event it creates or changes, inside the
document's transaction. Either the event and all its delivery rows are committed, or neither is; the
delivery worker only ever reads committed rows, so a crash can neither notify about an event that was
rolled back nor lose the notification of one that was stored.

What is worth a notification: a new event ("created") and the report of an event that so far was only
announced ("reported"). A second source for an already known event ("merged") is not news.
"""
from __future__ import annotations

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Delivery, DeliveryStatus, Event
from storage.subscriptions import event_facets, matching_subscribers, utcnow

NOTIFIED_CHANGES = frozenset({"created", "reported"})
_CHUNK = 500  # rows per INSERT: SQLite's limit on bound parameters


async def enqueue_deliveries(session: AsyncSession, event: Event, change) -> int:
    """Insert one pending delivery per matching active subscriber; returns how many were new.

    `change` is the pipeline's EventChange (a str enum) or its plain value. Unique
    (subscriber, event, change) plus ON CONFLICT DO NOTHING make a repeated call harmless.
    """
    change = getattr(change, "value", change)
    if change not in NOTIFIED_CHANGES:
        return 0
    if event.id is None:
        await session.flush()
    subscriber_ids = await matching_subscribers(session, await event_facets(event))
    now = utcnow()
    connection = await session.connection()
    added = 0
    for start in range(0, len(subscriber_ids), _CHUNK):
        rows = [
            {"subscriber_id": sid, "event_id": event.id, "change": change, "status": DeliveryStatus.pending.value,
             "attempts": 0, "created_at": now, "next_attempt_at": now}
            for sid in subscriber_ids[start:start + _CHUNK]
        ]
        # Core executemany on the session's connection (same transaction); the ORM bulk path is slow
        result = await connection.execute(insert(Delivery.__table__).on_conflict_do_nothing(), rows)
        added += result.rowcount or 0
    return added
