"""Small builders shared by the subscription tests."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import literal, select
from sqlalchemy.dialects.sqlite import insert

from storage.models import Event, Participant, Subscriber, Subscription


def make_event(**fields) -> Event:
    values = dict(date_start=dt.date(2025, 3, 14), date_end=dt.date(2025, 3, 14),
                  title="Заседание Совета министров обороны ОДКБ", body="Совет министров обороны ОДКБ",
                  body_short="СМО", kind="заседание", place="Минск", summary="Министры обсудили учения.")
    values.update(fields)
    return Event(**values)


async def add_event(sessions, people=(), **fields) -> int:
    async with sessions.begin() as session:
        event = make_event(**fields)
        event.participants = [Participant(name=name) for name in people]
        session.add(event)
        await session.flush()
        return event.id


async def add_subscribers(sessions, chat_ids, topic_key: str = "", topic=None) -> None:
    """Thousands of subscribers, inserted directly (as the fan-out tests and bench need)."""
    async with sessions.begin() as session:
        await session.execute(insert(Subscriber), [
            {"chat_id": c, "chat_type": "private", "language": "ru", "is_active": True} for c in chat_ids])
        await session.execute(
            insert(Subscription).from_select(
                ["subscriber_id", "topic", "topic_key", "created_at"],
                select(Subscriber.id, literal(topic), literal(topic_key), Subscriber.created_at)
                .where(Subscriber.chat_id.in_(list(chat_ids)))))
